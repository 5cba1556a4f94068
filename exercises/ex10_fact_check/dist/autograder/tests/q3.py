OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(both, _pd.DataFrame) and 'text' in both.columns and (set(both['text']) == {'article', 'comment'}) and (len(both) == len(claims) + "
                                               'len(comment)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(assessed_pct, _pd.Series) and set(assessed_pct.index) == {'article', 'comment'} and all((0 <= float(x) <= 100 for x in "
                                               'assessed_pct)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _a = _data.load('claims')\n"
                                               ">>> _k = _data.load('comment_claims')\n"
                                               ">>> _got = sorted(zip(both['text'].astype(str), both['id'].astype(str)))\n"
                                               ">>> bool(_got == sorted([('article', i) for i in _a['id']] + [('comment', i) for i in _k['id']]))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _ok = {'supported', 'partly', 'contradicted'}\n"
                                               '>>> _e = {}\n'
                                               ">>> for _name, _t in (('article', _data.load('claims')), ('comment', _data.load('comment_claims'))):\n"
                                               "...     _e[_name] = round(100 * sum((v in _ok for v in _t['verdict'])) / len(_t), 1)\n"
                                               '>>> bool(all((abs(float(assessed_pct[k]) - _e[k]) < 1e-09 for k in _e)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
