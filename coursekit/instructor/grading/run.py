"""One worker slot: its sandboxed zygote, and each submission's run watched from outside.

A :class:`Slot` starts its zygote (:mod:`coursekit.instructor.grading.runner`) once, in bubblewrap (or, with
``--no-sandbox``, as a plain process), and hands it one job at a time over a unix socket together
with the write end of a fresh pipe. It reads the run's records from that pipe and kills every
process of the run when its time or the resident memory of all its processes runs out, when it
writes more than :data:`CHANNEL_CAP`, or when grading is interrupted; the zygote itself lives on.
Records are untrusted: the ``snapshot`` ones go to the judge as raw text; the others only explain
what happened.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.instructor.grading import sandbox

CHANNEL_CAP = 64 * 2**20  # bytes a run may write to the grader
MAX_FILE_BYTES = sandbox.DISK_BYTES  # per file (RLIMIT_FSIZE)
MAX_PROCESSES = 256  # per worker slot's uid (RLIMIT_NPROC, as root; threads count)
START_TIMEOUT = 180  # seconds for a zygote's imports
POLL = 0.05


def limits(memory: int) -> dict:
    """What a run may use, as the runner applies it to itself before any student code."""
    return {"memory": memory, "file": MAX_FILE_BYTES, "processes": MAX_PROCESSES, "disk": sandbox.DISK_BYTES}


@dataclass
class Outcome:
    status: str  # graded | timeout | kernel-died | error
    reason: str = ""
    snapshots: list = field(default_factory=list)  # raw JSON text of each ``snapshot`` record
    errors: list = field(default_factory=list)  # (cell number, exception name, message)
    printed: int = 0
    peak_mb: int | None = None


class SlotFailed(Exception):
    """The slot's zygote could not start; the message says why."""


def sandbox_env(home: str, tmp: str) -> dict[str, str]:
    """The only environment a notebook sees: no tokens, no proxies, nothing of the grader's."""
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": f"{tmp}/home",
           "USER": "student", "LOGNAME": "student", "LANG": "C.UTF-8", "TMPDIR": tmp,
           "MPLCONFIGDIR": f"{tmp}/matplotlib", "MPLBACKEND": "module://matplotlib_inline.backend_inline",
           "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "JUPYTER_PLATFORM_DIRS": "1",
           "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    for key in ("VIRTUAL_ENV", "COURSEKIT_DATA"):
        if os.environ.get(key):
            env[key] = os.environ[key]
    return env


def _font_cache() -> Path:
    return Path(os.environ.get("MPLCONFIGDIR") or Path(os.environ.get("XDG_CACHE_HOME") or "~/.cache").expanduser()
                / "matplotlib")


