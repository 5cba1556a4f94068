"""Gradescope: an exercise's autograder upload, and the grading of one submission in Gradescope's container.

``coursekit gradescope EXERCISE [--out FILE] [--timeout S] [--memory MB]`` writes the zip to upload as
the autograder of a Gradescope "Programming Assignment" (default ``_build/gradescope/NAME-gradescope.zip``).

What Gradescope does with it, from its autograder specification
(https://gradescope-autograders.readthedocs.io/en/latest/specs/, source: github.com/gradescope/
autograder_samples, docs/specs.md): the zip must hold ``setup.sh`` and ``run_autograder`` at its root;
it is unpacked into ``/autograder/source`` and ``setup.sh`` runs once, as root, on Gradescope's Ubuntu
image to build the Docker image. For each submission, the student's files are put in
``/autograder/submission``, ``/autograder/run_autograder`` (the zip's, copied) runs as root with
``/autograder`` as working folder, and Gradescope reads ``/autograder/results/results.json``: a
top-level ``score`` and ``output`` and ``tests``, each with ``name``, ``score``, ``max_score``,
``output`` and a ``visibility`` of ``hidden`` (never shown to students), ``after_due_date``,
``after_published`` (shown once the instructor publishes the grades) or ``visible`` (the default);
while any test is not yet visible, students do not see their total either. What run_autograder prints
goes to ``/autograder/results/stdout``, shown to instructors only unless ``stdout_visibility`` says
otherwise (here it is never set, so the log stays the instructor's).

The zip holds exactly (byte-stable: sorted entries dated 1980, stored, fixed modes):

* ``setup.sh``: Python 3.11 and bubblewrap from apt where missing, a venv at :data:`VENV` with the exact
  pins of ``requirements.txt``, then ``coursekit`` itself from the copy in the zip with ``--no-deps``; the
  two unprivileged users below; the exercise folder made readable by root only;
* ``run_autograder``: ``python -m coursekit.instructor.grading.gradescope --run NAME --timeout S --memory MB``;
* ``requirements.txt``, ``pyproject.toml``, ``LICENSE`` and the package files pip installs from them;
* ``data/``: the course data (the notebooks and the tests load them);
* ``exercises/NAME/dist/``: the otter autograder zip and the handed-out notebook with its public tests,
  laid out as in the repository, so :func:`coursekit.instructor.grading.grader._context` and ``grade_one`` work
  unchanged. No master notebook: the hidden tests are inside the autograder zip, and written
  (manual) questions are marked on Gradescope itself.

In the container, ``--run`` grades the one notebook of ``/autograder/submission`` exactly as
``coursekit grade`` does (same sandbox, runner and judge; scores equal) and writes ``results.json``:

* per question, ``"NAME: public checks"``, **visible** at once: whether the public checks passed (the
  same checks as ``grader.check`` in the notebook) and their failure messages as the feedback file
  shows them, and ``status`` passed or failed (the field otter's own Gradescope results give tests
  without points). No score: the points come from the hidden tests;
* per question, ``"NAME"`` with its ``score`` and ``max_score`` from the judge, **after_published**:
  the public checks again and the hidden tests as a count only ("Hidden tests: 1 of 2 passed."). Not
  ``after_due_date``: the instructor decides when (after late submissions and extensions, after
  checking a sample of the scores, together with the hand-marked questions), as when feedback files
  are handed out after ``coursekit grade``; the total stays hidden until then as well;
* ``output``: one visible line, ``Graded.`` or ``Not graded (timeout|kernel-died|error|invalid|
  wrong-exercise): REASON`` with the gradebook's reason; a submission that was not graded gets 0 and no
  tests, so the student sees at once why and can submit again;
* ``extra_data`` (stored, not shown): status, reason, file and its sha256, the autograder's sha256,
  the isolation used, seconds and peak memory.

No hidden test source, solution or master reaches results.json: the judge keeps messages of public
cases only, hidden cases are counted, and the notebook's own runs never see the hidden tests.

**Isolation in Gradescope's container.** It runs as root and, as Docker does by default, may forbid
the namespaces bubblewrap needs. ``--run`` first tries the sandbox of :mod:`coursekit.instructor.grading.sandbox`
(as ``coursekit grade``); if bubblewrap cannot start, it does what Gradescope's own best practices
recommend (docs/best_practices.md there: run student code as a non-root user, with ``chmod o=`` on what
it must not read) rather than refuse every submission: the notebook's zygote and runs are started by a
small host process running as :data:`STUDENT_USER` (uid :data:`STUDENT_UID`, created by setup.sh;
``setpriv`` with no new privileges, no groups, no capabilities, at most 256 processes), and the judge
as :data:`JUDGE_USER`, another uid the notebook cannot signal or trace. Before the notebook runs, the
exercise folder (hidden tests), the submission and results folders are made root-only; after it,
every process of the student's uid is killed before the judge starts and before results.json is
written. Scores are still computed by the judge from plain data, so forging records, printing
"All tests passed" or writing a results.json anywhere changes nothing. What this mode does not give:
no network namespace (the notebook can reach the network), no private /tmp, and no fresh mount
namespace; a kernel exploit escapes both modes. Student code never runs as root: if neither mode can
start, the notebook is not run and results.json says so. The mode used is printed and stored in
``extra_data``.
"""
from __future__ import annotations

