OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               'isinstance(value, float) else f"{name} is {value!r}: how many times Pakistan\'s budget a larger one is must be above 1; divide by Pakistan\'s" if not '
                                               "value > 1 else f'{name} is {value!r}: round it to 1 decimal place with round(..., 1)' for name, value in (('ru_pk_ratio', ru_pk_ratio), "
                                               "('in_pk_ratio', in_pk_ratio)) if not (isinstance(value, float) and value > 1 and (round(value, 1) == value))), None)\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _m = {s: float(v) for s, y, v in zip(_n['state'], _n['year'], _n['milex']) if y == 2012 and s in ('Russia', 'Pakistan')}\n"
                                               ">>> abs(ru_pk_ratio - round(_m['Russia'] / _m['Pakistan'], 1)) < 1e-09\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _m = {s: float(v) for s, y, v in zip(_n['state'], _n['year'], _n['milex']) if y == 2012 and s in ('India', 'Pakistan')}\n"
                                               ">>> abs(in_pk_ratio - round(_m['India'] / _m['Pakistan'], 1)) < 1e-09\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
