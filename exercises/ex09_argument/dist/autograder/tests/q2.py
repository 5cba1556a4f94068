OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(kind_role, _pd.DataFrame) and set(map(str, kind_role.index)) <= set(KINDS) and (set(map(str, kind_role.columns)) <= set(ROLES)) and '
                                               '(int(kind_role.to_numpy().sum()) == len(claims))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(evidence_fact_share, float) and 0 <= evidence_fact_share <= 100 and (round(evidence_fact_share, 1) == evidence_fact_share)\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = _pd.crosstab(_c['kind'], _c['role'])\n"
                                               '>>> _got = {(str(k), str(r)): int(kind_role.loc[k, r]) for k in kind_role.index for r in kind_role.columns}\n'
                                               '>>> bool(all((_got.get((k, r), 0) == int(_want.loc[k, r]) for k in _want.index for r in _want.columns)) and sum(_got.values()) == len(_c))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