import argparse
import base64
import dataclasses
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from pathlib import Path

from coursekit import ROOT
from coursekit.instructor.assign import DIST, ZIP_DATE, autograder_zip, student_notebook
from coursekit.instructor.grading import grader, sandbox
from coursekit.runtime.atomic import sha256_of, write_atomic
from coursekit.instructor.grading.gradebook import Result, fmt, hint, total
from coursekit.instructor.grading.submissions import GradingError, Ungradable, one_line

AUTOGRADER = Path("/autograder")  # Gradescope's fixed layout: source/, submission/, results/
VENV = "/opt/coursekit-venv"  # where setup.sh installs Python's packages and coursekit
STUDENT_USER, STUDENT_UID = "coursekit-student", sandbox.SLOT_UID  # the uid bubblewrap's slot 0 uses too
JUDGE_USER, JUDGE_UID = "coursekit-judge", sandbox.SLOT_UID + sandbox.JUDGE_SLOTS
DEFAULT_TIMEOUT = grader.DEFAULT_TIMEOUT  # seconds per notebook
DEFAULT_MEMORY_MB = 1024  # per notebook: Gradescope's containers are small (768 MB unless raised)
HIDDEN_VISIBILITY = "after_published"
MAX_PROCESSES = 256  # of the student's uid, in the fallback (bubblewrap's runs get the same as root)
OUTCOME_CAP = 80 * 2**20  # bytes read from the fallback's host process (snapshots are capped at 64 MB)

SETUP_SH = r"""#!/usr/bin/env bash
# Gradescope runs this once, as root, to build the autograder image (written by `coursekit gradescope`).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SOURCE=/autograder/source
VENV=@VENV@
apt-get update
if ! python3.11 -c "import ensurepip, venv" >/dev/null 2>&1; then
  # Python 3.11, which requirements.txt is pinned for: deadsnakes' current 3.11 on Ubuntu 22.04 and 24.04,
  # else Ubuntu's own package where it has one.
  if apt-get install -y --no-install-recommends software-properties-common gpg-agent \
      && add-apt-repository -y ppa:deadsnakes/ppa; then
    apt-get update
  fi
  apt-get install -y --no-install-recommends python3.11 python3.11-venv
fi
apt-get install -y --no-install-recommends bubblewrap util-linux ca-certificates
python3.11 -m venv "$VENV"
"$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -r "$SOURCE/requirements.txt"
"$VENV/bin/python" -m pip install --disable-pip-version-check --no-input --no-deps "$SOURCE"
# The users a notebook and the judge run as where bubblewrap cannot start (and the uids its sandbox uses).
getent passwd @STUDENT_UID@ >/dev/null || useradd --uid @STUDENT_UID@ --user-group --no-create-home \
  --home-dir /nonexistent --shell /usr/sbin/nologin @STUDENT_USER@
getent passwd @JUDGE_UID@ >/dev/null || useradd --uid @JUDGE_UID@ --user-group --no-create-home \
  --home-dir /nonexistent --shell /usr/sbin/nologin @JUDGE_USER@
chmod -R a+rX "$VENV" "$SOURCE/data"
# The hidden tests (inside the autograder zip) are root's alone.
chmod 700 "$SOURCE/exercises"
"$VENV/bin/python" -c "import coursekit.instructor.grading.gradescope"
"""

