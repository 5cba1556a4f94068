"""What the tests share, so that no test file imports another.

* :data:`ROOT`, the repository;
* the prose of a notebook or page (:func:`prose`, :func:`section`, :func:`cell_text`);
* the numeric questions of a chapter's quiz: the recomputed answer is accepted, a named mistake
  gets the feedback that diagnoses it (:func:`assert_accepted`, :func:`assert_diagnosed`);
* the exercises' tests and solutions (:func:`read_tests`, :func:`solution_fragments`, :func:`run_notebook`);
* exercise 1's submissions for the grading tests: one filled in (:func:`submission`), and a whole
  hostile class of broken, odd and malicious ones (:func:`build_class`); a run of
  ``coursekit grade`` (:func:`grade`) and its gradebook (:func:`read_rows`).
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from coursekit.instructor import assign, grading

ROOT = Path(__file__).resolve().parent.parent


# -- prose -------------------------------------------------------------------------------------
# Line breaks and runs of spaces are folded into single spaces, so a phrase is found even where
# the text wraps it across lines.
def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def prose(path: str) -> str:
    """The markdown cells of a notebook (or the whole of a .md file), folded."""
    file = ROOT / path
    if file.suffix == ".md":
        return fold(file.read_text(encoding="utf-8"))
    cells = json.loads(file.read_text(encoding="utf-8"))["cells"]
    return fold("\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown"))


def section(path: str, heading: str) -> str:
    """The text under a '## heading' of a notebook, up to the next '## ' heading."""
    text = prose(path)
    start = text.find(f"## {heading}")
    assert start >= 0, f"{path}: no section '## {heading}'"
    following = re.compile(r"(?<!#)## ").search(text, start + 3)  # a '### ' subsection does not end it
    return text[start:following.start() if following else None]


def cell_text(path: str, cell_id: str) -> str:
    """One cell's source, folded, found by its id (exercise masters name their cells)."""
    cells = json.loads((ROOT / path).read_text(encoding="utf-8"))["cells"]
    found = [c for c in cells if c.get("id") == cell_id]
    assert len(found) == 1, f"{path}: {len(found)} cells with id {cell_id!r}"
    return fold("".join(found[0]["source"]))

# -- numeric quiz answers ----------------------------------------------------------------------
def pct(part: float, whole: float, digits: int = 1) -> float:
    return round(100 * part / whole, digits)


def assert_accepted(quiz, question_id: str, computed: float) -> None:
    """The answer recomputed from the data is the bank's answer, within its tolerance."""
    question = quiz.question(question_id)
    assert question.kind == "numeric", question_id
    assert question.check(computed).correct, (
        f"{question_id}: data give {computed!r}, the bank says {question.answer} ± {question.tolerance}")


def assert_diagnosed(quiz, question_id: str, mistake: float, side: str) -> None:
    """A plausible mistake is rejected with the feedback ('low'/'high') that explains it."""
    question = quiz.question(question_id)
    result = question.check(mistake)
    assert not result.correct, f"{question_id}: the mistaken value {mistake!r} is accepted"
    assert result.messages == (question.feedback[side],), f"{question_id}: {mistake!r} should get {side!r}"


def assert_numeric(quiz, question_id: str, answer: float, low=(), high=()) -> None:
    """The recomputed answer is accepted; each named mistake gets the feedback that diagnoses it."""
    assert_accepted(quiz, question_id, answer)
    for side, values in (("low", low), ("high", high)):
        for value in values:
            assert_diagnosed(quiz, question_id, value, side)


# -- exercises ---------------------------------------------------------------------------------
# A check cell exactly as otter writes it into a student notebook.
CHECK_CELL = re.compile(r'^grader\.check\("([^"]+)"\)$')


def read_tests(folder: Path) -> dict[str, dict]:
    """The OK-format test dicts in ``folder``, by question."""
    tests = {}
    for path in sorted(folder.glob("*.py")):
        env: dict = {}
        exec(path.read_text(encoding="utf-8"), env)
        tests[env["test"]["name"]] = env["test"]
    return tests


