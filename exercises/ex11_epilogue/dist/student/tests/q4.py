OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(top_level, _pd.DataFrame) and list(top_level.columns) == list(visits.columns) and (0 < len(top_level) < len(visits)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(top_by_host, _pd.Series) and set(top_by_host.index) <= set(visits['host_country']) and (int(top_by_host.sum()) == "
                                               'len(top_level)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(last_top_in_pakistan, _pd.Timestamp) and visits['date'].min() <= last_top_in_pakistan <= visits['date'].max())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
