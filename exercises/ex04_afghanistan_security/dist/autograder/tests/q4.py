OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {'code': '>>> bool(all((isinstance(r, float) and r > 0 and (round(r, 2) == r) for r in (af_min_ratio, ru_max_ratio))))\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _c = _u[_u['country_name'] == 'Afghanistan']\n"
                                               ">>> _lo = float(_c[_c['year'].between(2015, 2022)]['low'].mean())\n"
                                               ">>> _hi = float(_c[_c['year'].between(2007, 2014)]['high'].mean())\n"
                                               '>>> bool(abs(af_min_ratio - round(_lo / _hi, 2)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _u = _data.load('ucdp_battle_deaths')\n"
                                               ">>> _c = _u[_u['country_name'] == 'Russia (Soviet Union)']\n"
                                               ">>> _hi = float(_c[_c['year'].between(2015, 2022)]['high'].mean())\n"
                                               ">>> _lo = float(_c[_c['year'].between(2007, 2014)]['low'].mean())\n"
                                               '>>> bool(abs(ru_max_ratio - round(_hi / _lo, 2)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