def cases(test: dict) -> list[dict]:
    return [case for suite in test["suites"] for case in suite["cases"]]


def solution_fragments(master: Path) -> list[str]:
    """Code lines and Markdown paragraphs of ``master`` that only its solutions contain.

    A line that also appears outside the solutions (an import in the setup cell, say) is not
    evidence of a leak, so it is left out.
    """
    fragments, outside, inside = [], [], False
    for cell in nbformat.read(master, as_version=4).cells:
        first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
        if cell.cell_type == "raw" and re.match(r"#\s+(begin|end)\s+solution", first, re.I):
            inside = first.lower().startswith("# begin")
            continue
        if cell.cell_type == "markdown":
            (fragments if inside else outside).extend(p.strip() for p in cell.source.split("\n\n") if p.strip())
        if cell.cell_type == "code":
            in_block = False
            for line in cell.source.splitlines():
                if line.strip().startswith("# BEGIN SOLUTION"):
                    in_block = True
                elif line.strip() == "# END SOLUTION":
                    in_block = False
                elif in_block or line.rstrip().endswith("# SOLUTION"):
                    fragments.append(line.replace("# SOLUTION", "").strip())
                else:
                    outside.append(line.strip())
    elsewhere = "\n".join(outside)
    return [f for f in fragments if len(f) >= 4 and re.search(r"\w", f) and f not in elsewhere]


