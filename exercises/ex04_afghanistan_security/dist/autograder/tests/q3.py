OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pct_change has type {_type(pct_change)}; it should be a pandas Series' if not isinstance(pct_change, _pd.Series) else f'pct_change has "
                                               "{len(pct_change)} entries; it should have one per country with a non-zero before average' if not 0 < len(pct_change) <= 8 else 'pct_change has values "
                                               "below -100: a fall cannot exceed 100 percent (check the formula)' if not all((float(v) >= -100 for v in pct_change)) else 'pct_change is not rounded "
                                               "to one decimal place: use .round(1)' if not all((round(float(v), 1) == float(v) for v in pct_change)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'biggest_rise has type {_type(biggest_rise)}; it should be a str' if not isinstance(biggest_rise, str) else f'biggest_rise is {biggest_rise!r}, "
                                               "which is not a country in the index of pct_change' if biggest_rise not in set((str(k) for k in getattr(pct_change, 'index', []))) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
