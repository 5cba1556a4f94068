OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
