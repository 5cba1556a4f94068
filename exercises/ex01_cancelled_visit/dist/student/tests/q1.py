OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0],
    'suites': [   {   'cases': [{'code': '>>> isinstance(n_happened, int) and (not isinstance(n_happened, bool)) and (0 <= n_happened <= len(timeline))\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
