OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0, 0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> isinstance(agree_excl, _pd.DataFrame) and sorted(agree_excl.columns) == ['India', 'Pakistan'] and ([int(y) for y in agree_excl.index] == "
                                               'list(range(1992, 2020))) and bool(((agree_excl >= 0) & (agree_excl <= 100)).all().all())\n'
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {'code': '>>> isinstance(n_flips, int) and (not isinstance(n_flips, bool)) and (0 <= n_flips <= 28)\nTrue', 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
