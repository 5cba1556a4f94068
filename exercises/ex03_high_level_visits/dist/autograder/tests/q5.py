OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cumulative has type {_type(cumulative)}; it should be a pandas DataFrame' if not isinstance(cumulative, _pd.DataFrame) else f'cumulative has the "
                                               "columns {list(cumulative.columns)}; it should have one per direction' if sorted(cumulative.columns) != ['to Pakistan', 'to Russia'] else 'cumulative "
                                               "should be indexed by every year from 1965 to 2025, years without a visit included (reindex)' if [int(y) for y in cumulative.index] != list(range(1965, "
                                               '2026)) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               ">>> _c = _pd.crosstab(_v['date'].dt.year, _v['direction']).reindex(range(1965, 2026), fill_value=0).cumsum()\n"
                                               '>>> bool([int(y) for y in cumulative.index] == list(_c.index) and all(((cumulative[c].to_numpy(dtype=int) == _c[c].to_numpy(dtype=int)).all() for c in '
                                               '_c.columns)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               ">>> bool(all((int(cumulative[c].iloc[-1]) == int((_v['direction'] == c).sum()) for c in ['to Pakistan', 'to Russia'])) and "
                                               "all((bool((cumulative[c].diff().dropna() >= 0).all()) for c in ['to Pakistan', 'to Russia'])))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
