OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'dup_ids has type {_type(dup_ids)}; it should be a list' if not isinstance(dup_ids, list) else 'dup_ids should hold Python ints (convert each "
                                               "with int(...))' if not all((isinstance(i, int) and (not isinstance(i, bool)) for i in dup_ids)) else 'dup_ids should be sorted, with each id once' if "
                                               'dup_ids != sorted(set(dup_ids)) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'n_single_year has type {_type(n_single_year)}; it should be a Python int, e.g. int(...)' if not isinstance(n_single_year, int) or "
                                               "isinstance(n_single_year, bool) else f'n_single_year is {n_single_year}: it counts rows of plants, so it lies between 0 and {len(plants)}' if not 0 <= "
                                               'n_single_year <= len(plants) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'unlocated_share has type {_type(unlocated_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(unlocated_share, float) else f'unlocated_share is {unlocated_share!r}: a percentage lies between 0 and 100 (multiply a share of 1 by 100)' "
                                               "if not 0 <= unlocated_share <= 100 else f'unlocated_share is {unlocated_share!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(unlocated_share, 1) != unlocated_share else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _w = _data.load('wri_pakistan_plants')\n"
                                               ">>> _n = _Counter((int(i) for i in _w['Power Plant ID']))\n"
                                               '>>> bool(dup_ids == sorted((i for i, k in _n.items() if k > 1)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import re as _re\n'
                                               ">>> _w = _data.load('wri_pakistan_plants')\n"
                                               ">>> bool(n_single_year == sum((1 for d in _w['Commissioning Date'] if isinstance(d, str) and _re.fullmatch('[0-9]{4}', d))))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
