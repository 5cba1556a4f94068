OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'status_2016 has type {_type(status_2016)}; it should be a pandas Series' if not isinstance(status_2016, _pd.Series) else 'status_2016 is empty' "
                                               "if len(status_2016) == 0 else 'status_2016 should be indexed by country' if not bool(status_2016.index.isin(sco['country']).all()) else 'status_2016 "
                                               "should hold statuses taken from status_after_event' if not bool(status_2016.isin(sco['status_after_event']).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'counts_2016 has type {_type(counts_2016)}; it should be a pandas Series' if not isinstance(counts_2016, _pd.Series) else 'counts_2016 should add "
                                               "up to the number of countries in status_2016' if int(counts_2016.sum()) != len(status_2016) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _s = _data.load('sco_membership')\n"
                                               ">>> _st = _s[_s['year'] <= 2016].sort_values('year').groupby('country')['status_after_event'].last()\n"
                                               '>>> bool({str(k): str(v) for k, v in status_2016.items()} == {str(k): str(v) for k, v in _st.items()})\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
