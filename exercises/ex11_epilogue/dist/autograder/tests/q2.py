OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'outcome_pct has type {_type(outcome_pct)}; it should be a pandas Series' if not isinstance(outcome_pct, _pd.Series) else 'outcome_pct should be "
                                               "indexed by outcome' if not set(outcome_pct.index) <= set(score['outcome']) else 'outcome_pct should add up to 100: percentages of all expectations' if "
                                               'abs(float(outcome_pct.sum()) - 100) >= 1 else None\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': ">>> _type = lambda value: (type(value).__module__ + '.' + type(value).__qualname__).removeprefix('builtins.')\n"
                                               ">>> f'dnh_below_high_pct has type {_type(dnh_below_high_pct)}; it should be a Python float rounded to 1 decimal place, e.g. round(float(...), 1)' if "
                                               "not isinstance(dnh_below_high_pct, float) else f'dnh_below_high_pct is {dnh_below_high_pct!r}: a percentage lies between 0 and 100 (multiply a share "
                                               "of 1 by 100)' if not 0 <= dnh_below_high_pct <= 100 else f'dnh_below_high_pct is {dnh_below_high_pct!r}: round it to 1 decimal place with round(..., "
                                               "1)' if round(dnh_below_high_pct, 1) != dnh_below_high_pct else None\n",
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _s = _data.load('scorecard')\n"
                                               ">>> _e = {k: round(100 * n / len(_s), 1) for k, n in _Counter((str(o) for o in _s['outcome'])).items()}\n"
                                               '>>> bool(set((str(k) for k in outcome_pct.index)) == set(_e) and all((abs(float(outcome_pct[k]) - v) < 1e-09 for k, v in _e.items())))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit.runtime import data as _data\n'
                                               ">>> _s = _data.load('scorecard')\n"
                                               ">>> _conf = [str(c) for o, c in zip(_s['outcome'], _s['confidence']) if o == 'did not happen']\n"
                                               ">>> bool(abs(dnh_below_high_pct - round(100 * sum((c != 'high' for c in _conf)) / len(_conf), 1)) < 1e-09)\n"
                                               'True',
                                       'hidden': True,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
