OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
