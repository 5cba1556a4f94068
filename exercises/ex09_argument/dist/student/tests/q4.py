OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(per_paragraph, _pd.DataFrame) and list(per_paragraph.columns) == ['checkable', 'not checkable'] and ([int(p) for p in "
                                               'per_paragraph.index] == list(range(1, 16))) and (int(per_paragraph.to_numpy().sum()) == len(claims))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> import matplotlib.axes as _maxes\n>>> isinstance(ax, _maxes.Axes)\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
