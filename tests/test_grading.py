"""Specification of `coursekit grade`: one class folder in; gradebook, results and feedback out.

A small class is built from the committed student notebook (correct, partly correct, unanswered,
a resubmission, an empty file and a noisy notebook whose errors hold memory addresses and sandbox
paths), graded twice with two workers, and the tests below read both runs. The hostile class
(timeouts, dead kernels, escapes ...) is in test_grading_hostile.py; pure functions are tested here
without a kernel.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from coursekit.instructor import assign, grading
from helpers import EXERCISE, PARTIAL_ANSWERS, PARTIAL_SCORES, POINTS, STUDENT_NB, grade, hidden_test_lines, read_rows, submission

TIMEOUT = 60  # seconds; a normal submission takes about 5 s here (nothing in this class loops)
HEADER = "student,file,q1,q2,q3,q4,total,max,status,counted,reason"

# otter imports ipylab, whose traitlets usage warns at import time; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")

NOISY_CELL = """\
import os
try:
    open("../escaped.txt", "w")
except OSError:
    pass
raise ValueError(object())  # "<object object at 0x7f...>" differs on every run
"""


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade a small class twice; return (submissions, first output, second output, rows, stderr)."""
    base = tmp_path_factory.mktemp("class")
    subs = base / "submissions"
    subs.mkdir()
    nbformat.write(submission({}), subs / "correct.ipynb")
    nbformat.write(submission(PARTIAL_ANSWERS), subs / "partly_correct.ipynb")
    nbformat.write(nbformat.read(STUDENT_NB, as_version=4), subs / "unanswered.ipynb")
    nbformat.write(submission(PARTIAL_ANSWERS), subs / "resubmitter.ipynb")
    nbformat.write(submission({}), subs / "resubmitter__2.ipynb")
    (subs / "empty.ipynb").write_bytes(b"")
    nbformat.write(submission({}, NOISY_CELL), subs / "noisy.ipynb")
    outs, errs = [], []
    for run in (1, 2):
        out = base / f"out{run}"
        code, err = grade(EXERCISE, subs, out, "--timeout", str(TIMEOUT), "--workers", "2")
        assert code == 0, err
        outs.append(out)
        errs.append(err)
    return subs, outs[0], outs[1], read_rows(outs[0]), errs[0]


def test_gradebook_has_one_row_per_file_and_the_right_columns(graded):
    _, out, _, rows, _ = graded
    assert (out / "gradebook.csv").read_text(encoding="utf-8").splitlines()[0] == HEADER
    assert sorted(rows) == ["correct.ipynb", "empty.ipynb", "noisy.ipynb", "partly_correct.ipynb",
                            "resubmitter.ipynb", "resubmitter__2.ipynb", "unanswered.ipynb"]
    assert {r["max"] for r in rows.values()} == {str(sum(POINTS.values()))}
    assert rows["resubmitter__2.ipynb"]["student"] == rows["resubmitter.ipynb"]["student"] == "resubmitter"


def test_correct_submission_gets_full_marks_and_no_remark(graded):
    row = graded[3]["correct.ipynb"]
    assert {q: int(row[q]) for q in POINTS} == POINTS
    assert row["total"] == row["max"] and row["status"] == "graded" and row["reason"] == ""


def test_partly_correct_submission_gets_partial_credit(graded):
    row = graded[3]["partly_correct.ipynb"]
    assert {q: int(row[q]) for q in POINTS} == PARTIAL_SCORES
    assert int(row["total"]) == sum(PARTIAL_SCORES.values())
    assert row["reason"] == "cell 13 raised KeyError: 'actor'"  # the typo, located for the student


def test_unanswered_notebook_scores_zero(graded):
    row = graded[3]["unanswered.ipynb"]
    assert row["status"] == "graded" and [row[q] for q in POINTS] == ["0"] * 4 and row["total"] == "0"


