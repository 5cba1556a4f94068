OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'by_section has type {_type(by_section)}; it should be a pandas DataFrame' if not isinstance(by_section, _pd.DataFrame) else 'by_section should "
                                               "have one row per section, with no totals' if {str(s) for s in by_section.index} != set(claims['section'].dropna()) else 'by_section should have one "
                                               "column per verdict of the checkable claims, with no totals' if not {str(v) for v in by_section.columns} <= {'supported', 'partly', 'not found', "
                                               "'contradicted'} else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'not_found_pct has type {_type(not_found_pct)}; it should be a pandas Series' if not isinstance(not_found_pct, _pd.Series) else 'not_found_pct "
                                               "should have one entry per section' if len(not_found_pct) != len(by_section) else 'not_found_pct should hold percentages between 0 and 100' if not "
                                               'all((0 <= float(x) <= 100 for x in not_found_pct)) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
