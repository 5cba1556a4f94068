OK_FORMAT = True

test = {   'name': 'q4',
    'points': [0],
    'suites': [   {   'cases': [   {   'code': '>>> import pandas as _pd\n'
                                               '>>> isinstance(scenario, _pd.DataFrame) and list(scenario.index) == [\'as recorded\', "article\'s dating"] and (list(scenario.columns) == [\'all '
                                               "visits', 'top-level visits']) and bool((scenario >= 0).all().all()) and bool((scenario['top-level visits'] <= scenario['all visits']).all())\n"
                                               'True',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
