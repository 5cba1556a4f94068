OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(verdict_counts, _pd.Series) and len(verdict_counts) > 0 and (set(verdict_counts.index) <= {'supported', 'partly', 'not found', "
                                               "'contradicted'}) and all((int(n) == n and n > 0 for n in verdict_counts)))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(pct_not_supported, float) and 0 <= pct_not_supported <= 100 and (round(pct_not_supported, 1) == pct_not_supported))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               ">>> _c = _data.load('claims')\n"
                                               ">>> _c = _c[_c['checkable'] == True]\n"
                                               ">>> _expected = {str(k): int(v) for k, v in _c['verdict'].value_counts().items()}\n"
                                               '>>> bool({str(k): int(v) for k, v in verdict_counts.items()} == _expected)\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
