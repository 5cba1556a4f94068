OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(members_by_year, _pd.DataFrame) and list(members_by_year.columns) == ['curated_members', 'curated_observers', 'cow_members', "
                                               "'cow_observers'] and (len(members_by_year) == 2014 - 1996 + 1) and bool(members_by_year.notna().all().all()) and bool((members_by_year >= "
                                               '0).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> import matplotlib.axes as _maxes\n>>> isinstance(ax, _maxes.Axes)\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