def test_latest_resubmission_counts_and_the_earlier_one_says_so(graded):
    rows = graded[3]
    first, latest = rows["resubmitter.ipynb"], rows["resubmitter__2.ipynb"]
    assert (latest["counted"], latest["total"]) == ("true", "7")
    assert first["counted"] == "false" and first["reason"].startswith("superseded by resubmitter__2.ipynb")
    assert first["total"] == "4"  # still graded: nothing is lost if the instructor decides otherwise
    assert all(r["counted"] == "true" for f, r in rows.items() if f != "resubmitter.ipynb")


def test_an_empty_file_gets_a_row_and_a_reason(graded):
    row = graded[3]["empty.ipynb"]
    assert (row["status"], row["reason"], row["total"]) == ("invalid", "empty file", "0")
    assert [row[q] for q in POINTS] == [""] * 4


def test_noisy_notebook_is_reported_without_run_specific_details(graded):
    row = graded[3]["noisy.ipynb"]
    assert row["total"] == "7"
    assert row["reason"] == "cell 5 raised ValueError: <object object at 0x…>"


@pytest.mark.parametrize("file", ["correct.ipynb", "partly_correct.ipynb", "unanswered.ipynb"])
def test_scores_agree_with_otter_run(graded, tmp_path, file):
    subs, _, _, rows, _ = graded
    subprocess.run(
        [sys.executable, "-m", "otter", "run", "-a", str(assign.autograder_zip(EXERCISE)),
         "-o", str(tmp_path), str(subs / file)],
        check=True, capture_output=True, timeout=180,
    )
    report = json.loads((tmp_path / "results.json").read_text())
    otter_scores = {t["name"]: t["score"] for t in report["tests"] if t.get("max_score")}
    assert otter_scores == {q: float(rows[file][q]) for q in POINTS}


def test_results_json_is_machine_readable_and_matches_the_gradebook(graded):
    subs, out, _, rows, _ = graded
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["exercise"] == EXERCISE.name and results["max"] == 7
    assert results["questions"] == {q: float(p) for q, p in POINTS.items()}
    assert [s["file"] for s in results["submissions"]] == list(rows)  # same order as the gradebook
    for entry in results["submissions"]:
        row = rows[entry["file"]]
        assert set(entry) == {"student", "file", "sha256", "status", "reason", "counted", "total", "questions"}
        assert entry["sha256"] == hashlib.sha256((subs / entry["file"]).read_bytes()).hexdigest()
        assert (entry["student"], entry["status"], entry["reason"]) == (row["student"], row["status"], row["reason"])
        assert entry["counted"] == (row["counted"] == "true") and entry["total"] == float(row["total"])
        scores = {q: float(row[q]) if row[q] else None for q in POINTS}  # None: not graded
        assert entry["questions"] == {q: {"score": scores[q], "possible": float(p)} for q, p in POINTS.items()}
    timings = json.loads((out / "timings.json").read_text(encoding="utf-8"))
    assert timings["workers"] == 2 and set(timings["submissions"]) == set(rows)
    assert all(t["seconds"] >= 0 for t in timings["submissions"].values())


