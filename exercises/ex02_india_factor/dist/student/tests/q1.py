OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(wide, _pd.DataFrame) and 'year' in wide.columns and ({'Pakistan', 'Russia', 'India'} <= set(wide.columns)) and "
                                               "bool(wide.index.is_unique) and bool(wide['year'].between(1992, 2019).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> all((isinstance(n, int) and (not isinstance(n, bool)) for n in (n_ru_in, n_ru_pk))) and 0 < n_ru_in <= len(wide) and (0 < n_ru_pk <= len(wide))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
