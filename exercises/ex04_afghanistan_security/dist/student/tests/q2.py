OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'averages has type {_type(averages)}; it should be a pandas DataFrame' if not isinstance(averages, _pd.DataFrame) else f'averages has the columns "
                                               "{list(averages.columns)}; it should have exactly before and after, in that order' if list(averages.columns) != ['before', 'after'] else f'averages has "
                                               "{len(averages)} rows; it should have one per country of focus (eight)' if len(averages) != 8 else 'averages holds negative values: a mean of death "
                                               "counts cannot be negative' if not bool((averages.astype(float) >= 0).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
