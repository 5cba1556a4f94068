OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(by_section, _pd.DataFrame) and {str(s) for s in by_section.index} == set(claims['section'].dropna()) and ({str(v) for v in "
                                               "by_section.columns} <= {'supported', 'partly', 'not found', 'contradicted'}))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(not_found_pct, _pd.Series) and len(not_found_pct) == len(by_section) and all((0 <= float(x) <= 100 for x in not_found_pct)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _c = _c[_c['checkable'] == True]\n"
                                               ">>> _e = _pd.crosstab(_c['section'], _c['verdict'])\n"
                                               '>>> _g = by_section.rename(index=str, columns=str)\n'
                                               '>>> bool(set(_g.index) == set(_e.index) and set(_g.columns) == set(_e.columns) and (_g.loc[_e.index, _e.columns].astype(int).values == '
                                               '_e.astype(int).values).all())\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _c = _c[_c['checkable'] == True]\n"
                                               ">>> _e = {str(s): round(100 * int((g['verdict'] == 'not found').sum()) / len(g), 1) for s, g in _c.groupby('section')}\n"
                                               '>>> _g = {str(k): float(v) for k, v in not_found_pct.items()}\n'
                                               '>>> bool(set(_g) == set(_e) and all((abs(_g[k] - _e[k]) < 1e-09 for k in _e)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
