OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(wide, _pd.DataFrame) and 'year' in wide.columns and ({'Pakistan', 'Russia', 'India'} <= set(wide.columns)) and "
                                               "bool(wide.index.is_unique) and bool(wide['year'].between(1992, 2019).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> all((isinstance(n, int) and (not isinstance(n, bool)) for n in (n_ru_in, n_ru_pk))) and 0 < n_ru_in <= len(wide) and (0 < n_ru_pk <= len(wide))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> from coursekit import data as _data\n'
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
                                               '>>> from coursekit import data as _data\n'
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
