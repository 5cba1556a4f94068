OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(russia_vs, _pd.DataFrame) and [str(p) for p in russia_vs.index] == PERIODS and ({'India', 'Pakistan'} <= set(russia_vs.columns)) "
                                               "and ((russia_vs[['India', 'Pakistan']] >= 0) & (russia_vs[['India', 'Pakistan']] < 100)).all().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(india_change, float) and -100 <= india_change <= 100 and (round(india_change, 1) == india_change))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
