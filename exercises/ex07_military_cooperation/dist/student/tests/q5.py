OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(yearly, _pd.DataFrame) and [int(y) for y in yearly.index] == list(range(2000, 2024)) and ({'via China', 'direct'} <= "
                                               "set(yearly.columns)) and (yearly[['via China', 'direct']].fillna(0) >= 0).all().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(direct_years, list) and len(direct_years) > 0 and all((isinstance(y, int) and 2000 <= y <= 2023 for y in direct_years)) and '
                                               '(direct_years == sorted(direct_years)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
