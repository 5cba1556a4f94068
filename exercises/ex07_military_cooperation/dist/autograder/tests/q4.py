OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(route_tiv, _pd.Series) and set(route_tiv.index) == {'via China', 'direct'} and all((float(v) > 0 for v in route_tiv)))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(direct_share, float) and 0 < direct_share < 100 and (round(direct_share, 1) == direct_share))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(estimated_share, float) and 0 <= estimated_share <= 100 and (round(estimated_share, 1) == estimated_share))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               ">>> bool(abs(float(route_tiv['via China']) - _tiv[_eng].sum()) < 1e-06 and abs(float(route_tiv['direct']) - _tiv[~_eng].sum()) < 1e-06)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               '>>> bool(abs(direct_share - round(100 * _tiv[~_eng].sum() / _tiv.sum(), 1)) < 0.051)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
