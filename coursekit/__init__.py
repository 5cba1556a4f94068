"""Helpers for the executable course on Russia-Pakistan relations (2012), in three parts,
one per person who runs them. Imports go one way, from tooling to the runtime, never back:

* :mod:`coursekit.runtime`: what a student's notebook imports (validated data, remote data,
  quizzes live and static, charts). Needs only the student's lock, ``requirements.txt``;
  importing it loads no Sphinx, Jupyter Book or otter.
* :mod:`coursekit.book`: what builds and publishes the book (parallel execution, the Sphinx
  extension, launch cells, PDF, the quiz linter; ``requirements/book.txt``). May import the
  runtime.
* :mod:`coursekit.instructor`: what an instructor runs (``assign``, ``grading``, ``release``).
  May import the runtime and the book tooling (``requirements/instructor.txt``); the student
  release ships without it.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ROOT"]
