OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(pk_shares, _pd.DataFrame) and [str(p) for p in pk_shares.index] == PERIODS and ({'China', 'Russia'} <= set(pk_shares.columns)) and "
                                               '(pk_shares.fillna(0) >= 0).all().all() and ((pk_shares.fillna(0).sum(axis=1) - 100).abs() < 1e-06).all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> bool(isinstance(russia_rank, int) and (not isinstance(russia_rank, bool)) and (1 <= russia_rank <= tiv.loc[tiv['Recipient'] == 'Pakistan', "
                                               "'Supplier'].nunique()))\n"
                                               'True',
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
                                               ">>> _e = _s.loc['Pakistan'].unstack('Supplier').fillna(0).loc[['2000-04', '2005-09', '2010-14', '2015-19', '2020-23']]\n"
                                               '>>> _a = pk_shares.fillna(0).copy()\n'
                                               '>>> _a.index = [str(p) for p in _a.index]\n'
                                               '>>> bool(set(_a.columns) <= set(_e.columns) and _np.allclose(_a.reindex(index=_e.index, columns=_e.columns, fill_value=0).to_numpy(dtype=float), '
                                               '_e.to_numpy(dtype=float)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _t = _data.load('sipri_tiv_by_supplier')\n"
                                               ">>> _tot = _t[_t['Recipient'] == 'Pakistan'].groupby('Supplier')['tiv_delivered_sum'].sum().astype(float)\n"
                                               ">>> bool(russia_rank == 1 + int((_tot > _tot['Russia']).sum()))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
