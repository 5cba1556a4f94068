OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> bool(isinstance(dup_ids, list) and all((isinstance(i, int) and (not isinstance(i, bool)) for i in dup_ids)) and (dup_ids == '
                                               'sorted(set(dup_ids))))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(n_single_year, int) and (not isinstance(n_single_year, bool)) and (0 <= n_single_year <= len(plants)))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(unlocated_share, float) and 0 <= unlocated_share <= 100 and (round(unlocated_share, 1) == unlocated_share))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _w = _data.load('wri_pakistan_plants')\n"
                                               ">>> _n = _Counter((int(i) for i in _w['Power Plant ID']))\n"
                                               '>>> bool(dup_ids == sorted((i for i, k in _n.items() if k > 1)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import re as _re\n'
                                               ">>> _w = _data.load('wri_pakistan_plants')\n"
                                               ">>> bool(n_single_year == sum((1 for d in _w['Commissioning Date'] if isinstance(d, str) and _re.fullmatch('[0-9]{4}', d))))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _w = _data.load('wri_pakistan_plants')\n"
                                               ">>> _all = sum((float(c) for c in _w['Capacity (MW)']))\n"
                                               ">>> _off = sum((float(c) for c, a, b in zip(_w['Capacity (MW)'], _w['Latitude'], _w['Longitude']) if _pd.isna(a) or _pd.isna(b)))\n"
                                               '>>> bool(abs(unlocated_share - round(100 * _off / _all, 1)) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
