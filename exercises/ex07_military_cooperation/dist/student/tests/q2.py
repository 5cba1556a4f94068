OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'russia_vs has type {_type(russia_vs)}; it should be a pandas DataFrame' if not isinstance(russia_vs, _pd.DataFrame) else 'russia_vs should be "
                                               "indexed by the periods of PERIODS, in order' if [str(p) for p in russia_vs.index] != PERIODS else 'russia_vs should have the columns India and "
                                               "Pakistan' if not {'India', 'Pakistan'} <= set(russia_vs.columns) else 'russia_vs should hold percentages from 0 to under 100' if not "
                                               "bool(((russia_vs[['India', 'Pakistan']] >= 0) & (russia_vs[['India', 'Pakistan']] < 100)).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'india_change has type {_type(india_change)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(india_change, float) else f'india_change is {india_change!r}: a change in percentage points lies between -100 and 100' if not -100 <= "
                                               "india_change <= 100 else f'india_change is {india_change!r}: round it to 1 decimal place with round(..., 1)' if round(india_change, 1) != india_change "
                                               'else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
