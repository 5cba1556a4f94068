OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'smooth has type {_type(smooth)}; it should be a pandas DataFrame' if not isinstance(smooth, _pd.DataFrame) else 'smooth should have the same "
                                               "index and columns as agree' if sorted(smooth.columns) != ['India', 'Pakistan'] or len(smooth) != len(agree) else 'smooth should be missing exactly two "
                                               "values per column, for the first and last year: use a centred window of three years' if int(smooth['India'].isna().sum()) != 2 else None\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
