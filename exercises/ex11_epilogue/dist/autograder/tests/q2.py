OK_FORMAT = True

test = {   'name': 'q2',
    'points': [0, 0, 1, 1],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               ">>> bool(isinstance(outcome_pct, _pd.Series) and set(outcome_pct.index) <= set(score['outcome']) and (abs(float(outcome_pct.sum()) - 100) < 1))\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> bool(isinstance(dnh_below_high_pct, float) and 0 <= dnh_below_high_pct <= 100 and (round(dnh_below_high_pct, 1) == dnh_below_high_pct))\nTrue',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
                                               '>>> from collections import Counter as _Counter\n'
                                               ">>> _s = _data.load('scorecard')\n"
                                               ">>> _e = {k: round(100 * n / len(_s), 1) for k, n in _Counter((str(o) for o in _s['outcome'])).items()}\n"
                                               '>>> bool(set((str(k) for k in outcome_pct.index)) == set(_e) and all((abs(float(outcome_pct[k]) - v) < 1e-09 for k, v in _e.items())))\n'
                                               'True',
                                       'hidden': True,
                                       'locked': False},
                                   {   'code': '>>> from coursekit import data as _data\n'
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
