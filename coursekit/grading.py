"""Grade a class of submitted notebooks into a gradebook, machine-readable results and feedback.

``coursekit grade EXERCISE SUBMISSIONS --out OUT [--workers N] [--timeout S] [--memory MB]``

Scores are otter's: the autograder zip's own tests, run by otter's own test classes, inside the
student's kernel, at the point where ``otter run`` runs them (each question's ``grader.check`` cell,
or the end of the notebook). On ordinary submissions they agree exactly with ``otter run`` (a test
compares them). ``otter run`` itself is not used because it has no time limit, copies the hidden
tests into the folder the notebook runs in (where a notebook can read or rewrite them), and counts
whatever the student's own ``grader.check`` cells did.

Isolation, per submission: a separate worker process with its own temporary folder, a wall-clock
limit (on timeout the whole process tree is killed, kernel included), an address-space limit, and
a kernel whose cwd ``run/`` holds only the notebook, the public tests and the exercise's support
files. The hidden tests never enter ``run/``: just before a question is graded the worker writes its
tests into the sandbox, outside ``run/``, and an audit hook installed in the kernel at start-up
(``sys.addaudithook`` from an IPython startup file in a temporary IPYTHONDIR) reads and runs them.
The same hook blocks and records (for the reason column) what a notebook has no business doing:
reading outside Python, the course package and its data (so not the exercises, other submissions,
the output folder or the rest of the sandbox), writing outside ``run/`` and its temp folder,
starting processes, signalling other processes, using the network, walking the interpreter's
objects, looking up C symbols through ctypes. The kernel gets a minimal environment (no tokens).
Results leave the kernel by a file descriptor opened before any student code ran.

Limits, honestly: an audit hook is not a security boundary. C code (ctypes pointer tricks,
compiled extensions, calls that raise no audit event) can get past it. Code the tests call (a
student's function, an ``__eq__``) runs while a hidden test runs and could inspect it, though it
cannot write it anywhere. And since the tests run in the student's kernel, a notebook can still
interfere with them (an object whose ``__eq__`` is always True; replacing the test machinery, of
which obvious cases are detected and then not graded). Run the grader as an unprivileged user; real
isolation needs a separate OS user or a container per submission.

Submissions are the ``*.ipynb`` files of SUBMISSIONS (names starting with "." are skipped). The
student is the file name up to the first ``__`` (``alice.ipynb``, ``alice__v2.ipynb``). When a student
has several files, the one whose name sorts last counts (numbers compare as numbers, so
``alice__10`` beats ``alice__9`` and ``alice__v2`` beats ``alice``); the others are still graded but
marked ``counted: false``, "superseded by ...".

Outputs (rewritten atomically; the same inputs give byte-identical files, timings apart, as long as
the notebooks' own error messages are deterministic: memory addresses and sandbox paths are masked):

* ``gradebook.csv``: student, file, one column per auto-graded question, total, max, status
  (graded | timeout | kernel-died | error | invalid | wrong-exercise), counted, reason;
* ``results.json``: the same per submission plus the sha256 of the file and each question's score
  and possible points; ``timings.json``: seconds per submission;
* ``feedback/<student>.md``: per question the score, messages of failed public tests and only a
  count of hidden ones, whose code and output never leave the kernel (feedback files of students
  absent from this run are removed, so the folder always matches the gradebook).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.assign import DIST, EXERCISES_DIR, autograder_zip

DEFAULT_TIMEOUT = 120
DEFAULT_MEMORY_MB = 4096  # address space; a pandas kernel needs about 1 GB of it
MAX_NOTEBOOK_BYTES = 100 * 2**20
MAX_FILE_BYTES = 2**30  # per file written by the kernel (RLIMIT_FSIZE): a full disk hurts everyone
MESSAGE_CAP = 2000  # characters kept of a failed public test's message
REASON_CAP = 400
STATUSES = ("graded", "timeout", "kernel-died", "error", "invalid", "wrong-exercise")
_CHECK_CALL = re.compile(r"""grader\.check\(\s*["']([^"']+)["']\s*\)""")
_NOTEBOOK_CALL = re.compile(r"""otter\.Notebook\(\s*["']([^"']+)\.ipynb["']""")
_WORKER = "import sys; from coursekit.grading import _worker; sys.exit(_worker(sys.argv[1]))"


class GradingError(Exception):
    """Bad command-line input, reported as one line without a traceback."""


class Ungradable(Exception):
    """A submission that cannot run: ``status`` and a one-line ``reason``."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass
class Question:
    name: str
    points: float
    manual: bool = False


@dataclass
class Result:
    """The outcome of one submitted file, as written to the gradebook, results and feedback."""

    student: str
    file: str
    status: str
    reason: str = ""
    questions: dict = field(default_factory=dict)  # name -> {score, possible, cases: [...]}
    sha256: str = ""
    counted: bool = True
    seconds: float = 0.0
    peak_mb: int | None = None  # largest resident size of the worker or its kernel


# --------------------------------------------------------------------------- inputs

def _resolve_exercise(arg: str) -> Path:
    path = Path(arg)
    if not path.is_dir() and (EXERCISES_DIR / arg).is_dir():
        path = EXERCISES_DIR / arg  # a bare exercise name is also accepted
    if not path.is_dir():
        raise GradingError(f"{arg}: no such exercise")
    if not autograder_zip(path).is_file():
        raise GradingError(f"{arg}: no autograder at {autograder_zip(path)}; run `coursekit assign {arg}` first")
    return path.resolve()


def _submissions(folder: Path) -> tuple[list[Path], list[str]]:
    """The ``*.ipynb`` files of ``folder`` by name, and the names of the files skipped."""
    if not folder.is_dir():
        raise GradingError(f"{folder}: no such submissions folder")
    found, skipped = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.suffix.lower() != ".ipynb":
            skipped.append(path.name)
        else:
            found.append(path)
    if not found:
        raise GradingError(f"{folder}: no .ipynb submissions in this folder")
    return found, skipped


def _check_output_folder(out: Path) -> None:
    """Fail before grading, not after, if OUT cannot take the results."""
    if out.exists() and not out.is_dir():
        raise GradingError(f"{out}: exists and is not a folder")
    try:
        (out / "feedback").mkdir(parents=True, exist_ok=True)
        for folder in (out, out / "feedback"):
            fd, probe = tempfile.mkstemp(prefix=".coursekit-probe-", dir=folder)
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise GradingError(f"{out}: output folder is not writable ({exc.strerror or exc})") from None


def student_of(filename: str) -> str:
    """The student a file belongs to: its name up to the first ``__`` (or the whole stem)."""
    stem = filename[: -len(".ipynb")] if filename.lower().endswith(".ipynb") else filename
    return stem.split("__", 1)[0].strip() or stem


def _natural(name: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name)]


