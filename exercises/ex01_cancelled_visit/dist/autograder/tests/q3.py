OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(india_events, _pd.DataFrame) and list(india_events.columns) == list(timeline.columns) and (len(india_events) > 0) and '
                                               "bool(india_events['actors'].str.contains('India').all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(lag_range, tuple) and len(lag_range) == 2 and all((isinstance(x, int) and (not isinstance(x, bool)) for x in lag_range)) and (0 <= '
                                               'lag_range[0] <= lag_range[1] < 366)\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _t = _data.load('timeline_2012')\n"
                                               ">>> _ids = [i for i, a in zip(_t['id'], _t['actors']) if 'India' in a.split(';')]\n"
                                               ">>> sorted(india_events['id']) == sorted(_ids) and len(india_events) == len(_ids)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _d = _data.load('timeline_2012').set_index('id')['date']\n"
                                               ">>> _first = _d['india-request'].replace(day=1)\n"
                                               '>>> import pandas as _pd\n'
                                               '>>> _last = _first + _pd.offsets.MonthEnd(0)\n'
                                               ">>> lag_range == ((_d['postponement'] - _last).days, (_d['postponement'] - _first).days)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
