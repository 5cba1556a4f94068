"""`coursekit grade --scheduler`: the same class graded on a Dask cluster gives the same files, byte for byte.

A real `dask scheduler` and two `dask worker` processes (one thread each, no nanny, so that a killed
worker stays dead) run on 127.0.0.1 for this module. A class of 16 files (solved, partly solved,
unanswered, a resubmission, an empty file, a renamed image, another exercise's notebook, a kernel that
dies, notebooks that try to escape or rewrite otter and its tests, skipped non-notebooks) is graded
once on this machine and once on the cluster, and one worker is killed with SIGKILL while the cluster
run is under way: Dask hands its tasks to the other worker and nothing is lost or different. The
other tests: an interrupted run stops the workers' sandboxes, a worker with another version of the
exercise or without bubblewrap refuses, and a scheduler that is not there is a one-line error.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import nbformat
import pytest

from clients import free_port
from coursekit.instructor import assign, grading
from coursekit.instructor.grading import cluster, sandbox
from helpers import EXERCISE, POINTS, build_class, submission

TIMEOUT = 60  # seconds per submission (none of this class loops); one value, so each worker stays warm
KEEP = {"alice", "bob", "carol", "dave", "dave__2", "frank", "heidi", "judy", "ken", "laura", "nina", "rupert",
        "sybil", "trent", "yusuf"}  # of test_grading_hostile's class: nothing that waits out a time limit

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def require_bubblewrap() -> None:
    """Fail in CI, skip elsewhere, where bubblewrap cannot make a sandbox (the workers need it)."""
    try:
        sandbox.probe()
    except sandbox.SandboxUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must grade on Dask in the sandbox: {exc}")
        pytest.skip(f"no sandbox here: {exc}")


def grade(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            code = grading.main(list(argv))
        except SystemExit as exc:
            code = exc.code
    return code, err.getvalue()


def outputs(out) -> dict[str, bytes]:
    """Everything a run writes except timings.json, by relative path."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "timings.json"}


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    build_class(base)
    for path in (base / "submissions").glob("*.ipynb"):
        if path.stem not in KEEP:
            path.unlink()
    nbformat.write(assign.sample_submissions(EXERCISE)["half"], base / "submissions" / "olga.ipynb")
    return base


@pytest.fixture(scope="module")
def local(klass):
    """The class graded on this machine, as `coursekit grade` always did."""
    require_bubblewrap()
    code, err = grade(str(EXERCISE), str(klass / "submissions"), "--out", str(klass / "local"),
                      "--workers", "2", "--timeout", str(TIMEOUT))
    assert code == 0, err
    return klass / "local"


@pytest.fixture(scope="module")
def cluster_processes(tmp_path_factory):
    require_bubblewrap()
    with cluster.local_cluster(2, tmp_path_factory.mktemp("dask")) as dask:
        yield dask  # stopped afterwards even when a test fails


@pytest.fixture
def dask(cluster_processes):
    """The module's cluster with both workers up (a test before may have killed one)."""
    for name, proc in cluster_processes.workers.items():
        if proc.poll() is not None:
            cluster_processes.start_worker(name)
    cluster_processes.wait_for_workers(2)
    return cluster_processes


def observer(dask):
    from distributed import Client

    return Client(dask.address, timeout=10, set_as_default=False)


def test_the_class_has_every_kind_of_submission(klass):
    names = sorted(p.name for p in (klass / "submissions").iterdir())
    assert len([n for n in names if n.endswith(".ipynb")]) == 16
    assert {".DS_Store", "notes.txt"} <= set(names)


