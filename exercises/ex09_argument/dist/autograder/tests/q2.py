OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'kind_role has type {_type(kind_role)}; it should be a pandas DataFrame' if not isinstance(kind_role, _pd.DataFrame) else 'kind_role should have "
                                               "one row per kind and one column per role, with no totals' if not set(map(str, kind_role.index)) <= set(KINDS) or not set(map(str, kind_role.columns)) "
                                               '<= set(ROLES) else "kind_role\'s counts should add up to the number of claims" if int(kind_role.to_numpy().sum()) != len(claims) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'evidence_fact_share has type {_type(evidence_fact_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if "
                                               "not isinstance(evidence_fact_share, float) else f'evidence_fact_share is {evidence_fact_share!r}: a percentage lies between 0 and 100 (multiply a "
                                               "share of 1 by 100)' if not 0 <= evidence_fact_share <= 100 else f'evidence_fact_share is {evidence_fact_share!r}: round it to 1 decimal place with "
                                               "round(..., 1)' if round(evidence_fact_share, 1) != evidence_fact_share else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = _pd.crosstab(_c['kind'], _c['role'])\n"
                                               '>>> _got = {(str(k), str(r)): int(kind_role.loc[k, r]) for k in kind_role.index for r in kind_role.columns}\n'
                                               '>>> bool(all((_got.get((k, r), 0) == int(_want.loc[k, r]) for k in _want.index for r in _want.columns)) and sum(_got.values()) == len(_c))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _ev = _c[_c['role'] == 'evidence']\n"
                                               ">>> bool(abs(evidence_fact_share - 100 * int((_ev['kind'] == 'fact').sum()) / len(_ev)) <= 0.05 + 1e-09)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
