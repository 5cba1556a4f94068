OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> isinstance(share_checkable, float) and 0 <= share_checkable <= 100 and (round(share_checkable, 1) == share_checkable)\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(checkable_by_role, _pd.Series) and set(map(str, checkable_by_role.index)) == set(ROLES) and bool(checkable_by_role.between(0, '
                                               '100).all()) and bool((checkable_by_role.round(1) == checkable_by_role).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
