OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(kind_counts, _pd.Series) and set(map(str, kind_counts.index)) <= set(KINDS) and (int(kind_counts.sum()) == len(claims))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(opinion_share, _pd.Series) and set(map(str, opinion_share.index)) == set(SECTIONS) and bool(opinion_share.between(0, 100).all()) and '
                                               'bool((opinion_share.round(1) == opinion_share).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = {str(k): int(v) for k, v in _c['kind'].value_counts().items()}\n"
                                               '>>> bool({str(k): int(v) for k, v in kind_counts.items() if int(v) > 0} == _want)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = {s: 100 * float((_c.loc[_c['section'] == s, 'kind'] == 'opinion').mean()) for s in set(_c['section'])}\n"
                                               '>>> bool(len(opinion_share) == len(_want) and all((abs(float(v) - _want[str(k)]) <= 0.05 + 1e-09 for k, v in opinion_share.items())))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
