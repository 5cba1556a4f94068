OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'smooth has type {_type(smooth)}; it should be a pandas DataFrame' if not isinstance(smooth, _pd.DataFrame) else 'smooth should have the same "
                                               "index and columns as agree' if sorted(smooth.columns) != ['India', 'Pakistan'] or len(smooth) != len(agree) else 'smooth should be missing exactly two "
                                               "values per column, for the first and last year: use a centred window of three years' if int(smooth['India'].isna().sum()) != 2 else None\n",
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
                                               '>>> _s = _a.rolling(3, center=True).mean()\n'
                                               '>>> bool([int(y) for y in smooth.index] == [int(y) for y in _s.index] and all((_np.allclose(smooth[c].to_numpy(dtype=float, na_value=_np.nan), '
                                               "_s[c].to_numpy(dtype=float), atol=0.11, equal_nan=True) for c in ['India', 'Pakistan'])))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
