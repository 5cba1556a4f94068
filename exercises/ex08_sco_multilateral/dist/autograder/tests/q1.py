OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(status_2016, _pd.Series) and len(status_2016) > 0 and bool(status_2016.index.isin(sco['country']).all()) and "
                                               "bool(status_2016.isin(sco['status_after_event']).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> import pandas as _pd\n>>> isinstance(counts_2016, _pd.Series) and int(counts_2016.sum()) == len(status_2016)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _s = _data.load('sco_membership')\n"
                                               ">>> _st = _s[_s['year'] <= 2016].sort_values('year').groupby('country')['status_after_event'].last()\n"
                                               '>>> bool({str(k): str(v) for k, v in status_2016.items()} == {str(k): str(v) for k, v in _st.items()})\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _s = _data.load('sco_membership')\n"
                                               ">>> _st = _s[_s['year'] <= 2016].sort_values('year').groupby('country')['status_after_event'].last()\n"
                                               '>>> bool({str(k): int(v) for k, v in counts_2016.items()} == {str(k): int(v) for k, v in _st.value_counts().items()})\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
