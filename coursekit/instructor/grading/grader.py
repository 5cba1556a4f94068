"""Grade one class on this machine: the shared steps (context, one submission, progress, output) that
``coursekit grade`` uses locally and :mod:`~coursekit.instructor.grading.cluster` and :mod:`~coursekit.instructor.grading.gradescope` reuse."""
from __future__ import annotations

import json
import os
import queue
import re
import shutil
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.instructor.assign import DIST, autograder_zip
from coursekit.runtime.atomic import sha256_of
from coursekit.instructor.grading import exercise as ex
from coursekit.instructor.grading import run, sandbox
from coursekit.instructor.grading.gradebook import STATUSES, Result, fmt, total, write_atomic, write_outputs
from coursekit.instructor.grading.judge import Judge, JudgeFailed
from coursekit.instructor.grading.submissions import (MAX_NOTEBOOK_BYTES, Ungradable, counted_files, mask_addresses, natural, one_line,
                                           read_notebook, student_of)

DEFAULT_TIMEOUT = 120
DEFAULT_MEMORY_MB = 4096  # address space per process, and resident memory of a whole sandbox
REASON_CAP = 400
JUDGE_TIMEOUT = 120  # seconds for one submission's tests, judge start-up included


@dataclass
class Context:
    """What every submission of one run shares."""

    exercise: Path
    questions: list
    layout: ex.Layout
    tests: list  # [{"name", "path", "spec", "names"}] of the auto-graded questions, in order
    files: dict  # relative path -> bytes: public tests and support files for the notebook's folder
    otter_config: dict
    timeout: float
    memory: int
    isolate: bool
    work: Path = Path()  # the run's temporary folder: one sub-folder per slot
    slots: queue.Queue = field(default_factory=queue.Queue)  # numbers of the free slots
    slots_by_number: dict = field(default_factory=dict)  # number -> run.Slot
    judges: dict = field(default_factory=dict)  # number -> Judge
    cancel: threading.Event = field(default_factory=threading.Event)


def _context(exercise: Path, timeout: float, memory_mb: int, workers: int, isolate: bool) -> Context:
    files = {}
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        for name in zf.namelist():
            if name.startswith("files/") and not name.endswith("/"):
                files[name[len("files/"):]] = zf.read(name)
    public = exercise / DIST / "student" / "tests"
    for path in sorted(public.rglob("*")) if public.is_dir() else []:
        if path.is_file():
            files[str(Path("tests") / path.relative_to(public))] = path.read_bytes()
    specs = ex.read_test_specs(exercise)
    tests = [{"name": name, "path": t["path"], "spec": t["spec"], "names": ex.names_used(t["spec"])}
             for name, t in specs.items()]
    ctx = Context(exercise=exercise, questions=ex.questions_of(exercise), layout=ex.layout_of(exercise), tests=tests,
                  files=files, otter_config=ex.otter_config(exercise), timeout=timeout, memory=memory_mb * 2**20,
                  isolate=isolate, work=Path(tempfile.mkdtemp(prefix="coursekit-grade-")))
    ctx.work.chmod(0o755)
    for slot in range(workers):
        _add_slot(ctx, slot)
    return ctx


def _add_slot(ctx: Context, number: int) -> None:
    """A worker slot (its sandbox and its judge start on first use); as root, ``number`` picks its uids."""
    ctx.slots.put(number)
    ctx.slots_by_number[number] = run.Slot(number, ctx.work, ctx.isolate)
    ctx.judges[number] = Judge(*_judge_command(number, ctx))


def _close(ctx: Context) -> None:
    for slot in ctx.slots_by_number.values():
        slot.close()
    for judge in ctx.judges.values():
        judge.close()
    if not os.environ.get("COURSEKIT_GRADE_KEEP"):  # debugging aid: keep the slots' folders and logs
        shutil.rmtree(ctx.work, ignore_errors=True)


