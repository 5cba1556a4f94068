OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(yoy, _pd.Series) and [int(y) for y in yoy.index] == list(range(1992, 2020)) and bool(_pd.isna(yoy.iloc[0])) and (int(yoy.isna().sum()) '
                                               '== 1)\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(biggest_drop_year, int) and (not isinstance(biggest_drop_year, bool)) and (1993 <= biggest_drop_year <= 2019)\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
