OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0],
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
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
