OK_FORMAT = True

test = {   'name': 'q6',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'by_issue has type {_type(by_issue)}; it should be a pandas DataFrame' if not isinstance(by_issue, _pd.DataFrame) else f'by_issue has the columns "
                                               "{list(by_issue.columns)}; it should have exactly India and Pakistan' if sorted(by_issue.columns) != ['India', 'Pakistan'] else f'by_issue has "
                                               "{len(by_issue)} rows; it should have one per issue of issues' if len(by_issue) != issues['issue'].nunique() else 'by_issue holds values outside 0-100: "
                                               "give percentages' if not bool(((by_issue >= 0) & (by_issue <= 100)).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'widest_issue has type {_type(widest_issue)}; it should be a str' if not isinstance(widest_issue, str) else f'widest_issue is {widest_issue!r}, "
                                               "which is not one of the issue names of issues' if widest_issue not in set(issues['issue']) else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
