OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(status_2016, _pd.Series) and len(status_2016) > 0 and bool(status_2016.index.isin(sco['country']).all()) and "
                                               "bool(status_2016.isin(sco['status_after_event']).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n>>> isinstance(counts_2016, _pd.Series) and int(counts_2016.sum()) == len(status_2016)\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
