OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'verdict_counts has type {_type(verdict_counts)}; it should be a pandas Series' if not isinstance(verdict_counts, _pd.Series) else "
                                               "'verdict_counts is empty' if len(verdict_counts) == 0 else 'verdict_counts holds verdicts that checkable claims do not get: keep only the checkable "
                                               "claims first' if not set(verdict_counts.index) <= {'supported', 'partly', 'not found', 'contradicted'} else 'verdict_counts should hold counts "
                                               "(positive whole numbers)' if not all((int(n) == n and n > 0 for n in verdict_counts)) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'pct_not_supported has type {_type(pct_not_supported)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if not "
                                               "isinstance(pct_not_supported, float) else f'pct_not_supported is {pct_not_supported!r}: a percentage lies between 0 and 100 (multiply a share of 1 by "
                                               "100)' if not 0 <= pct_not_supported <= 100 else f'pct_not_supported is {pct_not_supported!r}: round it to 1 decimal place with round(..., 1)' if "
                                               'round(pct_not_supported, 1) != pct_not_supported else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _c = _c[_c['checkable'] == True]\n"
                                               ">>> _expected = {str(k): int(v) for k, v in _c['verdict'].value_counts().items()}\n"
                                               '>>> bool({str(k): int(v) for k, v in verdict_counts.items()} == _expected)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _c = _c[_c['checkable'] == True]\n"
                                               ">>> _pct = round(100 * int((_c['verdict'] != 'supported').sum()) / len(_c), 1)\n"
                                               '>>> bool(abs(pct_not_supported - _pct) < 1e-09)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