def counted_files(names: list[str]) -> dict[str, str | None]:
    """File -> None if it counts, else the name of the file of the same student that supersedes it."""
    latest: dict[str, str] = {}
    for name in sorted(names, key=_natural):
        latest[student_of(name)] = name
    return {name: None if latest[student_of(name)] == name else latest[student_of(name)] for name in names}


def _read_test_specs(exercise: Path) -> dict[str, dict]:
    """The autograder's tests by question: ``{name: {"path": ..., "spec": ...}}``."""
    specs = {}
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        for name in sorted(n for n in zf.namelist() if n.startswith("tests/") and n.endswith(".py")):
            env: dict = {}
            exec(zf.read(name).decode("utf-8"), env)  # our own generated test file
            specs[env["test"]["name"]] = {"path": name, "spec": env["test"]}
    return specs


def _otter_config(exercise: Path) -> dict:
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        try:
            return json.loads(zf.read("otter_config.json"))
        except KeyError:
            return {}


def questions_of(exercise: Path) -> list[Question]:
    """Auto-graded questions (from the autograder's tests) then manual ones (from the master).

    Point totals come from otter's own test-file parser, so ``max`` matches what otter awards.
    """
    from otter.test_files.ok_test import OKTestFile

    questions = [Question(name, float(OKTestFile.from_spec(t["spec"], path=t["path"]).possible))
                 for name, t in _read_test_specs(exercise).items()]
    master = exercise / f"{exercise.name}.ipynb"
    if master.is_file():
        import nbformat
        import yaml

        for cell in nbformat.read(master, as_version=4).cells:
            lines = cell.source.splitlines()
            if cell.cell_type == "raw" and lines and lines[0].strip().upper() == "# BEGIN QUESTION":
                config = yaml.safe_load("\n".join(lines[1:])) or {}
                if config.get("manual"):
                    questions.append(Question(str(config["name"]), float(config.get("points") or 0), True))
    return questions


# --------------------------------------------------------------------------- reading a submission

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"{\\rtf", "an RTF document"), (b"<!DOCTYPE html", "an HTML page"),
    (b"<html", "an HTML page"),
]


def read_notebook(data: bytes, exercise_name: str):
    """Parse submitted bytes, or raise :class:`Ungradable` saying why not (and not a traceback).

    Returns ``(cells, notes)``: cells as plain dicts (type, source, id, ignore) without outputs, so
    that a huge stored output costs nothing later; notes are remarks for the reason column. Old
    formats are converted by nbformat, bytes that are not UTF-8 replaced, both noted.
    """
    import nbformat

    notes = []
    if not data.strip():
        raise Ungradable("invalid", "empty file" if not data else "the file holds only whitespace")
    for magic, what in _MAGIC:
        if data[:64].lstrip().startswith(magic):
            raise Ungradable("invalid", f"not a notebook: the file is {what} renamed .ipynb")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        notes.append(f"not valid UTF-8 (first bad byte at offset {exc.start}); undecodable bytes replaced")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Ungradable("invalid", f"not a notebook: invalid JSON: {exc.msg} (line {exc.lineno}, "
                                    f"column {exc.colno})") from None
    except RecursionError:
        raise Ungradable("invalid", "not a notebook: JSON nested too deeply") from None
    if not isinstance(raw, dict) or not ("cells" in raw or "worksheets" in raw):
        raise Ungradable("invalid", "not a notebook: JSON without notebook cells")
    version = raw.get("nbformat")
    if version not in (1, 2, 3, 4):
        raise Ungradable("invalid", f"not a notebook this grader can read (nbformat {version!r})")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat's errors vary with the version; one line is what is needed
        raise Ungradable("invalid", _one_line(f"nbformat {version} notebook that cannot be converted to "
                                              f"nbformat 4: {exc}")) from None
    if version != 4:
        notes.append(f"converted from nbformat {version}")
    cells = []
    for cell in nb.get("cells", []):
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        cid = cell.get("id") if version == 4 else None  # ids made up by the conversion mean nothing
        tags = cell.get("metadata", {}).get("tags", []) if isinstance(cell.get("metadata"), dict) else []
        otter_meta = cell.get("metadata", {}).get("otter", {}) if isinstance(cell.get("metadata"), dict) else {}
        cells.append({"cell_type": cell["cell_type"], "source": source, "id": cid if isinstance(cid, str) else None,
                      "ignore": "otter_ignore" in (tags if isinstance(tags, list) else [])
                      or (isinstance(otter_meta, dict) and bool(otter_meta.get("ignore")))})
    meta = nb.get("metadata", {}) if isinstance(nb.get("metadata"), dict) else {}
    otter_meta = meta.get("otter", {}) if isinstance(meta.get("otter"), dict) else {}
    claimed = otter_meta.get("assignment_name")
    if not claimed:
        names = {m for c in cells if c["cell_type"] == "code" for m in _NOTEBOOK_CALL.findall(c["source"])}
        claimed = names.pop() if len(names) == 1 else None
    if claimed and claimed != exercise_name:
        raise Ungradable("wrong-exercise", f"this notebook is for {claimed}, not {exercise_name}")
    return cells, notes


@dataclass
class Layout:
    """Where each question is checked in the student notebook that was handed out."""

    index: dict  # cell id -> position in the handed-out notebook
    check_at: dict  # question -> position of its check cell
    answers: dict  # question -> ids of its answer cells


def layout_of(exercise: Path) -> Layout:
    import nbformat

    path = exercise / DIST / "student" / f"{exercise.name}.ipynb"
    cells = nbformat.read(path, as_version=4).cells if path.is_file() else []
    index, check_at, answers, pending = {}, {}, {}, []
    for i, cell in enumerate(cells):
        index.setdefault(cell.get("id"), i)
        if cell.cell_type != "code":
            continue
        calls = _CHECK_CALL.findall(cell.source)
        if calls:
            for name in calls:
                check_at.setdefault(name, i)
                answers.setdefault(name, [c for c in pending])
            pending = []
        elif "otter_answer_cell" in cell.metadata.get("tags", []):
            pending.append(cell.get("id"))
    return Layout(index, check_at, answers)


