OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(yoy, _pd.Series) and [int(y) for y in yoy.index] == list(range(1992, 2020)) and bool(_pd.isna(yoy.iloc[0])) and (int(yoy.isna().sum()) '
                                               '== 1)\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(biggest_drop_year, int) and (not isinstance(biggest_drop_year, bool)) and (1993 <= biggest_drop_year <= 2019)\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> _ident = lambda c: (lambda _p: ((_p['Russia'] == _p[c]).astype(float).groupby(_p['year']).mean() * 100).round(1))(_w[['year', 'Russia', "
                                               'c]].dropna())\n'
                                               ">>> _a = _pd.DataFrame({c: _ident(c) for c in ['India', 'Pakistan']})\n"
                                               '>>> import numpy as _np\n'
                                               ">>> bool(_np.allclose(yoy.to_numpy(dtype=float, na_value=_np.nan), _a['Pakistan'].diff().to_numpy(dtype=float), atol=0.25, equal_nan=True))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> _ident = lambda c: (lambda _p: ((_p['Russia'] == _p[c]).astype(float).groupby(_p['year']).mean() * 100).round(1))(_w[['year', 'Russia', "
                                               'c]].dropna())\n'
                                               ">>> _a = _pd.DataFrame({c: _ident(c) for c in ['India', 'Pakistan']})\n"
                                               ">>> bool(biggest_drop_year == int(_a['Pakistan'].diff().idxmin()))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
