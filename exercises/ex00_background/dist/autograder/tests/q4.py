OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'visits has type {_type(visits)}; it should be a pandas DataFrame' if not isinstance(visits, _pd.DataFrame) else 'visits should keep all the "
                                               "columns of events' if list(visits.columns) != list(events.columns) else 'visits holds rows whose kind is not visit' if not bool((visits['kind'] == "
                                               "'visit').all()) else 'visits holds events of 2012 or later' if not bool((visits['date'].dt.year < 2012).all()) else 'visits should be in order of "
                                               "date' if not bool(visits['date'].is_monotonic_increasing) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'official has type {_type(official)}; it should be a pandas DataFrame' if not isinstance(official, _pd.DataFrame) else 'official should keep all "
                                               "the columns of events' if list(official.columns) != list(events.columns) else 'answer (a) first: official is checked against visits' if not "
                                               "isinstance(visits, _pd.DataFrame) or 'id' not in visits.columns else 'official should hold rows of visits only' if not set(official['id']) <= "
                                               "set(visits['id']) else 'official holds a visit whose text says it was not an official bilateral visit: a rule that only looks for the words also "
                                               "catches their negation' if any(('not an official' in str(text) for text in official['event'])) else 'official is empty: some visits in the table are "
                                               "marked as official bilateral visits' if len(official) == 0 else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> next((f'{name} has type {_type(value)}; it should be a Python int, e.g. int(...)' if not isinstance(value, int) or isinstance(value, bool) else "
                                               "f'{name} is {value}: a gap between consecutive years of 1947-2011 lies between 0 and 64' for name, value in (('longest_gap_visit', longest_gap_visit), "
                                               "('longest_gap_official', longest_gap_official)) if not isinstance(value, int) or isinstance(value, bool) or (not 0 <= value <= 64)), None)\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import re as _re\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _e = _data.load('background_events')\n"
                                               ">>> _v = _e[(_e['kind'] == 'visit') & (_e['date'].dt.year <= 2011)].sort_values('date', kind='stable')\n"
                                               ">>> _o = _v[[bool(_re.search('[(]an official bilateral visit', text)) for text in _v['event']]]\n"
                                               ">>> bool(sorted(visits['id']) == sorted(_v['id']) and bool(visits['date'].is_monotonic_increasing))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import re as _re\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _e = _data.load('background_events')\n"
                                               ">>> _v = _e[(_e['kind'] == 'visit') & (_e['date'].dt.year <= 2011)].sort_values('date', kind='stable')\n"
                                               ">>> _o = _v[[bool(_re.search('[(]an official bilateral visit', text)) for text in _v['event']]]\n"
                                               ">>> bool(sorted(official['id']) == sorted(_o['id']))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import re as _re\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _e = _data.load('background_events')\n"
                                               ">>> _v = _e[(_e['kind'] == 'visit') & (_e['date'].dt.year <= 2011)].sort_values('date', kind='stable')\n"
                                               ">>> _o = _v[[bool(_re.search('[(]an official bilateral visit', text)) for text in _v['event']]]\n"
                                               ">>> bool(longest_gap_visit == int(_v['date'].dt.year.diff().max()) and longest_gap_official == int(_o['date'].dt.year.diff().max()))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
