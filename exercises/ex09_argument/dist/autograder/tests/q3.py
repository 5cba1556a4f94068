OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> isinstance(share_checkable, float) and 0 <= share_checkable <= 100 and (round(share_checkable, 1) == share_checkable)\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(checkable_by_role, _pd.Series) and set(map(str, checkable_by_role.index)) == set(ROLES) and bool(checkable_by_role.between(0, '
                                               '100).all()) and bool((checkable_by_role.round(1) == checkable_by_role).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> bool(abs(share_checkable - 100 * int(_c['checkable'].sum()) / len(_c)) <= 0.05 + 1e-09)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = {r: 100 * int(_c.loc[_c['role'] == r, 'checkable'].sum()) / int((_c['role'] == r).sum()) for r in set(_c['role'])}\n"
                                               '>>> bool(len(checkable_by_role) == len(_want) and all((abs(float(v) - _want[str(k)]) <= 0.05 + 1e-09 for k, v in checkable_by_role.items())))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
