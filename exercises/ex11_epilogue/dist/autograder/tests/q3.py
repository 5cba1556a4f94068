OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> bool(all((isinstance(x, float) and round(x, 1) == x for x in (cal_growth_pct, cal_cagr_pct, fy_growth_pct))))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> bool(0 < cal_growth_pct < 500 and 0 < fy_growth_pct < 500)\nTrue', 'hidden': False, 'locked': False},
                                   {'code': '>>> bool(0 < cal_cagr_pct < cal_growth_pct)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _t = _data.load('trade_figures_reported')\n"
                                               ">>> _cal = {int(y): float(v) for p, y, v in zip(_t['period_type'], _t['start_year'], _t['value_musd']) if p == 'calendar year'}\n"
                                               '>>> bool(abs(cal_growth_pct - round(100 * (_cal[2023] / _cal[2012] - 1), 1)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _t = _data.load('trade_figures_reported')\n"
                                               ">>> _cal = {int(y): float(v) for p, y, v in zip(_t['period_type'], _t['start_year'], _t['value_musd']) if p == 'calendar year'}\n"
                                               '>>> bool(abs(cal_cagr_pct - round(100 * ((_cal[2023] / _cal[2012]) ** (1 / 11) - 1), 1)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
