OK_FORMAT = True

test = {   'name': 'q1',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(verdict_counts, _pd.Series) and len(verdict_counts) > 0 and (set(verdict_counts.index) <= {'supported', 'partly', 'not found', "
                                               "'contradicted'}) and all((int(n) == n and n > 0 for n in verdict_counts)))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(pct_not_supported, float) and 0 <= pct_not_supported <= 100 and (round(pct_not_supported, 1) == pct_not_supported))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
