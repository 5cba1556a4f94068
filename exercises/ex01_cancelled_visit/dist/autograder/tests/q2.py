OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gap_days has type {_type(gap_days)}; it should be a Python int, e.g. int(...)' if not isinstance(gap_days, int) or isinstance(gap_days, bool) "
                                               'else f"gap_days is {gap_days}: the speech came before the postponement, so subtract the speech\'s date from the postponement\'s" if gap_days <= 0 else '
                                               "f'gap_days is {gap_days}, more than a year: check that you used the rows pragmatism-speech and postponement' if gap_days >= 366 else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gap_months has type {_type(gap_months)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(gap_months, float) else f'gap_months is {gap_months!r}: a gap of less than a year is between 0 and 12 months; divide the days by the "
                                               "average month length' if not 0 < gap_months < 12 else f'gap_months is {gap_months!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(gap_months, 1) != gap_months else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('timeline_2012').set_index('id')['date']\n"
                                               ">>> gap_days == (_d['postponement'] - _d['pragmatism-speech']).days\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('timeline_2012').set_index('id')['date']\n"
                                               ">>> abs(gap_months - round((_d['postponement'] - _d['pragmatism-speech']).days * 12 / 365.25, 1)) < 1e-09\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
