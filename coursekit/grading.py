"""Grade a folder of submitted notebooks into a gradebook and one feedback file per student.

``coursekit grade EXERCISE_DIR SUBMISSIONS_DIR --out OUT_DIR [--timeout SECONDS] [--jobs N]``

Scores come from otter's own grader (:func:`otter.api.grade_submission`, the code behind
``otter run``) fed the committed autograder zip, so they agree with ``otter run``. What otter lacks
is isolation: ``otter run`` has no time limit and one notebook that loops forever, or kills its
kernel, would stop the whole class. So each submission is graded by a separate Python process, in
its own temporary folder holding a copy of the notebook and of the autograder zip (with the tests),
under a wall-clock limit; on timeout the whole process tree is killed, kernel included (Jupyter
starts kernels in their own session, so killing the process group alone would miss it).

Outputs:

* ``OUT_DIR/gradebook.csv``: one row per submission with columns student, one per auto-graded
  question, total, max, status (graded | timeout | kernel-died | error) and reason;
* ``OUT_DIR/feedback/<student>.md``: score per question, the messages of failed *public* tests and
  only a count for hidden tests, whose code and output never leave the grading process.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.assign import EXERCISES_DIR, autograder_zip

DEFAULT_TIMEOUT = 120
STATUSES = ("graded", "timeout", "kernel-died", "error")

# Runs in the grading subprocess: otter's grader, reduced to what the feedback may show.
_WORKER = "import sys; from coursekit.grading import _worker; sys.exit(_worker(*sys.argv[1:]))"


class GradingError(Exception):
    """Bad command-line input, reported as one line without a traceback."""


@dataclass
class Question:
    name: str
    points: float
    manual: bool = False


@dataclass
class Result:
    """The outcome of one submission, as written to the gradebook and its feedback file."""

    student: str
    status: str
    reason: str = ""
    questions: dict = field(default_factory=dict)  # name -> {score, possible, public: [...], hidden: {...}}
    seconds: float = 0.0


# --------------------------------------------------------------------------- inputs

def _resolve_exercise(arg: str) -> Path:
    path = Path(arg)
    if not path.is_dir() and (EXERCISES_DIR / arg).is_dir():
        path = EXERCISES_DIR / arg  # a bare exercise name is also accepted
    if not path.is_dir():
        raise GradingError(f"{arg}: no such exercise")
    if not autograder_zip(path).is_file():
        raise GradingError(f"{arg}: no autograder at {autograder_zip(path)}; run `coursekit assign {arg}` first")
    return path


def _submissions(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise GradingError(f"{folder}: no such submissions folder")
    found = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if not found:
        raise GradingError(f"{folder}: no .ipynb submissions in this folder")
    return found


def questions_of(exercise: Path) -> list[Question]:
    """Auto-graded questions (from the autograder's tests) then manual ones (from the master).

    Point totals come from otter's own test-file parser, so ``max`` matches what otter awards.
    """
    from otter.test_files.ok_test import OKTestFile

    questions = []
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        for name in sorted(n for n in zf.namelist() if n.startswith("tests/") and n.endswith(".py")):
            env: dict = {}
            exec(zf.read(name).decode("utf-8"), env)  # our own generated test file
            test = OKTestFile.from_spec(env["test"], path=name)
            questions.append(Question(test.name, float(test.possible)))
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


# --------------------------------------------------------------------------- one submission

def _worker(zip_path: str, notebook: str, out_json: str) -> int:
    """Grade ``notebook`` with otter and write a feedback-safe summary to ``out_json``."""
    import contextlib

    from nbclient.exceptions import DeadKernelError
    from otter.api import grade_submission

    try:
        with contextlib.redirect_stdout(io.StringIO()):
            results = grade_submission(notebook, zip_path, quiet=True)
    except DeadKernelError:
        summary = {"status": "kernel-died", "reason": "the kernel died while running the notebook"}
    except Exception as exc:  # otter raises many types; the gradebook needs one line
        summary = {"status": "error", "reason": _one_line(f"{type(exc).__name__}: {exc}")}
    else:
        if results.catastrophic_error is not None:
            exc = results.catastrophic_error
            summary = {"status": "error", "reason": _one_line(f"{type(exc).__name__}: {exc}")}
        else:
            questions = {}
            for name, test_file in results.results.items():
                public = [
                    {"passed": bool(r.passed), "message": "" if r.passed else _hint(r.message or "")}
                    for r in test_file.test_case_results if not r.test_case.hidden
                ]
                hidden = [r for r in test_file.test_case_results if r.test_case.hidden]
                questions[name] = {
                    "score": float(test_file.score),
                    "possible": float(test_file.possible),
                    "public": public,
                    "hidden": {"passed": sum(bool(r.passed) for r in hidden), "total": len(hidden)},
                }
            summary = {"status": "graded", "reason": "", "questions": questions}
    Path(out_json).write_text(json.dumps(summary), encoding="utf-8")
    return 0


def _hint(message: str) -> str:
    """The useful tail of a doctest failure (example, expected, got), without the verbose replay."""
    start = message.find("Failed example:")
    message = (message[start:] if start >= 0 else message).strip()
    head, sep, tail = message.partition("Exception raised:")
    if sep:  # keep the exception itself, not the grader's traceback (internal paths, noise)
        last = [line.strip() for line in tail.splitlines() if line.strip()][-1:]
        message = head.rstrip() + "\n" + sep + "\n    " + "".join(last)
    return message


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


def _prepare_copy(submission: Path, workdir: Path) -> Path:
    """Copy the notebook into ``workdir``, asking for the course kernel by its standard name.

    Otter does the same when it grades in a container (``force_python3_kernel``); without it a
    notebook saved under a differently named kernel could not start here at all.
    """
    import nbformat

    nb = nbformat.read(submission, as_version=4)
    nb.metadata.setdefault("kernelspec", {})
    nb.metadata["kernelspec"].update(name="python3", language="python")
    nb.metadata["kernelspec"].setdefault("display_name", "Python 3 (ipykernel)")
    copy = workdir / submission.name
    nbformat.write(nb, copy)
    return copy


def grade_one(submission: Path, ag_zip: Path, timeout: float) -> Result:
    """Grade one notebook in a fresh subprocess and temporary folder, within ``timeout`` seconds."""
    student = submission.stem
    workdir = Path(tempfile.mkdtemp(prefix="coursekit-grade-"))
    try:
        try:
            notebook = _prepare_copy(submission, workdir)
        except Exception as exc:
            return Result(student, "error", _one_line(f"not a readable notebook: {exc}"))
        zip_copy = workdir / ag_zip.name
        shutil.copyfile(ag_zip, zip_copy)
        out_json = workdir / "result.json"
        env = dict(os.environ)
        # Keep otter's scratch folders and kernel connection files inside workdir, so that a
        # killed run leaves nothing behind once workdir is removed.
        env.update(TMPDIR=str(workdir), JUPYTER_RUNTIME_DIR=str(workdir / "runtime"), PYTHONHASHSEED="0")
        with open(workdir / "worker.log", "wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-c", _WORKER, str(zip_copy), str(notebook), str(out_json)],
                cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                proc.wait(timeout=timeout)
                _kill_group(proc)  # anything the worker left running
            except subprocess.TimeoutExpired:
                _kill_tree(proc)
                return Result(student, "timeout", f"no result within {timeout:g} s; does a cell run forever?")
            finally:
                if proc.poll() is None:  # interrupted (e.g. Ctrl-C): leave no kernel running
                    _kill_tree(proc)
        if not out_json.is_file():
            tail = (workdir / "worker.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()
            return Result(student, "error", _one_line(f"grader exited with status {proc.returncode}: "
                                                      + (tail[-1] if tail else "no output")))
        summary = json.loads(out_json.read_text(encoding="utf-8"))
        return Result(student, summary["status"], summary.get("reason", ""), summary.get("questions", {}))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


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
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def gradebook_csv(results: list[Result], questions: list[Question]) -> str:
    auto = [q for q in questions if not q.manual]
    maximum = sum(q.points for q in auto)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *(q.name for q in auto), "total", "max", "status", "reason"])
    for r in results:
        scores = [r.questions.get(q.name, {}).get("score") for q in auto]
        total = sum(s for s in scores if s is not None)
        cells = ["" if r.status != "graded" else _fmt(s or 0.0) for s in scores]
        writer.writerow([r.student, *cells, _fmt(total), _fmt(maximum), r.status, r.reason])
    return buffer.getvalue()


def feedback_md(result: Result, questions: list[Question], exercise: str) -> str:
    auto = [q for q in questions if not q.manual]
    maximum = sum(q.points for q in auto)
    lines = [f"# Feedback on {exercise}: {result.student}", ""]
    if result.status != "graded":
        explain = {
            "timeout": "Grading stopped because the notebook did not finish in time.",
            "kernel-died": "Grading stopped because the notebook shut down its own Python kernel.",
            "error": "The notebook could not be graded.",
        }[result.status]
        lines += [f"**Not graded ({result.status}).** {explain}", "", f"Details: {result.reason}", "",
                  "Restart the kernel and run every cell from the top, fix what fails or never ends, "
                  "and hand the notebook in again.", ""]
    else:
        total = sum(q.get("score", 0.0) for q in result.questions.values())
        lines += [f"**Auto-graded score: {_fmt(total)} / {_fmt(maximum)}**", ""]
        for q in auto:
            info = result.questions.get(q.name)
            lines.append(f"## {q.name}: {_fmt(info['score']) if info else '0'} / {_fmt(q.points)}")
            lines.append("")
            if info is None:
                lines += ["No result for this question.", ""]
                continue
            public = info["public"]
            failed = [t for t in public if not t["passed"]]
            if public:
                lines.append(f"Public checks: {len(public) - len(failed)} of {len(public)} passed "
                             "(the same checks as `grader.check` in your notebook).")
            for t in failed:
                lines += ["", "```", t["message"], "```"]
            hidden = info["hidden"]
            if hidden["total"]:
                lines += ["", f"Hidden tests: {hidden['passed']} of {hidden['total']} passed."]
            lines.append("")
    for q in questions:
        if q.manual:
            lines += [f"## {q.name} (written, {_fmt(q.points)} points)", "",
                      "Marked by hand; not included in the score above.", ""]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- command

def grade_folder(exercise: Path, submissions: list[Path], out: Path, timeout: float, jobs: int = 1) -> list[Result]:
    """Grade every submission (``jobs`` at a time) and write the gradebook and feedback files."""
    questions = questions_of(exercise)
    ag_zip = autograder_zip(exercise)

    def run(sub: Path) -> Result:
        start = time.monotonic()
        result = grade_one(sub, ag_zip, timeout)
        result.seconds = time.monotonic() - start
        print(f"{result.student}: {result.status} in {result.seconds:.1f} s", file=sys.stderr)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(run, submissions))
    out.mkdir(parents=True, exist_ok=True)
    for result in results:
        _write_atomic(out / "feedback" / f"{result.student}.md", feedback_md(result, questions, exercise.name))
    _write_atomic(out / "gradebook.csv", gradebook_csv(results, questions))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coursekit grade", description=__doc__.splitlines()[0])
    parser.add_argument("exercise", help="exercise folder (or its name under exercises/)")
    parser.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    parser.add_argument("--out", type=Path, required=True, help="folder for gradebook.csv and feedback/")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="wall-clock seconds per submission (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="submissions graded at once (default %(default)s; more can starve timings)")
    args = parser.parse_args(argv)
    try:
        if args.timeout <= 0 or args.jobs < 1:
            raise GradingError("--timeout and --jobs must be positive")
        exercise = _resolve_exercise(args.exercise)
        submissions = _submissions(args.submissions)
    except GradingError as exc:
        print(f"coursekit grade: {exc}", file=sys.stderr)
        return 2
    results = grade_folder(exercise, submissions, args.out, args.timeout, args.jobs)
    counts = {s: sum(r.status == s for r in results) for s in STATUSES}
    print(f"wrote {args.out / 'gradebook.csv'}: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
