OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'ca_yearly has type {_type(ca_yearly)}; it should be a pandas DataFrame' if not isinstance(ca_yearly, _pd.DataFrame) else f'ca_yearly has the "
                                               "columns {list(ca_yearly.columns)}; it should have exactly low, best and high, in that order' if list(ca_yearly.columns) != ['low', 'best', 'high'] "
                                               "else 'ca_yearly has no rows' if len(ca_yearly) == 0 else 'ca_yearly should be indexed by year, 2007 to 2022' if not all((2007 <= int(y) <= 2022 for y "
                                               'in ca_yearly.index)) else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
