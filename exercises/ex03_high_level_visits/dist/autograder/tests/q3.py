OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(p5_check, _pd.DataFrame) and {'id', 'event_id', '_merge'} <= set(p5_check.columns) and (set(p5_check['id']) <= set(visits['id']))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(matched_ids, list) and all((isinstance(i, str) for i in matched_ids)) and (matched_ids == sorted(matched_ids)) and (set(matched_ids) <= '
                                               "set(visits['id']))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit import data as _data\n'
                                               ">>> _v = _data.load('visits').sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               ">>> _t = _data.load('timeline_2012')\n"
                                               ">>> _n = _v.loc[_v['article'] == 'P5', ['id', 'date']]\n"
                                               ">>> _k = set(_t.loc[_t['category'] == 'visit', 'date'])\n"
                                               ">>> _exp = {(str(i), 'both' if d in _k else 'left_only') for i, d in zip(_n['id'], _n['date'])}\n"
                                               ">>> bool(len(p5_check) == len(_n) and {(str(i), str(m)) for i, m in zip(p5_check['id'], p5_check['_merge'])} == _exp)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit import data as _data\n'
                                               ">>> _v = _data.load('visits').sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               ">>> _t = _data.load('timeline_2012')\n"
                                               ">>> _k = set(_t.loc[_t['category'] == 'visit', 'date'])\n"
                                               ">>> bool(matched_ids == sorted((str(i) for i, a, d in zip(_v['id'], _v['article'], _v['date']) if str(a) == 'P5' and d in _k)))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
