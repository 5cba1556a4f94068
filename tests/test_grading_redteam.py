"""`coursekit grade` against a red-team class: notebooks that try to score without a correct answer.

Every attack notebook (built from the student notebook by tests/redteam_attacks.py, nothing stored in
the repository) leaves its answer cells unanswered, wrong or set to cheating objects, so the only
acceptable outcomes are "graded" with 0 points, or "timeout", "kernel-died" or "error" with a
one-line reason. An attack that gets out of the sandbox makes it visible: it derives the answers from
what it read (points), creates canary files in this test's folder or /tmp, connects to this test's
listeners, or leaves a process behind; each of those fails a test below. A solved control notebook
and a solved but noisy one are graded in the same run and must get full marks, so a grader that gave
everybody 0 would fail too.

The whole class is graded once, with the real command and two workers (1-3 minutes on an idle 2-core
machine; a few notebooks wait out the time limit). Every bomb in it is bounded (see redteam_attacks.py), and
whatever escaped is removed afterwards: files named for the run, processes the attacks named.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import secrets
import select
import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import redteam_attacks as rt
from coursekit import ROOT
from coursekit.instructor import grading
from helpers import EXERCISE, POINTS, hidden_test_lines, submission

TIMEOUT = 30  # seconds per notebook; an ordinary one takes about 5 s here
WORKERS = 2
RUN_BOUND = 20 * 60  # the whole run: generous, only "it finishes" is checked

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")

ATTACKS = {  # file -> (what it tries, builder(world, tag) -> notebook or bytes)
    "a01_forge_fds.ipynb": ("forged result records in many formats on every writable fd", rt.a01_forge_fds),
    "a02_forge_stdout_c_level.ipynb": ("C-level forgery on fds 1 and 2, then the real output swallowed by dup2",
                                       rt.a02_forge_stdout_c_level),
    "a03_forge_result_files.ipynb": ("results.json, gradebook.csv ... with full marks wherever writable",
                                     rt.a03_forge_result_files),
    "a04_replace_builtins.ipynb": ("lying isinstance, type, len, abs, round, int, float, bool; sys.audit; __builtins__",
                                   rt.a04_replace_builtins),
    "a05_input_transformer.ipynb": ("input/AST transformers rewriting every later piece of code, the grader's too",
                                    rt.a05_input_transformer),
    "a06_event_hooks.ipynb": ("IPython pre/post execute and run_cell events forging with the code being run",
                              rt.a06_event_hooks),
    "a07_exception_hooks_atexit.ipynb": ("custom exception handler, excepthooks, atexit handlers that forge",
                                         rt.a07_exception_hooks_atexit),
    "a08_displayhook_true.ipynb": ("sys.displayhook and sys.__displayhook__ print True for every value",
                                   rt.a08_displayhook_true),
    "a09_trace_profile.ipynb": ("settrace/setprofile tracer rewriting scores in grading frames", rt.a09_trace_profile),
    "a10_int_float_subclasses.ipynb": ("int, float and tuple subclasses whose comparisons lie",
                                       rt.a10_int_float_subclasses),
    "a11_class_property_impostors.ipynb": ("objects whose __class__ says int, float, tuple, DataFrame",
                                           rt.a11_class_property_impostors),
    "a12_dataframe_str_subclasses.ipynb": ("lying DataFrame subclass with a lying str subclass in its columns",
                                           rt.a12_dataframe_str_subclasses),
    "a13_liars_in_containers.ipynb": ("always-equal objects inside lists, tuples, dicts, arrays, frames",
                                      rt.a13_liars_in_containers),
    "a14_nan_inf.ipynb": ("NaN, NA, NaT and infinities", rt.a14_nan_inf),
    "a15_huge_and_negative_zero.ipynb": ("a 5000-digit int, ints beyond 64 bits, -0.0, extreme floats",
                                         rt.a15_huge_and_negative_zero),
    "a16_export_bombs.ipynb": ("deeply nested and self-referencing values, a 1M-row frame, a 50 MB string",
                               rt.a16_export_bombs),
    "a17_hostile_values.ipynb": ("values whose every hook forges mid-export or pickles to a payload",
                                 rt.a17_hostile_values),
    "a18_read_repo_paths.ipynb": ("hidden tests, master, zip, submissions, OUT by every path spelling",
                                  rt.a18_read_repo_paths),
    "a19_proc_walk.ipynb": ("every pid's cwd, root, environ, cmdline, fds; every mount point", rt.a19_proc_walk),
    "a20_fds_env_and_apis.ipynb": ("inherited fds, environment, importlib.resources, coursekit and otter APIs, "
                                   "editable finder, zipimport, runpy", rt.a20_fds_env_and_apis),
    "a21_write_outside.ipynb": ("canaries in the test folder, submissions, OUT, exercise, repo, data, $HOME, /tmp, "
                                "site-packages (.pth), the course package", rt.a21_write_outside),
    "a22_write_via_links_and_proc.ipynb": ("writes out through symlinks, hard links, /proc roots and cwds, dir fds",
                                           rt.a22_write_via_links_and_proc),
    "a23_network.ipynb": ("TCP, UDP, unix and abstract sockets to the test's listeners; DNS", rt.a23_network),
    "a24_processes.ipynb": ("subprocess, system, popen, posix_spawn, fork, multiprocessing reading hidden tests",
                            rt.a24_processes),
    "a25_fork_bomb.ipynb": ("a fork bomb (bounded at 128, alarm 100 s), then sleeps", rt.a25_fork_bomb),
    "a26_kill_signals.ipynb": ("SIGSTOP/SIGKILL to the parent, -1, pid 1 and the process groups", rt.a26_kill_signals),
    "a27_memory_bomb.ipynb": ("asks for 30 GB (bounded: keeps 4 GB free)", rt.a27_memory_bomb),
    "a28_disk_bomb.ipynb": ("fills its folder and /tmp (bounded: 2 GB each, 25 s)", rt.a28_disk_bomb),
    "a29_output_flood.ipynb": ("prints 200 MB, writes 200 MB to fd 1 and 50 MB to fd 2", rt.a29_output_flood),
    "a30_sleep_forever.ipynb": ("ignores SIGTERM/SIGINT/SIGHUP and sleeps forever", rt.a30_sleep_forever),
    "a31_time_bombs.ipynb": ("threads, timers, SIGALRM, atexit and a daemon that forge after the notebook ends",
                             rt.a31_time_bombs),
    "a32_proc_mem_ptrace.ipynb": ("other processes' memory read for hidden tests; in a sandbox, overwritten",
                                  rt.a32_proc_mem_ptrace),
    "a33_ctypes_builtin_slots.ipynb": ("ctypes unlocks bool/int/float/tuple and patches their slots",
                                       rt.a33_ctypes_builtin_slots),
    "a34_ctypes_libc_escape.ipynb": ("libc system() by an ELF-resolved address (no dlsym), cat hidden files",
                                     rt.a34_ctypes_libc_escape),
    "a35_gc_exporter_state.ipynb": ("gc and sys._current_frames to find and rewrite grading state", rt.a35_gc_exporter_state),
    "a36_sys_modules_fakes.ipynb": ("json, pickle, pandas and grading modules in sys.modules replaced by fakes",
                                    rt.a36_sys_modules_fakes),
    "a37_fake_course_data.ipynb": ("coursekit.runtime.data.load doctored so that the wrong answers are right on its data",
                                   rt.a37_fake_course_data),
    "a38_patch_test_machinery.ipynb": ("doctest.TestResults, _SpoofOut.getvalue, otter TestCaseResult patched",
                                       rt.a38_patch_test_machinery),
    "a39_import_shadowing.ipynb": ("shadow modules, sitecustomize, a meta-path finder, IPython start-up files",
                                   rt.a39_import_shadowing),
    "a40_ipython_magics.ipynb": ("%run, %pycat, %load, %cd, %%bash, %sx, !cat on the hidden files", rt.a40_ipython_magics),
    "a41_empty_file.ipynb": ("an empty file", rt.a41_empty_file),
    "a42_kernel_suicide.ipynb": ("os._exit(1) in a cell", rt.a42_kernel_suicide),
    "a43_tagged_lookalikes.ipynb": ("answers mimicking serialisation tags with pickle/yaml/eval payloads",
                                    rt.a43_tagged_lookalikes),
}
NOT_GRADED = {"timeout", "kernel-died", "error"}  # the acceptable statuses other than "graded" with 0 points
OTHER_STATUSES = {"a41_empty_file.ipynb": {"invalid"}}

NOISY_CELL = """\
import sys, tempfile, threading, warnings
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from IPython.display import HTML, display
print("noise " * 200_000)  # about 1 MB of output
print("and some on stderr", file=sys.stderr)
warnings.warn("a harmless warning")
with open("scratch.txt", "w") as f:  # its own folder
    f.write("scratch")
