OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'kind_counts has type {_type(kind_counts)}; it should be a pandas Series' if not isinstance(kind_counts, _pd.Series) else 'kind_counts should be "
                                               "indexed by kind (the names in KINDS)' if not set(map(str, kind_counts.index)) <= set(KINDS) else 'kind_counts should add up to the number of claims' "
                                               'if int(kind_counts.sum()) != len(claims) else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'opinion_share has type {_type(opinion_share)}; it should be a pandas Series' if not isinstance(opinion_share, _pd.Series) else 'opinion_share "
                                               "should be indexed by section, every section of SECTIONS once' if set(map(str, opinion_share.index)) != set(SECTIONS) else 'opinion_share should hold "
                                               "percentages between 0 and 100' if not bool(opinion_share.between(0, 100).all()) else 'opinion_share is not rounded to one decimal place' if not "
                                               'bool((opinion_share.round(1) == opinion_share).all()) else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