def plan(cells: list[dict], layout: Layout, questions: list[str]) -> tuple[dict, list]:
    """Decide when to grade each question: ``({cell position: [questions]}, [at the end])``.

    A question is graded just before the first cell, after all its answer cells, that comes at or
    after its check cell in the handed-out notebook; for an ordinary submission that is the check
    cell itself, which is where ``otter run`` grades it. Moved, edited or deleted check cells do not
    move that point; cells the student added between an answer and its check run before it. Without
    matching cell ids (old formats), the last cell calling ``grader.check`` for it, else the end.
    """
    position = [layout.index.get(c["id"]) if c["id"] else None for c in cells]
    matched = any(p is not None for p in position)
    before: dict[int, list[str]] = {}
    end = []
    for name in questions:
        at = None
        if matched and name in layout.check_at:
            answers = set(layout.answers.get(name, []))
            after = max((j + 1 for j, c in enumerate(cells) if c["id"] in answers), default=0)
            at = next((j for j in range(after, len(cells))
                       if position[j] is not None and position[j] >= layout.check_at[name]), None)
        elif not matched:
            at = max((j for j, c in enumerate(cells) if c["cell_type"] == "code"
                      and name in _CHECK_CALL.findall(c["source"])), default=None)
        if at is None:
            end.append(name)
        else:
            before.setdefault(at, []).append(name)
    return before, end


# --------------------------------------------------------------------------- the kernel's guard

# Objects the tests rely on; a notebook that replaces one of them is not graded.
_TAMPER_WATCH = [
    ("builtins", n) for n in (
        "abs all any bool callable compile dict dir eval exec float getattr globals hasattr hash id int "
        "isinstance issubclass iter len list locals map max min next object print range repr round set "
        "setattr sorted str sum tuple type vars zip __import__ __build_class__").split()
] + [("doctest", n) for n in (
    "DocTestParser.parse DocTestParser.get_examples DocTestParser._parse_example DocTest.__init__ "
    "Example.__init__ DocTestRunner.__init__ DocTestRunner.run DocTestRunner._DocTestRunner__run "
    "DocTestRunner.summarize DocTestRunner.report_start DocTestRunner.report_success "
    "DocTestRunner.report_failure DocTestRunner.report_unexpected_exception DocTestRunner.merge "
    "OutputChecker.check_output _exception_traceback").split()
] + [("otter.test_files.ok_test", n) for n in (
    "run_doctest doctest io redirect_stdout redirect_stderr hide_outputs dedent TestCase TestCaseResult "
    "OKTestFile.run OKTestFile.from_spec OKTestFile.score OKTestFile.possible OKTestFile.grade "
    "OKTestFile.passed_all OKTestFile.resolve_test_file_points OKTestFile.__init__").split()
] + [("otter.utils", "hide_outputs"), ("contextlib", "redirect_stdout"), ("contextlib", "redirect_stderr")]


def _start_guard(config: dict) -> None:
    """Install the guard with a private copy of the builtins, so that rebinding them later (say
    ``builtins.open = ...``) cannot change what the guard itself calls."""
    import builtins
    import types

    private = {"__builtins__": dict(vars(builtins)), "__name__": "coursekit-guard"}
    types.FunctionType(_guard.__code__, private)(config)


