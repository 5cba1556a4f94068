OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'compare_2012 has type {_type(compare_2012)}; it should be a pandas DataFrame' if not isinstance(compare_2012, _pd.DataFrame) else f'compare_2012 "
                                               "has the columns {list(compare_2012.columns)}; it should have exactly country, curated and cow, in that order' if list(compare_2012.columns) != "
                                               "['country', 'curated', 'cow'] else f'compare_2012 has {len(compare_2012)} rows; it should have one per country of sco' if len(compare_2012) != "
                                               'sco[\'country\'].nunique() else "compare_2012[\'cow\'] should hold COW status codes (0 to 3), with no missing values" if not '
                                               "bool(compare_2012['cow'].isin([0, 1, 2, 3]).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cow_missed has type {_type(cow_missed)}; it should be a list' if not isinstance(cow_missed, list) else 'cow_missed should be sorted' if "
                                               "cow_missed != sorted(cow_missed) else 'cow_missed should hold country names as str' if not all((isinstance(c, str) for c in cow_missed)) else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
