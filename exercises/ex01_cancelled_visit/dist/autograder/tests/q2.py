OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {'code': '>>> isinstance(gap_days, int) and (not isinstance(gap_days, bool)) and (0 < gap_days < 366)\nTrue', 'hidden': False, 'locked': False},
                                   {'code': '>>> isinstance(gap_months, float) and 0 < gap_months < 12 and (round(gap_months, 1) == gap_months)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('timeline_2012').set_index('id')['date']\n"
                                               ">>> gap_days == (_d['postponement'] - _d['pragmatism-speech']).days\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('timeline_2012').set_index('id')['date']\n"
                                               ">>> abs(gap_months - round((_d['postponement'] - _d['pragmatism-speech']).days * 12 / 365.25, 1)) < 1e-09\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
