OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(per_paragraph, _pd.DataFrame) and list(per_paragraph.columns) == ['checkable', 'not checkable'] and ([int(p) for p in "
                                               'per_paragraph.index] == list(range(1, 16))) and (int(per_paragraph.to_numpy().sum()) == len(claims))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> import matplotlib.axes as _maxes\n>>> isinstance(ax, _maxes.Axes)\nTrue', 'hidden': False, 'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = {p: (int(((_c['paragraph'] == p) & (_c['checkable'] == True)).sum()), int(((_c['paragraph'] == p) & (_c['checkable'] == False)).sum())) "
                                               'for p in range(1, 16)}\n'
                                               ">>> bool([int(p) for p in per_paragraph.index] == list(_want) and all(((int(per_paragraph.loc[p, 'checkable']), int(per_paragraph.loc[p, 'not "
                                               "checkable'])) == _want[p] for p in _want)))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> import matplotlib.axes as _maxes\n>>> bool(isinstance(ax, _maxes.Axes) and len(ax.patches) >= 2 * len(per_paragraph))\nTrue',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
