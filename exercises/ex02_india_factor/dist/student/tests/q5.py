OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'yoy has type {_type(yoy)}; it should be a pandas Series' if not isinstance(yoy, _pd.Series) else 'yoy should be indexed by year, 1992 to 2019' "
                                               "if [int(y) for y in yoy.index] != list(range(1992, 2020)) else 'yoy should be missing only its first value, 1992, which has no previous year' if not "
                                               'bool(_pd.isna(yoy.iloc[0])) or int(yoy.isna().sum()) != 1 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'biggest_drop_year has type {_type(biggest_drop_year)}; it should be a Python int, e.g. int(...)' if not isinstance(biggest_drop_year, int) or "
                                               "isinstance(biggest_drop_year, bool) else f'biggest_drop_year is {biggest_drop_year}: a change from the year before exists only for 1993-2019; store "
                                               "the year, not the change' if not 1993 <= biggest_drop_year <= 2019 else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
