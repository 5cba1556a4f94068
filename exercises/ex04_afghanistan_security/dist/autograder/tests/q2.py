OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(averages, _pd.DataFrame) and list(averages.columns) == ['before', 'after'] and (len(averages) == 8) and (averages.astype(float) >= "
                                               '0).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _keep = ['Afghanistan', 'Pakistan', 'Russia (Soviet Union)', 'Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan']\n"
                                               ">>> _w = _u[_u['country_name'].isin(_keep) & _u['year'].between(2007, 2014)].groupby('country_name')['best'].mean()\n"
                                               ">>> bool(sorted((str(k) for k in averages.index)) == sorted(_keep) and all((abs(float(averages.loc[k, 'before']) - float(_w[k])) < 1e-06 for k in "
                                               '_keep)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _keep = ['Afghanistan', 'Pakistan', 'Russia (Soviet Union)', 'Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan']\n"
                                               ">>> _w = _u[_u['country_name'].isin(_keep) & _u['year'].between(2015, 2022)].groupby('country_name')['best'].mean()\n"
                                               ">>> bool(sorted((str(k) for k in averages.index)) == sorted(_keep) and all((abs(float(averages.loc[k, 'after']) - float(_w[k])) < 1e-06 for k in "
                                               '_keep)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