class Slot:
    """One worker slot: a zygote, restarted if it dies, and the runs it forks, one at a time."""

    def __init__(self, number: int, work: Path, isolate: bool):
        self.number, self.isolate = number, isolate
        self.work = work / f"slot{number}"  # the slot's stage and log
        self.proc: subprocess.Popen | None = None  # bwrap (or, without a sandbox, the zygote itself)
        self.zygote = None  # the zygote's psutil.Process
        self.sock: socket.socket | None = None

    def _start(self) -> None:
        stage = self.work / "stage"
        shutil.rmtree(self.work, ignore_errors=True)
        (stage / "matplotlib").mkdir(parents=True)
        for font_list in _font_cache().glob("fontlist-*.json"):
            shutil.copyfile(font_list, stage / "matplotlib" / font_list.name)
        sandbox.identity_files(stage, self.number)
        for path in [self.work, *self.work.rglob("*")]:  # readable by the sandbox's own user
            path.chmod(0o755 if path.is_dir() else 0o644)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        argv = [sys.executable, "-m", "coursekit.instructor.grading.runner", str(theirs.fileno())]
        if self.isolate:
            env = sandbox_env(sandbox.SUBMISSION, "/tmp")
            env["COURSEKIT_FONTS"] = f"{sandbox.STAGE}/matplotlib"
            cmd = sandbox.command(argv, env=env, stage=stage, slot=self.number, zygote=True)
            popen_env = None
        else:
            (self.work / "tmp").mkdir()
            env = sandbox_env(str(self.work), str(self.work / "tmp"))
            env["COURSEKIT_FONTS"] = str(stage / "matplotlib")
            cmd, popen_env = argv, env
        with open(self.work / "zygote.log", "wb") as log:
            self.proc = subprocess.Popen(cmd, env=popen_env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         pass_fds=[theirs.fileno()], start_new_session=True, cwd=self.work)
        theirs.close()
        ours.settimeout(START_TIMEOUT)
        try:
            ready = ours.recv(6)
        except OSError:
            ready = b""
        ours.settimeout(None)
        if ready != b"ready\n":
            self.close()
            tail = (self.work / "zygote.log").read_bytes()[-2000:].decode("utf-8", "replace").strip().splitlines()
            raise SlotFailed("the grading sandbox did not start: " + (tail[-1] if tail else "no output"))
        self.sock = ours
        self.zygote = self._find_zygote()

    def _find_zygote(self):
        """The zygote's process: bubblewrap's own processes stand between it and ours."""
        import psutil

        root = psutil.Process(self.proc.pid)
        for p in [root, *root.children(recursive=True)]:  # parents come before their children
            try:
                if p.cmdline()[:3] == [sys.executable, "-m", "coursekit.instructor.grading.runner"]:
                    return p
            except psutil.Error:
                pass
        self.close()
        raise SlotFailed("the grading sandbox started but its zygote process was not found")

    def run(self, job: dict, files: dict[str, bytes], *, timeout: float, memory: int,
            cancel: threading.Event) -> Outcome:
        """Run one submission's job in a fresh child of the zygote and watch it."""
        for _ in range(2):  # a zygote that died since the last run is started again
            if self.proc is None or self.proc.poll() is not None:
                self._start()
            outcome = self._run(job, files, timeout=timeout, memory=memory, cancel=cancel)
            if outcome is not None:
                return outcome
        return Outcome("error", "the grading sandbox stopped twice while this notebook was handed to it")

    def _run(self, job: dict, files: dict[str, bytes], *, timeout: float, memory: int,
             cancel: threading.Event) -> Outcome | None:
        folder = self.work / "run"
        if not self.isolate:  # a fresh folder on disk stands in for the sandbox's tmpfs
            shutil.rmtree(folder, ignore_errors=True)
            (folder / "tmp").mkdir(parents=True)
        env = sandbox_env(sandbox.SUBMISSION, "/tmp") if self.isolate else sandbox_env(str(folder), str(folder / "tmp"))
        job = dict(job, env=env, folder=sandbox.SUBMISSION if self.isolate else str(folder), isolate=self.isolate,
                   uid=sandbox.slot_uid(self.number),
                   files={rel: base64.b64encode(data).decode("ascii") for rel, data in files.items()})
        if not (self.isolate and sandbox.is_root()):
            job["limits"] = dict(job["limits"], processes=0)  # RLIMIT_NPROC would count all of the user's
        payload = json.dumps(job).encode("utf-8")
        read_end, write_end = os.pipe()
        try:
            socket.send_fds(self.sock, [struct.pack("!Q", len(payload))], [write_end])
            self.sock.sendall(payload)
        except OSError:
            os.close(read_end)
            self.close()
            return None
        finally:
            os.close(write_end)
        return self._watch(os.fdopen(read_end, "rb"), timeout=timeout, memory=memory, cancel=cancel)

    def _runs(self) -> list:
        """Every process of the current run: the zygote's descendants."""
        import psutil

        try:
            return self.zygote.children(recursive=True) if self.zygote is not None else []
        except psutil.NoSuchProcess:
            return []

    def _kill_runs(self) -> None:
        import psutil

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            alive = [p for p in self._runs() if _alive(p)]
            if not alive:
                return
            for p in alive:
                try:
                    p.kill()
                except psutil.Error:
                    pass
            time.sleep(0.02)
        self.close()  # something would not die: start afresh

    def _watch(self, stream, *, timeout: float, memory: int, cancel: threading.Event) -> Outcome:
        channel = _Channel(stream)
        deadline, peak, checked = time.monotonic() + timeout, 0, 0.0
        verdict, ended_at = None, None
        while channel.thread.is_alive():
            now = time.monotonic()
            if channel.ended:  # what is still running now can change nothing; give it a moment to exit
                ended_at = ended_at or now
                if now - ended_at > 1:
                    break
            if cancel.is_set():
                verdict = ("error", "grading was interrupted")
            elif channel.overflow:
                verdict = ("error", f"the notebook wrote more than {CHANNEL_CAP // 2**20} MB to the grader")
            elif now > deadline:
                verdict = ("timeout", f"no result within {timeout:g} s (still running{channel.where()}; "
                                      "does it loop forever?)")
            elif now - checked > 0.2:
                checked = now
                used = _resident(self._runs())
                peak = max(peak, used)
                if memory and used > memory:
                    verdict = ("kernel-died", f"its processes used more than {memory // 2**20} MB of memory"
                                              f"{channel.where()}")
            if verdict:
                break
            channel.thread.join(POLL)
        self._kill_runs()
        channel.thread.join(timeout=5)
        outcome = channel.outcome
        outcome.peak_mb = round(peak / 2**20) if peak else None
        if verdict:
            outcome.status, outcome.reason = verdict
        elif channel.overflow:
            outcome.status = "error"
            outcome.reason = f"the notebook wrote more than {CHANNEL_CAP // 2**20} MB to the grader"
        elif channel.ended:
            outcome.status = "graded"
        elif channel.cell is not None:
            outcome.reason = f"the kernel died in cell {channel.cell} (os._exit, a crash, or out of memory?)"
        else:
            outcome.status = "error"
            outcome.reason = "the notebook's sandbox did not start" + (f" ({channel.failed})" if channel.failed else "")
        return outcome

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        if self.proc is not None:
            runs = self._runs()  # without a sandbox, runs may have left the process group
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)  # bwrap: its PID namespace goes with it
            except (ProcessLookupError, PermissionError):
                pass
            for p in runs:
                try:
                    p.kill()
                except Exception:
                    pass
            self.proc.wait()
            self.proc = self.zygote = None