def test_losing_a_worker_mid_run_loses_nothing_and_the_files_equal_a_local_run(dask, local, klass):
    out = klass / "cluster"
    proc = subprocess.Popen([sys.executable, "-m", "coursekit.cli", "grade", str(EXERCISE), str(klass / "submissions"),
                             "--out", str(out), "--scheduler", dask.address, "--timeout", str(TIMEOUT)],
                            stderr=subprocess.PIPE, text=True)
    lines, killed, on_victim, running = [], None, [], []
    start = time.monotonic()
    try:
        with observer(dask) as client:
            for line in proc.stderr:
                lines.append(line)
                if killed is None and "] " in line:  # the first result is in: kill a worker that is busy
                    busy = {a: keys for a, keys in client.processing().items() if keys}
                    names = {a: w["name"] for a, w in client.scheduler_info(n_workers=-1)["workers"].items()}
                    victim = max(busy, key=lambda a: len(busy[a]))
                    on_victim = [key[1] for key in busy[victim]]  # assigned to it, one of them running
                    running = client.run(lambda dask_worker: [t.key[1] for t in dask_worker.state.executing],
                                         workers=[victim])[victim]
                    done = sum("] " in x for x in lines)
                    killed = (names[victim], victim, done, round(time.monotonic() - start, 1))
                    dask.kill(names[victim])
        proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = "".join(lines)
    print(f"\nkilled {killed[0]} after {killed[2]} of 16 results ({killed[3]} s into the run) while it ran "
          f"{running} and held {len(on_victim)} tasks {on_victim}; the run took {time.monotonic() - start:.1f} s")
    assert proc.returncode == 0, err
    assert killed is not None and killed[2] < 16 and on_victim, "the worker was not killed mid-run"

    assert outputs(out) == outputs(local)  # gradebook.csv, results.json, feedback/*.md: byte for byte
    timings = json.loads((out / "timings.json").read_text())
    assert (timings["scheduler"], timings["dask_workers"], timings["dask_workers_at_end"]) == (dask.address, 2, 1)
    assert timings["workers"] == 2 and timings["sandbox"] == "bubblewrap"
    for name in on_victim:  # rescheduled: graded in the end by the worker that survived
        assert timings["submissions"][name]["worker"] != killed[1], name

    per_file = [line for line in lines if "] " in line]
    assert len(per_file) == 16 and all(line.rstrip().endswith(" s") for line in per_file)
    summary = lines[-1]
    assert summary.startswith("coursekit grade: 16 submissions in ")
    assert f"with 2 workers of the Dask scheduler {dask.address}" in summary
    assert "skipped 2 files" in err and "Traceback" not in err
    rows = {r["file"]: r for r in json.loads((out / "results.json").read_text())["submissions"]}
    assert rows["alice.ipynb"]["total"] == sum(POINTS.values())  # a grader giving 0 to all would be identical too
    assert {rows[f]["status"] for f in ("frank.ipynb", "judy.ipynb", "ken.ipynb", "rupert.ipynb")} == \
        {"kernel-died", "invalid", "wrong-exercise"}
    assert not list(klass.glob("escaped*")), "a notebook wrote outside its sandbox"


def test_interrupting_the_client_cancels_the_tasks_and_the_workers_stop_their_sandboxes(dask, tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    for name in ("a", "b", "c"):
        nbformat.write(submission({}, "while True:\n    pass"), subs / f"{name}.ipynb")
    proc = subprocess.Popen([sys.executable, "-m", "coursekit.cli", "grade", str(EXERCISE), str(subs), "--out",
                             str(out), "--scheduler", dask.address, "--timeout", str(TIMEOUT)],
                            stderr=subprocess.PIPE, text=True)
    try:
        with observer(dask) as client:
            def executing():
                return sum(client.run(lambda dask_worker: len(dask_worker.state.executing)).values())

            deadline = time.monotonic() + 60
            while executing() < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert executing() == 2, "both workers should be running a looping notebook"
            time.sleep(3)  # the loops are running inside the sandboxes by now
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=30)
            stopped = time.monotonic()
            while (executing() or any(client.processing().values())) and time.monotonic() - stopped < 20:
                time.sleep(0.2)
            assert executing() == 0 and not any(client.processing().values())
            assert time.monotonic() - stopped < 20  # the sandboxes were killed, not left to their 60 s limit
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert not (out / "gradebook.csv").exists()


