OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'shares has type {_type(shares)}; it should be a pandas DataFrame' if not isinstance(shares, _pd.DataFrame) else 'shares should have the columns "
                                               "India and Pakistan' if not {'India', 'Pakistan'} <= {str(c) for c in shares.columns} else f'shares has {len(shares)} rows; it should have one per year "
                                               'from 1992 to 2014\' if len(shares) != 23 else "shares should hold percentages of Russia\'s total trade (between 0 and 100)" if not all((0 < float(x) < '
                                               "100 for x in shares['Pakistan'])) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pk_peak has type {_type(pk_peak)}; it should be a tuple' if not isinstance(pk_peak, tuple) else f'pk_peak has {len(pk_peak)} items; it should "
                                               "have two, (year, share)' if len(pk_peak) != 2 else f'pk_peak holds a {_type(pk_peak[0])} and a {_type(pk_peak[1])}; it should hold an int (the year) "
                                               "and a float (the share)' if not isinstance(pk_peak[0], int) or not isinstance(pk_peak[1], float) else 'pk_peak should be (year, share): a year of "
                                               "1992-2014 first, then a percentage' if not 1992 <= pk_peak[0] <= 2014 or not 0 < pk_peak[1] < 100 else 'the share in pk_peak is not rounded to three "
                                               "decimal places' if round(pk_peak[1], 3) != pk_peak[1] else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'n_years_03 has type {_type(n_years_03)}; it should be a Python int, e.g. int(...)' if not isinstance(n_years_03, int) or isinstance(n_years_03, "
                                               "bool) else f'n_years_03 is {n_years_03}: it counts years of 1992-2014, so it lies between 0 and 23' if not 0 <= n_years_03 <= 23 else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
