OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {'code': '>>> isinstance(gap_days, int) and (not isinstance(gap_days, bool)) and (0 < gap_days < 366)\nTrue', 'hidden': False, 'locked': False},
                                   {'code': '>>> isinstance(gap_months, float) and 0 < gap_months < 12 and (round(gap_months, 1) == gap_months)\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
