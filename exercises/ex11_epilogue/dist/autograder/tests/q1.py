OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(per_year, _pd.DataFrame) and len(per_year) == 13 and ({str(c) for c in per_year.columns} == set(events['category'])) and "
                                               '(int(per_year.values.sum()) == len(events)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(busiest_years, list) and len(busiest_years) > 0 and all((isinstance(y, int) and 2013 <= y <= 2025 for y in busiest_years)) and '
                                               '(busiest_years == sorted(busiest_years)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _e = _data.load('after_2012')\n"
                                               ">>> _n = _Counter(((int(d.year), str(c)) for d, c in zip(_e['date'], _e['category'])))\n"
                                               '>>> _pos = {int(y): i for i, y in enumerate(per_year.index)}\n'
                                               '>>> bool(all((int(per_year[c].iloc[_pos[y]]) == k for (y, c), k in _n.items())) and int(per_year.values.sum()) == len(_e))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> bool([int(y) for y in per_year.index] == list(range(2013, 2026)) and all((int(v) == 0 for v in per_year.iloc[[int(y) for y in '
                                               'per_year.index].index(2020)])))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _n = _Counter((int(d.year) for d in _data.load('after_2012')['date']))\n"
                                               '>>> _top = max(_n.values())\n'
                                               '>>> bool(busiest_years == sorted((y for y, k in _n.items() if k == _top)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
