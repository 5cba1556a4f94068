OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'rp has type {_type(rp)}; it should be a pandas DataFrame' if not isinstance(rp, _pd.DataFrame) else 'rp should have (at least) the columns year, "
                                               "bilateral, russia_total and share' if not {'year', 'bilateral', 'russia_total', 'share'} <= set(rp.columns) else 'rp should have one row per year from "
                                               '1992 to 2014, in order\' if [int(y) for y in rp[\'year\']] != list(range(1992, 2015)) else "rp[\'share\'] should be a percentage between 0 and 100" if '
                                               "not bool(((rp['share'] > 0) & (rp['share'] < 100)).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pak_share_2011 has type {_type(pak_share_2011)}; it should be a Python float rounded to 3 decimal places, e.g. round(float(...), 3)' if not "
                                               "isinstance(pak_share_2011, float) else f'pak_share_2011 is {pak_share_2011!r}: a percentage lies between 0 and 100' if not 0 < pak_share_2011 < 100 "
                                               "else f'pak_share_2011 is {pak_share_2011!r}: round it to 3 decimal places with round(..., 3)' if round(pak_share_2011, 3) != pak_share_2011 else "
                                               'None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _t = _data.load('cow_trade_totals')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan')].set_index('year').sort_index()\n"
                                               ">>> _r = _t[_t['state'] == 'Russia'].set_index('year')\n"
                                               ">>> _bil = (_p['flow1'] + _p['flow2']).to_numpy(dtype=float)\n"
                                               ">>> _tot = (_r['imports'] + _r['exports']).loc[_p.index].to_numpy(dtype=float)\n"
                                               ">>> _s = rp.sort_values('year')\n"
                                               ">>> bool(len(_s) == len(_bil) and _np.allclose(_s['bilateral'].to_numpy(dtype=float), _bil) and _np.allclose(_s['russia_total'].to_numpy(dtype=float), "
                                               "_tot) and _np.allclose(_s['share'].to_numpy(dtype=float), 100 * _bil / _tot))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _t = _data.load('cow_trade_totals')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan') & (_d['year'] == 2011)]\n"
                                               ">>> _r = _t[(_t['state'] == 'Russia') & (_t['year'] == 2011)]\n"
                                               ">>> _x = float((_p['flow1'] + _p['flow2']).iloc[0]) / float((_r['imports'] + _r['exports']).iloc[0]) * 100\n"
                                               '>>> bool(abs(pak_share_2011 - round(_x, 3)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
