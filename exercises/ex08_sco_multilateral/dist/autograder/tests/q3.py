OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
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
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _i, _l = (_data.load('cow_igo_memberships'), _data.load('cow_igo_lookup'))\n"
                                               ">>> _f = _i[_i['status'] == 1]\n"
                                               ">>> _in = lambda s, y: set(_f.loc[(_f['state'] == s) & (_f['year'] == y), 'ioname_lower'])\n"
                                               ">>> _both = _in('pakistan', 2012) & _in('china', 2012)\n"
                                               ">>> _names = {k: v for k, v in zip(_l['ioname_lower'], _l['orgname']) if k in _both}\n"
                                               ">>> bool(sorted(pk_cn_2012['ioname_lower']) == sorted(_both) and dict(zip(pk_cn_2012['ioname_lower'], pk_cn_2012['orgname'])) == _names)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _i, _l = (_data.load('cow_igo_memberships'), _data.load('cow_igo_lookup'))\n"
                                               ">>> _f = _i[_i['status'] == 1]\n"
                                               ">>> _in = lambda s, y: set(_f.loc[(_f['state'] == s) & (_f['year'] == y), 'ioname_lower'])\n"
                                               ">>> _both = _in('pakistan', 2012) & _in('china', 2012)\n"
                                               ">>> _pol = sum((1 for k, p in zip(_l['ioname_lower'], _l['political']) if k in _both and p == 1))\n"
                                               '>>> bool(abs(political_share - 100 * _pol / len(_both)) <= 0.05 + 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _i = _data.load('cow_igo_memberships')\n"
                                               ">>> _f = _i[_i['status'] == 1]\n"
                                               ">>> _in = lambda s, y: set(_f.loc[(_f['state'] == s) & (_f['year'] == y), 'ioname_lower'])\n"
                                               ">>> _n05, _n12 = (len(_in('pakistan', 2005) & _in('china', 2005)), len(_in('pakistan', 2012) & _in('china', 2012)))\n"
                                               '>>> bool(abs(growth_pk_cn - 100 * (_n12 - _n05) / _n05) <= 0.05 + 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
