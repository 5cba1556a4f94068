OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'in_article has type {_type(in_article)}; it should be a pandas DataFrame' if not isinstance(in_article, _pd.DataFrame) else 'in_article should "
                                               "keep every column of projects' if list(in_article.columns) != list(projects.columns) else 'in_article should hold some, not all, rows of projects' if "
                                               'not 0 < len(in_article) <= len(projects) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'none_found_share has type {_type(none_found_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(none_found_share, float) else f'none_found_share is {none_found_share!r}: a percentage lies between 0 and 100 (multiply a share of 1 by "
                                               "100)' if not 0 <= none_found_share <= 100 else f'none_found_share is {none_found_share!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(none_found_share, 1) != none_found_share else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _t = _data.load('energy_projects')\n"
                                               ">>> _ids = sorted((str(i) for i, a in zip(_t['id'], _t['article_paragraph']) if isinstance(a, str)))\n"
                                               ">>> bool(sorted((str(i) for i in in_article['id'])) == _ids and len(in_article) == len(_ids))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
