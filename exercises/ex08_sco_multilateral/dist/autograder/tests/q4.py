OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'members_by_year has type {_type(members_by_year)}; it should be a pandas DataFrame' if not isinstance(members_by_year, _pd.DataFrame) else "
                                               "'members_by_year should have exactly the four columns of the question, in that order' if list(members_by_year.columns) != ['curated_members', "
                                               "'curated_observers', 'cow_members', 'cow_observers'] else f'members_by_year has {len(members_by_year)} rows; it should have one per year from 1996 to "
                                               "2014' if len(members_by_year) != 2014 - 1996 + 1 else 'members_by_year has missing values: a year with nobody in a category shows 0' if not "
                                               "bool(members_by_year.notna().all().all()) else 'members_by_year holds negative counts' if not bool((members_by_year >= 0).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import matplotlib.axes as _maxes\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'ax has type {_type(ax)}; it should be the matplotlib Axes that the plotting call returns' if not isinstance(ax, _maxes.Axes) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('cow_igo_sco')\n"
                                               ">>> _want = {y: (int(((_c['year'] == y) & (_c['status'] == 1)).sum()), int(((_c['year'] == y) & (_c['status'] == 3)).sum())) for y in range(1996, "
                                               '2015)}\n'
                                               ">>> bool([int(y) for y in members_by_year.index] == list(_want) and all(((int(members_by_year.loc[y, 'cow_members']), int(members_by_year.loc[y, "
                                               "'cow_observers'])) == _want[y] for y in _want)))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _s = _data.load('sco_membership')\n"
                                               ">>> _st = {y: _s[_s['year'] <= y].sort_values('year').groupby('country')['status_after_event'].last() for y in range(1996, 2015)}\n"
                                               ">>> bool([int(y) for y in members_by_year.index] == list(_st) and all((int(members_by_year.loc[y, 'curated_members']) == int((_st[y] == "
                                               "'member').sum()) and int(members_by_year.loc[y, 'curated_observers']) == int(_st[y].str.startswith('observer').sum()) for y in _st)))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import matplotlib.axes as _maxes\n>>> bool(isinstance(ax, _maxes.Axes) and len(ax.get_lines()) + len(ax.containers) >= 4)\nTrue',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
