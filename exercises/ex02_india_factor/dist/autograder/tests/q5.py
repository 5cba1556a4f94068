OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'yoy has type {_type(yoy)}; it should be a pandas Series' if not isinstance(yoy, _pd.Series) else 'yoy should be indexed by year, 1992 to 2019' "
                                               "if [int(y) for y in yoy.index] != list(range(1992, 2020)) else 'yoy should be missing only its first value, 1992, which has no previous year' if not "
                                               'bool(_pd.isna(yoy.iloc[0])) or int(yoy.isna().sum()) != 1 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'biggest_drop_year has type {_type(biggest_drop_year)}; it should be a Python int, e.g. int(...)' if not isinstance(biggest_drop_year, int) or "
                                               "isinstance(biggest_drop_year, bool) else f'biggest_drop_year is {biggest_drop_year}: a change from the year before exists only for 1993-2019; store "
                                               "the year, not the change' if not 1993 <= biggest_drop_year <= 2019 else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
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
                                               '>>> from coursekit.runtime import data as _data\n'
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
