OK_FORMAT = True

test = {   'name': 'q3',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(both, _pd.DataFrame) and 'text' in both.columns and (set(both['text']) == {'article', 'comment'}) and (len(both) == len(claims) + "
                                               'len(comment)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(assessed_pct, _pd.Series) and set(assessed_pct.index) == {'article', 'comment'} and all((0 <= float(x) <= 100 for x in "
                                               'assessed_pct)))\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
