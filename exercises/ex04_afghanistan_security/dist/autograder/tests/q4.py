OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python float rounded to 2 decimal places, e.g. round(float(...), 2)' if not "
                                               "isinstance(value, float) else f'{name} is {value!r}: a ratio of two mean death counts is positive' if not value > 0 else f'{name} is {value!r}: round "
                                               "it to 2 decimal places with round(..., 2)' for name, value in (('af_min_ratio', af_min_ratio), ('ru_max_ratio', ru_max_ratio)) if not "
                                               'isinstance(value, float) or not value > 0 or round(value, 2) != value), None)\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _c = _u[_u['country_name'] == 'Afghanistan']\n"
                                               ">>> _lo = float(_c[_c['year'].between(2015, 2022)]['low'].mean())\n"
                                               ">>> _hi = float(_c[_c['year'].between(2007, 2014)]['high'].mean())\n"
                                               '>>> bool(abs(af_min_ratio - round(_lo / _hi, 2)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _c = _u[_u['country_name'] == 'Russia (Soviet Union)']\n"
                                               ">>> _hi = float(_c[_c['year'].between(2015, 2022)]['high'].mean())\n"
                                               ">>> _lo = float(_c[_c['year'].between(2007, 2014)]['low'].mean())\n"
                                               '>>> bool(abs(ru_max_ratio - round(_hi / _lo, 2)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
