OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(ca_yearly, _pd.DataFrame) and list(ca_yearly.columns) == ['low', 'best', 'high'] and (len(ca_yearly) > 0) and all((2007 <= int(y) "
                                               '<= 2022 for y in ca_yearly.index)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _ca = _u[_u['country_name'].isin(['Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan'])]\n"
                                               ">>> _s = _ca[_ca['year'].between(2007, 2022)].groupby('year')['best'].sum()\n"
                                               ">>> bool([int(y) for y in ca_yearly.index] == list(range(2007, 2023)) and all((abs(float(ca_yearly['best'].iloc[i]) - float(_s.loc[y])) < 1e-06 for i, "
                                               'y in enumerate(range(2007, 2023)))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
