OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> bool(all((isinstance(x, float) and round(x, 1) == x for x in (cal_growth_pct, cal_cagr_pct, fy_growth_pct))))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> bool(0 < cal_growth_pct < 500 and 0 < fy_growth_pct < 500)\nTrue', 'hidden': False, 'locked': False},
                                   {'code': '>>> bool(0 < cal_cagr_pct < cal_growth_pct)\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
