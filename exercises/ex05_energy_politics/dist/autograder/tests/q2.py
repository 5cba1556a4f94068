OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gen has type {_type(gen)}; it should be a pandas DataFrame' if not isinstance(gen, _pd.DataFrame) else 'gen should have the columns owid and bp, "
                                               "in that order, and a row for each year in both datasets' if list(gen.columns) != ['owid', 'bp'] or len(gen) == 0 else f'cagr has type {_type(cagr)}; "
                                               'it should be a pandas DataFrame\' if not isinstance(cagr, _pd.DataFrame) else "cagr should have the index [\'2002-2007\', \'2007-2012\', '
                                               '\'2012-2017\']" if list(cagr.index) != [\'2002-2007\', \'2007-2012\', \'2012-2017\'] else \'cagr should have the columns owid and bp, in that order\' '
                                               "if list(cagr.columns) != ['owid', 'bp'] else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _e = _data.load('owid_electricity')\n"
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _o = {int(y): float(v) for c, y, v in zip(_e['Country'], _e['Year'], _e['Electricity generation (TWh)']) if c == 'Pakistan' and _pd.notna(v)}\n"
                                               ">>> _q = {int(y): float(v) for c, y, v in zip(_b['Entity'], _b['Year'], _b['Electricity Generation']) if c == 'Pakistan' and _pd.notna(v)}\n"
                                               '>>> _years = sorted(set(_o) & set(_q))\n'
                                               ">>> bool([int(y) for y in gen.index] == _years and all((abs(float(gen['owid'].iloc[i]) - _o[y]) < 1e-06 and abs(float(gen['bp'].iloc[i]) - _q[y]) < "
                                               '1e-06 for i, y in enumerate(_years))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _e = _data.load('owid_electricity')\n"
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _o = {int(y): float(v) for c, y, v in zip(_e['Country'], _e['Year'], _e['Electricity generation (TWh)']) if c == 'Pakistan'}\n"
                                               ">>> _q = {int(y): float(v) for c, y, v in zip(_b['Entity'], _b['Year'], _b['Electricity Generation']) if c == 'Pakistan'}\n"
                                               '>>> _r = lambda d, s: 100 * ((d[s + 5] / d[s]) ** 0.2 - 1)\n'
                                               ">>> bool(all((abs(float(cagr.loc[f'{s}-{s + 5}', 'owid']) - _r(_o, s)) < 0.006 and abs(float(cagr.loc[f'{s}-{s + 5}', 'bp']) - _r(_q, s)) < 0.006 for "
                                               's in (2002, 2007, 2012))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
