"""Benchmark 3: grading a class with ``coursekit grade`` against ``otter run`` and the floor.

A class is generated from an exercise: a third of the submissions have every answer (the
master's solutions), a third every other answer, a third none (as handed out). The same
files are graded by ``coursekit grade --workers W`` and by ``otter run``, one after
another, and the per-question scores must be identical. The floor is the bare execution
of each submission with all of its tests appended (``grader.check_all()`` with the
autograder's tests beside it), in a fresh kernel, W at a time: no sandbox, no limits.

The same class is then graded through Dask (``coursekit grade --scheduler``) on a real
``dask scheduler`` with 1 and with 2 ``dask worker`` processes of one thread each on this
machine; the gradebook, results and feedback must be byte-identical to the local run's. The
time counts from the command's start (connecting included) to its end, workers already up:
what an instructor waits for with a cluster running.
"""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from common import ROOT, Timer, bare_execute, say
from coursekit.instructor import assign
from coursekit.instructor.grading import cluster


def make_class(exercise: Path, n: int, folder: Path) -> list[Path]:
    variants = assign.sample_submissions(exercise)
    folder.mkdir(parents=True)
    paths = []
    for i in range(n):
        kind = list(variants)[i % 3]
        path = folder / f"student{i + 1:03d}_{kind}.ipynb"
        nbformat.write(variants[kind], path)
        paths.append(path)
    return paths


def ours(exercise: Path, subs: Path, out: Path, workers: int | None = None, scheduler: str = "") -> tuple[float, dict]:
    where = ["--scheduler", scheduler] if scheduler else ["--workers", str(workers)]
    with Timer() as t:
        done = subprocess.run([sys.executable, "-m", "coursekit.instructor.grading", str(exercise), str(subs), "--out", str(out),
                               *where], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"coursekit grade failed:\n{done.stderr[-3000:]}")
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    questions = [k for k in rows[0] if k not in {"student", "file", "total", "max", "status", "counted", "reason"}]
    scores = {r["file"]: {q: float(r[q]) for q in questions if r[q] != ""} for r in rows}
    return t.seconds, scores


def otter_one(zip_path: Path, sub: Path, out: Path) -> dict:
    out.mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(zip_path), "-o", str(out), str(sub)],
                   check=True, capture_output=True, timeout=600)
    report = json.loads((out / "results.json").read_text())
    return {t["name"]: float(t["score"]) for t in report["tests"] if t.get("max_score")}


def otter_sequential(exercise: Path, subs: list[Path], out: Path) -> tuple[float, dict]:
    zip_path = assign.autograder_zip(exercise)
    with Timer() as t:
        scores = {sub.name: otter_one(zip_path, sub, out / sub.stem) for sub in subs}
    return t.seconds, scores


def _floor_one(args) -> float:
    exercise, sub, work = map(Path, args)
    shutil.copytree(exercise / assign.DIST / "student", work, ignore=shutil.ignore_patterns("*.ipynb", ".OTTER_LOG"),
                    dirs_exist_ok=True)
    shutil.rmtree(work / "tests")
    shutil.copytree(exercise / assign.DIST / "autograder" / "tests", work / "tests")
    target = work / assign.student_notebook(exercise).name
    shutil.copy(sub, target)
    return bare_execute(target, ["grader.check_all()"])


def floor(exercise: Path, subs: list[Path], work: Path, workers: int) -> tuple[float, float]:
    """(wall seconds with ``workers`` at a time, sum of the single runs)."""
    jobs = [(str(exercise), str(s), str(work / s.stem)) for s in subs]
    with Timer() as t, ProcessPoolExecutor(workers) as pool:
        each = list(pool.map(_floor_one, jobs))
    return t.seconds, sum(each)


def outputs(out: Path) -> dict[str, bytes]:
    """What a run writes, timings.json apart (the part that must be byte-identical)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "timings.json"}


def on_dask(exercise: Path, tmp: Path, workers: int, local_scores: dict) -> dict:
    """The class of ``tmp / "class"`` graded on ``workers`` Dask workers (one thread each) on this machine."""
    say(f"coursekit grade --scheduler: {workers} Dask worker(s) of 1 thread on this machine ...")
    with cluster.local_cluster(workers, tmp / f"dask{workers}") as dask:
        seconds, scores = ours(exercise, tmp / "class", tmp / f"dask{workers}-out", scheduler=dask.address)
    row = {"workers": workers, "threads_each": 1, "seconds": round(seconds, 2),
           "per_submission_s": round(seconds / len(scores), 2), "identical_scores": scores == local_scores,
           "identical_files": outputs(tmp / f"dask{workers}-out") == outputs(tmp / "ours")}
    say(f"  {seconds:.1f} s; scores identical to the local run: {row['identical_scores']}; "
        f"files byte-identical: {row['identical_files']}")
    return row


def run(exercise_name: str, n: int, sizes: list[int], workers: int) -> dict:
    exercise = ROOT / "exercises" / exercise_name
    result = {"exercise": exercise_name, "submissions": n, "workers": workers, "scaling": []}
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        tmp = Path(tmp)
        subs = make_class(exercise, n, tmp / "class")
        say(f"coursekit grade: {n} submissions of {exercise_name}, {workers} workers ...")
        result["coursekit_s"], our_scores = ours(exercise, tmp / "class", tmp / "ours", workers)
        say(f"  {result['coursekit_s']:.1f} s")
        result["dask"] = [on_dask(exercise, tmp, k, our_scores) for k in (1, 2)]  # right after: same load
        say("otter run, one submission after another ...")
        result["otter_sequential_s"], otter_scores = otter_sequential(exercise, subs, tmp / "otter")
        say(f"  {result['otter_sequential_s']:.1f} s")
        mismatches = sorted(f for f in our_scores if our_scores[f] != otter_scores.get(f))
        result["score_mismatches"] = mismatches
        result["identical_scores"] = not mismatches and set(our_scores) == set(otter_scores)
        say(f"  scores identical on all {len(our_scores)} files: {result['identical_scores']}"
            + (f" (differ: {mismatches[:5]})" if mismatches else ""))
        say(f"floor: bare execution of each submission plus all its tests, {workers} at a time ...")
        result["floor_s"], result["floor_single_runs_sum_s"] = floor(exercise, subs, tmp / "floor", workers)
        say(f"  {result['floor_s']:.1f} s (sum of single runs {result['floor_single_runs_sum_s']:.1f} s)")
        result["per_submission_s"] = round(result["coursekit_s"] / n, 2)
        result["speedup_vs_otter"] = round(result["otter_sequential_s"] / result["coursekit_s"], 2)
        result["ratio_to_floor"] = round(result["coursekit_s"] / result["floor_s"], 2)
        for k in ("coursekit_s", "otter_sequential_s", "floor_s", "floor_single_runs_sum_s"):
            result[k] = round(result[k], 2)
        result["scaling"].append({"submissions": n, "coursekit_s": result["coursekit_s"], "floor_s": result["floor_s"]})
    for k in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-grade-{k}-") as tmp:
            tmp = Path(tmp)
            subs = make_class(exercise, k, tmp / "class")
            seconds, _ = ours(exercise, tmp / "class", tmp / "ours", workers)
            floor_s, _ = floor(exercise, subs, tmp / "floor", workers)
            result["scaling"].append({"submissions": k, "coursekit_s": round(seconds, 2), "floor_s": round(floor_s, 2)})
            say(f"  {k} submissions: coursekit {seconds:.1f} s, floor {floor_s:.1f} s")
    result["scaling"].sort(key=lambda r: r["submissions"])
    return result
