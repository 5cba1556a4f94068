OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(shares, _pd.DataFrame) and {'India', 'Pakistan'} <= {str(c) for c in shares.columns} and (len(shares) == 23) and all((0 < float(x) "
                                               "< 100 for x in shares['Pakistan'])))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(pk_peak, tuple) and len(pk_peak) == 2 and isinstance(pk_peak[0], int) and isinstance(pk_peak[1], float) and (1992 <= pk_peak[0] <= '
                                               '2014) and (0 < pk_peak[1] < 100) and (round(pk_peak[1], 3) == pk_peak[1]))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> bool(isinstance(n_years_03, int) and (not isinstance(n_years_03, bool)) and (0 <= n_years_03 <= 23))\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
