OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(ca_yearly, _pd.DataFrame) and list(ca_yearly.columns) == ['low', 'best', 'high'] and (len(ca_yearly) > 0) and all((2007 <= int(y) "
                                               '<= 2022 for y in ca_yearly.index)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