def test_second_run_gives_byte_identical_results(graded):
    _, first, second, _, _ = graded
    for name in ("gradebook.csv", "results.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    for path in (first / "feedback").iterdir():
        assert path.read_bytes() == (second / "feedback" / path.name).read_bytes(), path.name
    assert b"seconds" not in (first / "results.json").read_bytes()  # timings live in timings.json


def test_feedback_per_student_with_public_hints_and_no_hidden_tests(graded):
    _, out, _, rows, _ = graded
    assert sorted(p.stem for p in (out / "feedback").glob("*.md")) == sorted(
        {r["student"] for r in rows.values()})
    hidden_lines = hidden_test_lines()
    for path in (out / "feedback").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert [line for line in hidden_lines if line in text] == [], path.name

    partial = (out / "feedback" / "partly_correct.md").read_text(encoding="utf-8")
    assert "## q3: 1 / 2" in partial and "Failed example:" in partial  # the public check's hint
    assert "Hidden tests: 1 of 2 passed." in partial  # q2 and q4: a count, nothing more
    assert "Marked by hand" in partial  # the written question q5
    resubmitter = (out / "feedback" / "resubmitter.md").read_text(encoding="utf-8")
    assert "Graded file: `resubmitter__2.ipynb`" in resubmitter and "superseded" in resubmitter
    assert "Not graded (invalid)" in (out / "feedback" / "empty.md").read_text(encoding="utf-8")


def test_output_folder_holds_only_the_results(graded):
    _, out, _, _, _ = graded
    assert sorted(p.name for p in out.iterdir()) == ["feedback", "gradebook.csv", "results.json", "timings.json"]
    assert all(p.suffix == ".md" for p in (out / "feedback").iterdir())  # no temp files left


def test_progress_and_summary_on_stderr(graded):
    *_, err = graded
    lines = err.strip().splitlines()
    per_file = [line for line in lines if "] " in line and " in " in line]
    assert len(per_file) == 7 and all(line.rstrip().endswith(" s") for line in per_file)
    assert "correct.ipynb: graded 7/7 in" in err and "empty.ipynb: invalid in" in err
    summary = lines[-1]
    assert summary.startswith("coursekit grade: 7 submissions in ") and "with 2 workers" in summary
    assert "s per submission" in summary and "6 graded, 1 invalid" in summary


# --------------------------------------------------------------------------- input errors

def _read_only_folder(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root ignores permission bits; sysfs refuses even root
        return "/sys/kernel" if os.path.isdir("/sys/kernel") else pytest.skip("no read-only folder")
    return str(folder)


@pytest.mark.parametrize("make, message", [
    (lambda tmp: [str(tmp / "no_such_exercise"), str(tmp), "--out", str(tmp / "out")], "no such exercise"),
    (lambda tmp: [str(EXERCISE), str(tmp / "missing"), "--out", str(tmp / "out")], "no such submissions folder"),
    (lambda tmp: [str(EXERCISE), str(tmp), "--out", str(tmp / "out")], "no .ipynb submissions"),
    (lambda tmp: [str(EXERCISE), str(tmp), "--out", str(tmp / "out"), "--workers", "0"], "must be positive"),
    (lambda tmp: [str(EXERCISE), str(tmp), "--out", str(tmp / "out"), "--workers", "two"], "invalid int value"),
], ids=["no-exercise", "missing-folder", "empty-folder", "zero-workers", "bad-workers"])
def test_bad_input_is_a_one_line_error(tmp_path, capsys, make, message):
    try:
        code = grading.main(make(tmp_path))
    except SystemExit as exc:  # argparse's own errors leave the same way
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["a file", "under a file", "read-only"])
def test_unwritable_output_folder_is_a_one_line_error(tmp_path, where):
    subs = tmp_path / "subs"
    subs.mkdir()
    nbformat.write(submission({}), subs / "someone.ipynb")
    (tmp_path / "file").write_text("not a folder")
    out = {"a file": str(tmp_path / "file"), "under a file": str(tmp_path / "file" / "out"),
           "read-only": _read_only_folder(tmp_path) if where == "read-only" else ""}[where]
    start = time.monotonic()
    code, err = grade(EXERCISE, subs, out)
    assert code == 2 and time.monotonic() - start < 30  # refused before any grading (about 0.1 s)
    assert "output folder is not writable" in err or "is not a folder" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_interrupt_kills_every_process_and_keeps_the_old_gradebook(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    out.mkdir()
    (out / "gradebook.csv").write_text("old\n")
    for name in ("a", "b"):
        nbformat.write(submission({}, "while True:\n    pass"), subs / f"{name}.ipynb")
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-m", "coursekit.cli", "grade", str(EXERCISE), str(subs), "--out",
                             str(out), "--workers", "2", "--timeout", "120"],
                            env=env, stderr=subprocess.PIPE, text=True)
    time.sleep(6)  # both kernels are looping by now
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert (out / "gradebook.csv").read_text() == "old\n"
    assert not list(tmp_path.glob("coursekit-grade-*")), "sandbox folders left behind"
    import psutil

    leftovers = []
    for p in psutil.process_iter(["cmdline", "cwd"]):
        with contextlib.suppress(psutil.Error):
            if str(tmp_path) in " ".join(p.info["cmdline"] or []) + (p.info["cwd"] or ""):
                leftovers.append(p.info["cmdline"])
    assert leftovers == []


