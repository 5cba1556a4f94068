"""Runs inside the sandbox: a warm interpreter that forks one isolated process per submission.

``python -m coursekit.instructor.grading.runner FD`` is the *zygote* of one worker slot. It imports what every
notebook imports (IPython, pandas, matplotlib, otter, the course's data loader) once, says ``ready``
on the unix socket FD, and then, for each job the grader sends on that socket (the job as JSON, plus
the write end of a fresh pipe), forks. The child closes the socket, isolates itself
(:func:`coursekit.instructor.grading.sandbox.isolate`: new mount, PID, IPC and UTS namespaces, fresh private
folders, an unprivileged user, no capabilities), sets its limits, and runs the cells in IPython.
The zygote never runs student code and each child starts from the zygote's pristine state, so no
state passes from one submission to the next; only the import time is shared.

The child writes records, one per line, ``KIND JSON``, on its pipe: ``cell`` before each cell,
``error`` for a cell that raised, ``snapshot`` with the encoded values at each grading point (where
``otter run`` would check the question), ``end`` when every cell has run, ``failed`` if the grader's
own set-up failed. File descriptors 0-2 point at /dev/null before any student code runs, and what
the notebook prints is counted, not kept.

Nothing a child writes is trusted by the grader: student code runs in that process and can rewrite
or forge any of it. What it can produce is only plain data (see :mod:`coursekit.instructor.grading.plain`),
which the judge tests outside; the rest only fills the reason column.
"""
from __future__ import annotations

import base64
import builtins
import contextlib
import json
import os
import resource
import signal
import socket
import struct
import sys

RECORD_LIMIT = 20  # error records kept
# Imported once by the zygote. Not matplotlib's inline backend: it hooks into the IPython shell that
# exists when it is imported, which must be the child's.
WARM = ["IPython.core.interactiveshell", "numpy", "pandas", "matplotlib.pyplot", "otter", "frictionless",
        "coursekit.runtime.data", "coursekit.instructor.grading.plain"]