def _alive(p) -> bool:
    import psutil

    try:
        return p.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _resident(procs: list) -> int:
    import psutil

    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


class _Channel:
    """Reads a run's records as they come, keeping at most :data:`CHANNEL_CAP` bytes."""

    def __init__(self, stream):
        self.outcome = Outcome("kernel-died")
        self.cell: int | None = None
        self.ended = self.overflow = False
        self.failed = ""
        self.size = 0
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def where(self) -> str:
        if self.ended:
            return " after the last cell"
        return f" in cell {self.cell}" if self.cell is not None else " while the notebook started"

    def _read(self, stream) -> None:
        with stream:
            for line in stream:
                self.size += len(line)
                if self.size > CHANNEL_CAP:
                    self.overflow = True
                    return
                kind, _, payload = line.decode("utf-8", "replace").rstrip("\n").partition(" ")
                if kind == "snapshot":
                    self.outcome.snapshots.append(payload)
                    continue
                try:
                    value = json.loads(payload)
                except ValueError:
                    continue
                if kind == "cell" and isinstance(value, int):
                    self.cell = value
                elif kind == "error" and isinstance(value, dict) and len(self.outcome.errors) < 20:
                    self.outcome.errors.append((value.get("cell"), str(value.get("name", ""))[:100],
                                                str(value.get("value", ""))[:500]))
                elif kind == "failed" and self.cell is None:
                    self.failed = str(value)[:300]
                elif kind == "end" and isinstance(value, dict):
                    self.ended = True
                    printed = value.get("printed")
                    self.outcome.printed = printed if isinstance(printed, int) else 0
