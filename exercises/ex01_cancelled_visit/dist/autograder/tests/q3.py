OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'india_events has type {_type(india_events)}; it should be a pandas DataFrame' if not isinstance(india_events, _pd.DataFrame) else 'india_events "
                                               "should keep every column of timeline, in the same order' if list(india_events.columns) != list(timeline.columns) else 'india_events has no rows: check "
                                               "how you test whether India is one of the actors' if len(india_events) == 0 else 'some rows of india_events do not list India among their actors' if "
                                               "not bool(india_events['actors'].str.contains('India').all()) else 'india_events keeps only the rows whose actors are India alone; a row that lists "
                                               "India with other countries involves India too' if len(india_events) == int((timeline['actors'] == 'India').sum()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'lag_range has type {_type(lag_range)}; it should be a tuple' if not isinstance(lag_range, tuple) else f'lag_range has {len(lag_range)} items; it "
                                               "should have two, (fewest, most)' if len(lag_range) != 2 else f'lag_range holds a {_type(lag_range[0])} and a {_type(lag_range[1])}; both should be "
                                               "Python ints, e.g. int(...)' if not all((isinstance(x, int) and (not isinstance(x, bool)) for x in lag_range)) else 'lag_range should be (fewest, "
                                               "most): two day counts, neither negative, the smaller first' if not 0 <= lag_range[0] <= lag_range[1] else 'lag_range goes beyond a year: check which "
                                               "dates you compared' if lag_range[1] >= 366 else 'lag_range gives one number twice, but the request is dated only to the month: it may fall on any day "
                                               "of that month' if lag_range[0] == lag_range[1] else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _t = _data.load('timeline_2012')\n"
                                               ">>> _ids = [i for i, a in zip(_t['id'], _t['actors']) if 'India' in a.split(';')]\n"
                                               ">>> sorted(india_events['id']) == sorted(_ids) and len(india_events) == len(_ids)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
