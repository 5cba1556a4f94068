OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(pk_cn_2012, _pd.DataFrame) and {'ioname_lower', 'orgname', 'political'} <= set(pk_cn_2012.columns) and (len(pk_cn_2012) > 0) and "
                                               "bool(pk_cn_2012['ioname_lower'].is_unique) and bool(pk_cn_2012['ioname_lower'].isin(lookup['ioname_lower']).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(political_share, float) and 0 <= political_share <= 100 and (round(political_share, 1) == political_share)\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(growth_pk_cn, float) and -100 <= growth_pk_cn <= 1000 and (round(growth_pk_cn, 1) == growth_pk_cn)\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _i, _l = (_data.load('cow_igo_memberships'), _data.load('cow_igo_lookup'))\n"
                                               ">>> _f = _i[_i['status'] == 1]\n"
                                               ">>> _in = lambda s, y: set(_f.loc[(_f['state'] == s) & (_f['year'] == y), 'ioname_lower'])\n"
                                               ">>> _both = _in('pakistan', 2012) & _in('china', 2012)\n"
                                               ">>> _names = {k: v for k, v in zip(_l['ioname_lower'], _l['orgname']) if k in _both}\n"
                                               ">>> bool(sorted(pk_cn_2012['ioname_lower']) == sorted(_both) and dict(zip(pk_cn_2012['ioname_lower'], pk_cn_2012['orgname'])) == _names)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _i, _l = (_data.load('cow_igo_memberships'), _data.load('cow_igo_lookup'))\n"
                                               ">>> _f = _i[_i['status'] == 1]\n"
                                               ">>> _in = lambda s, y: set(_f.loc[(_f['state'] == s) & (_f['year'] == y), 'ioname_lower'])\n"
                                               ">>> _both = _in('pakistan', 2012) & _in('china', 2012)\n"
                                               ">>> _pol = sum((1 for k, p in zip(_l['ioname_lower'], _l['political']) if k in _both and p == 1))\n"
                                               '>>> bool(abs(political_share - 100 * _pol / len(_both)) <= 0.05 + 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