RUN_AUTOGRADER = """#!/bin/sh
# Gradescope runs this as root for every submission (written by `coursekit gradescope`).
export COURSEKIT_DATA=/autograder/source/data
exec @VENV@/bin/python -m coursekit.instructor.grading.gradescope --run @EXERCISE@ --timeout @TIMEOUT@ --memory @MEMORY@
"""


def _fill(template: str, **values) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", str(value))
    return template


# --------------------------------------------------------------------------- the upload zip

def package_files(root: Path = ROOT) -> list[Path]:
    """The files pip installs from ``pyproject.toml`` (its packages' modules and package data), sorted."""
    import tomllib

    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    data = config.get("package-data", {})
    files = set()
    for package in config["packages"]:
        folder = root / package.replace(".", "/")
        for pattern in ["*.py", *data.get(package, []), *data.get("*", [])]:
            files.update(p for p in folder.glob(pattern) if p.is_file())
    return sorted(files)


def _tree(folder: Path) -> list[Path]:
    """Every file below ``folder``, without hidden files and caches."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") or part == "__pycache__" for part in p.relative_to(folder).parts))


def upload_files(exercise: Path, timeout: float = DEFAULT_TIMEOUT,
                 memory_mb: int = DEFAULT_MEMORY_MB) -> dict[str, tuple[bytes, int]]:
    """Zip path -> (bytes, mode) of the upload; see the module docstring for why each is there."""
    from coursekit.runtime import data

    name = exercise.name
    data_dir = Path(data.DATA_DIR)
    for path in (ROOT / "pyproject.toml", ROOT / "requirements.txt", ROOT / "LICENSE", data_dir / "datapackage.json"):
        if not path.is_file():
            raise GradingError(f"{path}: missing; the upload is built from the course repository and its data")
    if not student_notebook(exercise).is_file():
        raise GradingError(f"{student_notebook(exercise)}: missing; run `coursekit assign {name}` first")
    files = {
        "setup.sh": (_fill(SETUP_SH, VENV=VENV, STUDENT_USER=STUDENT_USER,
                           STUDENT_UID=STUDENT_UID, JUDGE_USER=JUDGE_USER, JUDGE_UID=JUDGE_UID).encode(), 0o755),
        "run_autograder": (_fill(RUN_AUTOGRADER, VENV=VENV, EXERCISE=name,
                                 TIMEOUT=f"{timeout:g}", MEMORY=memory_mb).encode(), 0o755),
    }
    for path in [ROOT / "pyproject.toml", ROOT / "requirements.txt", ROOT / "LICENSE", *package_files()]:
        files[path.relative_to(ROOT).as_posix()] = (path.read_bytes(), 0o644)
    for path in _tree(data_dir):
        files[f"data/{path.relative_to(data_dir).as_posix()}"] = (path.read_bytes(), 0o644)
    dist = exercise / DIST
    student = [student_notebook(exercise), *_tree(dist / "student" / "tests")]
    for path in [autograder_zip(exercise), *student]:
        files[f"exercises/{name}/{path.relative_to(exercise).as_posix()}"] = (path.read_bytes(), 0o644)
    return files


def zip_bytes(files: dict[str, tuple[bytes, int]]) -> bytes:
    """Stored entries, sorted, dated 1980 and with fixed modes (as coursekit.instructor.assign writes its zips)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as zf:
        for name in sorted(files):
            payload, mode = files[name]
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 3  # unix, so that unzip keeps run_autograder and setup.sh executable
            info.external_attr = (0o100000 | mode) << 16
            zf.writestr(info, payload)
    return buffer.getvalue()


