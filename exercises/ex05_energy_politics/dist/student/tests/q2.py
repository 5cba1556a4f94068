OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(gen, _pd.DataFrame) and list(gen.columns) == ['owid', 'bp'] and (len(gen) > 0) and isinstance(cagr, _pd.DataFrame) and "
                                               "(list(cagr.index) == ['2002-2007', '2007-2012', '2012-2017']) and (list(cagr.columns) == ['owid', 'bp']))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