def _judge_command(slot: int, ctx: Context) -> tuple[list[str], dict]:
    argv = [sys.executable, "-m", "coursekit.instructor.grading.judge"]
    env = run.sandbox_env("/tmp", "/tmp")
    env.update(MPLBACKEND="Agg", COURSEKIT_JUDGE_MEMORY=str(ctx.memory))
    if not ctx.isolate:
        env.update(HOME=os.environ.get("HOME", "/tmp"), TMPDIR=tempfile.gettempdir(),
                   MPLCONFIGDIR=os.environ.get("MPLCONFIGDIR", ""))
        return argv, {k: v for k, v in env.items() if v}
    return sandbox.command(argv, env=env, stage=None, slot=sandbox.JUDGE_SLOTS + slot, zygote=False), {}


def grade_one(submission: Path, ctx: Context, slot: int = 0) -> Result:
    """Grade one file: run it in a fresh sandbox, then judge what it exported."""
    result = Result(student_of(submission.name), submission.name, "error", sha256=sha256_of(submission))
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
    auto = [t["name"] for t in ctx.tests]
    before, end = ex.plan(cells, ctx.layout, auto)
    cells = ex.seeded(cells, ctx.otter_config)
    job = {"cells": [{"cell_type": c["cell_type"], "source": c["source"]} for c in cells], "numbers": numbers,
           "before": {str(k): v for k, v in before.items()}, "end": end,
           "names": {t["name"]: t["names"] for t in ctx.tests},
           "limits": run.limits(ctx.memory)}
    files = dict(ctx.files)
    files[f"{ctx.exercise.name}.ipynb"] = _notebook_bytes(cells, ctx.exercise.name)
    ctx.judges[slot].warm()  # its start-up overlaps this run instead of following it
    try:
        outcome = ctx.slots_by_number[slot].run(job, files, timeout=ctx.timeout, memory=ctx.memory,
                                                cancel=ctx.cancel)
    except run.SlotFailed as exc:
        outcome = run.Outcome("error", str(exc))
    result.status, result.peak_mb = outcome.status, outcome.peak_mb
    if outcome.status == "graded":
        try:
            result.questions = ctx.judges[slot].ask({"questions": ctx.tests, "snapshots": outcome.snapshots},
                                                    JUDGE_TIMEOUT)
        except JudgeFailed as exc:
            result.status, outcome.reason = "error", f"not graded: {exc}"
        notes += [note for q in auto for note in result.questions.get(q, {}).get("notes", [])]
        unsupported = {name: what for q in auto
                       for name, what in result.questions.get(q, {}).get("unsupported", {}).items()}
        if unsupported:
            notes.append("not plain data, so the tests that use them fail: "
                         + ", ".join(f"{name} ({what})" for name, what in unsupported.items()))
    result.reason = _reason(list(dict.fromkeys(notes)), outcome)
    return result


def _notebook_bytes(cells: list[dict], name: str) -> bytes:
    """The notebook as the runner's folder holds it (otter.Notebook reads its name from there)."""
    import nbformat

    v4 = nbformat.v4
    new = {"code": v4.new_code_cell, "markdown": v4.new_markdown_cell, "raw": v4.new_raw_cell}
    nb = v4.new_notebook(cells=[new[c["cell_type"]](c["source"]) for c in cells])
    nb.metadata["otter"] = {"assignment_name": name}
    return nbformat.writes(nb).encode("utf-8")


def _clean(text: str) -> str:
    """A reason is the same on every run: no temporary paths, process ids or memory addresses."""
    text = re.sub(r"[^\s'\"]*/coursekit-grade-[^/\s'\"]+", "<work>", str(text))
    text = re.sub(r"/proc/\d+", "/proc/<pid>", text)
    return mask_addresses(text)