def _guard(config: dict) -> None:
    """The audit hook (see the module docstring). Runs in the kernel; uses only its own locals."""
    import _posixsubprocess
    import _thread
    import ctypes  # noqa: F401  (set up before the hook watches C symbol look-ups)
    import builtins
    import doctest  # noqa: F401
    import os
    import stat
    import subprocess  # noqa: F401  (imports _posixsubprocess now; re-importing it is refused later)
    import sys

    import otter.test_files.ok_test  # noqa: F401
    import otter.utils  # noqa: F401
    from IPython import get_ipython
    from otter.test_files.ok_test import OKTestFile

    shell = get_ipython()
    modules, pid, get_ident = sys.modules, os.getpid(), _thread.get_ident
    gettrace, getprofile = sys.gettrace, sys.getprofile
    lstat, readlink, getcwd, fstat_mode = os.lstat, os.readlink, os.getcwd, os.stat
    is_link, is_dir, write = stat.S_ISLNK, stat.S_ISDIR, os.write
    log = os.open(config["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    own = tuple(config["own"])
    read_roots, deny = tuple(config["read"]), tuple(config["deny"])
    checks, cap = config["checks"], config["message_cap"]
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    o_directory = getattr(os, "O_DIRECTORY", 0)
    state = {"blocked": 0, "owner": None}

    def emit(record):
        data = (repr(record) + "\n").encode("utf-8", "replace")
        while data:
            data = data[write(log, data):]

    def lookup(module, name):
        obj = modules[module]
        parts = name.split(".")
        for part in parts[:-1]:
            obj = getattr(obj, part)
        if isinstance(obj, type):  # the raw attribute along the MRO, so overrides anywhere show
            return tuple(vars(k).get(parts[-1]) for k in obj.__mro__)
        return getattr(obj, parts[-1])

    def same(a, b):
        if isinstance(a, tuple) and isinstance(b, tuple):
            return len(a) == len(b) and all(x is y for x, y in zip(a, b))
        return a is b

    watched = []
    for module, name in config["watch"]:
        try:
            watched.append((module, name, lookup(module, name)))
        except Exception:  # not in this version of the library: nothing to watch
            pass
    builtins_module = builtins

    def tampered():
        found = []
        for module, name, original in watched:
            try:
                now = lookup(module, name)
            except Exception:
                now = None
            if not same(now, original):
                found.append(f"{module}.{name}")
        if shell.user_ns.get("__builtins__", builtins_module) is not builtins_module:
            found.append("__builtins__")
        if gettrace() is not None or getprofile() is not None:
            found.append("sys.settrace/sys.setprofile (a tracer was active)")
        return found

    def real(path):
        """The path with symlinks (and /proc magic links) resolved, using only captured C calls."""
        if isinstance(path, bytes):
            path = path.decode("utf-8", "surrogateescape")
        if not isinstance(path, str) or "\x00" in path:
            return None
        if not path.startswith("/"):
            depth = 0
            for part in path.split("/"):  # relative paths that climb out are refused: with
                depth += -1 if part == ".." else (0 if part in ("", ".") else 1)  # dir_fd they
                if depth < 0:  # would not resolve against the cwd this check assumes
                    return None
            path = getcwd() + "/" + path
        result, todo, hops = "", path.split("/"), 0
        while todo:
            name = todo.pop(0)
            if name in ("", "."):
                continue
            if name == "..":
                result = result.rsplit("/", 1)[0]
                continue
            candidate = result + "/" + name
            try:
                mode = lstat(candidate).st_mode
            except OSError:
                result = candidate
                continue
            if is_link(mode):
                hops += 1
                if hops > 40:
                    return None
                target = readlink(candidate)
                if target.startswith("/"):
                    result = ""
                todo = target.split("/") + todo
                continue
            result = candidate
        return result or "/"

    def exists(path):
        try:
            lstat(path)
        except (OSError, TypeError, ValueError):
            return False
        return True

    def under(path, roots):
        return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)

    def may_read(path):
        if under(path, own):
            return True
        parts = path.split("/")
        if len(parts) > 2 and parts[1] == "proc" and parts[2].isdigit() and parts[2] != str(pid):
            return False
        return not under(path, deny) and under(path, read_roots)

    def block(what, detail, exc=PermissionError):
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        state["blocked"] += 1
        if state["blocked"] <= 50:
            emit({"kind": "blocked", "what": what, "detail": str(detail)[:300]})
        if exc is PermissionError:
            raise PermissionError(13, "blocked by the grading sandbox", str(detail)[:300])
        raise exc(f"blocked by the grading sandbox: {what}")

    def check_path(raw, writing, what):
        path = real(raw)
        if path is None:
            block(what, raw)
        if writing and not (path == "/dev/null" or under(path, own)):
            block(what, path)
        if not writing and not may_read(path):
            block(what, path)
        return path

    def run_checks(anchor):
        if not (isinstance(anchor, str) and anchor.isalnum()):
            return
        state["owner"] = get_ident()
        try:
            with open(checks + "/" + anchor + ".txt", encoding="utf-8") as handle:
                text = handle.read()
        finally:
            state["owner"] = None
        specs = eval(text, {"__builtins__": {}})  # a literal written by the worker
        found = tampered()
        results = {}
        for item in specs:
            try:
                test = OKTestFile.from_spec(item["spec"], path=item["path"])
                test.run(shell.user_ns)
                cases = [{"hidden": bool(r.test_case.hidden), "passed": bool(r.passed),
                          "message": "" if r.test_case.hidden or r.passed else str(r.message or "")[:cap]}
                         for r in test.test_case_results]
                results[item["name"]] = {"score": float(test.score), "possible": float(test.possible),
                                         "cases": cases}
            except BaseException as exc:  # the test machinery itself failed: nothing scored
                results[item["name"]] = {"error": type(exc).__name__}
        found += [f for f in tampered() if f not in found]
        emit({"kind": "result", "anchor": anchor, "results": results, "tampered": found,
              "blocked": state["blocked"]})

    file_events = {"os.listdir": False, "os.scandir": False, "os.chdir": False, "os.mkdir": True,
                   "os.remove": True, "os.rmdir": True, "os.chmod": True, "os.chown": True,
                   "os.utime": True, "os.truncate": True, "os.setxattr": True, "os.removexattr": True,
                   "os.chflags": True, "os.lchflags": True, "os.lchmod": True, "shutil.rmtree": True}
    processes = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                 "os.forkpty", "pty.spawn", "os.startfile"}
    # sys.settrace stays allowed (doctest calls it, also in grader.check); a tracer still active
    # when the tests start is caught by tampered().
    introspection = {"gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames"}
    signals = {"os.kill", "os.killpg", "signal.pthread_kill"}
    network = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"}
    # C modules without audit events of their own: a fresh import would undo the stub below.
    unsafe_modules = {"_posixsubprocess", "_xxsubinterpreters", "_xxinterpchannels", "_testcapi",
                      "_testinternalcapi", "_testmultiphase", "_testsinglephase"}
    events = ({"open", "os.rename", "os.link", "os.symlink", "sys.addaudithook", "ctypes.dlsym",
               "ctypes.dlsym/handle", "sqlite3.connect", "import", "coursekit.check"}
              | set(file_events) | processes | introspection | signals | network)

    def hook(event, args):
        if event not in events or state["owner"] == get_ident():
            return
        if event == "open":
            raw, mode, flags = (tuple(args) + (None, None, 0))[:3]
            if isinstance(raw, int):
                return
            flags = flags if isinstance(flags, int) else 0
            writing = bool(flags & write_flags) or (isinstance(mode, str) and any(c in mode for c in "wax+"))
            path = check_path(raw, writing, "write" if writing else "read")
            if not writing and not under(path, own):
                try:
                    directory = bool(flags & o_directory) or is_dir(fstat_mode(path).st_mode)
                except OSError:
                    directory = False
                if directory:  # a directory fd outside run/ would let dir_fd-relative opens escape
                    block("open a directory", path)
        elif event in file_events:
            if args and not isinstance(args[0], int):
                if event == "os.mkdir" and exists(args[0]):
                    return  # harmless, it fails anyway (os.makedirs(exist_ok=True) expects FileExistsError)
                check_path(args[0], file_events[event], event.split(".")[-1])
        elif event == "os.rename":
            check_path(args[0], True, "rename")
            check_path(args[1], True, "rename")
        elif event in ("os.link", "os.symlink"):
            block("make a link", f"{args[1]} -> {args[0]}")
        elif event in processes:
            block("start a process", args[0] if args else event)
        elif event in signals:
            if not args or args[0] != pid:
                block("signal another process", event)
        elif event == "sys.addaudithook":
            block("add an audit hook", "", RuntimeError)  # RuntimeError: the hook is silently not added
        elif event in introspection:
            block(event, "")
        elif event.startswith("ctypes.dlsym"):
            name = args[1] if len(args) > 1 else ""
            if not isinstance(name, str) or not name.startswith(("Py", "_Py")) or "Audit" in name:
                block("look up a C symbol", name)
        elif event in network:
            block("use the network", args[1] if len(args) > 1 else event)
        elif event == "import":
            if args and args[0] in unsafe_modules:
                block("import", args[0], ImportError)
        elif event == "sqlite3.connect":
            if args and args[0] not in (":memory:", b":memory:", "") and not str(args[0]).startswith("file::memory:"):
                check_path(args[0], True, "open a database")
        elif event == "coursekit.check" and len(args) == 1:
            run_checks(args[0])

    def no_fork_exec(*args, **kwargs):  # starts processes without raising an audit event
        block("start a process", "_posixsubprocess.fork_exec")

    _posixsubprocess.fork_exec = no_fork_exec
    sys.addaudithook(hook)
    emit({"kind": "ready", "pid": pid})


_STARTUP = """\
def _coursekit_guard():
    from coursekit.grading import _start_guard
    _start_guard({config!r})
_coursekit_guard()
del _coursekit_guard
"""


# --------------------------------------------------------------------------- the worker

