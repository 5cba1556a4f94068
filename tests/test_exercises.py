"""What every exercise must satisfy, checked for each folder exercises/ex*/ (new ones included).

For each exercise: the committed dist/ is what `coursekit assign` generates; the student notebook
holds no solution and no hidden test, and has a public test for every `grader.check`; it runs top
to bottom in a fresh kernel, without error, before anything is answered, and its self-checks then
flag every question, each in words; filled with the master's solutions, every self-check passes.
Exercise 1's first check names the two common mistakes a student makes there.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import nbformat
import pytest

from coursekit.instructor import assign
from helpers import CHECK_CELL, ROOT, cases, read_tests, run_notebook, solution_fragments

EXERCISES = sorted(p for p in (ROOT / "exercises").glob("ex*") if p.is_dir())

# otter imports ipylab, whose traitlets usage warns at import time; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


class Exercise:
    """Paths and parsed pieces of one exercise folder."""

    def __init__(self, folder: Path):
        self.folder, self.name = folder, folder.name
        self.master = folder / f"{folder.name}.ipynb"
        self.student_dir = folder / "dist" / "student"
        self.student_nb = self.student_dir / f"{folder.name}.ipynb"
        self.autograder_tests = folder / "dist" / "autograder" / "tests"

    def student(self) -> nbformat.NotebookNode:
        return nbformat.read(self.student_nb, as_version=4)

    def checks(self) -> list[str]:
        """Questions with a `grader.check` cell in the student notebook, in order."""
        return [m.group(1) for c in self.student().cells if c.cell_type == "code"
                for m in [CHECK_CELL.match(c.source.strip())] if m]

    def student_text(self) -> str:
        """Everything a student receives, as parsed text: cell sources and public test code."""
        parts = [cell.source for cell in self.student().cells]
        parts += [c["code"] for t in read_tests(self.student_dir / "tests").values() for c in cases(t)]
        return "\n".join(parts)


@pytest.fixture(scope="module", params=EXERCISES, ids=[p.name for p in EXERCISES])
def exercise(request) -> Exercise:
    ex = Exercise(request.param)
    if not ex.student_nb.is_file():
        pytest.fail(f"{ex.name}: no dist/student/{ex.name}.ipynb; run `coursekit assign {ex.folder}`")
    return ex


@pytest.fixture(scope="module")
def blank_run(exercise, tmp_path_factory) -> dict[str, str]:
    """The student notebook as handed out, run in a copy of the student folder."""
    folder = tmp_path_factory.mktemp(f"{exercise.name}-blank") / "student"
    shutil.copytree(exercise.student_dir, folder)
    return run_notebook(folder / exercise.student_nb.name)


def test_dist_is_not_stale(exercise):
    assert assign.main([str(exercise.folder), "--check"]) == 0, \
        f"run `coursekit assign {exercise.folder}` and commit dist/"


def test_student_notebook_has_no_solutions(exercise):
    fragments = solution_fragments(exercise.master)
    assert fragments, "the master has no recognisable solution, so this check would prove nothing"
    text = exercise.student_text()
    assert [f for f in fragments if f in text] == []
    assert "# SOLUTION" not in text and "BEGIN SOLUTION" not in text


def test_public_tests_exist_and_hidden_tests_stay_in_the_autograder(exercise):
    public, full = read_tests(exercise.student_dir / "tests"), read_tests(exercise.autograder_tests)
    checks = exercise.checks()
    assert checks and len(checks) == len(set(checks)), "one grader.check cell per question"
    assert sorted(checks) == sorted(public) == sorted(full)
    hidden_code, shared = [], set()
    for name in checks:
        assert cases(public[name]) and not any(c["hidden"] for c in cases(public[name])), name
        assert [c["code"] for c in cases(public[name])] == [c["code"] for c in cases(full[name]) if not c["hidden"]]
        hidden = [c for c in cases(full[name]) if c["hidden"]]
        hidden_code += [line for c in hidden for line in c["code"].splitlines() if line.startswith(">>> ")]
        shared |= {line for c in cases(public[name]) for line in c["code"].splitlines()}  # e.g. an import
    text = exercise.student_text()
    assert [line for line in hidden_code if line not in shared and line[4:] in text] == []
    assert "# HIDDEN" not in text


def test_student_notebook_starts_with_otter_init_and_has_no_outputs(exercise):
    nb = exercise.student()
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert f'grader = otter.Notebook("{exercise.name}.ipynb")' in first_code.source
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert nb.metadata.get("otter", {}).get("assignment_name") == exercise.name  # `coursekit grade` reads it
    # Stable ids let `coursekit grade` find each question's answers and check in any submission.
    assert [c.id for c in nb.cells if CHECK_CELL.match(c.source.strip())] == [f"check-{q}" for q in exercise.checks()]


def test_autograder_zip_is_stored_with_fixed_dates_in_name_order(exercise):
    with zipfile.ZipFile(assign.autograder_zip(exercise.folder)) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {assign.ZIP_DATE}
    assert {f"tests/{q}.py" for q in exercise.checks()} <= {i.filename for i in infos}


def test_student_notebook_runs_clean_before_any_answer(exercise, blank_run):
    assert sorted(blank_run) == sorted(exercise.checks())  # every check cell ran (no error stopped it)


def test_self_checks_flag_every_question_before_any_answer(exercise, blank_run):
    for name, text in blank_run.items():
        assert "All test cases passed" not in text and "Test case failed" in text, (name, text)


def test_self_checks_say_in_words_what_is_wrong_before_any_answer(exercise, blank_run):
    """Every public test evaluates to a message when it fails: no bare "Expected True, got False",
    no exception from a test that assumed the answer's type."""
    for name, text in blank_run.items():
        assert "Exception raised" not in text and "\nTrue\n" not in text, (name, text)
        assert re.search(r"Got:\s+'[^']+ has type ", text), (name, text)


