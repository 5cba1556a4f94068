OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(kind_counts, _pd.Series) and set(map(str, kind_counts.index)) <= set(KINDS) and (int(kind_counts.sum()) == len(claims))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(opinion_share, _pd.Series) and set(map(str, opinion_share.index)) == set(SECTIONS) and bool(opinion_share.between(0, 100).all()) and '
                                               'bool((opinion_share.round(1) == opinion_share).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
