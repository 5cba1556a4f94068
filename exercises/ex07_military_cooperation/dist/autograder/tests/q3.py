OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'rd33_pk has type {_type(rd33_pk)}; it should be a pandas DataFrame' if not isinstance(rd33_pk, _pd.DataFrame) else 'rd33_pk should keep every "
                                               "column of register' if list(rd33_pk.columns) != list(register.columns) else 'rd33_pk has no rows' if len(rd33_pk) == 0 else 'rd33_pk holds rows of "
                                               "another designation' if not bool(rd33_pk['Designation'].str.contains('RD-33').all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'heli_by_supplier has type {_type(heli_by_supplier)}; it should be a pandas Series' if not isinstance(heli_by_supplier, _pd.Series) else "
                                               "'heli_by_supplier should be indexed by supplier, Russia among them' if 'Russia' not in heli_by_supplier.index else 'heli_by_supplier should hold "
                                               "positive whole numbers of helicopters' if not all((float(v) > 0 and float(v) == int(v) for v in heli_by_supplier)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _e = _reg[(_reg['Designation'] == 'RD-33 (6200)') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _key = lambda f: sorted(zip(f['SIPRI AT Database ID'].astype(int), f['Delivery year'].astype(int)))\n"
                                               ">>> bool(len(rd33_pk) == len(_e) and _key(rd33_pk) == _key(_e) and (int(rd33_pk['Numbers delivered'].sum()) == int(_e['Numbers delivered'].sum())))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
