OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(rp, _pd.DataFrame) and {'year', 'bilateral', 'russia_total', 'share'} <= set(rp.columns) and ([int(y) for y in rp['year']] == "
                                               "list(range(1992, 2015))) and ((rp['share'] > 0) & (rp['share'] < 100)).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(pak_share_2011, float) and 0 < pak_share_2011 < 100 and (round(pak_share_2011, 3) == pak_share_2011))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
