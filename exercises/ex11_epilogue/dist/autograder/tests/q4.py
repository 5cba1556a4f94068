OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'top_level has type {_type(top_level)}; it should be a pandas DataFrame' if not isinstance(top_level, _pd.DataFrame) else 'top_level should keep "
                                               "every column of visits' if list(top_level.columns) != list(visits.columns) else 'top_level should hold some, not all, rows of visits' if not 0 < "
                                               'len(top_level) < len(visits) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'top_by_host has type {_type(top_by_host)}; it should be a pandas Series' if not isinstance(top_by_host, _pd.Series) else 'top_by_host should be "
                                               "indexed by host_country' if not set(top_by_host.index) <= set(visits['host_country']) else 'top_by_host should add up to the number of rows of "
                                               "top_level' if int(top_by_host.sum()) != len(top_level) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'last_top_in_pakistan has type {_type(last_top_in_pakistan)}; it should be a pandas Timestamp' if not isinstance(last_top_in_pakistan, "
                                               "_pd.Timestamp) else 'last_top_in_pakistan should be the date of one of the visits' if not visits['date'].min() <= last_top_in_pakistan <= "
                                               "visits['date'].max() else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _ids = sorted((i for i, l in zip(_v['id'], _v['level']) if l in ('head of state', 'head of government')))\n"
                                               ">>> bool(sorted(top_level['id']) == _ids and len(top_level) == len(_ids))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _n = _Counter((str(h) for h, l in zip(_v['host_country'], _v['level']) if l in ('head of state', 'head of government')))\n"
                                               '>>> bool({str(k): int(v) for k, v in top_by_host.items()} == dict(_n))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _d = max((d for d, h, l in zip(_v['date'], _v['host_country'], _v['level']) if h == 'Pakistan' and l in ('head of state', 'head of government')))\n"
                                               '>>> bool(last_top_in_pakistan == _d)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
