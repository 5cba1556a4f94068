OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gen has type {_type(gen)}; it should be a pandas DataFrame' if not isinstance(gen, _pd.DataFrame) else 'gen should have the columns owid and bp, "
                                               "in that order, and a row for each year in both datasets' if list(gen.columns) != ['owid', 'bp'] or len(gen) == 0 else f'cagr has type {_type(cagr)}; "
                                               'it should be a pandas DataFrame\' if not isinstance(cagr, _pd.DataFrame) else "cagr should have the index [\'2002-2007\', \'2007-2012\', '
                                               '\'2012-2017\']" if list(cagr.index) != [\'2002-2007\', \'2007-2012\', \'2012-2017\'] else \'cagr should have the columns owid and bp, in that order\' '
                                               "if list(cagr.columns) != ['owid', 'bp'] else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
