OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'scenario has type {_type(scenario)}; it should be a pandas DataFrame' if not isinstance(scenario, _pd.DataFrame) else 'scenario should have the "
                                               'index [\\\'as recorded\\\', "article\\\'s dating"] and the columns [\\\'all visits\\\', \\\'top-level visits\\\']\' if list(scenario.index) != [\'as '
                                               'recorded\', "article\'s dating"] or list(scenario.columns) != [\'all visits\', \'top-level visits\'] else \'scenario holds negative counts\' if not '
                                               "bool((scenario >= 0).all().all()) else 'scenario counts more top-level visits than visits in a row: the top-level ones are among all visits' if not "
                                               "bool((scenario['top-level visits'] <= scenario['all visits']).all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               '>>> import numpy as _np\n'
                                               '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _v = _data.load('visits')\n"
                                               ">>> _v = _v[_v['kind'] != 'meeting in a third country'].sort_values(['date', 'id']).reset_index(drop=True)\n"
                                               ">>> _v['direction'] = _v['host_country'].map({'Pakistan': 'to Pakistan', 'Russia': 'to Russia', 'Soviet Union': 'to Russia'})\n"
                                               ">>> _top = ['head of state', 'head of government']\n"
                                               '>>> _alt = _v.copy()\n'
                                               ">>> _alt.loc[_alt['id'] == 'zardari-2011', 'date'] = _pd.Timestamp('2012-05-11')\n"
                                               ">>> bool([int(x) for x in scenario['all visits']] == [int((t['date'].dt.year == 2012).sum()) for t in (_v, _alt)])\n"
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
                                               '>>> _alt = _v.copy()\n'
                                               ">>> _alt.loc[_alt['id'] == 'zardari-2011', 'date'] = _pd.Timestamp('2012-05-11')\n"
                                               ">>> bool([int(x) for x in scenario['top-level visits']] == [int(((t['date'].dt.year == 2012) & t['level'].isin(_top)).sum()) for t in (_v, _alt)])\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
