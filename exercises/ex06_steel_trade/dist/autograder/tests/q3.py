OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(calendar_check, _pd.DataFrame) and {'period', 'value_musd', 'cow_musd', 'gap_pct'} <= set(calendar_check.columns) and (0 < "
                                               "len(calendar_check) <= len(reported)) and calendar_check['gap_pct'].notna().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(cow_avg_2004_2014, int) and (not isinstance(cow_avg_2004_2014, bool)) and (0 < cow_avg_2004_2014 < 100000))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan')].set_index('year')\n"
                                               ">>> _b = (_p['flow1'] + _p['flow2']).astype(float)\n"
                                               ">>> _r = _data.load('trade_figures_reported')\n"
                                               ">>> _c = _r[(_r['period_type'] == 'calendar year') & _r['start_year'].isin(list(_b.index))]\n"
                                               ">>> _e = {str(p): round((_b[int(y)] - float(v)) / float(v) * 100, 1) for p, y, v in zip(_c['period'], _c['start_year'], _c['value_musd'])}\n"
                                               ">>> _g = {str(p): float(g) for p, g in zip(calendar_check['period'], calendar_check['gap_pct'])}\n"
                                               '>>> bool(len(calendar_check) == len(_e) and set(_g) == set(_e) and all((abs(_g[k] - _e[k]) < 0.051 for k in _e)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('cow_trade_dyadic')\n"
                                               ">>> _p = _d[(_d['state1'] == 'Russia') & (_d['state2'] == 'Pakistan') & _d['year'].between(2004, 2014)]\n"
                                               ">>> bool(cow_avg_2004_2014 == int(round(float((_p['flow1'] + _p['flow2']).astype(float).mean()))))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
