OK_FORMAT = True

test = {   'name': 'q6',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(by_issue, _pd.DataFrame) and sorted(by_issue.columns) == ['India', 'Pakistan'] and (len(by_issue) == issues['issue'].nunique()) and "
                                               'bool(((by_issue >= 0) & (by_issue <= 100)).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': ">>> isinstance(widest_issue, str) and widest_issue in set(issues['issue'])\nTrue", 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
