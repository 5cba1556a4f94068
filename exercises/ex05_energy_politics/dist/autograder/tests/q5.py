OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(in_article, _pd.DataFrame) and list(in_article.columns) == list(projects.columns) and (0 < len(in_article) <= len(projects)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(none_found_share, float) and 0 <= none_found_share <= 100 and (round(none_found_share, 1) == none_found_share))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _t = _data.load('energy_projects')\n"
                                               ">>> _ids = sorted((str(i) for i, a in zip(_t['id'], _t['article_paragraph']) if isinstance(a, str)))\n"
                                               ">>> bool(sorted((str(i) for i in in_article['id'])) == _ids and len(in_article) == len(_ids))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _t = _data.load('energy_projects')\n"
                                               ">>> _rows = [o for o, a in zip(_t['russian_outcome'], _t['article_paragraph']) if isinstance(a, str)]\n"
                                               ">>> bool(abs(none_found_share - round(100 * sum((o == 'none found' for o in _rows)) / len(_rows), 1)) < 1e-09)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
