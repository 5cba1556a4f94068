OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(cumulative, _pd.DataFrame) and sorted(cumulative.columns) == ['to Pakistan', 'to Russia'] and ([int(y) for y in cumulative.index] == "
                                               'list(range(1969, 2023)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
