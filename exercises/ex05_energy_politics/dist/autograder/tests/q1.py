OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'shares has type {_type(shares)}; it should be a pandas DataFrame' if not isinstance(shares, _pd.DataFrame) else 'shares should have the five "
                                               "short names of SOURCES as columns, in that order' if list(shares.columns) != list(SOURCES.values()) else 'shares has no rows' if len(shares) == 0 else "
                                               "'shares holds values outside 0-100: give percentages of total generation' if not bool((shares.astype(float) >= 0).all().all() and "
                                               '(shares.astype(float) <= 100).all().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'coal_pp_change has type {_type(coal_pp_change)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(coal_pp_change, float) else f'coal_pp_change is {coal_pp_change!r}: a change in percentage points of a share lies between -100 and 100' if "
                                               "not -100 < coal_pp_change < 100 else f'coal_pp_change is {coal_pp_change!r}: round it to 1 decimal place with round(..., 1)' if round(coal_pp_change, "
                                               '1) != coal_pp_change else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
