OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'shares has type {_type(shares)}; it should be a pandas DataFrame' if not isinstance(shares, _pd.DataFrame) else 'shares should have the columns "
                                               "Pakistan and India' if not {'Pakistan', 'India'} <= set(shares.columns) else 'shares should be indexed by year, 1992 to 2014' if [int(y) for y in "
                                               "shares.index] != list(range(1992, 2015)) else 'shares should hold percentages between 0 and 100' if not bool(((shares[['Pakistan', 'India']] > 0) & "
                                               "(shares[['Pakistan', 'India']] < 100)).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'india_pak_ratio_2011 has type {_type(india_pak_ratio_2011)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' "
                                               "if not isinstance(india_pak_ratio_2011, float) else f'india_pak_ratio_2011 is {india_pak_ratio_2011!r}: a ratio of two shares is positive' if not "
                                               "india_pak_ratio_2011 > 0 else f'india_pak_ratio_2011 is {india_pak_ratio_2011!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(india_pak_ratio_2011, 1) != india_pak_ratio_2011 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