def _read_records(path: Path, offset: int) -> tuple[list[dict], int]:
    import ast

    with open(path, "rb") as f:
        f.seek(offset)
        data = f.read()
    complete = data[: data.rfind(b"\n") + 1]
    records = []
    for line in complete.decode("utf-8", "replace").splitlines():
        try:
            record = ast.literal_eval(line)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(record, dict):
            records.append(record)
    return records, offset + len(complete)


class _Interference(Exception):
    """The notebook stopped the grader from getting trustworthy results."""


def _worker(job_path: str) -> int:
    """Run one prepared notebook in a guarded kernel and write what happened to ``result.json``."""
    import asyncio
    import resource

    job = json.loads(Path(job_path).read_text(encoding="utf-8"))
    if job["memory"]:
        resource.setrlimit(resource.RLIMIT_AS, (job["memory"], job["memory"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, MAX_FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        summary = asyncio.run(_execute(job))
    except Exception as exc:  # the grader's own failure: say so rather than die silently
        summary = {"status": "error", "reason": _one_line(f"grader failed: {type(exc).__name__}: {exc}")}
    _write_atomic(Path(job["result"]), json.dumps(summary))
    return 0


async def _execute(job: dict) -> dict:
    import resource

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    startup = Path(job["ipython"]) / "profile_default" / "startup"
    startup.mkdir(parents=True)
    guard_config = {"log": job["log"], "own": job["own"], "read": job["read"], "deny": job["deny"],
                    "checks": job["checks"], "message_cap": MESSAGE_CAP, "watch": _TAMPER_WATCH}
    (startup / "00-coursekit-guard.py").write_text(_STARTUP.format(config=guard_config), encoding="utf-8")
    Path(job["log"]).touch()
    specs = _read_test_specs(Path(job["exercise"]))
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(c["source"]) if c["cell_type"] == "code" else nbformat.v4.new_markdown_cell("")
        for c in job["cells"]])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}

    errors: list = []
    printed = [0]

    class Client(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            """Keep no output (feedback never shows it) and only count its size."""
            content = msg.get("content", {})
            if msg["msg_type"] == "error":
                errors.append((cell_index, str(content.get("ename", ""))[:100], str(content.get("evalue", ""))[:500]))
            data = content.get("data", {})
            printed[0] += len(str(content.get("text", ""))) + sum(len(str(v)) for v in data.values())
            return None

    keep = {"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TERM", "SHELL", "VIRTUAL_ENV",
            "PYTHONPATH", "COURSEKIT_DATA"}  # nothing else of the grader's environment (tokens, say)
    env = {k: v for k, v in os.environ.items() if k in keep or k.startswith("LC_")}
    mpl = Path(job["tmp"]) / "matplotlib"  # its own, writable, seeded with the font cache (slow to rebuild)
    mpl.mkdir()
    cache = Path(os.environ.get("MPLCONFIGDIR") or Path(os.environ.get("XDG_CACHE_HOME") or "~/.cache").expanduser()
                 / "matplotlib")
    for font_list in cache.glob("fontlist-*.json"):
        shutil.copyfile(font_list, mpl / font_list.name)
    env.update(IPYTHONDIR=job["ipython"], TMPDIR=job["tmp"], TMP=job["tmp"], TEMP=job["tmp"], MPLCONFIGDIR=str(mpl),
               PYTHONHASHSEED="0", JUPYTER_PLATFORM_DIRS="1", PYDEVD_DISABLE_FILE_VALIDATION="1",
               PYTHONDONTWRITEBYTECODE="1")  # a stale .pyc is not the student's attempt to write
    client = Client(nb, timeout=job["timeout"], startup_timeout=job["timeout"], kernel_name="python3",
                    allow_errors=True, store_widget_state=False, record_timing=False,
                    shutdown_kernel="immediate", resources={"metadata": {"path": job["run"]}},
                    extra_arguments=["--HistoryManager.enabled=False"])
    log, offset = Path(job["log"]), 0
    records: list[dict] = []
    results: dict = {}
    progress = Path(job["progress"])
    summary: dict = {"status": "graded"}

    def collect():
        nonlocal offset
        new, offset = _read_records(log, offset)
        records.extend(new)
        return new

    async def grade(names: list[str]) -> None:
        anchor = secrets.token_hex(8)
        check_file = Path(job["checks"]) / f"{anchor}.txt"
        check_file.write_text(repr([{"name": n, **specs[n]} for n in names]), encoding="utf-8")
        try:
            msg_id = client.kc.execute(f"__import__('sys').audit('coursekit.check', {anchor!r})",
                                       silent=True, store_history=False, allow_stdin=False)
            await client.async_wait_for_reply(msg_id)
        finally:
            check_file.unlink(missing_ok=True)
        found = [r for r in collect() if r.get("kind") == "result" and r.get("anchor") == anchor]
        if not found:
            raise _Interference(f"no test results came back for {', '.join(names)}")
        if found[0].get("tampered"):
            raise _Interference("the notebook replaced parts of the test machinery: "
                                + ", ".join(found[0]["tampered"][:4]))
        results.update(found[0]["results"])

    cell_numbers = job["numbers"]
    try:
        async with client.async_setup_kernel(env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            if not any(r.get("kind") == "ready" for r in collect()):
                return {"status": "error", "reason": "the grading sandbox did not start in the kernel"}
            for index, cell in enumerate(nb.cells):
                if str(index) in job["before"]:
                    await grade(job["before"][str(index)])
                if cell.cell_type != "code":
                    continue
                progress.write_text(str(cell_numbers[index]), encoding="utf-8")
                try:
                    await client.async_execute_cell(cell, index)
                except DeadKernelError:
                    summary = {"status": "kernel-died",
                               "reason": f"the kernel died in cell {cell_numbers[index]} (os._exit, a crash, "
                                         "or out of memory?)"}
                    break
            else:
                progress.write_text("grading", encoding="utf-8")
                if job["end"]:
                    await grade(job["end"])
    except _Interference as exc:
        summary = {"status": "error", "reason": f"not graded: {exc}"}
    except DeadKernelError:
        summary = {"status": "kernel-died", "reason": "the kernel died while the tests ran"}
    collect()
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # the kernel, once reaped
    blocked = [r for r in records if r.get("kind") == "blocked"]
    total_blocked = max([r.get("blocked", 0) for r in records if r.get("kind") == "result"] + [len(blocked)])
    summary.update(questions=results if summary["status"] == "graded" else {},
                   blocked=[(r["what"], r["detail"]) for r in blocked], blocked_total=total_blocked,
                   errors=[(cell_numbers[i] if i < len(cell_numbers) else None, e, v) for i, e, v in errors],
                   printed=printed[0], peak_mb=round(peak_kb / 1024))
    return summary


# --------------------------------------------------------------------------- one submission

def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Context:
    """What every submission of one run shares."""

    exercise: Path
    questions: list
    layout: Layout
    public_tests: Path
    support: dict  # relative path -> bytes, from the autograder zip's files/
    otter_config: dict
    timeout: float
    memory: int
    deny: list
    read: list
    cancel: threading.Event = field(default_factory=threading.Event)


def _read_roots() -> list[str]:
    """What a notebook may read: Python, its packages, the course package and data, system files."""
    import site

    import coursekit
    from coursekit import data

    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             *site.getsitepackages(), site.getusersitepackages(),
             str(Path(coursekit.__file__).parent), str(data.DATA_DIR),
             "/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin", "/etc", "/dev", "/proc", "/sys",
             "/opt", *(os.path.expanduser(f"~/{p}") for p in (".pdbrc", ".config/matplotlib", ".cache/fontconfig"))}
    return sorted({os.path.realpath(r) for r in roots if r})


def _seeded(cells: list[dict], config: dict) -> list[dict]:
    """Otter's intercell seeding (``seed``, ``seed_variable`` in otter_config.json), as otter does it."""
    seed = config.get("seed")
    if seed is None:
        return cells
    if config.get("seed_variable"):
        prefix = f"{config['seed_variable']} = {seed}"
    else:
        prefix = (f"import numpy as _np_seed\nimport random as _random_seed\n"
                  f"_np_seed.random.seed({seed})\n_random_seed.seed({seed})")
    return [dict(c, source=f"{prefix}\n{c['source']}")
            if c["cell_type"] == "code" and not c["source"].startswith("%%") else c for c in cells]


def grade_one(submission: Path, ctx: Context) -> Result:
    """Grade one file in a fresh worker process and temporary folder, within ``ctx.timeout``."""
    result = Result(student_of(submission.name), submission.name, "error", sha256=_sha256(submission))
    try:
        if submission.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise Ungradable("invalid", f"file too large ({submission.stat().st_size / 2**20:.0f} MB; "
                                        f"limit {MAX_NOTEBOOK_BYTES // 2**20} MB)")
        cells, notes = read_notebook(submission.read_bytes(), ctx.exercise.name)
    except Ungradable as exc:
        result.status, result.reason = exc.status, exc.reason
        return result
    numbers = [i + 1 for i, c in enumerate(cells) if not c["ignore"]]  # as the student counts cells
    cells = [c for c in cells if not c["ignore"]]  # otter_ignore cells are not run by otter either
    before, end = plan(cells, ctx.layout, [q.name for q in ctx.questions if not q.manual])
    cells = _seeded(cells, ctx.otter_config)
    work = Path(os.path.realpath(tempfile.mkdtemp(prefix="coursekit-grade-")))  # the hook compares real paths
    try:
        run, tmp = work / "run", work / "tmp"
        for folder in (run, tmp, work / "checks", work / "wtmp"):
            folder.mkdir()
        notebook = run / f"{ctx.exercise.name}.ipynb"
        import nbformat

        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell(c["source"]) if c["cell_type"] == "code"
            else nbformat.v4.new_markdown_cell(c["source"])
            for c in cells])
        nb.metadata["otter"] = {"assignment_name": ctx.exercise.name}
        nbformat.write(nb, notebook)
        if ctx.public_tests.is_dir():
            shutil.copytree(ctx.public_tests, run / "tests")
        for rel, payload in ctx.support.items():
            (run / rel).parent.mkdir(parents=True, exist_ok=True)
            (run / rel).write_bytes(payload)
        job = {"exercise": str(ctx.exercise), "cells": cells, "numbers": numbers,
               "before": {str(k): v for k, v in before.items()}, "end": end,
               "work": str(work), "run": str(run), "tmp": str(tmp), "own": [str(run), str(tmp)],
               "ipython": str(work / "ipython"), "log": str(work / "guard.log"), "checks": str(work / "checks"),
               "progress": str(work / "progress"), "result": str(work / "result.json"),
               "read": ctx.read, "deny": sorted({*ctx.deny, str(work)}),
               "timeout": ctx.timeout, "memory": ctx.memory}
        (work / "job.json").write_text(json.dumps(job), encoding="utf-8")
        status, reason, summary = _run_worker(work, ctx)
        result.status = status
        if summary:
            result.questions = summary.get("questions", {})
            result.peak_mb = summary.get("peak_mb")
            notes += [f"the tests of {q} could not run ({info['error']})"
                      for q, info in result.questions.items() if "error" in info]
        result.reason = _reason(notes, reason, summary, work)
        return result
    finally:
        if not os.environ.get("COURSEKIT_GRADE_KEEP"):  # debugging aid: keep the sandbox folders
            shutil.rmtree(work, ignore_errors=True)


