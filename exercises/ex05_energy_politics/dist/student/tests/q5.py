OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(in_article, _pd.DataFrame) and list(in_article.columns) == list(projects.columns) and (0 < len(in_article) <= len(projects)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(none_found_share, float) and 0 <= none_found_share <= 100 and (round(none_found_share, 1) == none_found_share))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
