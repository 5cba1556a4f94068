OK_FORMAT = True

test = {   'name': 'q5',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'yearly has type {_type(yearly)}; it should be a pandas DataFrame' if not isinstance(yearly, _pd.DataFrame) else 'yearly should be indexed by "
                                               'every year from 2000 to 2023, 0 where nothing came (reindex)\' if [int(y) for y in yearly.index] != list(range(2000, 2024)) else "yearly should have '
                                               'the columns \'via China\' and \'direct\'" if not {\'via China\', \'direct\'} <= set(yearly.columns) else \'yearly holds negative values\' if not '
                                               "bool((yearly[['via China', 'direct']].fillna(0) >= 0).all().all()) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'direct_years has type {_type(direct_years)}; it should be a list' if not isinstance(direct_years, list) else 'direct_years is empty' if "
                                               "len(direct_years) == 0 else 'direct_years should hold Python ints (convert each with int(...))' if not all((isinstance(y, int) for y in direct_years)) "
                                               "else 'direct_years holds years outside 2000-2023' if not all((2000 <= y <= 2023 for y in direct_years)) else 'direct_years should be in increasing "
                                               "order' if direct_years != sorted(direct_years) else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               '>>> import numpy as _np\n'
                                               ">>> _yr = _ru['Delivery year'].astype(int)\n"
                                               '>>> _via = _tiv[_eng].groupby(_yr[_eng]).sum().reindex(range(2000, 2024), fill_value=0.0)\n'
                                               '>>> _dir = _tiv[~_eng].groupby(_yr[~_eng]).sum().reindex(range(2000, 2024), fill_value=0.0)\n'
                                               '>>> _a = yearly.fillna(0).sort_index()\n'
                                               ">>> bool(len(_a) == 24 and _np.allclose(_a['via China'].to_numpy(dtype=float), _via.to_numpy()) and _np.allclose(_a['direct'].to_numpy(dtype=float), "
                                               '_dir.to_numpy()))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _reg = _data.load('sipri_register')\n"
                                               ">>> _ru = _reg[(_reg['Supplier'] == 'Russia') & (_reg['Recipient'] == 'Pakistan')]\n"
                                               ">>> _eng = _ru['Designation'] == 'RD-33 (6200)'\n"
                                               ">>> _tiv = _ru['TIV delivery values'].astype(float)\n"
                                               ">>> bool(direct_years == sorted({int(y) for y, v in zip(_ru.loc[~_eng, 'Delivery year'], _tiv[~_eng]) if v > 0}))\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
