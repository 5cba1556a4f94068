OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