def _reason(notes: list[str], outcome: run.Outcome) -> str:
    parts = list(notes)
    if outcome.reason:
        parts.append(outcome.reason)
    if outcome.errors:
        number, name, value = outcome.errors[0]
        value = value.splitlines()[0] if value else ""
        more = f" (and {len(outcome.errors) - 1} more cells with errors)" if len(outcome.errors) > 1 else ""
        parts.append(f"cell {number} raised {name}" + (f": {value}" if value else "") + more)
    if outcome.printed > 10 * 2**20:
        parts.append(f"printed {outcome.printed / 2**20:.0f} MB of output (not kept)")
    return one_line(_clean("; ".join(parts)), REASON_CAP)


def grade_folder(exercise: Path, submissions: list[Path], out: Path, timeout: float, workers: int = 1,
                 memory_mb: int = DEFAULT_MEMORY_MB, log=None, isolate: bool = True) -> list[Result]:
    """Grade every submission (``workers`` at a time); write gradebook, results and feedback."""
    start, log = time.monotonic(), log or sys.stderr
    ctx = _context(exercise, timeout, memory_mb, max(1, workers), isolate)
    progress = Progress(len(submissions), ctx.questions, log)

    def one(sub: Path) -> Result:
        began, slot = time.monotonic(), ctx.slots.get()
        try:
            result = grade_one(sub, ctx, slot)
        finally:
            ctx.slots.put(slot)
        result.seconds, result.started = time.monotonic() - began, began - start
        progress(result)
        return result

    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        results = list(pool.map(one, submissions))
    except BaseException:
        ctx.cancel.set()  # runs see it within 50 ms and kill their sandboxes
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        _close(ctx)
    pool.shutdown()
    return finish(results, ctx.questions, exercise, out, start, workers, isolate, log)


class Progress:
    """The line on stderr for each file as it is graded, in the order they finish."""

    def __init__(self, count: int, questions: list, log):
        self.count, self.log, self.done, self.lock = count, log, 0, threading.Lock()
        self.maximum = sum(q.points for q in questions if not q.manual)

    def __call__(self, result: Result) -> None:
        with self.lock:
            self.done += 1
            score = f" {fmt(total(result))}/{fmt(self.maximum)}" if result.status == "graded" else ""
            print(f"coursekit grade: [{self.done:>{len(str(self.count))}}/{self.count}] {result.file}: "
                  f"{result.status}{score} in {result.seconds:.1f} s", file=self.log, flush=True)


def finish(results: list[Result], questions: list, exercise: Path, out: Path, start: float, workers: int,
           isolate: bool, log, where: str = "", timings: dict | None = None, per_file: dict | None = None
           ) -> list[Result]:
    """Mark superseded files, write the outputs and timings.json, print the summary: the same for every
    way of grading (``where``, ``timings`` and ``per_file`` add what a cluster run records)."""
    supersede = counted_files([r.file for r in results])
    for r in results:
        if supersede[r.file]:
            r.counted = False
            r.reason = one_line(f"superseded by {supersede[r.file]}" + (f"; {r.reason}" if r.reason else ""),
                                REASON_CAP)
    results.sort(key=lambda r: (r.student, natural(r.file)))
    write_outputs(results, questions, exercise, out)
    elapsed = time.monotonic() - start
    write_atomic(out / "timings.json", json.dumps({
        "workers": workers, "seconds": round(elapsed, 2), "sandbox": "bubblewrap" if isolate else "none",
        **(timings or {}),
        "submissions": {r.file: {"started": round(r.started, 2), "seconds": round(r.seconds, 2), "peak_mb": r.peak_mb,
                                 **(per_file or {}).get(r.file, {})} for r in results}},
        indent=2) + "\n")
    counts = {s: sum(r.status == s for r in results) for s in STATUSES}
    print(f"coursekit grade: {_n(len(results), 'submission')} in {elapsed:.1f} s with {_n(workers, 'worker')}{where} "
          f"({elapsed / len(results):.1f} s per submission; {sum(r.seconds for r in results) / len(results):.1f} s "
          f"each on average): " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
          + f"; {sum(r.counted for r in results)} counted; wrote {out / 'gradebook.csv'}", file=log, flush=True)
    return results


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
