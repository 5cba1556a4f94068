OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0],
    'suites': [   {   'cases': [{'code': '>>> bool(all((isinstance(r, float) and r > 0 and (round(r, 2) == r) for r in (af_min_ratio, ru_max_ratio))))\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