class _Sink:
    """A stdout that counts what is printed and keeps nothing."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self):
        self.count = 0

    def write(self, text):
        self.count += len(text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        return 1  # /dev/null by now


def _limit(limits: dict) -> None:
    if limits.get("memory"):
        resource.setrlimit(resource.RLIMIT_AS, (limits["memory"], limits["memory"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file"], limits["file"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if limits.get("processes"):
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["processes"], limits["processes"]))


def _write_files(files: dict) -> None:
    """The notebook, its public tests and support files, into the notebook's (current) folder."""
    for rel, payload in files.items():
        target = os.path.join(os.getcwd(), rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(base64.b64decode(payload))


def _prepare(job: dict) -> None:
    """The child's environment, folder, files and limits, before any student code."""
    os.environ.clear()
    os.environ.update(job["env"])
    os.chdir(job["folder"])
    for key in ("HOME", "MPLCONFIGDIR"):
        os.makedirs(os.environ[key], exist_ok=True)
    import tempfile

    tempfile.tempdir = None  # read TMPDIR again
    _write_files(job["files"])
    _limit(job["limits"])


@contextlib.contextmanager
def _builtins(pristine: dict):
    """Run the runner's own steps (records, export) with the builtins it started with, not the notebook's."""
    table = builtins.__dict__
    notebooks = table.copy()
    table.clear()  # from here until they are back, no name is looked up in builtins
    table.update(pristine)
    try:
        yield
    finally:
        table.clear()
        table.update(notebooks)


def _export(namespace: dict, names: list[str]) -> dict:
    """A ``snapshot`` record's payload: each name's value as plain data, or why it is not."""
    from coursekit.instructor.grading import plain

    values, unsupported = {}, {}
    for name in dict.fromkeys(names):
        if name not in namespace:
            continue
        try:
            values[name] = plain.encode(namespace[name])
        except plain.Unsupported as exc:
            unsupported[name] = str(exc)[:300]
        except BaseException as exc:  # the value's own code failed while it was read
            unsupported[name] = f"reading it raised {type(exc).__name__}"
    return {"values": values, "unsupported": unsupported}


def run_job(job: dict, channel) -> int:
    """In the isolated child: run the cells, export at each grading point. Returns an exit status."""
    def emit(kind: str, payload) -> None:
        channel.write(f"{kind} {json.dumps(payload, allow_nan=True)}\n".encode("utf-8"))

    def snapshot(questions: list[str]) -> None:
        names = [n for q in questions for n in job["names"].get(q, [])]
        emit("snapshot", {"questions": questions, **_export(shell.user_ns, names)})

    try:
        _prepare(job)
    except Exception as exc:  # the grader's own failure, before any student code: say what it was
        emit("failed", f"{type(exc).__name__}: {exc}")
        return 1
    pristine = builtins.__dict__.copy()
    sink = _Sink()
    sys.stdout = sys.stderr = sink
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    errors = 0
    for index, cell in enumerate(job["cells"]):
        with _builtins(pristine):
            if str(index) in job["before"]:
                snapshot(job["before"][str(index)])
            if cell["cell_type"] != "code":
                continue
            number = job["numbers"][index]
            emit("cell", number)
        try:
            result = shell.run_cell(cell["source"], store_history=False)
            error = result.error_before_exec or result.error_in_exec
        except BaseException as exc:  # the notebook broke IPython itself (say, by replacing builtins)
            error = exc
        if error is not None:
            errors += 1
            with _builtins(pristine):
                if errors <= RECORD_LIMIT:
                    try:
                        value = str(error)[:500]
                    except BaseException:
                        value = ""
                    emit("error", {"cell": number, "name": type(error).__name__[:100], "value": value})
    with _builtins(pristine):
        if job["end"]:
            snapshot(job["end"])
        emit("end", {"printed": sink.count, "errors": errors})
    return 0


def _receive(sock: socket.socket) -> tuple[dict, int] | None:
    """One job and its channel's file descriptor, or None when the grader has gone."""
    header, fds, _, _ = socket.recv_fds(sock, 8, 1)
    if len(header) < 8 or not fds:
        return None
    size = struct.unpack("!Q", header)[0]
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(min(size - len(data), 1 << 20))
        if not chunk:
            return None
        data += chunk
    return json.loads(data), fds[0]


def _child(job: dict, channel_fd: int, sock: socket.socket) -> None:
    """The forked child: never returns."""
    status = 1
    try:
        sock.close()  # the zygote's line to the grader is not the submission's
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(3, channel_fd)
        os.closerange(channel_fd + 1, 1 << 16)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        channel = os.fdopen(channel_fd, "wb", buffering=0)
        if job["isolate"]:
            from coursekit.instructor.grading import sandbox

            try:
                sandbox.isolate(job["uid"], job["limits"]["disk"])
            except Exception as exc:
                channel.write(f"failed {json.dumps(f'{type(exc).__name__}: {exc}')}\n".encode("utf-8"))
                raise
        status = run_job(job, channel)
    finally:
        os._exit(status)


def _reap(*_) -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def zygote(fd: int) -> int:
    import importlib

    sock = socket.socket(fileno=fd)
    os.makedirs(os.environ.get("MPLCONFIGDIR", "/tmp/matplotlib"), exist_ok=True)
    fonts = os.environ.get("COURSEKIT_FONTS")
    if fonts and os.path.isdir(fonts):  # matplotlib's font cache: slow to rebuild
        import shutil

        for name in os.listdir(fonts):
            shutil.copyfile(os.path.join(fonts, name), os.path.join(os.environ["MPLCONFIGDIR"], name))
    for module in WARM:
        importlib.import_module(module)
    signal.signal(signal.SIGCHLD, _reap)
    sock.sendall(b"ready\n")
    while True:
        received = _receive(sock)
        if received is None:
            return 0
        job, channel_fd = received
        if os.fork() == 0:
            _child(job, channel_fd, sock)
        os.close(channel_fd)


if __name__ == "__main__":
    sys.exit(zygote(int(sys.argv[1])))
