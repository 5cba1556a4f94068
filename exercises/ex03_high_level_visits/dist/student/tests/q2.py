OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'gaps has type {_type(gaps)}; it should be a pandas Series' if not isinstance(gaps, _pd.Series) else 'gaps should be indexed by visit id, one "
                                               'entry per row of visits\' if sorted(gaps.index) != sorted(visits[\'id\']) else "gaps should be missing once per direction (each direction\'s first '
                                               'visit): compute the gaps within each direction" if int(gaps.isna().sum()) != visits[\'direction\'].nunique() else \'gaps has negative values: sort the '
                                               "visits by date before taking differences' if not bool((gaps.dropna() >= 0).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'longest_gap has type {_type(longest_gap)}; it should be a pandas Series' if not isinstance(longest_gap, _pd.Series) else 'longest_gap should be "
                                               "indexed by direction' if sorted(longest_gap.index) != ['to Pakistan', 'to Russia'] else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
