OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'share_checkable has type {_type(share_checkable)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(share_checkable, float) else f'share_checkable is {share_checkable!r}: a percentage lies between 0 and 100 (multiply a share of 1 by 100)' "
                                               "if not 0 <= share_checkable <= 100 else f'share_checkable is {share_checkable!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(share_checkable, 1) != share_checkable else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'checkable_by_role has type {_type(checkable_by_role)}; it should be a pandas Series' if not isinstance(checkable_by_role, _pd.Series) else "
                                               "'checkable_by_role should be indexed by role, every role of ROLES once' if set(map(str, checkable_by_role.index)) != set(ROLES) else "
                                               "'checkable_by_role should hold percentages between 0 and 100' if not bool(checkable_by_role.between(0, 100).all()) else 'checkable_by_role is not "
                                               "rounded to one decimal place' if not bool((checkable_by_role.round(1) == checkable_by_role).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> bool(abs(share_checkable - 100 * int(_c['checkable'].sum()) / len(_c)) <= 0.05 + 1e-09)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
