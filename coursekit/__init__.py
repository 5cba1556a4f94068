"""Helpers for the executable course on Russia-Pakistan relations (2012).

Three jobs, one module each: :mod:`coursekit.data` loads validated datasets,
:mod:`coursekit.quiz` renders one question bank live (ipywidgets) and static
(HTML/JS), and :mod:`coursekit.grading` (a package: sandbox, runner, judge, gradebook)
grades a class of submissions.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ROOT"]