def _run_worker(work: Path, ctx: Context) -> tuple[str, str, dict | None]:
    env = dict(os.environ)
    env.update(TMPDIR=str(work / "wtmp"), JUPYTER_RUNTIME_DIR=str(work / "runtime"), PYTHONHASHSEED="0",
               JUPYTER_PLATFORM_DIRS="1")
    with open(work / "worker.log", "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(work / "job.json")],
            cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + ctx.timeout
        try:
            while proc.poll() is None:
                if ctx.cancel.is_set():
                    _kill_tree(proc)
                    return "error", "grading was interrupted", None
                if time.monotonic() > deadline:
                    _kill_tree(proc)
                    where = (work / "progress").read_text(encoding="utf-8") if (work / "progress").is_file() else ""
                    place = {"": " while the kernel started", "grading": " while the tests ran"}.get(
                        where, f" in cell {where}")
                    return ("timeout", f"no result within {ctx.timeout:g} s (still running{place}; "
                                       "does it loop forever?)", None)
                time.sleep(0.05)
            _kill_group(proc)  # anything the worker left running
        finally:
            if proc.poll() is None:
                _kill_tree(proc)
    result = work / "result.json"
    if not result.is_file():
        with open(work / "worker.log", "rb") as f:
            f.seek(max(0, f.seek(0, 2) - 4096))
            tail = f.read().decode("utf-8", "replace").strip().splitlines()
        return "error", _one_line(f"grader exited with status {proc.returncode}: "
                                  + (tail[-1] if tail else "no output")), None
    summary = json.loads(result.read_text(encoding="utf-8"))
    return summary["status"], summary.get("reason", ""), summary


def _clean(text: str, work: Path) -> str:
    """Make a reason the same on every run: no sandbox paths, process ids or memory addresses."""
    text = str(text).replace(str(work / "run"), ".").replace(str(work), "<sandbox>")
    text = re.sub(r"/proc/\d+", "/proc/<pid>", text)
    return _addresses(text)


def _reason(notes: list[str], reason: str, summary: dict | None, work: Path) -> str:
    parts = list(notes)
    if reason:
        parts.append(reason)
    if summary:
        blocked = summary.get("blocked", [])
        if blocked:  # by kind, with the first example of each: the attempt, not a wall of paths
            kinds: dict[str, list] = {}
            for what, detail in blocked:
                kinds.setdefault(what, []).append(detail)
            total = max(summary.get("blocked_total", 0), len(blocked))
            parts.append(f"blocked {total} attempt{'s' if total > 1 else ''} to reach outside the sandbox: "
                         + ", ".join(f"{what} x{len(d)}" + (f" (e.g. {d[0]})" if d[0] and i < 2 else "")
                                     for i, (what, d) in enumerate(kinds.items())))
        errors = summary.get("errors", [])
        if errors:
            number, name, value = errors[0]
            value = value.splitlines()[0] if value else ""
            more = f" (and {len(errors) - 1} more cells with errors)" if len(errors) > 1 else ""
            parts.append(f"cell {number} raised {name}" + (f": {value}" if value else "") + more)
        if summary.get("printed", 0) > 10 * 2**20:
            parts.append(f"printed {summary['printed'] / 2**20:.0f} MB of output (not kept)")
    return _one_line(_clean("; ".join(parts), work), REASON_CAP)


def _addresses(text: str) -> str:
    return re.sub(r"0x[0-9a-fA-F]{6,}", "0x…", text)


def _hint(message: str) -> str:
    """The useful tail of a doctest failure (example, expected, got), without the verbose replay."""
    start = message.find("Failed example:")
    message = (message[start:] if start >= 0 else message).strip()
    head, sep, tail = message.partition("Exception raised:")
    if sep:  # keep the exception itself, not the grader's traceback (internal paths, noise)
        last = [line.strip() for line in tail.splitlines() if line.strip()][-1:]
        message = head.rstrip() + "\n" + sep + "\n    " + "".join(last)
    return _addresses(message)


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _kill_tree(proc: subprocess.Popen) -> None:
    """Kill the worker, its process group and every descendant (the kernel has its own session)."""
    import psutil

    try:
        procs = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        procs = []
    _kill_group(proc)
    for child in procs:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    proc.wait()
    # The kernel is not our child, so it is reaped by whoever adopts it; dead-but-unreaped
    # (zombie) is dead enough, and waiting for the reaping can take seconds.
    deadline = time.monotonic() + 5
    for child in procs:
        while time.monotonic() < deadline:
            try:
                if child.status() == psutil.STATUS_ZOMBIE:
                    break
            except psutil.NoSuchProcess:
                break
            time.sleep(0.02)


# --------------------------------------------------------------------------- outputs

def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}".rstrip("0")


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and ``os.replace`` so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _total(result: Result) -> float:
    return sum(q.get("score", 0.0) for q in result.questions.values()) if result.status == "graded" else 0.0


