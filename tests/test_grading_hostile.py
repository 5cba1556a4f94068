"""`coursekit grade` against a hostile class: every kind of broken, odd or malicious submission.

A class of 25 files for ex01 is generated from the committed student notebook (nothing is stored
in the repository), graded once with two workers and a short time limit, and every row is checked:
scores where a score is due, a status and a one-line reason everywhere else, and no leak of the
hidden tests or escape from the sandbox.
"""
from __future__ import annotations

import csv
import json
import time

import nbformat
import pytest

from coursekit import assign, grading
from test_grading import EXERCISE, PARTIAL_ANSWERS, PARTIAL_SCORES, POINTS, STUDENT_NB, hidden_test_lines, submission

TIMEOUT = 40  # seconds; a normal submission takes about 5 s on an idle 2-core machine, 2 at a time

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def _with_cell(nb, source: str, at: int | None = None, after_id: str | None = None):
    cell = nbformat.v4.new_code_cell(source)
    if after_id:
        at = next(i for i, c in enumerate(nb.cells) if c.id == after_id) + 1
    nb.cells.insert(len(nb.cells) if at is None else at, cell)
    return nb


def _checks(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]


def snoop_cell(tmp) -> str:
    """A cell that tries every way out we know of; q1 stays right only if it could read none of the targets."""
    hidden = EXERCISE / "dist" / "autograder" / "tests" / "q1.py"
    targets = [hidden, assign.autograder_zip(EXERCISE), EXERCISE / f"{EXERCISE.name}.ipynb",
               tmp / "submissions" / "alice.ipynb", tmp / "out" / "gradebook.csv", "../job.json",
               "../checks", "/proc/self/root" + str(hidden)]
    return f"""
import os, subprocess, ctypes, sys
leaks = []
for path in {[str(t) for t in targets]!r}:
    try:
        with open(path, "rb") as f:
            if f.read(50):
                leaks.append(path)
    except Exception:
        pass
    try:
        if os.listdir(path):
            leaks.append(path)
    except Exception:
        pass
try:
    out = subprocess.run(["cat", {str(hidden)!r}], capture_output=True).stdout
    if out:
        leaks.append(("cat", out))
except Exception:
    pass
for attempt in (  # what these do is checked outside (no files escaped, the class still graded)
    lambda: os.system("cp {hidden} {tmp / 'escaped.py'}"),
    lambda: os.kill(os.getppid(), 9),
    lambda: os.link({str(hidden)!r}, "stolen.py"),
    lambda: os.symlink({str(EXERCISE)!r}, "exercise"),
    lambda: ctypes.CDLL(None).open,
    lambda: __import__("gc").get_objects(),
    lambda: open({str(tmp / 'escaped.txt')!r}, "w").write("out"),
    lambda: open("../escaped.txt", "w").write("out"),
    lambda: os.open("/", os.O_RDONLY),
    lambda: __import__("_posixsubprocess").fork_exec([b"/bin/cat"], [b"/bin/cat"], *[None] * 20),
    lambda: (__import__("sys").modules.pop("_posixsubprocess"), __import__("_posixsubprocess")),
    lambda: __import__("socket").create_connection(("127.0.0.1", 9), timeout=1),
    lambda: __import__("sqlite3").connect({str(tmp / 'escaped.db')!r}).execute("create table t (x)"),
):
    try:
        attempt()
    except Exception:
        pass
sys.addaudithook(lambda *a: None)  # harmless: nothing in the notebook's process is trusted
with open("mine.txt", "w") as f:  # its own folder stays writable
    f.write("fine")
assert open("mine.txt").read() == "fine"
"""