def run_notebook(path: Path) -> dict[str, str]:
    """Run the notebook in a fresh kernel, cwd its folder; fail on any error; return check outputs."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = {}
    for cell in nb.cells:
        match = CHECK_CELL.match(cell.source.strip()) if cell.cell_type == "code" else None
        if match:
            outputs[match.group(1)] = "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "")
                                              for o in cell.outputs)
    return outputs

# -- exercise 1's submissions ------------------------------------------------------------------
EXERCISE = ROOT / "exercises" / "ex01_cancelled_visit"
STUDENT_NB = EXERCISE / "dist" / "student" / "ex01_cancelled_visit.ipynb"
POINTS = {"q1": 1, "q2": 2, "q3": 2, "q4": 2}  # from the master's `points:` lists

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
    nb = assign.filled(EXERCISE, answers)
    if extra_first_cell:
        setup = next(i for i, c in enumerate(nb.cells) if c.id == "setup")
        nb.cells.insert(setup + 1, nbformat.v4.new_code_cell(extra_first_cell))
    return nb


def hidden_test_lines() -> set[str]:
    """Code lines of the hidden tests that no public test shares (an import may be in both)."""
    lines = set()
    for path in (EXERCISE / "dist" / "autograder" / "tests").glob("q*.py"):
        env: dict = {}
        exec(path.read_text(encoding="utf-8"), env)
        cases = env["test"]["suites"][0]["cases"]
        public = {line for c in cases if not c["hidden"] for line in c["code"].splitlines()}
        lines |= {line[4:] for c in cases if c["hidden"]
                  for line in c["code"].splitlines() if line.startswith(">>> ") and line not in public}
    assert len(lines) >= 8
    return lines


def grade(exercise, subs, out, *extra) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = grading.main([str(exercise), str(subs), "--out", str(out), *extra])
    return code, err.getvalue()


def read_rows(out) -> dict[str, dict]:
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


def with_cell(nb, source: str, at: int | None = None, after_id: str | None = None):
    cell = nbformat.v4.new_code_cell(source)
    if after_id:
        at = next(i for i, c in enumerate(nb.cells) if c.id == after_id) + 1
    nb.cells.insert(len(nb.cells) if at is None else at, cell)
    return nb


def check_cells(nb):
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
    put("heidi.ipynb", with_cell(submission({}), 'raise RuntimeError("boom")', at=0), "exception at the top")
    put("ivan.ipynb", nbformat.writes(submission({})).encode()[:5000], "truncated JSON")
    put("judy.ipynb", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG renamed")
    put("ken.ipynb", b"", "empty file")
    put("laura.ipynb", nbformat.writes(nbformat.convert(submission({}), 3)).encode(), "nbformat 3")
    nb = submission({})
    nb.cells = [c for c in nb.cells if c not in check_cells(nb)]
    put("mallory.ipynb", nb, "check cells deleted")
    nb = submission({})
    checks = check_cells(nb)
    nb.cells = checks + [c for c in nb.cells if c not in checks]
    put("nina.ipynb", nb, "check cells moved to the top")
    nb = submission(PARTIAL_ANSWERS)
    for cell in check_cells(nb):
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
    with_cell(nb, snoop_cell(base), after_id="setup")
    put("sybil.ipynb", nb, "tries to read the hidden tests and escape (q1 is right only if nothing leaked)")
    nb = submission({"q1-answer": "n_happened = -1"})
    with_cell(nb, "import otter.test_files.abstract_test as t\n"
                   "t.TestFile.score = property(lambda self: self.possible)", after_id="setup")
    put("trent.ipynb", nb, "replaces otter's scoring")
    nb = submission({})
    nb.metadata["kernelspec"] = {"name": "conda-env-weird-py", "display_name": "weird", "language": "python"}
    with_cell(nb, 'raise ValueError("two\\nlines, a comma, \\"quotes\\" " + "x" * 100_000)', after_id="setup")
    put("uma.ipynb", nb, "odd kernel name; a huge multi-line error message")
    put("victor.ipynb", submission({}, "hog = bytearray(16 * 2**30)"), "asks for 16 GB")
    put("walter.ipynb", b'{"hello": "world"}', "JSON, not a notebook")
    nb = submission({"q1-answer": "n_happened = -1"})
    with_cell(nb, 'import os\nos.makedirs("tests", exist_ok=True)\n'
                   'open("tests/q1.py", "w").write("OK_FORMAT = True\\ntest = {\'name\': \'q1\', \'points\': 1, '
                   '\'suites\': [{\'cases\': [{\'code\': \'>>> True\\\\nTrue\', \'hidden\': False}], '
                   '\'scored\': True, \'setup\': \'\', \'teardown\': \'\', \'type\': \'doctest\'}]}")',
               after_id="setup")
    put("yusuf.ipynb", nb, "rewrites tests/q1.py to pass anything")
    (subs / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # skipped: not a submission
    (subs / "notes.txt").write_text("not a notebook either\n")
    return made


def pinned_tool(name: str) -> str:
    """The command ``name`` of the environment running the tests, else on PATH.

    The tools the tests run (ruff, actionlint) are pinned in requirements/test.txt; scripts/env.sh
    installs them into .venv, beside the tests' own Python, which is where they are looked for first.
    """
    import shutil
    import sys

    found = Path(sys.executable).parent / name
    if found.is_file():
        return str(found)
    on_path = shutil.which(name)
    assert on_path, f"{name} is missing: it is pinned in requirements/test.txt (scripts/env.sh installs it)"
    return on_path


# -- the built book ---------------------------------------------------------------------------
def _toc_pages() -> list[str]:
    from coursekit.book.build import toc_pages

    return toc_pages(ROOT)


def _banks() -> dict:
    from coursekit.runtime.quiz import QUIZ_DIR, Quiz

    return {quiz.id: quiz for quiz in (Quiz.load(path) for path in sorted(QUIZ_DIR.glob("*.yml")))}


TOC_PAGES = _toc_pages()  # every page of _toc.yml, in order
BANKS = _banks()  # every question bank, by id


def quiz_ids(book: Path, name: str) -> list[str]:
    """The ids of the quizzes in a built page (read from the HTML, without a browser)."""
    html = (book / f"{name}.html").read_text(encoding="utf-8")
    tags = re.findall(r'<div\b[^>]*\bclass="cq-quiz"[^>]*>', html)
    return [re.search(r'\bid="([^"]+)"', tag).group(1) for tag in tags]
