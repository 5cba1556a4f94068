OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gaps has type {_type(gaps)}; it should be a pandas Series' if not isinstance(gaps, _pd.Series) else 'gaps should be indexed by visit id, one "
                                               'entry per row of visits\' if sorted(gaps.index) != sorted(visits[\'id\']) else "gaps should be missing once per direction (each direction\'s first '
                                               'visit): compute the gaps within each direction" if int(gaps.isna().sum()) != visits[\'direction\'].nunique() else \'gaps has negative values: sort the '
                                               "visits by date before taking differences' if not bool((gaps.dropna() >= 0).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'longest_gap has type {_type(longest_gap)}; it should be a pandas Series' if not isinstance(longest_gap, _pd.Series) else 'longest_gap should be "
                                               "indexed by direction' if sorted(longest_gap.index) != ['to Pakistan', 'to Russia'] else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               ">>> _g = _pd.Series((_v.groupby('direction')['date'].diff().dt.days / 365.25).round(1).to_numpy(), index=list(_v['id']))\n"
                                               '>>> bool(sorted(gaps.index) == sorted(_g.index) and _np.allclose(_pd.Series(gaps.to_numpy(dtype=float, na_value=_np.nan), '
                                               'index=list(gaps.index)).reindex(_g.index).to_numpy(), _g.to_numpy(dtype=float), atol=0.051, equal_nan=True))\n'
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
                                               ">>> _m = (_v.groupby('direction')['date'].diff().dt.days / 365.25).round(1).groupby(_v['direction']).max()\n"
                                               '>>> bool(sorted(longest_gap.index) == sorted(_m.index) and all((abs(float(longest_gap[d]) - float(_m[d])) <= 0.051 for d in _m.index)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
