OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'by_level has type {_type(by_level)}; it should be a pandas DataFrame' if not isinstance(by_level, _pd.DataFrame) else 'by_level should have one "
                                               "row per rank, in the order of LEVELS (use reindex)' if list(by_level.index) != LEVELS else f'by_level has the columns {list(by_level.columns)}; it "
                                               'should have one per direction\' if sorted(by_level.columns) != [\'to Pakistan\', \'to Russia\'] else "by_level\'s counts do not add up to the number '
                                               'of visits: every visit should be counted once" if int(by_level.to_numpy().sum()) != len(visits) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'top_share has type {_type(top_share)}; it should be a pandas Series' if not isinstance(top_share, _pd.Series) else 'top_share should be indexed "
                                               "by direction' if sorted(top_share.index) != ['to Pakistan', 'to Russia'] else 'top_share holds values outside 0-100: give percentages' if not "
                                               'bool(((top_share >= 0) & (top_share <= 100)).all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               ">>> _e = _pd.crosstab(_v['level'], _v['direction']).reindex(['head of state', 'head of government', 'minister', 'military chief'], fill_value=0)\n"
                                               '>>> bool(list(by_level.index) == list(_e.index) and all(((by_level[c].to_numpy(dtype=int) == _e[c].to_numpy(dtype=int)).all() for c in _e.columns)))\n'
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
                                               ">>> _e = (_v['level'].isin(_top).groupby(_v['direction']).mean() * 100).round(1)\n"
                                               '>>> bool(sorted(top_share.index) == sorted(_e.index) and all((abs(float(top_share[d]) - float(_e[d])) <= 0.051 for d in _e.index)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
