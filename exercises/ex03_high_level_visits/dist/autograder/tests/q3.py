OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               '>>> f\'p5_check has type {_type(p5_check)}; it should be a pandas DataFrame\' if not isinstance(p5_check, _pd.DataFrame) else "p5_check should have '
                                               'the columns id, event_id and _merge (merge with indicator=True, after renaming the timeline\'s id)" if not {\'id\', \'event_id\', \'_merge\'} <= '
                                               "set(p5_check.columns) else 'p5_check has visit ids that are not in visits: merge the P5 visits onto the timeline events, not the other way round' if "
                                               "not set(p5_check['id']) <= set(visits['id']) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'matched_ids has type {_type(matched_ids)}; it should be a list' if not isinstance(matched_ids, list) else 'matched_ids should hold visit ids as "
                                               "str' if not all((isinstance(i, str) for i in matched_ids)) else 'matched_ids should be sorted' if matched_ids != sorted(matched_ids) else 'matched_ids "
                                               "holds ids that are not visit ids (timeline event ids, perhaps)' if not set(matched_ids) <= set(visits['id']) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
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
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
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
