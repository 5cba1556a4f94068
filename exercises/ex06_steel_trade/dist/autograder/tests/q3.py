OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'calendar_check has type {_type(calendar_check)}; it should be a pandas DataFrame' if not isinstance(calendar_check, _pd.DataFrame) else "
                                               "'calendar_check should have (at least) the columns period, value_musd, cow_musd and gap_pct' if not {'period', 'value_musd', 'cow_musd', 'gap_pct'} <= "
                                               "set(calendar_check.columns) else 'calendar_check should hold some rows of reported' if not 0 < len(calendar_check) <= len(reported) else "
                                               '"calendar_check[\'gap_pct\'] has missing values: keep only rows that COW covers" if not bool(calendar_check[\'gap_pct\'].notna().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cow_avg_2004_2014 has type {_type(cow_avg_2004_2014)}; it should be a Python int, e.g. int(...)' if not isinstance(cow_avg_2004_2014, int) or "
                                               "isinstance(cow_avg_2004_2014, bool) else f'cow_avg_2004_2014 is {cow_avg_2004_2014}: give millions of US dollars' if not 0 < cow_avg_2004_2014 < "
                                               '100000 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
