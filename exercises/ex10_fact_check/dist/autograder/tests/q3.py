OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               '>>> f\'both has type {_type(both)}; it should be a pandas DataFrame\' if not isinstance(both, _pd.DataFrame) else "both should have a column text '
                                               'whose values are \'article\' and \'comment\'" if \'text\' not in both.columns or set(both[\'text\']) != {\'article\', \'comment\'} else f\'both has '
                                               "{len(both)} rows; it should hold every row of claims and of comment' if len(both) != len(claims) + len(comment) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               '>>> f\'assessed_pct has type {_type(assessed_pct)}; it should be a pandas Series\' if not isinstance(assessed_pct, _pd.Series) else "assessed_pct '
                                               'should be indexed by \'article\' and \'comment\'" if set(assessed_pct.index) != {\'article\', \'comment\'} else \'assessed_pct should hold percentages '
                                               "between 0 and 100' if not all((0 <= float(x) <= 100 for x in assessed_pct)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _a = _data.load('claims')\n"
                                               ">>> _k = _data.load('comment_claims')\n"
                                               ">>> _got = sorted(zip(both['text'].astype(str), both['id'].astype(str)))\n"
                                               ">>> bool(_got == sorted([('article', i) for i in _a['id']] + [('comment', i) for i in _k['id']]))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
