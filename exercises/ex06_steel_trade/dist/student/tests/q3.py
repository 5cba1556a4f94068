OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'calendar_check has type {_type(calendar_check)}; it should be a pandas DataFrame' if not isinstance(calendar_check, _pd.DataFrame) else "
                                               "'calendar_check should have (at least) the columns period, value_musd, cow_musd and gap_pct' if not {'period', 'value_musd', 'cow_musd', 'gap_pct'} <= "
                                               "set(calendar_check.columns) else 'calendar_check should hold some rows of reported' if not 0 < len(calendar_check) <= len(reported) else "
                                               '"calendar_check[\'gap_pct\'] has missing values: keep only rows that COW covers" if not bool(calendar_check[\'gap_pct\'].notna().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cow_avg_2004_2014 has type {_type(cow_avg_2004_2014)}; it should be a Python int, e.g. int(...)' if not isinstance(cow_avg_2004_2014, int) or "
                                               "isinstance(cow_avg_2004_2014, bool) else f'cow_avg_2004_2014 is {cow_avg_2004_2014}: give millions of US dollars' if not 0 < cow_avg_2004_2014 < "
                                               '100000 else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
