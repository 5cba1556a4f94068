OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(russia_vs, _pd.DataFrame) and [str(p) for p in russia_vs.index] == PERIODS and ({'India', 'Pakistan'} <= set(russia_vs.columns)) "
                                               "and ((russia_vs[['India', 'Pakistan']] >= 0) & (russia_vs[['India', 'Pakistan']] < 100)).all().all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(india_change, float) and -100 <= india_change <= 100 and (round(india_change, 1) == india_change))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
                                   {   'code': '>>> from coursekit import data as _data\n'
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
