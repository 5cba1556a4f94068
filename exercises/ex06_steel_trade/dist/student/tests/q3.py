OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(calendar_check, _pd.DataFrame) and {'period', 'value_musd', 'cow_musd', 'gap_pct'} <= set(calendar_check.columns) and (0 < "
                                               "len(calendar_check) <= len(reported)) and calendar_check['gap_pct'].notna().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(cow_avg_2004_2014, int) and (not isinstance(cow_avg_2004_2014, bool)) and (0 < cow_avg_2004_2014 < 100000))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
