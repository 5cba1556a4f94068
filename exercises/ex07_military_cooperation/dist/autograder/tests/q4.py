OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               '>>> f\'route_tiv has type {_type(route_tiv)}; it should be a pandas Series\' if not isinstance(route_tiv, _pd.Series) else "route_tiv should be '
                                               'indexed by \'via China\' and \'direct\'" if set(route_tiv.index) != {\'via China\', \'direct\'} else \'route_tiv should hold positive TIV totals\' if '
                                               'not all((float(v) > 0 for v in route_tiv)) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'direct_share has type {_type(direct_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(direct_share, float) else f'direct_share is {direct_share!r}: a percentage lies between 0 and 100' if not 0 < direct_share < 100 else "
                                               "f'direct_share is {direct_share!r}: round it to 1 decimal place with round(..., 1)' if round(direct_share, 1) != direct_share else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'estimated_share has type {_type(estimated_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(estimated_share, float) else f'estimated_share is {estimated_share!r}: a percentage lies between 0 and 100 (multiply a share of 1 by 100)' "
                                               "if not 0 <= estimated_share <= 100 else f'estimated_share is {estimated_share!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(estimated_share, 1) != estimated_share else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               ">>> bool(abs(float(route_tiv['via China']) - _tiv[_eng].sum()) < 1e-06 and abs(float(route_tiv['direct']) - _tiv[~_eng].sum()) < 1e-06)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               '>>> bool(abs(direct_share - round(100 * _tiv[~_eng].sum() / _tiv.sum(), 1)) < 0.051)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               ">>> _est = _ru['Numbers delivered is estimate'] == 'Yes'\n"
                                               '>>> bool(abs(estimated_share - round(100 * _tiv[_est].sum() / _tiv.sum(), 1)) < 0.051)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
