OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pk_cn_2012 has type {_type(pk_cn_2012)}; it should be a pandas DataFrame' if not isinstance(pk_cn_2012, _pd.DataFrame) else 'pk_cn_2012 should "
                                               "have (at least) the columns ioname_lower, orgname and political' if not {'ioname_lower', 'orgname', 'political'} <= set(pk_cn_2012.columns) else "
                                               "'pk_cn_2012 has no rows' if len(pk_cn_2012) == 0 else 'pk_cn_2012 lists an IGO more than once: one row per IGO' if not "
                                               "bool(pk_cn_2012['ioname_lower'].is_unique) else 'pk_cn_2012 holds IGOs that are not in lookup' if not "
                                               "bool(pk_cn_2012['ioname_lower'].isin(lookup['ioname_lower']).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'political_share has type {_type(political_share)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(political_share, float) else f'political_share is {political_share!r}: a percentage lies between 0 and 100 (multiply a share of 1 by 100)' "
                                               "if not 0 <= political_share <= 100 else f'political_share is {political_share!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(political_share, 1) != political_share else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'growth_pk_cn has type {_type(growth_pk_cn)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(growth_pk_cn, float) else f'growth_pk_cn is {growth_pk_cn!r}: give the change in percent' if not -100 <= growth_pk_cn <= 1000 else "
                                               "f'growth_pk_cn is {growth_pk_cn!r}: round it to 1 decimal place with round(..., 1)' if round(growth_pk_cn, 1) != growth_pk_cn else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
