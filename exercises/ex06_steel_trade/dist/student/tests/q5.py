OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(shares, _pd.DataFrame) and {'Pakistan', 'India'} <= set(shares.columns) and ([int(y) for y in shares.index] == list(range(1992, "
                                               "2015))) and ((shares[['Pakistan', 'India']] > 0) & (shares[['Pakistan', 'India']] < 100)).all().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(india_pak_ratio_2011, float) and india_pak_ratio_2011 > 0 and (round(india_pak_ratio_2011, 1) == india_pak_ratio_2011))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
