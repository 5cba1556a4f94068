OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(rp, _pd.DataFrame) and {'year', 'bilateral', 'russia_total', 'share'} <= set(rp.columns) and ([int(y) for y in rp['year']] == "
                                               "list(range(1992, 2015))) and ((rp['share'] > 0) & (rp['share'] < 100)).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(pak_share_2011, float) and 0 < pak_share_2011 < 100 and (round(pak_share_2011, 3) == pak_share_2011))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
                                   {   'code': '>>> from coursekit import data as _data\n'
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
