OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 1],
    'suites': [   {   'cases': [   {'code': '>>> isinstance(n_happened, int) and (not isinstance(n_happened, bool)) and (0 <= n_happened <= len(timeline))\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': ">>> from coursekit import data as _data\n>>> _t = _data.load('timeline_2012')\n>>> n_happened == len(_t[_t['happened'] == True])\nTrue",
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
