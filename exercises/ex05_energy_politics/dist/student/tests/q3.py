OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {'code': '>>> import pandas as _pd\n>>> bool(isinstance(gas_gap, _pd.Series) and len(gas_gap) > 0)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> bool(isinstance(first_gap_year, int) and (not isinstance(first_gap_year, bool)) and (1990 <= first_gap_year <= 2020))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> bool(isinstance(peak_share, float) and 0 <= peak_share <= 100 and (round(peak_share, 1) == peak_share))\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
