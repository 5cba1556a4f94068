OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
