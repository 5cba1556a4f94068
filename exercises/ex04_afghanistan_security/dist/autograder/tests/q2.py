OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'averages has type {_type(averages)}; it should be a pandas DataFrame' if not isinstance(averages, _pd.DataFrame) else f'averages has the columns "
                                               "{list(averages.columns)}; it should have exactly before and after, in that order' if list(averages.columns) != ['before', 'after'] else f'averages has "
                                               "{len(averages)} rows; it should have one per country of focus (eight)' if len(averages) != 8 else 'averages holds negative values: a mean of death "
                                               "counts cannot be negative' if not bool((averages.astype(float) >= 0).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _keep = ['Afghanistan', 'Pakistan', 'Russia (Soviet Union)', 'Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan']\n"
                                               ">>> _w = _u[_u['country_name'].isin(_keep) & _u['year'].between(2007, 2014)].groupby('country_name')['best'].mean()\n"
                                               ">>> bool(sorted((str(k) for k in averages.index)) == sorted(_keep) and all((abs(float(averages.loc[k, 'before']) - float(_w[k])) < 1e-06 for k in "
                                               '_keep)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
