OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'ca_yearly has type {_type(ca_yearly)}; it should be a pandas DataFrame' if not isinstance(ca_yearly, _pd.DataFrame) else f'ca_yearly has the "
                                               "columns {list(ca_yearly.columns)}; it should have exactly low, best and high, in that order' if list(ca_yearly.columns) != ['low', 'best', 'high'] "
                                               "else 'ca_yearly has no rows' if len(ca_yearly) == 0 else 'ca_yearly should be indexed by year, 2007 to 2022' if not all((2007 <= int(y) <= 2022 for y "
                                               'in ca_yearly.index)) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _ca = _u[_u['country_name'].isin(['Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan'])]\n"
                                               ">>> _s = _ca[_ca['year'].between(2007, 2022)].groupby('year')['best'].sum()\n"
                                               ">>> bool([int(y) for y in ca_yearly.index] == list(range(2007, 2023)) and all((abs(float(ca_yearly['best'].iloc[i]) - float(_s.loc[y])) < 1e-06 for i, "
                                               'y in enumerate(range(2007, 2023)))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _ca = _u[_u['country_name'].isin(['Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan'])]\n"
                                               ">>> _s = _ca[_ca['year'].between(2007, 2022)].groupby('year')[['low', 'high']].sum()\n"
                                               '>>> bool([int(y) for y in ca_yearly.index] == list(range(2007, 2023)) and all((abs(float(ca_yearly[c].iloc[i]) - float(_s[c].loc[y])) < 1e-06 for c in '
                                               "('low', 'high') for i, y in enumerate(range(2007, 2023)))))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
