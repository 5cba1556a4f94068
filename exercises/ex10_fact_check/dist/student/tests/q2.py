OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(by_section, _pd.DataFrame) and {str(s) for s in by_section.index} == set(claims['section'].dropna()) and ({str(v) for v in "
                                               "by_section.columns} <= {'supported', 'partly', 'not found', 'contradicted'}))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(not_found_pct, _pd.Series) and len(not_found_pct) == len(by_section) and all((0 <= float(x) <= 100 for x in not_found_pct)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
