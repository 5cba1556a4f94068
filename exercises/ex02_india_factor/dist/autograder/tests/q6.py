OK_FORMAT = True

test = {   'name': 'q6',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'by_issue has type {_type(by_issue)}; it should be a pandas DataFrame' if not isinstance(by_issue, _pd.DataFrame) else f'by_issue has the columns "
                                               "{list(by_issue.columns)}; it should have exactly India and Pakistan' if sorted(by_issue.columns) != ['India', 'Pakistan'] else f'by_issue has "
                                               "{len(by_issue)} rows; it should have one per issue of issues' if len(by_issue) != issues['issue'].nunique() else 'by_issue holds values outside 0-100: "
                                               "give percentages' if not bool(((by_issue >= 0) & (by_issue <= 100)).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'widest_issue has type {_type(widest_issue)}; it should be a str' if not isinstance(widest_issue, str) else f'widest_issue is {widest_issue!r}, "
                                               "which is not one of the issue names of issues' if widest_issue not in set(issues['issue']) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> _t = _data.load('unga_roll_call_issues').set_index('rcid')['issue']\n"
                                               ">>> _byi = lambda c: (lambda _p: ((_p['Russia'] == _p[c]).astype(float).groupby(_p['issue']).mean() * 100).round(1))(_w[['Russia', "
                                               "c]].dropna().join(_t, how='inner'))\n"
                                               ">>> _e = {c: _byi(c) for c in ['India', 'Pakistan']}\n"
                                               ">>> bool(sorted(by_issue.index) == sorted(_e['India'].index) and all((abs(float(by_issue.loc[i, c]) - float(_e[c][i])) <= 0.11 for c in _e for i in "
                                               '_e[c].index)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> _t = _data.load('unga_roll_call_issues').set_index('rcid')['issue']\n"
                                               ">>> _byi = lambda c: (lambda _p: ((_p['Russia'] == _p[c]).astype(float).groupby(_p['issue']).mean() * 100).round(1))(_w[['Russia', "
                                               "c]].dropna().join(_t, how='inner'))\n"
                                               ">>> bool(widest_issue == (_byi('Pakistan') - _byi('India')).idxmax())\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