def default_out(exercise: Path) -> Path:
    return ROOT / "_build" / "gradescope" / f"{exercise.name}-gradescope.zip"


# --------------------------------------------------------------------------- results.json

def _public_text(info: dict | None) -> tuple[str, bool]:
    """A question's public checks as the feedback file shows them, and whether all passed."""
    if not info or not info.get("cases"):
        return "No result for this question (see the notes above).", False
    public = [c for c in info["cases"] if not c["hidden"]]
    failed = [c for c in public if not c["passed"]]
    if not public:
        return "This question has no public checks.", True
    lines = [f"Public checks: {len(public) - len(failed)} of {len(public)} passed "
             "(the same checks as grader.check in your notebook)."]
    for case in failed:
        lines += ["", hint(case["message"])]
    return "\n".join(lines), not failed


RESUBMIT = ("Restart the kernel, run every cell from the top, fix what fails or never ends, save, and submit "
            "the .ipynb file of this exercise again.")


def status_line(result: Result) -> str:
    """The one line every student sees at once: graded, or why not (the gradebook's status and reason)."""
    if result.status == "graded":
        text = "Graded. Your score appears when your instructor publishes the grades."
        return one_line(text + (f" Notes: {result.reason}" if result.reason else ""), 600)
    advice = "" if result.status == "error" else " " + RESUBMIT  # an error may be the grader's: no advice
    return one_line(f"Not graded ({result.status}): {result.reason or 'no reason given'}.{advice}", 700)


def gradescope_results(result: Result, questions: list, exercise: str, extra: dict | None = None) -> dict:
    """Gradescope's results.json for one graded file (see the module docstring for the visibility rules)."""
    auto = [q for q in questions if not q.manual]
    payload = {"score": total(result), "output": status_line(result), "tests": [],
               "extra_data": {"exercise": exercise, "status": result.status, "reason": result.reason,
                              "file": result.file, "sha256": result.sha256, **(extra or {})}}
    if result.status != "graded":
        return payload
    for q in auto:
        info = result.questions.get(q.name)
        text, passed = _public_text(info)
        cases = (info or {}).get("cases") or []
        if not cases or any(not c["hidden"] for c in cases):
            payload["tests"].append({"name": f"{q.name}: public checks", "visibility": "visible",
                                     "status": "passed" if passed else "failed", "output": text})
        hidden = [c for c in cases if c["hidden"]]
        if hidden:
            text += f"\n\nHidden tests: {sum(c['passed'] for c in hidden)} of {len(hidden)} passed."
        payload["tests"].append({"name": q.name, "score": float((info or {}).get("score", 0.0)),
                                 "max_score": float(q.points), "visibility": HIDDEN_VISIBILITY, "output": text})
    return payload


# --------------------------------------------------------------------------- in the container

def find_submission(folder: Path, exercise: str) -> Path:
    """The one notebook in Gradescope's submission folder (or the one named for the exercise)."""
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):  # symlinks are neither followed nor taken
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__MACOSX")
        files += [Path(dirpath) / n for n in sorted(filenames)
                  if not n.startswith(".") and not (Path(dirpath) / n).is_symlink()]
    found = [p for p in files if p.suffix.lower() == ".ipynb"]
    if len(found) == 1:
        return found[0]
    named = [p for p in found if p.name == f"{exercise}.ipynb"]
    if len(named) == 1:
        return named[0]
    if not found:
        others = ", ".join(str(p.relative_to(folder)) for p in files[:5])
        raise Ungradable("invalid", "no .ipynb notebook in the submission" + (f" (found: {others})" if others else ""))
    names = ", ".join(str(p.relative_to(folder)) for p in found[:5])
    raise Ungradable("invalid", f"{len(found)} notebooks in the submission ({names}); submit only {exercise}.ipynb")


def _as_user(uid: int, argv: list[str]) -> list[str]:
    """``argv`` run as ``uid``: no groups, no capabilities, no way back to privileges (setuid programs)."""
    return [shutil.which("setpriv") or "/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--no-new-privs", "--inh-caps=-all", "--", *argv]


