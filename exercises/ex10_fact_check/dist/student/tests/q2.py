OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'by_section has type {_type(by_section)}; it should be a pandas DataFrame' if not isinstance(by_section, _pd.DataFrame) else 'by_section should "
                                               "have one row per section, with no totals' if {str(s) for s in by_section.index} != set(claims['section'].dropna()) else 'by_section should have one "
                                               "column per verdict of the checkable claims, with no totals' if not {str(v) for v in by_section.columns} <= {'supported', 'partly', 'not found', "
                                               "'contradicted'} else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'not_found_pct has type {_type(not_found_pct)}; it should be a pandas Series' if not isinstance(not_found_pct, _pd.Series) else 'not_found_pct "
                                               "should have one entry per section' if len(not_found_pct) != len(by_section) else 'not_found_pct should hold percentages between 0 and 100' if not "
                                               'all((0 <= float(x) <= 100 for x in not_found_pct)) else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
