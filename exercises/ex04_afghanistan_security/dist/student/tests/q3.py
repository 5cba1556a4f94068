OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(pct_change, _pd.Series) and 0 < len(pct_change) <= 8 and all((round(float(v), 1) == float(v) and float(v) >= -100 for v in '
                                               'pct_change)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> bool(isinstance(biggest_rise, str) and biggest_rise in set((str(k) for k in getattr(pct_change, 'index', []))))\nTrue",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