def _processes_of(uid: int) -> list:
    import psutil

    found = []
    for p in psutil.process_iter():
        try:
            if p.uids().real == uid:
                found.append(p)
        except psutil.Error:
            pass
    return found


def kill_user(uid: int, within: float = 10.0) -> bool:
    """Kill every process of ``uid``: ``kill -KILL -1`` sent as that user reaches all of them, and no
    other. Repeated while any is left (a fork racing the signal); True when none is."""
    deadline = time.monotonic() + within
    while _processes_of(uid):
        if time.monotonic() > deadline:
            return False
        subprocess.run(_as_user(uid, ["kill", "-KILL", "-1"]), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        time.sleep(0.05)
    return True


def _private_folder(path: Path, uid: int) -> Path:
    path.mkdir(mode=0o700)
    os.chown(path, uid, uid)
    return path


class UserSlot:
    """The stand-in for a bubblewrap slot where namespaces are forbidden: the same :class:`run.Slot`,
    non-isolated, in a host process of the student's uid (``--host``); see the module docstring.

    The host's answer is as untrusted as the records it relays: the notebook runs as the same user and
    can forge it, which yields at most plain data for the judge, as in the sandbox.
    """

    def __init__(self, work: Path, log):
        self.work, self.log = work, log
        self.home = _private_folder(work / "student", STUDENT_UID)

    def run(self, job: dict, files: dict[str, bytes], *, timeout: float, memory: int,
            cancel: threading.Event):
        from coursekit.instructor.grading import run

        request = {"job": job, "files": {k: base64.b64encode(v).decode("ascii") for k, v in files.items()},
                   "timeout": timeout, "memory": memory}
        request_file = self.home / "request.json"
        request_file.write_text(json.dumps(request), encoding="utf-8")
        os.chown(request_file, STUDENT_UID, STUDENT_UID)
        env = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": str(self.home),
               "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
        env.update({k: os.environ[k] for k in ("COURSEKIT_DATA", "VIRTUAL_ENV") if os.environ.get(k)})
        argv = _as_user(STUDENT_UID, [sys.executable, "-m", "coursekit.instructor.grading.gradescope", "--host", str(self.home)])
        with tempfile.TemporaryFile() as answer, tempfile.TemporaryFile() as errors:  # root's own files
            proc = subprocess.Popen(argv, env=env, cwd=self.home, stdin=subprocess.DEVNULL, stdout=answer,
                                    stderr=errors, start_new_session=True)
            try:
                proc.wait(timeout=timeout + run.START_TIMEOUT + 60)
                late = False
            except subprocess.TimeoutExpired:
                late = True
            if not kill_user(STUDENT_UID):
                print("gradescope: processes of the student's user survived SIGKILL", file=self.log)
            proc.wait()
            answer.seek(0)
            text = answer.read(OUTCOME_CAP).decode("utf-8", "replace")
            errors.seek(0)
            said = errors.read(4000).decode("utf-8", "replace").strip()
        if late:
            return run.Outcome("timeout", f"no result within {timeout:g} s")
        if said:
            print(f"gradescope: the student's host process said:\n{said}", file=self.log)
        return _outcome(text, said)

    def close(self) -> None:
        kill_user(STUDENT_UID)


def _outcome(text: str, said: str = ""):
    """A host's answer as a :class:`run.Outcome`, every field checked (it is untrusted)."""
    from coursekit.instructor.grading import run

    try:
        value = json.loads(text.strip().splitlines()[-1]) if text.strip() else None
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict) or value.get("status") not in ("graded", "timeout", "kernel-died", "error"):
        last = said.splitlines()[-1] if said else ""
        return run.Outcome("error", one_line("the notebook's process stopped without a result"
                                             + (f" ({last})" if last else ""), 300))
    snapshots = value.get("snapshots")
    errors = value.get("errors")
    peak = value.get("peak_mb")
    return run.Outcome(
        value["status"], one_line(str(value.get("reason", "")), 400),
        snapshots=[s for s in snapshots if isinstance(s, str)] if isinstance(snapshots, list) else [],
        errors=[(e[0] if isinstance(e[0], int) else None, str(e[1])[:100], str(e[2])[:500])
                for e in (errors if isinstance(errors, list) else []) if isinstance(e, list) and len(e) == 3][:20],
        printed=value["printed"] if isinstance(value.get("printed"), int) else 0,
        peak_mb=peak if isinstance(peak, int) else None)


