OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'agree has type {_type(agree)}; it should be a pandas DataFrame' if not isinstance(agree, _pd.DataFrame) else f'agree has the columns "
                                               "{list(agree.columns)}; it should have exactly India and Pakistan' if sorted(agree.columns) != ['India', 'Pakistan'] else 'agree should be indexed by "
                                               "year, 1992 to 2019, in order' if [int(y) for y in agree.index] != list(range(1992, 2020)) else 'agree holds values outside 0-100: give percentages, "
                                               "not shares of 1' if not bool(((agree >= 0) & (agree <= 100)).all().all()) else 'agree is not rounded to one decimal place: use .round(1)' if not "
                                               'bool(((agree - agree.round(1)).abs() < 1e-09).all().all()) else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
