OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(pct_change, _pd.Series) and 0 < len(pct_change) <= 8 and all((round(float(v), 1) == float(v) and float(v) >= -100 for v in '
                                               'pct_change)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> bool(isinstance(biggest_rise, str) and biggest_rise in set((str(k) for k in getattr(pct_change, 'index', []))))\nTrue",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _keep = ['Afghanistan', 'Pakistan', 'Russia (Soviet Union)', 'Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan']\n"
                                               ">>> _f = _u[_u['country_name'].isin(_keep) & _u['year'].between(2007, 2022)]\n"
                                               ">>> _b = _f[_f['year'] <= 2014].groupby('country_name')['best'].mean().astype(float)\n"
                                               ">>> _a = _f[_f['year'] >= 2015].groupby('country_name')['best'].mean().astype(float)\n"
                                               '>>> _p = {str(k): 100 * (_a[k] - _b[k]) / _b[k] for k in _keep if _b[k] > 0}\n'
                                               '>>> bool(sorted((str(k) for k in pct_change.index)) == sorted(_p) and all((abs(float(pct_change[k]) - _p[k]) < 0.06 for k in _p)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _keep = ['Afghanistan', 'Pakistan', 'Russia (Soviet Union)', 'Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan']\n"
                                               ">>> _f = _u[_u['country_name'].isin(_keep) & _u['year'].between(2007, 2022)]\n"
                                               ">>> _b = _f[_f['year'] <= 2014].groupby('country_name')['best'].mean().astype(float)\n"
                                               ">>> _a = _f[_f['year'] >= 2015].groupby('country_name')['best'].mean().astype(float)\n"
                                               '>>> _p = {str(k): 100 * (_a[k] - _b[k]) / _b[k] for k in _keep if _b[k] > 0}\n'
                                               '>>> bool(biggest_rise == max(_p, key=_p.get))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
