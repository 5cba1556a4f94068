OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(compare_2012, _pd.DataFrame) and list(compare_2012.columns) == ['country', 'curated', 'cow'] and (len(compare_2012) == "
                                               "sco['country'].nunique()) and bool(compare_2012['cow'].isin([0, 1, 2, 3]).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> isinstance(cow_missed, list) and cow_missed == sorted(cow_missed) and all((isinstance(c, str) for c in cow_missed))\nTrue',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
