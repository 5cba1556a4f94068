OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(steel, _pd.DataFrame) and set(steel.columns) == {'India', 'Pakistan', 'Russia'} and (len(steel) == nmc['year'].nunique()) and "
                                               '({2011, 2022} <= {int(y) for y in steel.index}) and (steel.loc[[2011, 2022]] > 0).all().all() and (steel < 10000).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(steel_growth, _pd.Series) and set(steel_growth.index) == {'India', 'Pakistan', 'Russia'} and all((0 < float(v) < 100 and "
                                               'round(float(v), 2) == float(v) for v in steel_growth)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
