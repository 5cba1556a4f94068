OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
