OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(shares, _pd.DataFrame) and {'Pakistan', 'India'} <= set(shares.columns) and ([int(y) for y in shares.index] == list(range(1992, "
                                               "2015))) and ((shares[['Pakistan', 'India']] > 0) & (shares[['Pakistan', 'India']] < 100)).all().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(india_pak_ratio_2011, float) and india_pak_ratio_2011 > 0 and (round(india_pak_ratio_2011, 1) == india_pak_ratio_2011))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import numpy as _np\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _t = _data.load('cow_trade_totals')\n"
                                               ">>> _r = _t[_t['state'] == 'Russia'].set_index('year')\n"
                                               ">>> _tot = (_r['imports'] + _r['exports']).astype(float)\n"
                                               '>>> _ok = True\n'
                                               ">>> for _c in ['Pakistan', 'India']:\n"
                                               "...     _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == _c)].set_index('year').sort_index()\n"
                                               "...     _e = ((_p['flow1'] + _p['flow2']).astype(float) / _tot.loc[_p.index] * 100).to_numpy()\n"
                                               '...     _ok = _ok and len(shares) == len(_e) and _np.allclose(shares[_c].sort_index().to_numpy(dtype=float), _e)\n'
                                               '>>> bool(_ok)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _y = _d[(_d['state1'] == 'Russia') & (_d['year'] == 2011)].set_index('state2')\n"
                                               ">>> _b = (_y['flow1'] + _y['flow2']).astype(float)\n"
                                               ">>> bool(abs(india_pak_ratio_2011 - round(_b['India'] / _b['Pakistan'], 1)) < 0.051)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
