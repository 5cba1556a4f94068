OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pak has type {_type(pak)}; it should be a pandas DataFrame' if not isinstance(pak, _pd.DataFrame) else f'pak has the columns "
                                               '{list(pak.columns)}; it should have exactly Moscow and Washington\' if sorted(pak.columns) != [\'Moscow\', \'Washington\'] else "pak repeats some '
                                               'years: it should hold Pakistan\'s rows only, one per year, indexed by Year" if not bool(pak.index.is_unique) else \'pak should be indexed by Year, in '
                                               "increasing order' if not bool(pak.index.is_monotonic_increasing) or not all((1946 <= int(y) <= 2012 for y in pak.index)) else 'pak holds values "
                                               "between 0 and 1: give percentages, not shares of 1' if float(pak.max().max()) <= 1 else 'pak holds values outside 0-100' if not bool(((pak >= 0) & "
                                               '(pak <= 100)).all().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'missing_years has type {_type(missing_years)}; it should be a list' if not isinstance(missing_years, list) else 'missing_years should hold "
                                               "Python ints, e.g. int(...)' if not all((type(y) is int for y in missing_years)) else 'missing_years should be in increasing order, each year once' if "
                                               "missing_years != sorted(set(missing_years)) else 'missing_years holds years outside 1947-2012' if not all((1947 <= y <= 2012 for y in missing_years)) "
                                               "else 'answer question 1 (a) first: missing_years is checked against pak' if not isinstance(pak, _pd.DataFrame) else 'missing_years holds a year for "
                                               "which pak has a row' if any((y in set((int(i) for i in pak.index)) for y in missing_years)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _p = _d[_d['CountryAbb'] == 'PAK'].set_index('Year')[['PctAgreeRUSSIA', 'PctAgreeUS']].astype(float) * 100\n"
                                               ">>> _p.columns = ['Moscow', 'Washington']\n"
                                               '>>> import numpy as _np\n'
                                               '>>> bool(sorted((int(y) for y in pak.index)) == sorted((int(y) for y in _p.index)) and all((_np.allclose(pak.loc[_p.index, c].to_numpy(dtype=float), '
                                               "_p[c].to_numpy(dtype=float), atol=0.01) for c in ['Moscow', 'Washington'])))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _p = _d[_d['CountryAbb'] == 'PAK'].set_index('Year')[['PctAgreeRUSSIA', 'PctAgreeUS']].astype(float) * 100\n"
                                               ">>> _p.columns = ['Moscow', 'Washington']\n"
                                               '>>> bool(missing_years == [y for y in range(1947, 2013) if y not in set((int(i) for i in _p.index))])\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
