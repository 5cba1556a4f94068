OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(per_year, _pd.DataFrame) and len(per_year) == 13 and ({str(c) for c in per_year.columns} == set(events['category'])) and "
                                               '(int(per_year.values.sum()) == len(events)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(busiest_years, list) and len(busiest_years) > 0 and all((isinstance(y, int) and 2013 <= y <= 2025 for y in busiest_years)) and '
                                               '(busiest_years == sorted(busiest_years)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