def build_class(base) -> dict[str, str]:
    """Write the class into ``base / "submissions"``; return {file: what it is}."""
    subs = base / "submissions"
    subs.mkdir()
    made = {}

    def put(name, nb_or_bytes, what):
        path = subs / name
        if isinstance(nb_or_bytes, bytes):
            path.write_bytes(nb_or_bytes)
        else:
            nbformat.write(nb_or_bytes, path)
        made[name] = what

    put("alice.ipynb", submission({}), "correct")
    put("bob.ipynb", submission(PARTIAL_ANSWERS), "partly correct")
    put("carol.ipynb", nbformat.read(STUDENT_NB, as_version=4), "nothing answered")
    put("dave.ipynb", submission(PARTIAL_ANSWERS), "first attempt")
    put("dave__2.ipynb", submission({}), "resubmission")
    put("erin.ipynb", submission({}, "while True:\n    pass"), "infinite loop")
    put("frank.ipynb", submission({}, "import os\nos._exit(1)"), "kills its kernel")
    put("grace.ipynb", submission({}, "import sys\nsys.exit()"), "sys.exit() in a cell")
    put("heidi.ipynb", _with_cell(submission({}), 'raise RuntimeError("boom")', at=0), "exception at the top")
    put("ivan.ipynb", nbformat.writes(submission({})).encode()[:5000], "truncated JSON")
    put("judy.ipynb", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG renamed")
    put("ken.ipynb", b"", "empty file")
    put("laura.ipynb", nbformat.writes(nbformat.convert(submission({}), 3)).encode(), "nbformat 3")
    nb = submission({})
    nb.cells = [c for c in nb.cells if c not in _checks(nb)]
    put("mallory.ipynb", nb, "check cells deleted")
    nb = submission({})
    checks = _checks(nb)
    nb.cells = checks + [c for c in nb.cells if c not in checks]
    put("nina.ipynb", nb, "check cells moved to the top")
    nb = submission(PARTIAL_ANSWERS)
    for cell in _checks(nb):
        name = cell.source.split('"')[1]
        cell.source = f'grader.check = lambda *a, **k: None\nprint("{name} results: All test cases passed!")'
    put("oscar.ipynb", nb, "check cells edited to fake a pass")
    put("peggy.ipynb", submission({}, 'print("x" * 50_000_000)'), "prints 50 MB")
    raw = nbformat.writes(submission({})).encode("utf-8").replace(b"## Setup", b"## Setup caf\xe9 \xff", 1)
    put("quentin.ipynb", raw, "bytes that are not UTF-8")
    nb = submission({})
    nb.metadata["otter"] = {"assignment_name": "ex02_india_factor"}
    put("rupert.ipynb", nb, "another exercise's notebook")
    nb = submission({"q1-answer": 'n_happened = -1 if leaks else int(timeline["happened"].sum())'})
    _with_cell(nb, snoop_cell(base), after_id="setup")
    put("sybil.ipynb", nb, "tries to read the hidden tests and escape (q1 is right only if nothing leaked)")
    nb = submission({"q1-answer": "n_happened = -1"})
    _with_cell(nb, "import otter.test_files.abstract_test as t\n"
                   "t.TestFile.score = property(lambda self: self.possible)", after_id="setup")
    put("trent.ipynb", nb, "replaces otter's scoring")
    nb = submission({})
    nb.metadata["kernelspec"] = {"name": "conda-env-weird-py", "display_name": "weird", "language": "python"}
    _with_cell(nb, 'raise ValueError("two\\nlines, a comma, \\"quotes\\" " + "x" * 100_000)', after_id="setup")
    put("uma.ipynb", nb, "odd kernel name; a huge multi-line error message")
    put("victor.ipynb", submission({}, "hog = bytearray(16 * 2**30)"), "asks for 16 GB")
    put("walter.ipynb", b'{"hello": "world"}', "JSON, not a notebook")
    nb = submission({"q1-answer": "n_happened = -1"})
    _with_cell(nb, 'import os\nos.makedirs("tests", exist_ok=True)\n'
                   'open("tests/q1.py", "w").write("OK_FORMAT = True\\ntest = {\'name\': \'q1\', \'points\': 1, '
                   '\'suites\': [{\'cases\': [{\'code\': \'>>> True\\\\nTrue\', \'hidden\': False}], '
                   '\'scored\': True, \'setup\': \'\', \'teardown\': \'\', \'type\': \'doctest\'}]}")',
               after_id="setup")
    put("yusuf.ipynb", nb, "rewrites tests/q1.py to pass anything")
    (subs / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # skipped: not a submission
    (subs / "notes.txt").write_text("not a notebook either\n")
    return made


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Grade the class once; return (base folder, rows by file, results by file, seconds, stderr)."""
    import contextlib
    import io

    base = tmp_path_factory.mktemp("hostile")
    made = build_class(base)
    err = io.StringIO()
    start = time.monotonic()
    with contextlib.redirect_stderr(err):
        code = grading.main([str(EXERCISE), str(base / "submissions"), "--out", str(base / "out"),
                             "--workers", "2", "--timeout", str(TIMEOUT)])
    seconds = time.monotonic() - start
    assert code == 0, err.getvalue()
    with open(base / "out" / "gradebook.csv", newline="", encoding="utf-8") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    results = {r["file"]: r for r in json.loads((base / "out" / "results.json").read_text())["submissions"]}
    return base, made, rows, results, seconds, err.getvalue()


EXPECTED = {  # file -> (status, counted, scores or None, words the reason must contain)
    "alice.ipynb": ("graded", True, POINTS, []),
    "bob.ipynb": ("graded", True, PARTIAL_SCORES, ["cell 13 raised KeyError"]),
    "carol.ipynb": ("graded", True, dict.fromkeys(POINTS, 0), []),
    "dave.ipynb": ("graded", False, PARTIAL_SCORES, ["superseded by dave__2.ipynb"]),
    "dave__2.ipynb": ("graded", True, POINTS, []),
    "erin.ipynb": ("timeout", True, None, [f"no result within {TIMEOUT} s", "in cell 5"]),
    "frank.ipynb": ("kernel-died", True, None, ["kernel died in cell 5"]),
    "grace.ipynb": ("graded", True, POINTS, ["cell 5 raised SystemExit"]),
    "heidi.ipynb": ("graded", True, POINTS, ["cell 1 raised RuntimeError: boom"]),
    "ivan.ipynb": ("invalid", True, None, ["invalid JSON", "line"]),
    "judy.ipynb": ("invalid", True, None, ["PNG image"]),
    "ken.ipynb": ("invalid", True, None, ["empty file"]),
    "laura.ipynb": ("graded", True, POINTS, ["converted from nbformat 3"]),
    "mallory.ipynb": ("graded", True, POINTS, []),
    "nina.ipynb": ("graded", True, POINTS, ["NameError: name 'grader' is not defined"]),
    "oscar.ipynb": ("graded", True, PARTIAL_SCORES, ["cell 13 raised KeyError"]),
    "peggy.ipynb": ("graded", True, POINTS, ["printed 48 MB of output (not kept)"]),
    "quentin.ipynb": ("graded", True, POINTS, ["not valid UTF-8", "replaced"]),
    "rupert.ipynb": ("wrong-exercise", True, None, ["for ex02_india_factor, not ex01_cancelled_visit"]),
    "sybil.ipynb": ("graded", True, POINTS, []),
    "trent.ipynb": ("graded", True, {**POINTS, "q1": 0}, []),
    "uma.ipynb": ("graded", True, POINTS, ["cell 5 raised ValueError: two"]),
    "victor.ipynb": ("graded", True, POINTS, ["cell 5 raised MemoryError"]),
    "walter.ipynb": ("invalid", True, None, ["without notebook cells"]),
    "yusuf.ipynb": ("graded", True, {**POINTS, "q1": 0}, []),
}


def test_the_class_is_big_and_mixed_enough(hostile):
    _, made, *_ = hostile
    assert len(made) >= 20 and set(made) == set(EXPECTED)


def test_every_file_gets_a_row_and_nothing_else(hostile):
    base, made, rows, results, _, err = hostile
    assert sorted(rows) == sorted(made) == sorted(results)
    assert "skipped 2 files that are not .ipynb submissions: .DS_Store, notes.txt" in err


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_row(hostile, file):
    _, made, rows, results, _, _ = hostile
    status, counted, scores, words = EXPECTED[file]
    row = rows[file]
    assert (row["status"], row["counted"]) == (status, "true" if counted else "false"), (made[file], row["reason"])
    if scores is None:
        assert [row[q] for q in POINTS] == [""] * 4 and row["total"] == "0"
        assert row["reason"], "a file that was not graded must say why"
    else:
        assert {q: int(row[q]) for q in POINTS} == scores, (made[file], row["reason"])
        assert int(row["total"]) == sum(scores.values())
    for word in words:
        assert word in row["reason"], (made[file], row["reason"])
    if not words and counted:
        assert row["reason"] == ""
    assert len(row["reason"]) <= grading.REASON_CAP and "\n" not in row["reason"]
    entry = results[file]
    assert (entry["status"], entry["counted"], entry["reason"]) == (status, counted, row["reason"])


def test_the_gradebook_stays_one_line_per_row(hostile):
    base, _, rows, *_ = hostile
    assert len((base / "out" / "gradebook.csv").read_text(encoding="utf-8").splitlines()) == len(rows) + 1


def test_nothing_escaped_the_sandbox(hostile):
    base, *_ = hostile
    assert not [p.name for p in base.iterdir() if p.name.startswith("escaped")]
    assert sorted(p.name for p in (base / "submissions").iterdir()) == sorted([*EXPECTED, ".DS_Store", "notes.txt"])
    assert sorted(p.name for p in (base / "out").iterdir()) == ["feedback", "gradebook.csv", "results.json",
                                                               "timings.json"]
    # The sandbox's own scaffolding never shows up in a reason: no temp paths, no process ids.
    text = (base / "out" / "gradebook.csv").read_text(encoding="utf-8")
    assert "coursekit-grade-" not in text and "/proc/1" not in text


def test_feedback_for_every_student_without_hidden_tests(hostile):
    base, _, rows, *_ = hostile
    students = {r["student"] for r in rows.values()}
    assert sorted(p.stem for p in (base / "out" / "feedback").glob("*.md")) == sorted(students)
    hidden_lines = hidden_test_lines()
    for path in (base / "out" / "feedback").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not [line for line in hidden_lines if line in text], path.name
    assert "Not graded (timeout)" in (base / "out" / "feedback" / "erin.md").read_text(encoding="utf-8")


def test_huge_output_is_not_kept_in_memory(hostile):
    base, *_ = hostile
    timings = json.loads((base / "out" / "timings.json").read_text(encoding="utf-8"))["submissions"]
    assert timings["peggy.ipynb"]["peak_mb"] < 1024, timings["peggy.ipynb"]
    assert (base / "out" / "results.json").stat().st_size < 100_000


def test_the_class_is_graded_in_parallel_with_progress_lines(hostile):
    base, *_, seconds, err = hostile
    # About 45 s on an idle 2-core machine, most of it the endless loop's 40 s on one worker while
    # the other grades the rest. Wall-clock bounds fail whenever the machine is busy with something
    # else, so the test checks what the grader controls: the two workers overlap (the rest is graded
    # while the loop runs), and nothing hangs.
    timings = json.loads((base / "out" / "timings.json").read_text(encoding="utf-8"))["submissions"]
    loop_start = timings["erin.ipynb"]["started"]
    loop_end = loop_start + timings["erin.ipynb"]["seconds"]
    after = {f: t for f, t in timings.items() if f != "erin.ipynb" and t["started"] >= loop_start}
    inside = sum(max(0.0, min(t["started"] + t["seconds"], loop_end) - t["started"]) for t in after.values())
    assert after and inside >= 0.9 * sum(t["seconds"] for t in after.values()), timings
    assert seconds < 600
    lines = [line for line in err.splitlines() if "] " in line]
    assert len(lines) == len(EXPECTED) and all(line.endswith(" s") for line in lines)
    assert f"{len(EXPECTED)} submissions in " in err and "with 2 workers" in err
