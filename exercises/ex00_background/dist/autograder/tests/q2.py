OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'by_period has type {_type(by_period)}; it should be a pandas DataFrame' if not isinstance(by_period, _pd.DataFrame) else f'by_period has the "
                                               "columns {list(by_period.columns)}; it should have exactly Moscow and Washington' if sorted(by_period.columns) != ['Moscow', 'Washington'] else "
                                               "'by_period should be indexed by the labels of PERIODS, in the same order' if list(by_period.index) != [label for label, _, _ in PERIODS] else "
                                               "'by_period has missing values: every period has years with data, so average over those' if bool(by_period.isna().any().any()) else 'by_period holds "
                                               "values between 0 and 1: give percentages, as in pak' if float(by_period.max().max()) <= 1 else 'by_period holds values outside 0-100' if not "
                                               "bool(((by_period >= 0) & (by_period <= 100)).all().all()) else 'by_period is not rounded to one decimal place: use .round(1)' if not bool(((by_period "
                                               '- by_period.round(1)).abs() < 1e-09).all().all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'widest_period has type {_type(widest_period)}; it should be a str' if not isinstance(widest_period, str) else f'widest_period is "
                                               "{widest_period!r}, which is not one of the labels of PERIODS' if widest_period not in [label for label, _, _ in PERIODS] else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'closer_to_washington has type {_type(closer_to_washington)}; it should be a list' if not isinstance(closer_to_washington, list) else "
                                               "'closer_to_washington should hold labels of PERIODS (str)' if not all((isinstance(x, str) and x in [label for label, _, _ in PERIODS] for x in "
                                               "closer_to_washington)) else 'closer_to_washington should list each period once, in the order of PERIODS' if closer_to_washington != [label for label, "
                                               '_, _ in PERIODS if label in closer_to_washington] else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _p = _d[_d['CountryAbb'] == 'PAK'].set_index('Year')[['PctAgreeRUSSIA', 'PctAgreeUS']].astype(float) * 100\n"
                                               ">>> _p.columns = ['Moscow', 'Washington']\n"
                                               '>>> _labels = _pd.Series({y: label for label, first, last in PERIODS for y in range(first, last + 1)})\n'
                                               '>>> _b = _p.groupby(_labels.reindex(_p.index)).mean().reindex([label for label, _, _ in PERIODS]).round(1)\n'
                                               '>>> bool(list(by_period.index) == list(_b.index) and all((abs(float(by_period.loc[i, c]) - float(_b.loc[i, c])) <= 0.11 for i in _b.index for c in '
                                               "['Moscow', 'Washington'])))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _p = _d[_d['CountryAbb'] == 'PAK'].set_index('Year')[['PctAgreeRUSSIA', 'PctAgreeUS']].astype(float) * 100\n"
                                               ">>> _p.columns = ['Moscow', 'Washington']\n"
                                               '>>> _labels = _pd.Series({y: label for label, first, last in PERIODS for y in range(first, last + 1)})\n'
                                               '>>> _b = _p.groupby(_labels.reindex(_p.index)).mean().reindex([label for label, _, _ in PERIODS]).round(1)\n'
                                               ">>> bool(widest_period == (_b['Moscow'] - _b['Washington']).idxmax())\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _p = _d[_d['CountryAbb'] == 'PAK'].set_index('Year')[['PctAgreeRUSSIA', 'PctAgreeUS']].astype(float) * 100\n"
                                               ">>> _p.columns = ['Moscow', 'Washington']\n"
                                               '>>> _labels = _pd.Series({y: label for label, first, last in PERIODS for y in range(first, last + 1)})\n'
                                               '>>> _b = _p.groupby(_labels.reindex(_p.index)).mean().reindex([label for label, _, _ in PERIODS]).round(1)\n'
                                               ">>> bool(closer_to_washington == [i for i in _b.index if _b.loc[i, 'Washington'] > _b.loc[i, 'Moscow']])\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