def test_public_tests_expect_no_output(exercise):
    """A public test evaluates to None when the answer passes and to a message otherwise, so it
    expects no output. An expected output would mean the master's own solution failed the test
    and otter baked its message in as the expectation."""
    for name, test in read_tests(exercise.student_dir / "tests").items():
        for case in cases(test):
            expected = [line for line in case["code"].splitlines()
                        if line.strip() and not line.startswith((">>> ", "... "))]
            assert expected == [], (name, case["code"])


def public_check(exercise: str, question: str, **values) -> str:
    """What `grader.check(question)` reports for these values of the student's variables."""
    from otter.test_files.ok_test import OKTestFile

    env: dict = {}
    path = ROOT / "exercises" / exercise / "dist" / "student" / "tests" / f"{question}.py"
    exec(path.read_text(encoding="utf-8"), env)
    test = OKTestFile.from_spec(env["test"], path=str(path))
    test.run(dict(values))
    return repr(test)


def test_exercise_1_check_names_the_common_mistakes_without_the_answer():
    import numpy as np

    from coursekit.runtime import data

    timeline = data.load("timeline_2012")
    right = int(timeline["happened"].sum())
    as_numpy = public_check("ex01_cancelled_visit", "q1", timeline=timeline, n_happened=timeline["happened"].sum())
    assert "n_happened has type numpy.int64; it should be a Python int, e.g. int(...)" in as_numpy
    every_row = public_check("ex01_cancelled_visit", "q1", timeline=timeline, n_happened=len(timeline))
    assert "planned events that never took place" in every_row and "Test case failed" in every_row
    for text in (as_numpy, every_row):
        assert not re.search(rf"\b{right}\b", text.split("Got:")[-1]), "the message must not give the answer away"
    assert public_check("ex01_cancelled_visit", "q1", timeline=timeline, n_happened=right) == \
        "q1 results: All test cases passed!"
    assert type(timeline["happened"].sum()) is np.int64  # the first mistake really gives a NumPy integer


def test_self_checks_pass_on_a_copy_filled_with_the_solutions(exercise, tmp_path):
    shutil.copytree(exercise.student_dir, tmp_path / "student")
    path = tmp_path / "student" / exercise.student_nb.name
    nbformat.write(assign.filled(exercise.folder), path)
    outputs = run_notebook(path)
    assert sorted(outputs) == sorted(exercise.checks())
    for name, text in outputs.items():
        assert f"{name} results: All test cases passed!" in text, text
