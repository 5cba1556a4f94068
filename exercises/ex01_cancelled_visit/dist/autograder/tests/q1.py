OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 1],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'n_happened has type {_type(n_happened)}; it should be a Python int, e.g. int(...)' if not isinstance(n_happened, int) or isinstance(n_happened, "
                                               "bool) else 'n_happened counts every row of timeline, the planned events that never took place included; count only the events whose happened value is "
                                               "True' if n_happened == len(timeline) else f'n_happened is {n_happened}, but timeline has {len(timeline)} rows: a count of its events lies between 0 "
                                               "and that' if not 0 <= n_happened <= len(timeline) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> from coursekit.runtime import data as _data\n>>> _t = _data.load('timeline_2012')\n>>> n_happened == len(_t[_t['happened'] == True])\nTrue",
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
