OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {'code': '>>> import pandas as _pd\n>>> bool(isinstance(gas_gap, _pd.Series) and len(gas_gap) > 0)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> bool(isinstance(first_gap_year, int) and (not isinstance(first_gap_year, bool)) and (1990 <= first_gap_year <= 2020))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> bool(isinstance(peak_share, float) and 0 <= peak_share <= 100 and (round(peak_share, 1) == peak_share))\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _p = _b[_b['Entity'] == 'Pakistan']\n"
                                               ">>> _g = {int(y): float(c) - float(p) for y, c, p in zip(_p['Year'], _p['Gas Consumption - Bcm'], _p['Gas Production - Bcm'])}\n"
                                               '>>> bool([int(y) for y in gas_gap.index] == sorted(_g) and all((abs(float(gas_gap.iloc[i]) - _g[y]) < 1e-06 for i, y in enumerate(sorted(_g)))))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _b = _data.load('bp_energy')\n"
                                               ">>> _p = _b[_b['Entity'] == 'Pakistan']\n"
                                               ">>> _g = {int(y): float(c) - float(p) for y, c, p in zip(_p['Year'], _p['Gas Consumption - Bcm'], _p['Gas Production - Bcm'])}\n"
                                               '>>> bool(first_gap_year == min((y for y, v in _g.items() if v > 0.1)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
