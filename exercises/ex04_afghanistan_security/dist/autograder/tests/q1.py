OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               '>>> f\'focus has type {_type(focus)}; it should be a pandas DataFrame\' if not isinstance(focus, _pd.DataFrame) else "focus should keep all of ucdp\'s '
                                               'columns" if list(focus.columns) != list(ucdp.columns) else \'focus has no rows\' if len(focus) == 0 else \'focus holds years outside 2007-2022\' if '
                                               "not bool(focus['year'].between(2007, 2022).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _keep = {'Afghanistan', 'Pakistan', 'Russia (Soviet Union)', 'Kazakhstan', 'Kyrgyz Republic', 'Tajikistan', 'Turkmenistan', 'Uzbekistan'}\n"
                                               ">>> _want = sorted(((str(c), int(y)) for c, y in zip(_u['country_name'], _u['year']) if c in _keep and 2007 <= y <= 2022))\n"
                                               ">>> bool(sorted(((str(c), int(y)) for c, y in zip(focus['country_name'], focus['year']))) == _want)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
