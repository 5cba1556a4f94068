OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(p5_check, _pd.DataFrame) and {'id', 'event_id', '_merge'} <= set(p5_check.columns) and (set(p5_check['id']) <= set(visits['id']))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(matched_ids, list) and all((isinstance(i, str) for i in matched_ids)) and (matched_ids == sorted(matched_ids)) and (set(matched_ids) <= '
                                               "set(visits['id']))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
