OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n>>> bool(isinstance(yoy, _pd.Series) and [int(y) for y in yoy.index] == list(range(1993, 2015)) and yoy.notna().all())\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(cagr, _pd.Series) and set(cagr.index) == {'flow1', 'flow2', 'bilateral'} and all((-100 < float(v) < 1000 and round(float(v), 1) == "
                                               'float(v) for v in cagr)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan')].set_index('year').sort_index()\n"
                                               ">>> _b = (_p['flow1'] + _p['flow2']).astype(float)\n"
                                               '>>> _e = (_b.pct_change() * 100).dropna()\n'
                                               '>>> bool(len(yoy) == len(_e) and _np.allclose(yoy.sort_index().to_numpy(dtype=float), _e.to_numpy(), atol=0.051))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
