OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 0, 1, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> bool(isinstance(top_level, _pd.DataFrame) and list(top_level.columns) == list(visits.columns) and (0 < len(top_level) < len(visits)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(top_by_host, _pd.Series) and set(top_by_host.index) <= set(visits['host_country']) and (int(top_by_host.sum()) == "
                                               'len(top_level)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(last_top_in_pakistan, _pd.Timestamp) and visits['date'].min() <= last_top_in_pakistan <= visits['date'].max())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _ids = sorted((i for i, l in zip(_v['id'], _v['level']) if l in ('head of state', 'head of government')))\n"
                                               ">>> bool(sorted(top_level['id']) == _ids and len(top_level) == len(_ids))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _n = _Counter((str(h) for h, l in zip(_v['host_country'], _v['level']) if l in ('head of state', 'head of government')))\n"
                                               '>>> bool({str(k): int(v) for k, v in top_by_host.items()} == dict(_n))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
