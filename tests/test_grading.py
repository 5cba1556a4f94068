"""Specification of `coursekit grade`: one class folder in, a gradebook and feedback files out.

The class is built here from the committed student notebook: a correct submission, a partly
correct one, one that loops forever and one that kills its own kernel. All four are graded once
(two at a time, with a short time limit) and the tests below read the results.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import time

import nbformat
import pytest

from coursekit import ROOT, assign, grading

EXERCISE = ROOT / "exercises" / "ex01_cancelled_visit"
MASTER = EXERCISE / "ex01_cancelled_visit.ipynb"
STUDENT_NB = EXERCISE / "dist" / "student" / "ex01_cancelled_visit.ipynb"
TIMEOUT = 20  # seconds; a normal submission takes about 6 s here, two at a time on 2 cores
POINTS = {"q1": 1, "q2": 2, "q3": 2, "q4": 2}  # from the master's `points:` lists

# otter imports ipylab, whose traitlets usage warns at import time; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")

# Answers of the partly correct submission, cell id -> source, and the scores they earn.
PARTIAL_ANSWERS = {
    # q2: (a) right, (b) rounded to whole months, so it passes the public check but not hidden (b)
    "q2-answer": 'd = timeline.set_index("id")["date"]\n'
                 'gap_days = int((d["postponement"] - d["pragmatism-speech"]).days)\n'
                 "gap_months = float(round(gap_days / 30))",
    # q3: (a) a typo in the column name raises KeyError; grading carries on and (b) still scores
    "q3a-answer": 'india_events = timeline[timeline["actor"] == "India"]',
    # q4: (a) right, (b) the ratio the wrong way round
    "q4-answer": 'm = nmc[nmc["year"] == 2012].set_index("state")["milex"]\n'
                 'ru_pk_ratio = round(float(m["Russia"] / m["Pakistan"]), 1)\n'
                 'in_pk_ratio = round(float(m["Pakistan"] / m["India"]), 1)',
}
PARTIAL_SCORES = {"q1": 1, "q2": 1, "q3": 1, "q4": 1}  # q1 and q3 (b) keep the master's solution


def submission(answers: dict[str, str], extra_first_cell: str | None = None) -> nbformat.NotebookNode:
    """The student notebook with answer cells filled (master solution unless given) as handed in."""
    master = {c.id: c.source for c in nbformat.read(MASTER, as_version=4).cells}
    nb = nbformat.read(STUDENT_NB, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "otter_answer_cell" in cell.metadata.get("tags", []):
            cell.source = answers.get(cell.id, master[cell.id])
    if extra_first_cell:
        setup = next(i for i, c in enumerate(nb.cells) if c.id == "setup")
        nb.cells.insert(setup + 1, nbformat.v4.new_code_cell(extra_first_cell))
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade a four-student class once; return (output folder, rows by student, seconds)."""
    base = tmp_path_factory.mktemp("class")
    subs, out = base / "submissions", base / "out"
    subs.mkdir()
    nbformat.write(submission({}), subs / "correct.ipynb")
    nbformat.write(submission(PARTIAL_ANSWERS), subs / "partly_correct.ipynb")
    nbformat.write(submission({}, "while True:\n    pass"), subs / "infinite_loop.ipynb")
    nbformat.write(submission({}, "import os\nos._exit(1)"), subs / "kernel_killer.ipynb")
    start = time.monotonic()
    code = grading.main([str(EXERCISE), str(subs), "--out", str(out), "--timeout", str(TIMEOUT), "--jobs", "2"])
    seconds = time.monotonic() - start
    assert code == 0
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    return out, rows, seconds, subs


