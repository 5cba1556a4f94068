OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pct_change has type {_type(pct_change)}; it should be a pandas Series' if not isinstance(pct_change, _pd.Series) else f'pct_change has "
                                               "{len(pct_change)} entries; it should have one per country with a non-zero before average' if not 0 < len(pct_change) <= 8 else 'pct_change has values "
                                               "below -100: a fall cannot exceed 100 percent (check the formula)' if not all((float(v) >= -100 for v in pct_change)) else 'pct_change is not rounded "
                                               "to one decimal place: use .round(1)' if not all((round(float(v), 1) == float(v) for v in pct_change)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'biggest_rise has type {_type(biggest_rise)}; it should be a str' if not isinstance(biggest_rise, str) else f'biggest_rise is {biggest_rise!r}, "
                                               "which is not a country in the index of pct_change' if biggest_rise not in set((str(k) for k in getattr(pct_change, 'index', []))) else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