def gradebook_csv(results: list[Result], questions: list[Question]) -> str:
    auto = [q for q in questions if not q.manual]
    maximum = sum(q.points for q in auto)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "file", *(q.name for q in auto), "total", "max", "status", "counted", "reason"])
    for r in results:
        scores = [r.questions.get(q.name, {}).get("score") for q in auto]
        cells = ["" if r.status != "graded" or s is None else _fmt(s) for s in scores]
        writer.writerow([r.student, r.file, *cells, _fmt(_total(r)), _fmt(maximum), r.status,
                         "true" if r.counted else "false", r.reason])
    return buffer.getvalue()


def results_json(results: list[Result], questions: list[Question], exercise: Path) -> str:
    auto = [q for q in questions if not q.manual]
    with open(autograder_zip(exercise), "rb") as f:
        zip_sha = hashlib.sha256(f.read()).hexdigest()
    payload = {
        "exercise": exercise.name,
        "autograder_sha256": zip_sha,
        "max": sum(q.points for q in auto),
        "questions": {q.name: q.points for q in auto},
        "submissions": [{
            "student": r.student, "file": r.file, "sha256": r.sha256, "status": r.status, "reason": r.reason,
            "counted": r.counted, "total": _total(r),
            # score is null where there is none: a file that was not graded, a test that could not run
            "questions": {q.name: {"score": r.questions.get(q.name, {}).get("score") if r.status == "graded"
                                   else None, "possible": q.points} for q in auto},
        } for r in results],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def feedback_md(result: Result, questions: list[Question], exercise: str, others: list[Result] = ()) -> str:
    auto = [q for q in questions if not q.manual]
    maximum = sum(q.points for q in auto)
    lines = [f"# Feedback on {exercise}: {result.student}", "", f"Graded file: `{result.file}`", ""]
    if result.status != "graded":
        explain = {
            "timeout": "Grading stopped because the notebook did not finish in time.",
            "kernel-died": "Grading stopped because the notebook's Python kernel died.",
            "error": "The notebook could not be graded.",
            "invalid": "The file is not a notebook that can be graded.",
            "wrong-exercise": "The file is a notebook for another exercise.",
        }[result.status]
        lines += [f"**Not graded ({result.status}).** {explain}", "", f"Details: {result.reason}", "",
                  "Restart the kernel and run every cell from the top, fix what fails or never ends, "
                  "save, and hand in the `.ipynb` file of this exercise again.", ""]
    else:
        lines += [f"**Auto-graded score: {_fmt(_total(result))} / {_fmt(maximum)}**", ""]
        if result.reason:
            lines += [f"Notes: {result.reason}", ""]
        for q in auto:
            info = result.questions.get(q.name)
            lines.append(f"## {q.name}: {_fmt(info.get('score', 0)) if info else '0'} / {_fmt(q.points)}")
            lines.append("")
            if info is None or "cases" not in info:
                lines += ["No result for this question.", ""]
                continue
            public = [c for c in info["cases"] if not c["hidden"]]
            failed = [c for c in public if not c["passed"]]
            if public:
                lines.append(f"Public checks: {len(public) - len(failed)} of {len(public)} passed "
                             "(the same checks as `grader.check` in your notebook).")
            for case in failed:
                lines += ["", "```", _hint(case["message"]), "```"]
            hidden = [c for c in info["cases"] if c["hidden"]]
            if hidden:
                lines += ["", f"Hidden tests: {sum(c['passed'] for c in hidden)} of {len(hidden)} passed."]
            lines.append("")
    for q in questions:
        if q.manual:
            lines += [f"## {q.name} (written, {_fmt(q.points)} points)", "",
                      "Marked by hand; not included in the score above.", ""]
    for other in others:
        lines += [f"Also received `{other.file}` ({other.status}); not counted: superseded by `{result.file}`.", ""]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- command

def _context(exercise: Path, timeout: float, memory_mb: int, extra_deny: list[Path]) -> Context:
    support = {}
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        for name in zf.namelist():
            if name.startswith("files/") and not name.endswith("/"):
                support[name[len("files/"):]] = zf.read(name)
    deny = {str(EXERCISES_DIR.resolve()), str(exercise), *(str(p.resolve()) for p in extra_deny)}
    return Context(exercise=exercise, questions=questions_of(exercise), layout=layout_of(exercise),
                   public_tests=exercise / DIST / "student" / "tests", support=support,
                   otter_config=_otter_config(exercise), timeout=timeout,
                   memory=memory_mb * 2**20, deny=sorted(deny), read=_read_roots())


def grade_folder(exercise: Path, submissions: list[Path], out: Path, timeout: float, workers: int = 1,
                 memory_mb: int = DEFAULT_MEMORY_MB, log=None) -> list[Result]:
    """Grade every submission (``workers`` at a time); write gradebook, results and feedback."""
    start, log = time.monotonic(), log or sys.stderr
    folders = {p.parent for p in submissions}
    ctx = _context(exercise, timeout, memory_mb, [out, *folders])
    lock, done = threading.Lock(), [0]
    width = len(str(len(submissions)))

    def run(sub: Path) -> Result:
        began = time.monotonic()
        result = grade_one(sub, ctx)
        result.seconds = time.monotonic() - began
        with lock:
            done[0] += 1
            score = f" {_fmt(_total(result))}/{_fmt(sum(q.points for q in ctx.questions if not q.manual))}" \
                if result.status == "graded" else ""
            print(f"coursekit grade: [{done[0]:>{width}}/{len(submissions)}] {sub.name}: {result.status}{score} "
                  f"in {result.seconds:.1f} s", file=log, flush=True)
        return result

    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        results = list(pool.map(run, submissions))
    except BaseException:
        ctx.cancel.set()  # workers see it within 50 ms and kill their process trees
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    supersede = counted_files([r.file for r in results])
    for r in results:
        if supersede[r.file]:
            r.counted = False
            r.reason = _one_line(f"superseded by {supersede[r.file]}" + (f"; {r.reason}" if r.reason else ""),
                                 REASON_CAP)
    results.sort(key=lambda r: (r.student, _natural(r.file)))
    _write_outputs(results, ctx.questions, exercise, out)
    elapsed = time.monotonic() - start
    _write_atomic(out / "timings.json", json.dumps({
        "workers": workers, "seconds": round(elapsed, 2),
        "submissions": {r.file: {"seconds": round(r.seconds, 2), "peak_mb": r.peak_mb} for r in results}},
        indent=2) + "\n")
    counts = {s: sum(r.status == s for r in results) for s in STATUSES}
    print(f"coursekit grade: {_n(len(results), 'submission')} in {elapsed:.1f} s with {_n(workers, 'worker')} "
          f"({elapsed / len(results):.1f} s per submission; {sum(r.seconds for r in results) / len(results):.1f} s "
          f"each on average): " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
          + f"; {sum(r.counted for r in results)} counted; wrote {out / 'gradebook.csv'}", file=log, flush=True)
    return results


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _write_outputs(results: list[Result], questions: list[Question], exercise: Path, out: Path) -> None:
    feedback = out / "feedback"
    written = set()
    for r in results:
        if r.counted:
            others = [o for o in results if o.student == r.student and not o.counted]
            _write_atomic(feedback / f"{r.student}.md", feedback_md(r, questions, exercise.name, others))
            written.add(f"{r.student}.md")
    for stale in feedback.glob("*.md"):  # from an earlier run with other submissions
        if stale.name not in written:
            stale.unlink()
    _write_atomic(out / "results.json", results_json(results, questions, exercise))
    _write_atomic(out / "gradebook.csv", gradebook_csv(results, questions))


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other input error
        print(f"coursekit grade: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="coursekit grade", description=__doc__.splitlines()[0], epilog=(
        "Files are <student>.ipynb or <student>__<anything>.ipynb; of one student's files the one whose "
        "name sorts last counts. Writes OUT/gradebook.csv, OUT/results.json, OUT/timings.json and "
        "OUT/feedback/<student>.md. See the docstring of coursekit/grading.py for the sandbox and its limits."))
    parser.add_argument("exercise", help="exercise folder (or its name under exercises/)")
    parser.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    parser.add_argument("--out", type=Path, required=True, help="folder for gradebook.csv, results.json, feedback/")
    parser.add_argument("--workers", type=int, default=None,
                        help="submissions graded at once (default: the number of cores, %s)" % os.cpu_count())
    parser.add_argument("--jobs", type=int, dest="jobs", default=None, help=argparse.SUPPRESS)  # old name
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="wall-clock seconds per submission (default %(default)s)")
    parser.add_argument("--memory", type=int, default=DEFAULT_MEMORY_MB,
                        help="address-space limit per submission in MB, 0 for none (default %(default)s)")
    args = parser.parse_args(argv)
    if args.jobs is not None:
        print("coursekit grade: --jobs is deprecated; use --workers", file=sys.stderr)
    workers = next((w for w in (args.workers, args.jobs) if w is not None), os.cpu_count() or 1)
    try:
        if args.timeout <= 0 or workers < 1 or args.memory < 0:
            raise GradingError("--timeout and --workers must be positive, --memory at least 0")
        exercise = _resolve_exercise(args.exercise)
        submissions, skipped = _submissions(args.submissions)
        _check_output_folder(args.out)
    except GradingError as exc:
        print(f"coursekit grade: {exc}", file=sys.stderr)
        return 2
    if skipped:
        print(f"coursekit grade: skipped {len(skipped)} files that are not .ipynb submissions: "
              + ", ".join(skipped[:5]) + (" ..." if len(skipped) > 5 else ""), file=sys.stderr)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler) \
        if threading.current_thread() is threading.main_thread() else None
    try:
        grade_folder(exercise, submissions, args.out, args.timeout, workers, args.memory)
    except KeyboardInterrupt:
        print("coursekit grade: interrupted; the previous gradebook (if any) is unchanged", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


if __name__ == "__main__":
    sys.exit(main())
