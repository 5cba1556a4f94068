OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'shares has type {_type(shares)}; it should be a pandas DataFrame' if not isinstance(shares, _pd.DataFrame) else 'shares should have the columns "
                                               "Pakistan and India' if not {'Pakistan', 'India'} <= set(shares.columns) else 'shares should be indexed by year, 1992 to 2014' if [int(y) for y in "
                                               "shares.index] != list(range(1992, 2015)) else 'shares should hold percentages between 0 and 100' if not bool(((shares[['Pakistan', 'India']] > 0) & "
                                               "(shares[['Pakistan', 'India']] < 100)).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'india_pak_ratio_2011 has type {_type(india_pak_ratio_2011)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' "
                                               "if not isinstance(india_pak_ratio_2011, float) else f'india_pak_ratio_2011 is {india_pak_ratio_2011!r}: a ratio of two shares is positive' if not "
                                               "india_pak_ratio_2011 > 0 else f'india_pak_ratio_2011 is {india_pak_ratio_2011!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(india_pak_ratio_2011, 1) != india_pak_ratio_2011 else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
