OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(shares, _pd.DataFrame) and list(shares.columns) == list(SOURCES.values()) and (len(shares) > 0) and (shares.astype(float) >= '
                                               '0).all().all() and (shares.astype(float) <= 100).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(coal_pp_change, float) and -100 < coal_pp_change < 100 and (round(coal_pp_change, 1) == coal_pp_change))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