def host(folder: Path) -> int:
    """``--host FOLDER``, as the student's user: run the request's job in a non-isolated slot."""
    import resource

    from coursekit.instructor.grading import run

    request = json.loads((folder / "request.json").read_text(encoding="utf-8"))
    resource.setrlimit(resource.RLIMIT_NPROC, (MAX_PROCESSES, MAX_PROCESSES))
    slot = run.Slot(0, folder, isolate=False)
    try:
        outcome = slot.run(request["job"], {k: base64.b64decode(v) for k, v in request["files"].items()},
                           timeout=request["timeout"], memory=request["memory"], cancel=threading.Event())
    finally:
        slot.close()
    sys.stdout.write(json.dumps(dataclasses.asdict(outcome)) + "\n")
    return 0


def _lock_down(autograder: Path, exercise: Path) -> None:
    """Root-only (``chmod o=``, as Gradescope's best practices advise): the hidden tests, the submission
    and the results. Harmless inside bubblewrap, where the notebook sees none of them; essential where
    it runs as a plain user."""
    results = autograder / "results"
    results.mkdir(parents=True, exist_ok=True)
    for path in (exercise.parent, autograder / "submission", results):
        if path.is_dir():
            os.chmod(path, 0o700)


def isolation(log) -> str:
    """``bubblewrap`` where it can start, else ``user`` (as root), else GradingError."""
    try:
        sandbox.probe()
        return "bubblewrap"
    except sandbox.SandboxUnavailable as exc:
        print(f"gradescope: no bubblewrap sandbox here: {exc}", file=log)
    if not sandbox.is_root() or not shutil.which("setpriv"):
        raise GradingError("the notebook cannot be isolated here (no bubblewrap sandbox, and not root with "
                           "setpriv to run it as an unprivileged user), so it was not run")
    probe = subprocess.run(_as_user(STUDENT_UID, ["id", "-u"]), capture_output=True, text=True, check=False)
    if probe.returncode != 0 or probe.stdout.strip() != str(STUDENT_UID):
        raise GradingError(f"the notebook cannot be isolated here: setpriv could not switch to uid {STUDENT_UID} "
                           f"({' '.join(probe.stderr.split())[:200]}), so it was not run")
    print(f"gradescope: running the notebook as {STUDENT_USER} (uid {STUDENT_UID}), the judge as {JUDGE_USER} "
          f"(uid {JUDGE_UID}); no network isolation", file=log)
    return "user"


def grade_submission(exercise: Path, submission: Path, timeout: float, memory_mb: int, mode: str, log):
    """Grade one file with ``coursekit grade``'s own context and ``grade_one``: (result, questions)."""
    from coursekit.instructor.grading.judge import Judge

    ctx = grader._context(exercise, timeout, memory_mb, 1, mode == "bubblewrap")
    try:
        if mode == "user":
            ctx.slots_by_number[0] = UserSlot(ctx.work, log)
            argv, env = grader._judge_command(0, ctx)
            home = _private_folder(ctx.work / "judge", JUDGE_UID)
            env.update(HOME=str(home), TMPDIR=str(home), MPLCONFIGDIR=str(home / "matplotlib"))
            ctx.judges[0] = Judge(_as_user(JUDGE_UID, argv), env)
        began = time.monotonic()
        result = grader.grade_one(submission, ctx, 0)
        result.seconds = time.monotonic() - began
    finally:
        grader._close(ctx)
    return result, ctx.questions


