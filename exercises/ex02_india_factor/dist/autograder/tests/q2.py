OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'agree has type {_type(agree)}; it should be a pandas DataFrame' if not isinstance(agree, _pd.DataFrame) else f'agree has the columns "
                                               "{list(agree.columns)}; it should have exactly India and Pakistan' if sorted(agree.columns) != ['India', 'Pakistan'] else 'agree should be indexed by "
                                               "year, 1992 to 2019, in order' if [int(y) for y in agree.index] != list(range(1992, 2020)) else 'agree holds values outside 0-100: give percentages, "
                                               "not shares of 1' if not bool(((agree >= 0) & (agree <= 100)).all().all()) else 'agree is not rounded to one decimal place: use .round(1)' if not "
                                               'bool(((agree - agree.round(1)).abs() < 1e-09).all().all()) else None\n',
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
                                               ">>> bool([int(y) for y in agree.index] == [int(y) for y in _a.index] and (abs(agree['India'].to_numpy(dtype=float) - "
                                               "_a['India'].to_numpy(dtype=float)) <= 0.11).all())\n"
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
                                               ">>> bool([int(y) for y in agree.index] == [int(y) for y in _a.index] and (abs(agree['Pakistan'].to_numpy(dtype=float) - "
                                               "_a['Pakistan'].to_numpy(dtype=float)) <= 0.11).all())\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
