OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(value, float) else f'{name} is {value!r}: round it to 1 decimal place with round(..., 1)' for name, value in (('cal_growth_pct', "
                                               "cal_growth_pct), ('cal_cagr_pct', cal_cagr_pct), ('fy_growth_pct', fy_growth_pct)) if not isinstance(value, float) or round(value, 1) != value), "
                                               'None)\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(value, float) else f'{name} is {value!r}: give the growth in percent, 100 × (later / earlier − 1)' for name, value in (('cal_growth_pct', "
                                               "cal_growth_pct), ('fy_growth_pct', fy_growth_pct)) if not isinstance(value, float) or not 0 < value < 500), None)\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cal_cagr_pct has type {_type(cal_cagr_pct)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(cal_cagr_pct, float) else f'cal_growth_pct has type {_type(cal_growth_pct)}; it should be a Python float rounded to 1 decimal place, e.g. "
                                               "round(float(...), 1)' if not isinstance(cal_growth_pct, float) else 'cal_cagr_pct should be a yearly rate in percent: positive and smaller than the "
                                               "growth over the whole period' if not 0 < cal_cagr_pct < cal_growth_pct else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
