OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(steel, _pd.DataFrame) and set(steel.columns) == {'India', 'Pakistan', 'Russia'} and (len(steel) == nmc['year'].nunique()) and "
                                               '({2011, 2022} <= {int(y) for y in steel.index}) and (steel.loc[[2011, 2022]] > 0).all().all() and (steel < 10000).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(steel_growth, _pd.Series) and set(steel_growth.index) == {'India', 'Pakistan', 'Russia'} and all((0 < float(v) < 100 and "
                                               'round(float(v), 2) == float(v) for v in steel_growth)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _e = _n[_n['state'].isin(['India', 'Pakistan', 'Russia'])].pivot(index='year', columns='state', values='irst') / 1000\n"
                                               '>>> bool(len(steel) == len(_e) and all((_np.allclose(steel[c].sort_index().to_numpy(dtype=float), _e[c].sort_index().to_numpy(dtype=float)) for c in '
                                               '_e.columns)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _v = {(s, int(y)): float(x) for s, y, x in zip(_n['state'], _n['year'], _n['irst'])}\n"
                                               ">>> bool(all((abs(float(steel_growth[s]) - round(_v[s, 2022] / _v[s, 2011], 2)) < 0.0051 for s in ['India', 'Pakistan', 'Russia'])))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
