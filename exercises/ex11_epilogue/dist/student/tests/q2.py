OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(outcome_pct, _pd.Series) and set(outcome_pct.index) <= set(score['outcome']) and (abs(float(outcome_pct.sum()) - 100) < 1))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(dnh_below_high_pct, float) and 0 <= dnh_below_high_pct <= 100 and (round(dnh_below_high_pct, 1) == dnh_below_high_pct))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
