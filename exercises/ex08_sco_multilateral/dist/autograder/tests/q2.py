OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'compare_2012 has type {_type(compare_2012)}; it should be a pandas DataFrame' if not isinstance(compare_2012, _pd.DataFrame) else f'compare_2012 "
                                               "has the columns {list(compare_2012.columns)}; it should have exactly country, curated and cow, in that order' if list(compare_2012.columns) != "
                                               "['country', 'curated', 'cow'] else f'compare_2012 has {len(compare_2012)} rows; it should have one per country of sco' if len(compare_2012) != "
                                               'sco[\'country\'].nunique() else "compare_2012[\'cow\'] should hold COW status codes (0 to 3), with no missing values" if not '
                                               "bool(compare_2012['cow'].isin([0, 1, 2, 3]).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cow_missed has type {_type(cow_missed)}; it should be a list' if not isinstance(cow_missed, list) else 'cow_missed should be sorted' if "
                                               "cow_missed != sorted(cow_missed) else 'cow_missed should hold country names as str' if not all((isinstance(c, str) for c in cow_missed)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _s, _c = (_data.load('sco_membership'), _data.load('cow_igo_sco'))\n"
                                               ">>> _st = _s[_s['year'] <= 2012].sort_values('year').groupby('country')['status_after_event'].last()\n"
                                               ">>> _cow = {str(k): int(v) for k, v in zip(_c.loc[_c['year'] == 2012, 'state'], _c.loc[_c['year'] == 2012, 'status'])}\n"
                                               ">>> _want = sorted(((str(c), str(_st.get(c, 'none')), _cow[str(c).lower()]) for c in _s['country'].unique()))\n"
                                               ">>> bool(sorted(((str(a), str(s), int(x)) for a, s, x in zip(compare_2012['country'], compare_2012['curated'], compare_2012['cow']))) == _want)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
