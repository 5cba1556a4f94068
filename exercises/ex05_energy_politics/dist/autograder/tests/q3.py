OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gas_gap has type {_type(gas_gap)}; it should be a pandas Series' if not isinstance(gas_gap, _pd.Series) else 'gas_gap is empty' if len(gas_gap) "
                                               '== 0 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'first_gap_year has type {_type(first_gap_year)}; it should be a Python int, e.g. int(...)' if not isinstance(first_gap_year, int) or "
                                               "isinstance(first_gap_year, bool) else f'first_gap_year is {first_gap_year}: store a year of the data, not a gap' if not 1990 <= first_gap_year <= 2020 "
                                               'else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'peak_share has type {_type(peak_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(peak_share, float) else f'peak_share is {peak_share!r}: a percentage lies between 0 and 100 (multiply a share of 1 by 100)' if not 0 <= "
                                               "peak_share <= 100 else f'peak_share is {peak_share!r}: round it to 1 decimal place with round(..., 1)' if round(peak_share, 1) != peak_share else "
                                               'None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _p = _b[_b['Entity'] == 'Pakistan']\n"
                                               ">>> _g = {int(y): float(c) - float(p) for y, c, p in zip(_p['Year'], _p['Gas Consumption - Bcm'], _p['Gas Production - Bcm'])}\n"
                                               '>>> bool([int(y) for y in gas_gap.index] == sorted(_g) and all((abs(float(gas_gap.iloc[i]) - _g[y]) < 1e-06 for i, y in enumerate(sorted(_g)))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _p = _b[_b['Entity'] == 'Pakistan']\n"
                                               ">>> _g = {int(y): float(c) - float(p) for y, c, p in zip(_p['Year'], _p['Gas Consumption - Bcm'], _p['Gas Production - Bcm'])}\n"
                                               '>>> bool(first_gap_year == min((y for y, v in _g.items() if v > 0.1)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _p = _b[_b['Entity'] == 'Pakistan']\n"
                                               ">>> _c = {int(y): float(c) for y, c in zip(_p['Year'], _p['Gas Consumption - Bcm'])}\n"
                                               ">>> _g = {int(y): float(c) - float(p) for y, c, p in zip(_p['Year'], _p['Gas Consumption - Bcm'], _p['Gas Production - Bcm'])}\n"
                                               '>>> _y = max(_g, key=_g.get)\n'
                                               '>>> bool(abs(peak_share - round(100 * _g[_y] / _c[_y], 1)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
