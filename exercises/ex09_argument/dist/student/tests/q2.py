OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(kind_role, _pd.DataFrame) and set(map(str, kind_role.index)) <= set(KINDS) and (set(map(str, kind_role.columns)) <= set(ROLES)) and '
                                               '(int(kind_role.to_numpy().sum()) == len(claims))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(evidence_fact_share, float) and 0 <= evidence_fact_share <= 100 and (round(evidence_fact_share, 1) == evidence_fact_share)\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