def run_autograder(autograder: Path, name: str, timeout: float, memory_mb: int, log=None) -> dict:
    """``--run``: grade the submission, write results/results.json (always), return what was written."""
    from coursekit.instructor.grading import exercise as ex

    log = log or sys.stdout
    exercise = autograder / "source" / "exercises" / name
    result = Result("", "", "error")
    questions, extra = [], {"isolation": None}
    try:
        extra["autograder_sha256"] = sha256_of(autograder_zip(exercise))
        questions = ex.questions_of(exercise)
        _lock_down(autograder, exercise)
        submission = find_submission(autograder / "submission", name)
        result.file = str(submission.relative_to(autograder / "submission"))
        extra["isolation"] = isolation(log)
        graded, questions = grade_submission(exercise, submission, timeout, memory_mb, extra["isolation"], log)
        result = dataclasses.replace(graded, file=result.file)
    except Ungradable as exc:
        result.status, result.reason = exc.status, exc.reason
    except GradingError as exc:
        result.reason = f"{exc}; tell your instructor"
        print(f"gradescope: {exc}", file=log)
    except KeyboardInterrupt:  # SIGTERM: Gradescope's overall time limit
        result.reason = "grading was stopped before it finished (the autograder's overall time limit?)"
        print(f"gradescope: {result.reason}", file=log)
    except Exception:  # the grader's own failure: the details are for the instructor, in the log
        result.reason = "the autograder failed; your instructor can see why in its log"
        traceback.print_exc(file=log)
    extra.update(seconds=round(result.seconds, 1), peak_mb=result.peak_mb)
    payload = gradescope_results(result, questions, name, extra)
    write_atomic(autograder / "results" / "results.json", json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    print(f"gradescope: {result.file or '(no notebook)'}: {result.status}, {fmt(total(result))} / "
          f"{fmt(sum(q.points for q in questions if not q.manual))}" + (f"; {result.reason}" if result.reason else ""),
          file=log)
    for q in questions:
        info = result.questions.get(q.name) if result.status == "graded" else None
        if info:
            print(f"  {q.name}: {fmt(info.get('score', 0))} / {fmt(q.points)}", file=log)
    return payload


# --------------------------------------------------------------------------- command line

class _Parser(argparse.ArgumentParser):
    def error(self, message):
        print(f"coursekit gradescope: {message}", file=sys.stderr)
        sys.exit(2)


def _container_main(argv: list[str]) -> int:
    if argv[0] == "--host":
        return host(Path(argv[1]))
    parser = _Parser(prog="python -m coursekit.instructor.grading.gradescope --run")
    parser.add_argument("--run", required=True, metavar="EXERCISE")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--memory", type=int, default=DEFAULT_MEMORY_MB)
    parser.add_argument("--autograder", type=Path, default=AUTOGRADER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        run_autograder(args.autograder, args.run, args.timeout, args.memory)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("--run", "--host"):  # what run_autograder calls, inside Gradescope's container
        return _container_main(argv)
    parser = _Parser(prog="coursekit gradescope", description=__doc__.splitlines()[0], epilog=(
        "Upload the zip on Gradescope as the autograder of a Programming Assignment. run_autograder grades "
        "with these limits; see the instructor guide and this module's docstring for what students see."))
    parser.add_argument("exercise", help="exercise folder (or its name under exercises/)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the zip to write (default: _build/gradescope/NAME-gradescope.zip)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="wall-clock seconds per notebook (default %(default)s)")
    parser.add_argument("--memory", type=int, default=DEFAULT_MEMORY_MB,
                        help="memory limit per notebook in MB, 0 for none (default %(default)s; raise "
                             "Gradescope's container memory above it)")
    args = parser.parse_args(argv)
    from coursekit.instructor.grading.submissions import resolve_exercise

    try:
        if args.timeout <= 0 or args.memory < 0:
            raise GradingError("--timeout must be positive, --memory at least 0")
        exercise = resolve_exercise(args.exercise)
        out = args.out or default_out(exercise)
        if out.is_dir():
            raise GradingError(f"{out}: is a folder; --out names the zip file to write")
        payload = zip_bytes(upload_files(exercise, args.timeout, args.memory))
        write_atomic(out, payload)
    except GradingError as exc:
        print(f"coursekit gradescope: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"coursekit gradescope: {exc.filename or out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"coursekit gradescope: wrote {out} ({len(payload) / 2**20:.1f} MB): upload it as the autograder of a "
          f"Gradescope Programming Assignment for {exercise.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
