OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> bool(isinstance(dup_ids, list) and all((isinstance(i, int) and (not isinstance(i, bool)) for i in dup_ids)) and (dup_ids == '
                                               'sorted(set(dup_ids))))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(n_single_year, int) and (not isinstance(n_single_year, bool)) and (0 <= n_single_year <= len(plants)))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(unlocated_share, float) and 0 <= unlocated_share <= 100 and (round(unlocated_share, 1) == unlocated_share))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
