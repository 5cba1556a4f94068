OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python float rounded to 2 decimal places, e.g. round(float(...), 2)' if not "
                                               "isinstance(value, float) else f'{name} is {value!r}: a ratio of two mean death counts is positive' if not value > 0 else f'{name} is {value!r}: round "
                                               "it to 2 decimal places with round(..., 2)' for name, value in (('af_min_ratio', af_min_ratio), ('ru_max_ratio', ru_max_ratio)) if not "
                                               'isinstance(value, float) or not value > 0 or round(value, 2) != value), None)\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
