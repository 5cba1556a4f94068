OK_FORMAT = True

test = {   'name': 'q6',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(by_issue, _pd.DataFrame) and sorted(by_issue.columns) == ['India', 'Pakistan'] and (len(by_issue) == issues['issue'].nunique()) and "
                                               'bool(((by_issue >= 0) & (by_issue <= 100)).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': ">>> isinstance(widest_issue, str) and widest_issue in set(issues['issue'])\nTrue", 'hidden': False, 'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit import data as _data\n'
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
                                               '>>> from coursekit import data as _data\n'
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
