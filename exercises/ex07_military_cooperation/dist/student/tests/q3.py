OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
