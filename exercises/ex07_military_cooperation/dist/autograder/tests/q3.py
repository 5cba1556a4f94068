OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(rd33_pk, _pd.DataFrame) and list(rd33_pk.columns) == list(register.columns) and (len(rd33_pk) > 0) and '
                                               "rd33_pk['Designation'].str.contains('RD-33').all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(heli_by_supplier, _pd.Series) and 'Russia' in heli_by_supplier.index and all((float(v) > 0 and float(v) == int(v) for v in "
                                               'heli_by_supplier)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _e = _reg[(_reg['Designation'] == 'RD-33 (6200)') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _key = lambda f: sorted(zip(f['SIPRI AT Database ID'].astype(int), f['Delivery year'].astype(int)))\n"
                                               ">>> bool(len(rd33_pk) == len(_e) and _key(rd33_pk) == _key(_e) and (int(rd33_pk['Numbers delivered'].sum()) == int(_e['Numbers delivered'].sum())))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _h = _reg[_reg['Designation'].str.contains('Mi-17|Mi-35') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _e = {str(k): int(v) for k, v in _h.groupby('Supplier')['Numbers delivered'].sum().items()}\n"
                                               '>>> _a = {str(k): int(v) for k, v in heli_by_supplier.items() if float(v) != 0}\n'
                                               '>>> bool(_a == _e)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
