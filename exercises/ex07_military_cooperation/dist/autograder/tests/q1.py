OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pk_shares has type {_type(pk_shares)}; it should be a pandas DataFrame' if not isinstance(pk_shares, _pd.DataFrame) else 'pk_shares should be "
                                               "indexed by the periods of PERIODS, in order' if [str(p) for p in pk_shares.index] != PERIODS else 'pk_shares should have one column per supplier, "
                                               "China and Russia among them' if not {'China', 'Russia'} <= set(pk_shares.columns) else 'pk_shares holds negative values' if not "
                                               'bool((pk_shares.fillna(0) >= 0).all().all()) else "each row of pk_shares should add up to 100: percentages of that period\'s total" if not '
                                               'bool(((pk_shares.fillna(0).sum(axis=1) - 100).abs() < 1e-06).all()) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'russia_rank has type {_type(russia_rank)}; it should be a Python int, e.g. int(...)' if not isinstance(russia_rank, int) or "
                                               'isinstance(russia_rank, bool) else f"russia_rank is {russia_rank}: a rank runs from 1 (the largest supplier) to the number of Pakistan\'s suppliers" '
                                               "if not 1 <= russia_rank <= tiv.loc[tiv['Recipient'] == 'Pakistan', 'Supplier'].nunique() else None\n",
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
                                               ">>> _e = _s.loc['Pakistan'].unstack('Supplier').fillna(0).loc[['2000-04', '2005-09', '2010-14', '2015-19', '2020-23']]\n"
                                               '>>> _a = pk_shares.fillna(0).copy()\n'
                                               '>>> _a.index = [str(p) for p in _a.index]\n'
                                               '>>> bool(set(_a.columns) <= set(_e.columns) and _np.allclose(_a.reindex(index=_e.index, columns=_e.columns, fill_value=0).to_numpy(dtype=float), '
                                               '_e.to_numpy(dtype=float)))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
