OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'per_year has type {_type(per_year)}; it should be a pandas DataFrame' if not isinstance(per_year, _pd.DataFrame) else f'per_year has "
                                               "{len(per_year)} rows; it should have one per year from 2013 to 2025, years without events included (reindex)' if len(per_year) != 13 else 'per_year "
                                               'should have one column per category of events\' if {str(c) for c in per_year.columns} != set(events[\'category\']) else "per_year\'s counts should add '
                                               'up to the number of events" if int(per_year.values.sum()) != len(events) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'busiest_years has type {_type(busiest_years)}; it should be a list' if not isinstance(busiest_years, list) else 'busiest_years is empty' if "
                                               "len(busiest_years) == 0 else 'busiest_years should hold Python ints (convert each with int(...))' if not all((isinstance(y, int) for y in "
                                               "busiest_years)) else 'busiest_years holds years outside 2013-2025' if not all((2013 <= y <= 2025 for y in busiest_years)) else 'busiest_years should "
                                               "be sorted' if busiest_years != sorted(busiest_years) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
