"""The grading sandbox seen from inside: what a submission's code can read, write, reach and see.

Each test runs cells in a real worker slot (bubblewrap around a warm zygote, a forked and isolated
child per run) and reads the facts the cells gathered through the same plain-data export that
carries answers to the judge. Without bubblewrap these tests fail: CI installs it.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import threading

import pytest

import coursekit
from coursekit.instructor import assign
from coursekit.runtime import data
from coursekit.instructor import grading
from coursekit.instructor.grading import plain, run, sandbox
from helpers import EXERCISE, PARTIAL_ANSWERS, grade, read_rows, submission

EXERCISES = str(assign.EXERCISES_DIR)

# otter imports ipylab, whose traitlets usage warns at import time; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def run_cells(slot: run.Slot, *sources: str, timeout: float = 60, watch: int = 4096 * 2**20) -> tuple:
    """Run code cells in ``slot`` (``watch``: resident bytes of all its processes); return the
    outcome and the decoded value of ``facts`` after the last cell."""
    job = {"cells": [{"cell_type": "code", "source": s} for s in sources], "numbers": list(range(1, len(sources) + 1)),
           "before": {}, "end": ["probe"], "names": {"probe": ["facts"]}, "limits": run.limits(4096 * 2**20)}
    outcome = slot.run(job, {"given.txt": b"handed in"}, timeout=timeout, memory=watch, cancel=threading.Event())
    facts = {}
    for raw in outcome.snapshots:
        record = json.loads(raw)
        if "facts" in record["values"]:
            facts = plain.decode(record["values"]["facts"])
    return outcome, facts


@pytest.fixture(scope="module")
def slot(tmp_path_factory):
    sandbox.probe()  # fails, never skips, where bubblewrap is missing
    slot = run.Slot(0, tmp_path_factory.mktemp("slot"), isolate=True)
    yield slot
    slot.close()


LOOK_AROUND = f"""
import os, socket
facts = {{}}
facts["uid"], facts["pid"], facts["cwd"] = os.getuid(), os.getpid(), os.getcwd()
facts["pids"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
facts["top"] = sorted(os.listdir("/"))
facts["files"] = sorted(os.listdir("."))
facts["exercises"] = os.path.exists({EXERCISES!r})
facts["repo"] = sorted(os.listdir({str(coursekit.ROOT)!r}))
facts["capabilities"] = open("/proc/self/status").read().split("CapEff:")[1].split()[0]
facts["interfaces"] = [name for _, name in socket.if_nameindex()]
facts["env"] = sorted(os.environ)
facts["left_over"] = os.path.exists("/tmp/left-over") or os.path.exists("/submission/left-over")
def writable(folder):
    try:
        with open(os.path.join(folder, "left-over"), "w") as f:
            f.write("x")
        return True
    except OSError:
        return False
facts["writable"] = {{p: writable(p) for p in ["/submission", "/tmp", "/dev/shm", "/", "/etc", "/usr",
                                                {str(data.DATA_DIR)!r}, {str(os.path.dirname(coursekit.__file__))!r},
                                                {sys.prefix!r}]}}
"""


def test_only_the_notebook_folder_and_private_temp_are_writable(slot):
    outcome, facts = run_cells(slot, LOOK_AROUND)
    assert outcome.status == "graded", outcome.reason
    assert facts["writable"] == {"/submission": True, "/tmp": True, "/dev/shm": True, "/": False, "/etc": False,
                                 "/usr": False, str(data.DATA_DIR): False,
                                 os.path.dirname(coursekit.__file__): False, sys.prefix: False}
    assert facts["cwd"] == "/submission" and "given.txt" in facts["files"]


def test_exercises_hidden_tests_and_the_rest_of_the_course_do_not_exist(slot):
    _, facts = run_cells(slot, LOOK_AROUND)
    assert facts["exercises"] is False
    assert sorted(facts["repo"]) == sorted({os.path.basename(p) for p in sandbox.read_only_paths()
                                            if os.path.dirname(p) == str(coursekit.ROOT)})
    assert "exercises" not in facts["repo"] and "tests" not in facts["repo"]


def test_an_unprivileged_user_alone_in_its_own_process_namespace(slot):
    _, facts = run_cells(slot, LOOK_AROUND)
    assert facts["capabilities"] == "0000000000000000"
    if sandbox.is_root():
        assert facts["uid"] == sandbox.SLOT_UID + 0
    assert facts["pid"] == 1 and facts["pids"] == [1]  # the grader, the zygote, other runs: invisible


def test_no_network(slot):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    port = server.getsockname()[1]
    _, facts = run_cells(slot, f"""
import socket
facts = {{}}
for host in ("127.0.0.1", "pypi.org"):
    try:
        socket.create_connection((host, {port}), timeout=3)
        facts[host] = "connected"
    except OSError as exc:
        facts[host] = type(exc).__name__
""")
    with pytest.raises(socket.timeout):
        server.accept()
    server.close()
    assert facts == {"127.0.0.1": "ConnectionRefusedError", "pypi.org": "gaierror"}


def test_nothing_of_the_graders_environment(slot):
    _, facts = run_cells(slot, LOOK_AROUND)
    assert set(facts["env"]) <= set(run.sandbox_env("/submission", "/tmp")) | {"COURSEKIT_FONTS"}
    assert facts["interfaces"] == ["lo"]


def test_each_run_starts_from_a_clean_slate_forked_from_the_same_warm_zygote(slot):
    run_cells(slot, LOOK_AROUND, "import sys; sys.modules['pandas'].secret = 'left by the first'")
    zygote = slot.zygote.pid
    _, facts = run_cells(slot, LOOK_AROUND, "import pandas\nfacts['module'] = getattr(pandas, 'secret', None)")
    assert facts["left_over"] is False and facts["module"] is None
    assert slot.zygote.pid == zygote and slot.zygote.is_running()
    assert [p for p in slot._runs() if run._alive(p)] == []  # a zombie awaits the zygote's reaping, at most
    _, facts = run_cells(slot, "import sys\nfacts = sorted({'pandas', 'otter', 'IPython'} & set(sys.modules))")
    assert facts == ["IPython", "otter", "pandas"]  # imported once, by the zygote


def test_time_limit(slot):
    outcome, _ = run_cells(slot, "x = 1", "while True: pass", timeout=5)
    assert outcome.status == "timeout" and "in cell 2" in outcome.reason
    assert run_cells(slot, "facts = 'still works'")[1] == "still works"


def test_memory_of_all_processes_together_is_limited(slot):
    outcome, _ = run_cells(slot, """
import os, time
for _ in range(6):
    if os.fork() == 0:
        hog = b"x" * 400 * 2**20
        time.sleep(60)
time.sleep(60)
""", timeout=60, watch=1536 * 2**20)
    assert outcome.status == "kernel-died" and "more than 1536 MB of memory" in outcome.reason, outcome
    assert run_cells(slot, "facts = 'still works'")[1] == "still works"


def test_flooding_the_graders_channel_stops_the_run(slot):
    outcome, _ = run_cells(slot, """
import os
for fd in [int(f) for f in os.listdir("/proc/self/fd")]:
    try:
        os.write(fd, b"x" * 80 * 2**20)
    except OSError:
        pass
facts = "done"
""")
    assert outcome.status == "error" and "more than 64 MB" in outcome.reason, outcome
    assert run_cells(slot, "facts = 'still works'")[1] == "still works"


def test_a_fork_bomb_ends_with_its_run(slot):
    outcome, _ = run_cells(slot, """
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
""", timeout=10)
    assert outcome.status in ("timeout", "kernel-died"), outcome
    assert not [p for p in slot._runs() if run._alive(p)]
    assert run_cells(slot, "facts = 'still works'")[1] == "still works"


# --------------------------------------------------------------------------- without bubblewrap

LIAR = ("class Yes(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\n"
        "n_happened = Yes(-1)")


def _one_class(tmp_path):
    import nbformat

    subs = tmp_path / "subs"
    subs.mkdir()
    nbformat.write(submission({}), subs / "solved.ipynb")
    nbformat.write(submission(PARTIAL_ANSWERS), subs / "partial.ipynb")
    nbformat.write(submission({"q1-answer": LIAR}), subs / "liar.ipynb")
    return subs


def test_without_bubblewrap_grading_stops_and_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    code = grading.main([str(EXERCISE), str(_one_class(tmp_path)), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "bubblewrap (bwrap) is not installed" in err and "apt-get install bubblewrap" in err
    assert "--no-sandbox" in err
    assert not (tmp_path / "out" / "gradebook.csv").exists()


def test_a_bubblewrap_that_cannot_create_namespaces_is_reported(tmp_path, monkeypatch, capsys):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "bwrap").write_text("#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n")
    (fake / "bwrap").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:/usr/bin:/bin")
    code = grading.main([str(EXERCISE), str(_one_class(tmp_path)), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and "cannot create a sandbox here (bwrap: No permissions to creating new namespace)" in err
    assert "--no-sandbox" in err and not (tmp_path / "out" / "gradebook.csv").exists()


def test_no_sandbox_still_judges_outside_the_notebook(tmp_path):
    code, err = grade(EXERCISE, _one_class(tmp_path), tmp_path / "out", "--no-sandbox", "--workers", "2")
    assert code == 0 and "--no-sandbox: student code runs as you, unisolated" in err
    rows = read_rows(tmp_path / "out")
    assert {f: r["total"] for f, r in rows.items()} == {"solved.ipynb": "7", "partial.ipynb": "4", "liar.ipynb": "6"}
    assert "n_happened (a Yes (subclass of int))" in rows["liar.ipynb"]["reason"]
    timings = json.loads((tmp_path / "out" / "timings.json").read_text())
    assert timings["sandbox"] == "none"


def test_the_export_does_not_use_builtins_the_notebook_replaced(slot):
    outcome, facts = run_cells(slot, "import builtins\nbuiltins.len = lambda x: 0\nbuiltins.type = lambda x: int\n"
                                     "builtins.isinstance = lambda *a: True\nfacts = {'a': [1, 2.5, 'x'], 'b': (None,)}")
    assert outcome.status == "graded" and facts == {"a": [1, 2.5, "x"], "b": (None,)}


def test_a_slot_whose_zygote_died_starts_a_new_one(slot):
    old = slot.zygote.pid
    slot.zygote.kill()
    slot.zygote.wait(10)
    outcome, facts = run_cells(slot, "facts = 3")
    assert outcome.status == "graded" and facts == 3 and slot.zygote.pid != old


def test_every_sandbox_dies_with_the_grader(tmp_path):
    """SIGKILL leaves the grader no chance to clean up: bubblewrap's --die-with-parent must do it."""
    import signal
    import subprocess
    import time

    import nbformat
    import psutil

    subs = tmp_path / "subs"
    subs.mkdir()
    for name in ("a", "b"):
        nbformat.write(submission({}, "while True:\n    pass"), subs / f"{name}.ipynb")

    def sandboxes():  # bubblewrap's processes for this run name its work folder in their arguments
        found = []
        for p in psutil.process_iter(["cmdline", "status"]):
            if p.info["status"] != psutil.STATUS_ZOMBIE and str(tmp_path) in " ".join(p.info["cmdline"] or []) \
                    and p.pid != grader.pid:
                found.append(p)
        return found

    grader = subprocess.Popen([sys.executable, "-m", "coursekit.instructor.grading", str(EXERCISE), str(subs), "--out",
                               str(tmp_path / "out"), "--workers", "2", "--timeout", "120"],
                              env=dict(os.environ, TMPDIR=str(tmp_path)), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(sandboxes()) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    running = sandboxes()
    assert running, "no sandbox started"
    time.sleep(3)  # both notebooks are looping by now
    grader.send_signal(signal.SIGKILL)
    grader.wait()
    gone, alive = psutil.wait_procs(running, timeout=15)
    assert alive == [] and sandboxes() == []


def test_course_files_inside_tmp_stay_readable_in_the_fresh_tmp(tmp_path):
    """A course cloned under /tmp (as CI may do) is bound on top of each submission's fresh /tmp:
    here the data folder is moved under /tmp and a solved notebook must still load it and score."""
    import shutil
    import subprocess

    import nbformat

    assert str(tmp_path).startswith("/tmp/"), "pytest's temporary folders are expected under /tmp"
    shutil.copytree(data.DATA_DIR, tmp_path / "data")
    subs = tmp_path / "subs"
    subs.mkdir()
    nbformat.write(submission({}), subs / "solved.ipynb")
    done = subprocess.run([sys.executable, "-m", "coursekit.instructor.grading", str(EXERCISE), str(subs), "--out",
                           str(tmp_path / "out"), "--workers", "1"], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, COURSEKIT_DATA=str(tmp_path / "data")))
    assert done.returncode == 0, done.stderr[-2000:]
    row = read_rows(tmp_path / "out")["solved.ipynb"]
    assert (row["status"], row["total"], row["reason"]) == ("graded", "7", "")


def test_the_user_namespace_path_an_instructor_without_root_gets(tmp_path, monkeypatch):
    """Not root: bubblewrap makes a user namespace, and each run drops every capability instead of
    switching user. Run here as root with that path forced, the guarantees must be the same."""
    monkeypatch.setattr(sandbox, "is_root", lambda: False)
    assert "--unshare-user" in sandbox.command(["x"], env={}, stage=None, slot=0, zygote=True)
    user_slot = run.Slot(0, tmp_path, isolate=True)
    try:
        outcome, facts = run_cells(user_slot, LOOK_AROUND)
    finally:
        user_slot.close()
    assert outcome.status == "graded", outcome.reason
    assert facts["capabilities"] == "0000000000000000" and facts["uid"] == 0  # the instructor, mapped
    assert facts["pid"] == 1 and facts["pids"] == [1] and facts["exercises"] is False
    assert facts["writable"]["/submission"] and facts["writable"]["/tmp"]
    assert not any(facts["writable"][p] for p in ["/", "/etc", "/usr", str(data.DATA_DIR), sys.prefix])
