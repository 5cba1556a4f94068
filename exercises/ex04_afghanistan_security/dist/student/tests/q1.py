OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               '>>> f\'focus has type {_type(focus)}; it should be a pandas DataFrame\' if not isinstance(focus, _pd.DataFrame) else "focus should keep all of ucdp\'s '
                                               'columns" if list(focus.columns) != list(ucdp.columns) else \'focus has no rows\' if len(focus) == 0 else \'focus holds years outside 2007-2022\' if '
                                               "not bool(focus['year'].between(2007, 2022).all()) else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
