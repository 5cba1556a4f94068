OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(agree_excl, _pd.DataFrame) and sorted(agree_excl.columns) == ['India', 'Pakistan'] and ([int(y) for y in agree_excl.index] == "
                                               'list(range(1992, 2020))) and bool(((agree_excl >= 0) & (agree_excl <= 100)).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> isinstance(n_flips, int) and (not isinstance(n_flips, bool)) and (0 <= n_flips <= 28)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit import data as _data\n'
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
                                               '>>> from coursekit import data as _data\n'
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
