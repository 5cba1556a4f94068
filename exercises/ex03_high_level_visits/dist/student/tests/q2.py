OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(gaps, _pd.Series) and sorted(gaps.index) == sorted(visits['id']) and (int(gaps.isna().sum()) == visits['direction'].nunique()) and "
                                               'bool((gaps.dropna() >= 0).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> import pandas as _pd\n>>> isinstance(longest_gap, _pd.Series) and sorted(longest_gap.index) == ['to Pakistan', 'to Russia']\nTrue",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
