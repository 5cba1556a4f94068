OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(by_level, _pd.DataFrame) and list(by_level.index) == LEVELS and (sorted(by_level.columns) == ['to Pakistan', 'to Russia']) and "
                                               '(int(by_level.to_numpy().sum()) == len(visits))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(top_share, _pd.Series) and sorted(top_share.index) == ['to Pakistan', 'to Russia'] and bool(((top_share >= 0) & (top_share <= "
                                               '100)).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
