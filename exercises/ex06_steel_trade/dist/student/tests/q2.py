OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n>>> bool(isinstance(yoy, _pd.Series) and [int(y) for y in yoy.index] == list(range(1993, 2015)) and yoy.notna().all())\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(cagr, _pd.Series) and set(cagr.index) == {'flow1', 'flow2', 'bilateral'} and all((-100 < float(v) < 1000 and round(float(v), 1) == "
                                               'float(v) for v in cagr)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
