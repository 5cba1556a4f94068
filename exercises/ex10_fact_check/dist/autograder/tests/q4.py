OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(shares, _pd.DataFrame) and {'India', 'Pakistan'} <= {str(c) for c in shares.columns} and (len(shares) == 23) and all((0 < float(x) "
                                               "< 100 for x in shares['Pakistan'])))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(pk_peak, tuple) and len(pk_peak) == 2 and isinstance(pk_peak[0], int) and isinstance(pk_peak[1], float) and (1992 <= pk_peak[0] <= '
                                               '2014) and (0 < pk_peak[1] < 100) and (round(pk_peak[1], 3) == pk_peak[1]))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> bool(isinstance(n_years_03, int) and (not isinstance(n_years_03, bool)) and (0 <= n_years_03 <= 23))\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _t = _data.load('cow_trade_totals')\n"
                                               ">>> _tot = {int(y): float(i + e) for s, y, i, e in zip(_t['state'], _t['year'], _t['imports'], _t['exports']) if s == 'Russia'}\n"
                                               ">>> _e = {(str(p), int(y)): 100 * float(f1 + f2) / _tot[int(y)] for s, p, y, f1, f2 in zip(_d['state1'], _d['state2'], _d['year'], _d['flow1'], "
                                               "_d['flow2']) if s == 'Russia' and p in ('India', 'Pakistan')}\n"
                                               '>>> _years = sorted({y for _, y in _e})\n'
                                               '>>> _idx = [int(y) for y in shares.index]\n'
                                               '>>> bool(sorted(_idx) == _years and all((_np.isclose(float(shares[p].iloc[_idx.index(y)]), v, rtol=1e-09, atol=1e-12) for (p, y), v in _e.items())))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _t = _data.load('cow_trade_totals')\n"
                                               ">>> _tot = {int(y): float(i + e) for s, y, i, e in zip(_t['state'], _t['year'], _t['imports'], _t['exports']) if s == 'Russia'}\n"
                                               ">>> _pk = {int(y): 100 * float(f1 + f2) / _tot[int(y)] for s, p, y, f1, f2 in zip(_d['state1'], _d['state2'], _d['year'], _d['flow1'], _d['flow2']) if "
                                               "s == 'Russia' and p == 'Pakistan'}\n"
                                               '>>> _best = max(_pk, key=_pk.get)\n'
                                               '>>> bool(pk_peak[0] == _best and abs(pk_peak[1] - round(_pk[_best], 3)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _t = _data.load('cow_trade_totals')\n"
                                               ">>> _tot = {int(y): float(i + e) for s, y, i, e in zip(_t['state'], _t['year'], _t['imports'], _t['exports']) if s == 'Russia'}\n"
                                               ">>> _n = sum((100 * float(f1 + f2) / _tot[int(y)] >= 0.3 for s, p, y, f1, f2 in zip(_d['state1'], _d['state2'], _d['year'], _d['flow1'], _d['flow2']) "
                                               "if s == 'Russia' and p == 'Pakistan'))\n"
                                               '>>> bool(n_years_03 == _n)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
