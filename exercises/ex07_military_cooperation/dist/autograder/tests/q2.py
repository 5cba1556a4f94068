OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
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
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _t = _data.load('sipri_tiv_by_supplier')\n"
                                               ">>> _t['period'] = _pd.cut(_t['year'], bins=[1999, 2004, 2009, 2014, 2019, 2023], labels=['2000-04', '2005-09', '2010-14', '2015-19', "
                                               "'2020-23']).astype(str)\n"
                                               ">>> _g = _t.groupby(['Recipient', 'period', 'Supplier'])['tiv_delivered_sum'].sum().astype(float)\n"
                                               ">>> _s = 100 * _g / _g.groupby(level=[0, 1]).transform('sum')\n"
                                               '>>> import numpy as _np\n'
                                               '>>> _a = russia_vs.copy()\n'
                                               '>>> _a.index = [str(p) for p in _a.index]\n'
                                               '>>> _ok = True\n'
                                               ">>> for _c in ['India', 'Pakistan']:\n"
                                               "...     _e = _s.loc[_c].xs('Russia', level='Supplier').loc[['2000-04', '2005-09', '2010-14', '2015-19', '2020-23']]\n"
                                               '...     _ok = _ok and _np.allclose(_a.loc[_e.index, _c].to_numpy(dtype=float), _e.to_numpy(dtype=float))\n'
                                               '>>> bool(_ok)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> import pandas as _pd\n'
                                               ">>> _t = _data.load('sipri_tiv_by_supplier')\n"
                                               ">>> _t['period'] = _pd.cut(_t['year'], bins=[1999, 2004, 2009, 2014, 2019, 2023], labels=['2000-04', '2005-09', '2010-14', '2015-19', "
                                               "'2020-23']).astype(str)\n"
                                               ">>> _g = _t.groupby(['Recipient', 'period', 'Supplier'])['tiv_delivered_sum'].sum().astype(float)\n"
                                               ">>> _s = 100 * _g / _g.groupby(level=[0, 1]).transform('sum')\n"
                                               ">>> bool(abs(india_change - round(_s['India', '2020-23', 'Russia'] - _s['India', '2000-04', 'Russia'], 1)) < 0.051)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
