"""What builds and publishes the book: :mod:`.build` (parallel execution, then Jupyter Book),
:mod:`.notebooks` (``coursekit execute``: deterministic committed outputs), :mod:`.sphinxext`
(quiz directive, meta descriptions, figure sizes), :mod:`.quiz_lint`, :mod:`.launch` (Binder and
Colab), :mod:`.pdf` and :mod:`.sitesize`. Imports :mod:`coursekit.runtime`, never the instructor's
modules: the student release builds its book with this package.
"""
