OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'cumulative has type {_type(cumulative)}; it should be a pandas DataFrame' if not isinstance(cumulative, _pd.DataFrame) else f'cumulative has the "
                                               "columns {list(cumulative.columns)}; it should have one per direction' if sorted(cumulative.columns) != ['to Pakistan', 'to Russia'] else 'cumulative "
                                               "should be indexed by every year from 1965 to 2025, years without a visit included (reindex)' if [int(y) for y in cumulative.index] != list(range(1965, "
                                               '2026)) else None\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
