"""What a student's notebook imports: :mod:`.data` (validated datasets, downloaded by
:mod:`.remote` when the course's ``data/`` is not beside it), :mod:`.quiz` (one question bank
from :mod:`.quiz_bank`, live with :mod:`.quiz_widget` or static HTML/JS), :mod:`.charts`, and
:mod:`.atomic` (files written whole or not at all).

Kept light on purpose: importing any of it loads no Sphinx, Jupyter Book, nbclient or otter,
so a notebook starts fast on Colab or Binder, and nothing here imports the book tooling or the
instructor's modules (``tests/test_imports.py`` checks both).
"""
