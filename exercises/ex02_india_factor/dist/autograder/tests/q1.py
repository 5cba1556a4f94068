OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'wide has type {_type(wide)}; it should be a pandas DataFrame' if not isinstance(wide, _pd.DataFrame) else 'wide has no column year; take it from "
                                               "roll_calls with a join on rcid' if 'year' not in wide.columns else 'wide should have one column per country of votes (India, Pakistan and Russia among "
                                               "them)' if not {'Pakistan', 'Russia', 'India'} <= set(wide.columns) else 'wide repeats some index labels: it should have one row per roll call, indexed "
                                               "by rcid' if not bool(wide.index.is_unique) else 'wide holds roll calls outside 1992-2019 (remember the one dated January 2020)' if not "
                                               "bool(wide['year'].between(1992, 2019).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python int, e.g. int(...)' if not isinstance(value, int) or isinstance(value, bool) else "
                                               "f'{name} is {value}: it counts roll calls of wide, so it lies between 1 and {len(wide)}' for name, value in (('n_ru_in', n_ru_in), ('n_ru_pk', "
                                               'n_ru_pk)) if (not isinstance(value, int) or isinstance(value, bool)) or not 0 < value <= len(wide)), None)\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> _cols = ['Pakistan', 'Russia', 'India', 'China', 'United States']\n"
                                               ">>> bool(len(wide) == len(_w) and set(wide.index) == set(_w.index) and (wide.loc[_w.index, 'year'].astype(int) == _w['year'].astype(int)).all() and "
                                               "all(((wide.loc[_w.index, c].astype(object).fillna('-') == _w[c].astype(object).fillna('-')).all() for c in _cols)))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('unga_votes')\n"
                                               ">>> _r = _data.load('unga_roll_calls')\n"
                                               ">>> _y = _r.loc[_r['year'].between(1992, 2019), ['rcid', 'year']].set_index('rcid')\n"
                                               ">>> _w = _v.pivot(index='rcid', columns='country', values='vote').join(_y, how='inner')\n"
                                               ">>> bool(n_ru_in == len(_w[['Russia', 'India']].dropna()) and n_ru_pk == len(_w[['Russia', 'Pakistan']].dropna()))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
