OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(route_tiv, _pd.Series) and set(route_tiv.index) == {'via China', 'direct'} and all((float(v) > 0 for v in route_tiv)))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(direct_share, float) and 0 < direct_share < 100 and (round(direct_share, 1) == direct_share))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(estimated_share, float) and 0 <= estimated_share <= 100 and (round(estimated_share, 1) == estimated_share))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
