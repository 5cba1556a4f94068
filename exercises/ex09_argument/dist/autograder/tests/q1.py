OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
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
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = {str(k): int(v) for k, v in _c['kind'].value_counts().items()}\n"
                                               '>>> bool({str(k): int(v) for k, v in kind_counts.items() if int(v) > 0} == _want)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _want = {s: 100 * float((_c.loc[_c['section'] == s, 'kind'] == 'opinion').mean()) for s in set(_c['section'])}\n"
                                               '>>> bool(len(opinion_share) == len(_want) and all((abs(float(v) - _want[str(k)]) <= 0.05 + 1e-09 for k, v in opinion_share.items())))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
