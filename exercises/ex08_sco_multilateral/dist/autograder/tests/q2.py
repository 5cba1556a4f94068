OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(compare_2012, _pd.DataFrame) and list(compare_2012.columns) == ['country', 'curated', 'cow'] and (len(compare_2012) == "
                                               "sco['country'].nunique()) and bool(compare_2012['cow'].isin([0, 1, 2, 3]).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(cow_missed, list) and cow_missed == sorted(cow_missed) and all((isinstance(c, str) for c in cow_missed))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _s, _c = (_data.load('sco_membership'), _data.load('cow_igo_sco'))\n"
                                               ">>> _st = _s[_s['year'] <= 2012].sort_values('year').groupby('country')['status_after_event'].last()\n"
                                               ">>> _cow = {str(k): int(v) for k, v in zip(_c.loc[_c['year'] == 2012, 'state'], _c.loc[_c['year'] == 2012, 'status'])}\n"
                                               ">>> _want = sorted(((str(c), str(_st.get(c, 'none')), _cow[str(c).lower()]) for c in _s['country'].unique()))\n"
                                               ">>> bool(sorted(((str(a), str(s), int(x)) for a, s, x in zip(compare_2012['country'], compare_2012['curated'], compare_2012['cow']))) == _want)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _s, _c = (_data.load('sco_membership'), _data.load('cow_igo_sco'))\n"
                                               ">>> _st = _s[_s['year'] <= 2012].sort_values('year').groupby('country')['status_after_event'].last()\n"
                                               ">>> _cow = {str(k): int(v) for k, v in zip(_c.loc[_c['year'] == 2012, 'state'], _c.loc[_c['year'] == 2012, 'status'])}\n"
                                               ">>> bool([str(c) for c in cow_missed] == sorted((str(c) for c, v in _st.items() if str(v).startswith('observer') and _cow[str(c).lower()] == 0)))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
