"""Specification of the `coursekit assign` command itself, on a copy of exercise 1.

What it generates for students (no solutions, no hidden tests, public tests, clean runs, a dist/
that is not stale) is checked for every exercise in test_exercises.py.
"""
from __future__ import annotations

import shutil

import pytest

from coursekit import ROOT
from coursekit.instructor import assign
from helpers import solution_fragments

EXERCISE = ROOT / "exercises" / "ex01_cancelled_visit"
MASTER = EXERCISE / "ex01_cancelled_visit.ipynb"

# otter imports ipylab, whose traitlets usage warns at import time; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def test_check_lists_changed_missing_and_extra_files(tmp_path, capsys):
    copy = tmp_path / EXERCISE.name
    shutil.copytree(EXERCISE, copy)
    (copy / "dist" / "student" / "tests" / "q1.py").write_text("# edited by hand\n")
    (copy / "dist" / "student" / "tests" / "q2.py").unlink()
    (copy / "dist" / "student" / "notes.txt").write_text("not generated\n")
    (copy / "dist" / "student" / ".OTTER_LOG").write_text("written by grader.check, ignored by git\n")

    assert assign.main([str(copy), "--check"]) == 1
    err = capsys.readouterr().err
    for name in ("dist/student/tests/q1.py", "dist/student/tests/q2.py", "dist/student/notes.txt"):
        assert name in err
    assert "dist/student/tests/q3.py" not in err and ".OTTER_LOG" not in err
    assert (copy / "dist" / "student" / "notes.txt").exists(), "--check must not change anything"


def test_missing_exercise_is_a_one_line_error(tmp_path, capsys):
    assert assign.main([str(tmp_path / "nope"), "--check"]) == 2
    err = capsys.readouterr().err
    assert "no such exercise" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1




def test_assign_rewrites_only_what_changed_and_then_check_passes(tmp_path, capsys):
    copy = tmp_path / EXERCISE.name
    shutil.copytree(EXERCISE, copy)
    original = (copy / "dist" / "student" / "tests" / "q1.py").read_bytes()
    (copy / "dist" / "student" / "tests" / "q1.py").write_text("# edited by hand\n")
    (copy / "dist" / "student" / "notes.txt").write_text("not generated\n")

    assert assign.main([str(copy), "--no-run-tests"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"wrote {copy}/dist/student/notes.txt", f"wrote {copy}/dist/student/tests/q1.py"]
    assert (copy / "dist" / "student" / "tests" / "q1.py").read_bytes() == original
    assert not (copy / "dist" / "student" / "notes.txt").exists()
    assert assign.main([str(copy), "--check"]) == 0


def test_a_test_cell_never_run_is_a_one_line_error(tmp_path, capsys):
    """Public tests print nothing when they pass, so a missing output is fine; a missing run is not."""
    import nbformat

    copy = tmp_path / EXERCISE.name
    shutil.copytree(EXERCISE, copy)
    master = copy / MASTER.name
    nb = nbformat.read(master, as_version=4)
    cell = next(c for c in nb.cells if c.get("id") == "q1-public-1")
    assert cell.outputs == [] and cell.execution_count, "the passing public test should have run and printed nothing"
    cell.execution_count = None
    nbformat.write(nb, master)
    assert assign.main([str(copy), "--check"]) == 2
    err = capsys.readouterr().err
    assert "was never run" in err and "coursekit execute" in err and len(err.strip().splitlines()) == 1


def test_generated_notebooks_carry_the_course_kernelspec(tmp_path):
    """Whatever kernelspec the master has, what assign writes opens unmodified in JupyterLab."""
    import nbformat

    from coursekit.book.notebooks import KERNELSPEC

    copy = tmp_path / EXERCISE.name
    shutil.copytree(EXERCISE, copy)
    master = copy / MASTER.name
    nb = nbformat.read(master, as_version=4)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, master)
    generated = assign.generate(copy, run_tests=False)
    notebooks = [name for name in generated if name.endswith(".ipynb")]
    assert sorted(notebooks) == [f"autograder/{EXERCISE.name}.ipynb", f"student/{EXERCISE.name}.ipynb"]
    for name in notebooks:
        assert nbformat.reads(generated[name].decode(), as_version=4).metadata.kernelspec == KERNELSPEC, name


def test_solution_detector_finds_exercise_1s_solutions():
    """test_exercises.py looks for these in what students get; it must find plenty to look for."""
    fragments = solution_fragments(MASTER)
    assert len(fragments) >= 8
    assert "n_happened = int(timeline[\"happened\"].sum())" in fragments
