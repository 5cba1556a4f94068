OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(smooth, _pd.DataFrame) and sorted(smooth.columns) == ['India', 'Pakistan'] and (len(smooth) == len(agree)) and "
                                               "(int(smooth['India'].isna().sum()) == 2)\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
