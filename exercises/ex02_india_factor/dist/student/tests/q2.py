OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(agree, _pd.DataFrame) and sorted(agree.columns) == ['India', 'Pakistan'] and ([int(y) for y in agree.index] == list(range(1992, 2020))) "
                                               'and bool(((agree >= 0) & (agree <= 100)).all().all()) and bool(((agree - agree.round(1)).abs() < 1e-09).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
