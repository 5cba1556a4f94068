OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0],
    'suites': [   {   'cases': [{'code': '>>> all((isinstance(r, float) and r > 0 and (round(r, 1) == r) for r in (ru_pk_ratio, in_pk_ratio)))\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
