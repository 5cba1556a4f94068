OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(india_events, _pd.DataFrame) and list(india_events.columns) == list(timeline.columns) and (len(india_events) > 0) and '
                                               "bool(india_events['actors'].str.contains('India').all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(lag_range, tuple) and len(lag_range) == 2 and all((isinstance(x, int) and (not isinstance(x, bool)) for x in lag_range)) and (0 <= '
                                               'lag_range[0] <= lag_range[1] < 366)\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
