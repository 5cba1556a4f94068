OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'steel has type {_type(steel)}; it should be a pandas DataFrame' if not isinstance(steel, _pd.DataFrame) else f'steel has the columns "
                                               "{list(steel.columns)}; it should have India, Pakistan and Russia' if set(steel.columns) != {'India', 'Pakistan', 'Russia'} else 'steel should have one "
                                               "row per year of nmc, indexed by year' if len(steel) != nmc['year'].nunique() or not {2011, 2022} <= {int(y) for y in steel.index} else 'steel holds "
                                               "values that are not positive in 2011 and 2022, or are implausibly large' if not bool((steel.loc[[2011, 2022]] > 0).all().all() and (steel < "
                                               '10000).all().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'steel_growth has type {_type(steel_growth)}; it should be a pandas Series' if not isinstance(steel_growth, _pd.Series) else 'steel_growth should "
                                               "be indexed by India, Pakistan and Russia' if set(steel_growth.index) != {'India', 'Pakistan', 'Russia'} else 'steel_growth holds implausible values' "
                                               "if not all((0 < float(v) < 100 for v in steel_growth)) else 'steel_growth is not rounded to two decimal places' if not all((round(float(v), 2) == "
                                               'float(v) for v in steel_growth)) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _e = _n[_n['state'].isin(['India', 'Pakistan', 'Russia'])].pivot(index='year', columns='state', values='irst') / 1000\n"
                                               '>>> bool(len(steel) == len(_e) and all((_np.allclose(steel[c].sort_index().to_numpy(dtype=float), _e[c].sort_index().to_numpy(dtype=float)) for c in '
                                               '_e.columns)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