def test_a_worker_with_another_version_of_the_exercise_refuses_and_nothing_is_written(dask, tmp_path):
    changed = tmp_path / EXERCISE.name  # the client's copy has a different autograder than the workers'
    shutil.copytree(EXERCISE, changed)
    with zipfile.ZipFile(assign.autograder_zip(changed), "a") as zf:
        zf.writestr("files/note.txt", "edited on the instructor's laptop only")
    ours = hashlib.sha256(assign.autograder_zip(changed).read_bytes()).hexdigest()
    theirs = hashlib.sha256(assign.autograder_zip(EXERCISE).read_bytes()).hexdigest()
    subs = tmp_path / "subs"
    subs.mkdir()
    nbformat.write(submission({}), subs / "alice.ipynb")
    code, err = grade(str(changed), str(subs), "--out", str(tmp_path / "out"), "--scheduler", dask.address)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert f"worker {os.uname().nodename} (tcp://127.0.0.1:" in err
    assert f"another version of {EXERCISE.name}" in err and ours in err and theirs in err
    assert not (tmp_path / "out" / "gradebook.csv").exists()


def test_the_task_itself_refuses_another_version_naming_the_host_and_both_hashes():
    data = nbformat.writes(submission({})).encode()
    theirs = hashlib.sha256(assign.autograder_zip(EXERCISE).read_bytes()).hexdigest()
    with pytest.raises(cluster.WorkerRefused) as refused:
        cluster.grade_submission("alice.ipynb", data, EXERCISE.name, "0" * 64, TIMEOUT, 4096, True)
    message = str(refused.value)
    assert os.uname().nodename in message and "0" * 64 in message and theirs in message and "\n" not in message
    with pytest.raises(cluster.WorkerRefused, match="has no exercise ex99_missing"):
        cluster.grade_submission("alice.ipynb", data, "ex99_missing", "0" * 64, TIMEOUT, 4096, True)


def test_a_worker_without_bubblewrap_refuses_instead_of_grading_unsandboxed(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda *args, **kwargs: None)
    monkeypatch.setattr(cluster, "_PROBED", False)
    monkeypatch.setattr(cluster, "_WARM", {})
    data = nbformat.writes(submission({})).encode()
    sha = hashlib.sha256(assign.autograder_zip(EXERCISE).read_bytes()).hexdigest()
    with pytest.raises(cluster.WorkerRefused) as refused:
        cluster.grade_submission("alice.ipynb", data, EXERCISE.name, sha, TIMEOUT, 4096, True)
    message = str(refused.value)
    assert message.startswith(f"worker {os.uname().nodename}: not grading: bubblewrap (bwrap) is not installed")
    assert "--no-sandbox" in message and "\n" not in message and cluster._WARM == {}


@pytest.mark.parametrize("scheduler, words", [
    ("closed", "cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: connection refused"),
    ("tcp://no-such-host.invalid:8786", "cannot reach the Dask scheduler at tcp://no-such-host.invalid:8786"),
    ("localhost", "--scheduler localhost: expected tcp://HOST:PORT"),
], ids=["nothing-listens", "unknown-host", "no-port"])
def test_a_scheduler_that_is_not_there_is_a_one_line_error(tmp_path, scheduler, words):
    port = free_port()
    scheduler = f"tcp://127.0.0.1:{port}" if scheduler == "closed" else scheduler
    subs = tmp_path / "subs"
    subs.mkdir()
    nbformat.write(submission({}), subs / "alice.ipynb")
    start = time.monotonic()
    code, err = grade(str(EXERCISE), str(subs), "--out", str(tmp_path / "out"), "--scheduler", scheduler)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert words.format(port=port) in err
    assert time.monotonic() - start < cluster.CONNECT_TIMEOUT + 5
    assert not (tmp_path / "out" / "gradebook.csv").exists()


def test_workers_is_refused_with_a_scheduler(tmp_path):
    code, err = grade(str(EXERCISE), str(tmp_path), "--out", str(tmp_path / "out"), "--scheduler",
                      "tcp://127.0.0.1:1", "--workers", "2")
    assert code == 2 and "with --scheduler each Dask worker grades" in err and len(err.strip().splitlines()) == 1


def test_without_a_scheduler_nothing_of_dask_is_imported():
    code = ("import sys; from coursekit.instructor.grading import cli; "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('distributed', 'dask')], 'imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
