OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'lead has type {_type(lead)}; it should be a pandas Series' if not isinstance(lead, _pd.Series) else 'lead should be indexed by year, from 1947 "
                                               "to 1991, in increasing order' if not bool(lead.index.is_monotonic_increasing) or not all((1947 <= int(y) <= 1991 for y in lead.index)) else 'lead "
                                               "repeats some years: one value per year' if not bool(lead.index.is_unique) else 'lead has missing values: keep only the years in which both countries "
                                               "have a value' if bool(lead.isna().any()) else 'lead holds differences of shares of 1: give percentage points' if float(lead.abs().max()) < 1 else "
                                               "'lead is not rounded to one decimal place: use .round(1)' if not bool(((lead - lead.round(1)).abs() < 1e-09).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python float, e.g. float(...)' if type(value) is not float else f'{name} is not rounded to "
                                               "one decimal place: use round(..., 1)' if abs(value - round(value, 1)) > 1e-09 else f'{name} is {value}: a mean of differences between two percentages "
                                               "lies between -100 and 100' for name, value in (('mean_before', mean_before), ('mean_after', mean_after)) if type(value) is not float or abs(value - "
                                               'round(value, 1)) > 1e-09 or (not -100 <= value <= 100)), None)\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'n_india_ahead has type {_type(n_india_ahead)}; it should be a Python int, e.g. int(...)' if not isinstance(n_india_ahead, int) or "
                                               "isinstance(n_india_ahead, bool) else f'n_india_ahead is {n_india_ahead}: it counts years of 1972-1991, so it lies between 0 and 20' if not 0 <= "
                                               'n_india_ahead <= 20 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _m = lambda abb: _d[_d['CountryAbb'] == abb].set_index('Year')['PctAgreeRUSSIA'].astype(float) * 100\n"
                                               ">>> _l = (_m('IND') - _m('PAK')).dropna()\n"
                                               '>>> _l = _l[(_l.index >= 1947) & (_l.index <= 1991)].round(1)\n'
                                               '>>> bool([int(y) for y in lead.index] == [int(y) for y in _l.index] and _np.allclose(lead.to_numpy(dtype=float), _l.to_numpy(dtype=float), '
                                               'atol=0.11))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _m = lambda abb: _d[_d['CountryAbb'] == abb].set_index('Year')['PctAgreeRUSSIA'].astype(float) * 100\n"
                                               ">>> _l = (_m('IND') - _m('PAK')).dropna()\n"
                                               '>>> _l = _l[(_l.index >= 1947) & (_l.index <= 1991)].round(1)\n'
                                               '>>> bool(abs(mean_before - _l.loc[1947:1970].mean()) <= 0.15 and abs(mean_after - _l.loc[1972:1991].mean()) <= 0.15)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _d = _data.load('unga_ideal_points')\n"
                                               ">>> _m = lambda abb: _d[_d['CountryAbb'] == abb].set_index('Year')['PctAgreeRUSSIA'].astype(float) * 100\n"
                                               ">>> _l = (_m('IND') - _m('PAK')).dropna()\n"
                                               '>>> _l = _l[(_l.index >= 1947) & (_l.index <= 1991)].round(1)\n'
                                               '>>> bool(n_india_ahead == int((_l.loc[1972:1991] > 0).sum()))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
