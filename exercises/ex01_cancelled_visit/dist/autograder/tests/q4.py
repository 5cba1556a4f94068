OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {'code': '>>> all((isinstance(r, float) and r > 0 and (round(r, 1) == r) for r in (ru_pk_ratio, in_pk_ratio)))\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _m = {s: float(v) for s, y, v in zip(_n['state'], _n['year'], _n['milex']) if y == 2012 and s in ('Russia', 'Pakistan')}\n"
                                               ">>> abs(ru_pk_ratio - round(_m['Russia'] / _m['Pakistan'], 1)) < 1e-09\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _n = _data.load('cow_nmc')\n"
                                               ">>> _m = {s: float(v) for s, y, v in zip(_n['state'], _n['year'], _n['milex']) if y == 2012 and s in ('India', 'Pakistan')}\n"
                                               ">>> abs(in_pk_ratio - round(_m['India'] / _m['Pakistan'], 1)) < 1e-09\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