# --------------------------------------------------------------------------- pure functions

@pytest.mark.parametrize("name, student", [
    ("alice.ipynb", "alice"), ("alice__v2.ipynb", "alice"), ("alice__2024-05-01__late.ipynb", "alice"),
    ("Bob Smith.ipynb", "Bob Smith"), ("__odd.ipynb", "__odd"), ("x_y.ipynb", "x_y"),
])
def test_student_from_file_name(name, student):
    assert grading.student_of(name) == student


def test_the_file_that_sorts_last_counts_numbers_as_numbers():
    names = ["a.ipynb", "a__9.ipynb", "a__10.ipynb", "b__v1.ipynb", "b__v2.ipynb", "c.ipynb"]
    assert grading.counted_files(names) == {
        "a.ipynb": "a__10.ipynb", "a__9.ipynb": "a__10.ipynb", "a__10.ipynb": None,
        "b__v1.ipynb": "b__v2.ipynb", "b__v2.ipynb": None, "c.ipynb": None,
    }


def _bytes(nb) -> bytes:
    return nbformat.writes(nb).encode("utf-8")


@pytest.mark.parametrize("data, status, reason", [
    (b"", "invalid", "empty file"),
    (b"  \n", "invalid", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\0\0", "invalid", "PNG image"),
    (b"%PDF-1.7\n", "invalid", "PDF document"),
    (b"PK\x03\x04rest", "invalid", "zip archive"),
    (b'{"cells": [', "invalid", "invalid JSON"),
    (b"[1, 2]", "invalid", "without notebook cells"),
    (b'{"cells": [], "nbformat": 5}', "invalid", "nbformat 5"),
    (b'{"nbformat": 4, "metadata": {"otter": {"assignment_name": "ex09"}}, "cells": []}',
     "wrong-exercise", "for ex09, not ex01_cancelled_visit"),
    (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "id": "a", '
     b'"metadata": {}, "outputs": [], "source": "import otter\\ngrader = otter.Notebook(\\"ex07_x.ipynb\\")"}]}',
     "wrong-exercise", "for ex07_x"),
], ids=["empty", "whitespace", "png", "pdf", "zip", "bad-json", "json-list", "nbformat-5", "other-assignment",
        "other-notebook-call"])
def test_unreadable_files_are_classified(data, status, reason):
    with pytest.raises(grading.Ungradable) as info:
        grading.read_notebook(data, "ex01_cancelled_visit")
    assert info.value.status == status and reason in info.value.reason


def test_old_formats_bad_bytes_and_bom_are_read_with_a_note():
    nb = submission({})
    cells, notes = grading.read_notebook(_bytes(nbformat.convert(submission({}), 3)), EXERCISE.name)
    assert notes == ["converted from nbformat 3"] and all(c["id"] is None for c in cells)
    assert [c["source"] for c in cells if c["cell_type"] == "code"] == \
        [c.source for c in nb.cells if c.cell_type == "code"]
    cells, notes = grading.read_notebook(_bytes(nb).replace(b"## Setup", b"## Setup \xe9", 1), EXERCISE.name)
    assert len(notes) == 1 and notes[0].startswith("not valid UTF-8") and "\ufffd" in cells[2]["source"]
    assert grading.read_notebook(b"\xef\xbb\xbf" + _bytes(nb), EXERCISE.name)[1] == []


def _plan(nb):
    cells, _ = grading.read_notebook(_bytes(nb), EXERCISE.name)
    before, end = grading.plan(cells, grading.layout_of(EXERCISE), list(POINTS))
    return {q: (cells[i]["id"] or cells[i]["source"]) for i, qs in before.items() for q in qs}, end


def test_questions_are_graded_where_otter_grades_them():
    assert _plan(submission({})) == ({q: f"check-{q}" for q in POINTS}, [])


def test_moved_deleted_or_edited_check_cells_do_not_move_the_grading_point():
    nb = submission({})
    nb.cells = [c for c in nb.cells if not c.id.startswith("check-")]  # deleted: before the next text
    assert _plan(nb) == ({"q1": "q2-text", "q2": "q2-after", "q3": "q4-text", "q4": "q4-after"}, [])
    nb = submission({})
    checks = [c for c in nb.cells if c.id.startswith("check-")]
    nb.cells = checks + [c for c in nb.cells if c not in checks]  # moved to the top: after the answers
    assert _plan(nb) == ({"q1": "q2-text", "q2": "q2-after", "q3": "q4-text", "q4": "q4-after"}, [])
    nb = submission({})
    for cell in nb.cells:
        if cell.id.startswith("check-"):
            cell.source = "print('All test cases passed!')"  # edited: same place as an honest one
    assert _plan(nb) == ({q: f"check-{q}" for q in POINTS}, [])


def test_added_cells_before_a_check_run_before_it_is_graded():
    nb = submission({"q1-answer": "n_happened = 0"})
    at = next(i for i, c in enumerate(nb.cells) if c.id == "check-q1")
    nb.cells.insert(at, nbformat.v4.new_code_cell("n_happened = int(timeline['happened'].sum())"))
    assert _plan(nb)[0]["q1"] == "check-q1"


def test_without_cell_ids_the_last_check_call_decides_then_the_end():
    v4 = nbformat.convert(nbformat.convert(submission({}), 3), 4)
    plan, end = _plan(v4)  # ids made up by the conversion match nothing
    checks = {c.source: c.id for c in v4.cells}
    assert plan == {q: checks[f'grader.check("{q}")'] for q in POINTS} and end == []
    v4.cells = [c for c in v4.cells if 'grader.check("q2")' not in c.source]
    assert _plan(v4)[1] == ["q2"]


def test_gradebook_survives_any_reason_text():
    questions = [grading.Question(q, p) for q, p in POINTS.items()]
    nasty = grading.Result("x,\"y\"\nz", "x.ipynb", "error", reason='a, "b"\r\nc')
    text = grading.gradebook_csv([nasty], questions)
    assert list(csv.reader(io.StringIO(text))) == [HEADER.split(","), [
        'x,"y"\nz', "x.ipynb", "", "", "", "", "0", "7", "error", "true", 'a, "b"\r\nc']]


def test_atomic_write_leaves_the_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "gradebook.csv"
    target.write_text("old\n")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        grading.write_atomic(target, "new\n" * 1000)
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["gradebook.csv"]


def test_atomic_write_keeps_the_old_mode_and_makes_new_files_readable_as_usual(tmp_path):
    """The sandboxed grader's user must still read a data file rewritten by --update-hashes."""
    old = tmp_path / "datapackage.json"
    old.write_text("{}")
    old.chmod(0o640)
    grading.write_atomic(old, b"{ }")
    new = tmp_path / "new.csv"
    grading.write_atomic(new, "a,b\n")
    mask = os.umask(0o022)
    os.umask(mask)
    assert (old.stat().st_mode & 0o777, new.stat().st_mode & 0o777) == (0o640, 0o666 & ~mask)
    assert old.read_bytes() == b"{ }"
