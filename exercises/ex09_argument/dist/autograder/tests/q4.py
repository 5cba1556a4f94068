OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'per_paragraph has type {_type(per_paragraph)}; it should be a pandas DataFrame' if not isinstance(per_paragraph, _pd.DataFrame) else "
                                               'f"per_paragraph has the columns {list(per_paragraph.columns)}; it should have exactly \'checkable\' and \'not checkable\', in that order" if '
                                               "list(per_paragraph.columns) != ['checkable', 'not checkable'] else 'per_paragraph should be indexed by paragraph, 1 to 15 in order' if [int(p) for p "
                                               'in per_paragraph.index] != list(range(1, 16)) else "per_paragraph\'s counts should add up to the number of claims" if '
                                               'int(per_paragraph.to_numpy().sum()) != len(claims) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import matplotlib.axes as _maxes\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'ax has type {_type(ax)}; it should be the matplotlib Axes that the plotting call returns' if not isinstance(ax, _maxes.Axes) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
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
