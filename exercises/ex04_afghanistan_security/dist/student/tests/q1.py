OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(focus, _pd.DataFrame) and list(focus.columns) == list(ucdp.columns) and (len(focus) > 0) and focus['year'].between(2007, "
                                               '2022).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
