OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'scenario has type {_type(scenario)}; it should be a pandas DataFrame' if not isinstance(scenario, _pd.DataFrame) else 'scenario should have the "
                                               'index [\\\'as recorded\\\', "article\\\'s dating"] and the columns [\\\'all visits\\\', \\\'top-level visits\\\']\' if list(scenario.index) != [\'as '
                                               'recorded\', "article\'s dating"] or list(scenario.columns) != [\'all visits\', \'top-level visits\'] else \'scenario holds negative counts\' if not '
                                               "bool((scenario >= 0).all().all()) else 'scenario counts more top-level visits than visits in a row: the top-level ones are among all visits' if not "
                                               "bool((scenario['top-level visits'] <= scenario['all visits']).all()) else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