def test_gradebook_has_one_row_per_submission_and_the_right_columns(graded):
    out, rows, _, _ = graded
    header = (out / "gradebook.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "student,q1,q2,q3,q4,total,max,status,reason"
    assert sorted(rows) == ["correct", "infinite_loop", "kernel_killer", "partly_correct"]
    assert {r["max"] for r in rows.values()} == {str(sum(POINTS.values()))}


def test_statuses(graded):
    _, rows, _, _ = graded
    assert {s: r["status"] for s, r in rows.items()} == {
        "correct": "graded", "partly_correct": "graded",
        "infinite_loop": "timeout", "kernel_killer": "kernel-died",
    }
    assert rows["infinite_loop"]["reason"] and rows["kernel_killer"]["reason"]


def test_correct_submission_gets_full_marks(graded):
    _, rows, _, _ = graded
    assert {q: int(rows["correct"][q]) for q in POINTS} == POINTS
    assert rows["correct"]["total"] == rows["correct"]["max"]


def test_partly_correct_submission_gets_partial_credit(graded):
    _, rows, _, _ = graded
    assert {q: int(rows["partly_correct"][q]) for q in POINTS} == PARTIAL_SCORES
    assert int(rows["partly_correct"]["total"]) == sum(PARTIAL_SCORES.values())


def test_ungraded_submissions_score_nothing(graded):
    _, rows, _, _ = graded
    for student in ("infinite_loop", "kernel_killer"):
        assert [rows[student][q] for q in POINTS] == ["", "", "", ""]
        assert rows[student]["total"] == "0"


def test_scores_agree_with_otter_run(graded, tmp_path):
    _, rows, _, subs = graded
    subprocess.run(
        [sys.executable, "-m", "otter", "run", "-a", str(assign.autograder_zip(EXERCISE)),
         "-o", str(tmp_path), str(subs / "partly_correct.ipynb")],
        check=True, capture_output=True, timeout=120,
    )
    report = json.loads((tmp_path / "results.json").read_text())
    otter_scores = {t["name"]: t["score"] for t in report["tests"] if t.get("max_score")}
    assert otter_scores == {q: float(rows["partly_correct"][q]) for q in POINTS}


def test_feedback_per_student_with_public_hints_and_no_hidden_tests(graded):
    out, rows, _, _ = graded
    assert sorted(p.stem for p in (out / "feedback").glob("*.md")) == sorted(rows)
    hidden_lines = set()
    for path in (EXERCISE / "dist" / "autograder" / "tests").glob("q*.py"):
        env: dict = {}
        exec(path.read_text(encoding="utf-8"), env)
        cases = env["test"]["suites"][0]["cases"]
        public = {line for c in cases if not c["hidden"] for line in c["code"].splitlines()}
        hidden_lines |= {line[4:] for c in cases if c["hidden"]
                         for line in c["code"].splitlines() if line.startswith(">>> ") and line not in public}
    for path in (out / "feedback").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert [line for line in hidden_lines if line in text] == [], path.name

    partial = (out / "feedback" / "partly_correct.md").read_text(encoding="utf-8")
    assert "## q3: 1 / 2" in partial and "Failed example:" in partial  # the public check's hint
    assert "Hidden tests: 1 of 2 passed." in partial  # q2 and q4: a count, nothing more
    assert "Marked by hand" in partial  # the written question q5
    assert "timeout" in (out / "feedback" / "infinite_loop.md").read_text(encoding="utf-8")


def test_output_folder_holds_only_the_results(graded):
    out, _, _, _ = graded
    assert sorted(p.name for p in out.iterdir()) == ["feedback", "gradebook.csv"]  # no temp files left


def test_grading_is_fast_enough(graded):
    *_, seconds, _ = graded
    assert seconds < 60


@pytest.mark.parametrize("make, message", [
    (lambda tmp: [str(tmp / "no_such_exercise"), str(tmp)], "no such exercise"),
    (lambda tmp: [str(EXERCISE), str(tmp / "missing")], "no such submissions folder"),
    (lambda tmp: [str(EXERCISE), str(tmp)], "no .ipynb submissions"),
])
def test_bad_input_is_a_one_line_error(tmp_path, capsys, make, message):
    assert grading.main([*make(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()
