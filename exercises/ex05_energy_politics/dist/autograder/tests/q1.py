OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(shares, _pd.DataFrame) and list(shares.columns) == list(SOURCES.values()) and (len(shares) > 0) and (shares.astype(float) >= '
                                               '0).all().all() and (shares.astype(float) <= 100).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(coal_pp_change, float) and -100 < coal_pp_change < 100 and (round(coal_pp_change, 1) == coal_pp_change))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _e = _data.load('owid_electricity')\n"
                                               ">>> _p = _e[(_e['Country'] == 'Pakistan') & _e['Year'].between(2000, 2021)].set_index('Year')\n"
                                               ">>> _cols = {'hydro': 'Electricity from hydro (TWh)', 'nuclear': 'Electricity from nuclear (TWh)', 'gas': 'Electricity from gas (TWh)', 'oil': "
                                               "'Electricity from oil (TWh)', 'coal': 'Electricity from coal (TWh)'}\n"
                                               '>>> _ok = [int(y) for y in shares.index] == list(range(2000, 2022))\n'
                                               ">>> bool(_ok and all((abs(float(shares[k].loc[y]) - 100 * float(_p.loc[y, c]) / float(_p.loc[y, 'Electricity generation (TWh)'])) < 0.001 for k, c in "
                                               '_cols.items() for y in range(2000, 2022))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _e = _data.load('owid_electricity')\n"
                                               ">>> _p = _e[_e['Country'] == 'Pakistan'].set_index('Year')\n"
                                               ">>> _s = {y: 100 * float(_p.loc[y, 'Electricity from coal (TWh)']) / float(_p.loc[y, 'Electricity generation (TWh)']) for y in (2012, 2021)}\n"
                                               '>>> bool(abs(coal_pp_change - (_s[2021] - _s[2012])) <= 0.06)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
