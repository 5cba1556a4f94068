OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
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
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _t = _data.load('trade_figures_reported')\n"
                                               ">>> _cal = {int(y): float(v) for p, y, v in zip(_t['period_type'], _t['start_year'], _t['value_musd']) if p == 'calendar year'}\n"
                                               '>>> bool(abs(cal_growth_pct - round(100 * (_cal[2023] / _cal[2012] - 1), 1)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _t = _data.load('trade_figures_reported')\n"
                                               ">>> _cal = {int(y): float(v) for p, y, v in zip(_t['period_type'], _t['start_year'], _t['value_musd']) if p == 'calendar year'}\n"
                                               '>>> bool(abs(cal_cagr_pct - round(100 * ((_cal[2023] / _cal[2012]) ** (1 / 11) - 1), 1)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _t = _data.load('trade_figures_reported')\n"
                                               ">>> _fy = {str(p): float(v) for k, p, v in zip(_t['period_type'], _t['period'], _t['value_musd']) if k == 'fiscal year'}\n"
                                               ">>> bool(abs(fy_growth_pct - round(100 * (_fy['FY2022-23'] / _fy['FY2012-13'] - 1), 1)) < 1e-09)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
