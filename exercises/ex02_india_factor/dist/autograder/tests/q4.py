OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'agree_excl has type {_type(agree_excl)}; it should be a pandas DataFrame' if not isinstance(agree_excl, _pd.DataFrame) else f'agree_excl has the "
                                               "columns {list(agree_excl.columns)}; it should have exactly India and Pakistan' if sorted(agree_excl.columns) != ['India', 'Pakistan'] else 'agree_excl "
                                               "should be indexed by year, 1992 to 2019, in order' if [int(y) for y in agree_excl.index] != list(range(1992, 2020)) else 'agree_excl holds values "
                                               "outside 0-100: give percentages' if not bool(((agree_excl >= 0) & (agree_excl <= 100)).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'n_flips has type {_type(n_flips)}; it should be a Python int, e.g. int(...)' if not isinstance(n_flips, int) or isinstance(n_flips, bool) else "
                                               "f'n_flips is {n_flips}: it counts years of 1992-2019, so it lies between 0 and 28' if not 0 <= n_flips <= 28 else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> _excl = lambda c: (lambda _p: ((_p['Russia'] == _p[c]).astype(float).groupby(_p['year']).mean() * 100).round(1))(_w[['year', 'Russia', "
                                               'c]].dropna().query(f"Russia != \'abstain\' and `{c}` != \'abstain\'"))\n'
                                               ">>> _x = _pd.DataFrame({c: _excl(c) for c in ['India', 'Pakistan']})\n"
                                               '>>> bool([int(y) for y in agree_excl.index] == [int(y) for y in _x.index] and all(((abs(agree_excl[c].to_numpy(dtype=float) - '
                                               "_x[c].to_numpy(dtype=float)) <= 0.11).all() for c in ['India', 'Pakistan'])))\n"
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
                                               ">>> _excl = lambda c: (lambda _p: ((_p['Russia'] == _p[c]).astype(float).groupby(_p['year']).mean() * 100).round(1))(_w[['year', 'Russia', "
                                               'c]].dropna().query(f"Russia != \'abstain\' and `{c}` != \'abstain\'"))\n'
                                               ">>> _x = _pd.DataFrame({c: _excl(c) for c in ['India', 'Pakistan']})\n"
                                               ">>> bool(n_flips == int(((_a['Pakistan'] - _a['India']) * (_x['Pakistan'] - _x['India']) < 0).sum()))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
