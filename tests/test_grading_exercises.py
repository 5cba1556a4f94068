"""Every exercise graded through the sandbox and the judge, as an instructor would grade it.

For each exercise a class of three is generated (the master's solutions, every other answer,
nothing answered) and graded with `coursekit grade`. Solved notebooks get full marks and unanswered
ones zero, with no remark; for the two exercises whose tests inspect a matplotlib chart (8 and 9)
and for two data-frame exercises (0, whose tests read dates and pandas extension dtypes, and 3), the
scores also equal `otter run`'s, file by file. An exercise is graded only when a selected test needs
it, so ``-k ex00`` grades exercise 0 alone.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import nbformat
import pytest

from coursekit.instructor import assign, grading

EXERCISES = assign.discover()
AGAINST_OTTER = {"ex00_background", "ex03_high_level_visits", "ex08_sco_multilateral", "ex09_argument"}

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def make_class(exercise, folder):
    folder.mkdir()
    variants = assign.sample_submissions(exercise)
    nbformat.write(variants["full"], folder / "solved.ipynb")
    nbformat.write(variants["half"], folder / "half.ipynb")
    nbformat.write(nbformat.read(assign.student_notebook(exercise), as_version=4), folder / "unanswered.ipynb")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """``graded(name)`` -> (submissions folder, gradebook rows by file) of that exercise.

    Each exercise is graded once, the first time a test asks for it, so a run selected with ``-k``
    pays only for the exercises it tests.
    """
    found = {}

    def grade(name: str):
        if name not in found:
            exercise = assign.EXERCISES_DIR / name
            base = tmp_path_factory.mktemp(name)
            make_class(exercise, base / "subs")
            # One worker: three files do not need two, and a second one's warm-up (its interpreter
            # and judge) costs the run more than it saves. Parallel grading is test_grading.py's.
            assert grading.main([str(exercise), str(base / "subs"), "--out", str(base / "out"), "--workers", "1",
                                 "--timeout", "120"]) == 0
            with open(base / "out" / "gradebook.csv", newline="", encoding="utf-8") as f:
                found[name] = (base / "subs", {row["file"]: row for row in csv.DictReader(f)})
        return found[name]
    return grade


@pytest.mark.parametrize("exercise", [e.name for e in EXERCISES])
def test_solved_gets_full_marks_and_unanswered_zero(graded, exercise):
    _, rows = graded(exercise)
    solved, unanswered, half = rows["solved.ipynb"], rows["unanswered.ipynb"], rows["half.ipynb"]
    assert (solved["status"], solved["total"], solved["reason"]) == ("graded", solved["max"], "")
    assert (unanswered["status"], unanswered["total"], unanswered["reason"]) == ("graded", "0", "")
    assert half["status"] == "graded" and 0 < float(half["total"]) < float(half["max"]), half


@pytest.mark.parametrize("exercise", sorted(AGAINST_OTTER))
@pytest.mark.parametrize("file", ["solved.ipynb", "half.ipynb"])
def test_scores_agree_with_otter_run(graded, exercise, file, tmp_path):
    subs, rows = graded(exercise)
    zip_path = assign.autograder_zip(assign.EXERCISES_DIR / exercise)
    subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(zip_path), "-o", str(tmp_path), str(subs / file)],
                   check=True, capture_output=True, timeout=300)
    report = json.loads((tmp_path / "results.json").read_text())
    otter_scores = {t["name"]: t["score"] for t in report["tests"] if t.get("max_score")}
    ours = {q: float(v) for q, v in rows[file].items() if q.startswith("q")}
    assert otter_scores == ours