with tempfile.NamedTemporaryFile("w", delete=False) as f:  # its own temporary folder
    f.write("temp")
worker = threading.Thread(target=lambda: sum(range(10 ** 6)))
worker.start()
worker.join()
plt.plot([1, 2, 3])
plt.close("all")
display(HTML("<b>noise</b>"))
try:
    raise KeyError("caught and ignored")
except KeyError:
    pass
"""
CONTROLS = {"control_solved.ipynb": submission({}), "control_noisy.ipynb": submission({}, NOISY_CELL)}
OUT_NAMES = ["feedback", "gradebook.csv", "results.json", "timings.json"]
FORGED_NAMES = ("results.json", "result.json", "gradebook.csv", "export.json", "snapshot.json", "values.json",
                "scores.json", "summary.json", "job.json", "timings.json", "grade.json", "output.json")


class Listener:
    """TCP (IPv4, and IPv6 on the same port if it can), UDP, and unix sockets by path and by abstract name,
    served by a thread that records every connection or datagram."""

    def __init__(self, base: Path, token: str):
        self.events: list[tuple[str, bytes]] = []
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp_port = self.tcp.getsockname()[1]
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp_port = self.udp.getsockname()[1]
        self.unix_path = str(base / "redteam.sock")
        self.unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.unix.bind(self.unix_path)
        self.abstract_name = f"redteam-{token}"
        self.abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.abstract.bind("\0" + self.abstract_name)
        self.streams = [self.tcp, self.unix, self.abstract]
        with contextlib.suppress(OSError):
            tcp6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            tcp6.bind(("::1", self.tcp_port))
            self.streams.append(tcp6)
        for s in self.streams:
            s.listen(16)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self):
        self._thread.start()

    def _serve(self):
        sockets = [*self.streams, self.udp]
        while not self._stop.is_set():
            ready, _, _ = select.select(sockets, [], [], 0.2)
            for s in ready:
                with contextlib.suppress(OSError):
                    if s is self.udp:
                        payload, _ = s.recvfrom(65536)
                        self.events.append(("udp", payload[:200]))
                        continue
                    conn, _ = s.accept()
                    conn.settimeout(1)
                    payload = b""
                    with contextlib.suppress(OSError):
                        payload = conn.recv(200)
                    conn.close()
                    self.events.append((str(s.family), payload))

    def stop(self):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)
        for s in [*self.streams, self.udp]:
            with contextlib.suppress(OSError):
                s.close()


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def _names_under(root: Path, depth: int):
    """Paths of every entry below ``root``, ``depth`` levels of folders deep, without following links."""
    stack = [(str(root), 0)]
    while stack:
        folder, level = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            yield entry.path
            with contextlib.suppress(OSError):
                if level < depth and entry.is_dir(follow_symlinks=False) and entry.path not in ("/proc", "/sys", "/dev"):
                    stack.append((entry.path, level + 1))


def _token_paths(token: str, base: Path) -> list[str]:
    """Every file whose name holds this run's token wherever an attack may have written it: this test's folder,
    the exercise, the course package and data, $HOME, /tmp, sys.path folders, and the file system 4 levels deep."""
    import sys

    from coursekit.runtime import data

    deep = [(base, 20), (EXERCISE, 20), (ROOT / "coursekit", 20), (Path(data.DATA_DIR), 20), (Path("/"), 3),
            (Path.home(), 3), (Path("/tmp"), 2), (Path("/var/tmp"), 2), (Path("/dev/shm"), 2)]
    deep += [(Path(p), 0) for p in sys.path if p and Path(p).is_dir()]
    found = set()
    for root, depth in deep:
        for path in _names_under(root, depth):
            if token in os.path.basename(path):
                found.add(path)
    return sorted(found)


def _survivors(token: str) -> list:
    import psutil

    alive = []
    for p in psutil.process_iter(["pid", "name", "cmdline", "status"]):
        text = (p.info["name"] or "") + " " + " ".join(p.info["cmdline"] or [])
        if f"rt{token}" in text and p.info["status"] != psutil.STATUS_ZOMBIE:
            alive.append(p)
    return alive


def _clean_up(token: str, base: Path) -> None:
    """Remove what escaped (files named for this run, forged files holding its token), so nothing outlives it."""
    for path in _token_paths(token, base):
        if str(path).startswith(str(base / "submissions")):
            continue
        with contextlib.suppress(OSError):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
    for folder in (Path("/"), Path("/tmp"), Path("/var/tmp"), Path.home(), ROOT, ROOT.parent):  # not OUT: the results
        for name in FORGED_NAMES:
            path = folder / name
            with contextlib.suppress(OSError):
                if path.is_file() and f"redteam-{token}".encode() in path.read_bytes()[:10_000_000]:
                    path.unlink()


@dataclass
class Run:
    base: Path
    world: rt.World
    made: dict
    rows: dict
    seconds: float
    err: str
    connections: list
    survivors: list
    escaped: list
    subs_before: dict
    subs_after: dict
    exercise_before: dict
    exercise_after: dict


@pytest.fixture(scope="module")
def redteam(tmp_path_factory):
    """Build the class, grade it once (two workers, 30 s each), and record what got out."""
    base = tmp_path_factory.mktemp("redteam")
    token = secrets.token_hex(4)
    listener = Listener(base, token)
    world = rt.World(token=token, base=base, tcp_port=listener.tcp_port, udp_port=listener.udp_port,
                     unix_path=listener.unix_path, unix_abstract=listener.abstract_name,
                     pidns=os.readlink("/proc/self/ns/pid"))
    world.canary_dir.mkdir()  # exists and is writable: an attack that reaches it leaves a file there
    world.subs.mkdir()
    made = {}
    for name, (what, build) in ATTACKS.items():
        nb = build(world, name.split("_")[0])
        if isinstance(nb, bytes):
            (world.subs / name).write_bytes(nb)
        else:
            nbformat.write(nb, world.subs / name)
        made[name] = what
    for name, nb in CONTROLS.items():
        nbformat.write(nb, world.subs / name)
        made[name] = "control"
    subs_before, exercise_before = _digest(world.subs), _digest(EXERCISE)
    listener.start()
    try:
        err = io.StringIO()
        start = time.monotonic()
        with contextlib.redirect_stderr(err):
            code = grading.main([str(EXERCISE), str(world.subs), "--out", str(world.out),
                                 "--workers", str(WORKERS), "--timeout", str(TIMEOUT)])
        seconds = time.monotonic() - start
        assert code == 0, err.getvalue()[-3000:]
        deadline = time.monotonic() + 10  # killed processes may take a moment to go
        while _survivors(token) and time.monotonic() < deadline:
            time.sleep(0.5)
        survivors = [(p.pid, p.info["name"]) for p in _survivors(token)]
        time.sleep(1)  # the listener's last accept
        listener.stop()
        with open(world.out / "gradebook.csv", newline="", encoding="utf-8") as f:
            rows = {row["file"]: row for row in csv.DictReader(f)}
        yield Run(base=base, world=world, made=made, rows=rows, seconds=seconds, err=err.getvalue(),
                  connections=list(listener.events), survivors=survivors, escaped=_token_paths(token, base),
                  subs_before=subs_before, subs_after=_digest(world.subs),
                  exercise_before=exercise_before, exercise_after=_digest(EXERCISE))
    finally:
        listener.stop()
        for p in _survivors(token):  # only processes this run's attacks named
            with contextlib.suppress(Exception):
                p.kill()
        _clean_up(token, base)


# --------------------------------------------------------------------------- tests

def test_the_wrong_answers_are_wrong():
    """The values the attacks hand in pass the public checks and fail every hidden test (no kernel)."""
    from coursekit.runtime import data

    def run(sources):
        ns = {"pd": __import__("pandas"), "timeline": data.load("timeline_2012"), "nmc": data.load("cow_nmc")}
        for src in sources:
            exec(src, ns)
        return ns

    wrong = run(rt.WRONG.values())
    right = run(c.source for c in submission({}).cells if c.id in rt.ANSWER_IDS)
    for name in ("n_happened", "gap_days", "gap_months", "lag_range", "ru_pk_ratio", "in_pk_ratio"):
        assert wrong[name] != right[name], name
        assert type(wrong[name]) is type(right[name]), name
    assert sorted(wrong["india_events"]["id"]) != sorted(right["india_events"]["id"])


def test_the_class_is_big_and_every_file_gets_a_row(redteam):
    assert len(ATTACKS) >= 30
    assert sorted(redteam.rows) == sorted([*ATTACKS, *CONTROLS])
    assert sorted(p.name for p in redteam.world.subs.iterdir()) == sorted([*ATTACKS, *CONTROLS])


@pytest.mark.parametrize("file", sorted(CONTROLS))
def test_the_controls_get_full_marks_in_the_same_run(redteam, file):
    row = redteam.rows[file]
    assert row["status"] == "graded", row["reason"]
    assert {q: float(row[q]) for q in POINTS} == {q: float(p) for q, p in POINTS.items()}, row["reason"]
    assert float(row["total"]) == sum(POINTS.values()) == float(row["max"])


@pytest.mark.parametrize("file", sorted(ATTACKS))
def test_an_attack_scores_nothing(redteam, file):
    row = redteam.rows[file]
    what = ATTACKS[file][0]
    if row["status"] == "graded":
        scores = {q: row[q] for q in POINTS}
        assert float(row["total"]) == 0 and all(s in ("", "0") for s in scores.values()), (what, scores, row["reason"])
    else:
        assert row["status"] in NOT_GRADED | OTHER_STATUSES.get(file, set()), (what, row["status"], row["reason"])
        assert float(row["total"]) == 0 and all(row[q] == "" for q in POINTS), (what, row)
        assert row["reason"].strip(), (what, "a file that was not graded must say why")
    assert "\n" not in row["reason"] and "\r" not in row["reason"], (what, row["reason"])


def test_nothing_written_outside(redteam):
    # The submissions and the exercise exactly as they were, OUT holding the results only.
    assert redteam.subs_after == redteam.subs_before
    assert redteam.exercise_after == redteam.exercise_before
    out = redteam.world.out
    assert sorted(p.name for p in out.iterdir()) == OUT_NAMES
    assert all(p.suffix == ".md" and p.is_file() for p in (out / "feedback").iterdir())
    # No canary, forged file or filler named for this run anywhere: the test's folder, /tmp, $HOME, the
    # repository, the course package and data, site-packages, the file system 4 levels deep.
    assert redteam.escaped == []
    assert sorted(p.name for p in redteam.world.canary_dir.iterdir()) == []
    for tag in (name.split("_")[0] for name in ATTACKS):
        for path in [*redteam.world.canaries(tag), redteam.world.loader_canary(tag)]:
            assert not os.path.exists(path), path


def test_no_connection_reached_the_test(redteam):
    assert redteam.connections == []


def test_no_process_outlives_grading(redteam):
    assert redteam.survivors == []


def test_no_hidden_test_line_in_feedback_or_gradebook(redteam):
    hidden = hidden_test_lines()
    out = redteam.world.out
    for path in (out / "feedback").glob("*.md"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert [line for line in hidden if line in text] == [], path.name
    book = (out / "gradebook.csv").read_text(encoding="utf-8", errors="replace")
    assert [line for line in hidden if line in book] == []
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    reasons = " ".join(s["reason"] for s in results["submissions"])
    assert [line for line in hidden if line in reasons] == []


def test_the_whole_run_finishes(redteam):
    assert redteam.seconds < RUN_BOUND, redteam.seconds
    assert f"{len(ATTACKS) + len(CONTROLS)} submissions in " in redteam.err
