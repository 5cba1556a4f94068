OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'yoy has type {_type(yoy)}; it should be a pandas Series' if not isinstance(yoy, _pd.Series) else 'yoy should be indexed by year, 1993 to 2014 "
                                               "(drop the first year, which has no previous one)' if [int(y) for y in yoy.index] != list(range(1993, 2015)) else 'yoy has missing values' if not "
                                               'bool(yoy.notna().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cagr has type {_type(cagr)}; it should be a pandas Series' if not isinstance(cagr, _pd.Series) else 'cagr should be indexed by flow1, flow2 and "
                                               "bilateral' if set(cagr.index) != {'flow1', 'flow2', 'bilateral'} else 'cagr holds implausible rates: give yearly growth in percent' if not all((-100 < "
                                               "float(v) < 1000 for v in cagr)) else 'cagr is not rounded to one decimal place' if not all((round(float(v), 1) == float(v) for v in cagr)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan')].set_index('year').sort_index()\n"
                                               ">>> _b = (_p['flow1'] + _p['flow2']).astype(float)\n"
                                               '>>> _e = (_b.pct_change() * 100).dropna()\n'
                                               '>>> bool(len(yoy) == len(_e) and _np.allclose(yoy.sort_index().to_numpy(dtype=float), _e.to_numpy(), atol=0.051))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan')].set_index('year')\n"
                                               ">>> _f = {'flow1': _p['flow1'].astype(float), 'flow2': _p['flow2'].astype(float)}\n"
                                               ">>> _f['bilateral'] = _f['flow1'] + _f['flow2']\n"
                                               '>>> _e = {k: round(100 * ((v[2014] / v[2004]) ** 0.1 - 1), 1) for k, v in _f.items()}\n'
                                               '>>> bool(all((abs(float(cagr[k]) - _e[k]) < 0.051 for k in _e)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
