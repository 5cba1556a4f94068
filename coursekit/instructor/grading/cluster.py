"""``coursekit grade ... --scheduler tcp://HOST:PORT``: the same grading, one Dask task per submission.

The client (:func:`grade_on_cluster`) sends each submission's bytes and file name, with the
exercise's name and the sha256 of its autograder zip, to the workers of a ``dask scheduler``
(``distributed``). A worker (:func:`grade_submission`) finds the exercise in its own clone of the
course, refuses if its autograder differs (a gradebook must not mix two versions of the tests), and
grades the file with :func:`~coursekit.instructor.grading.grader.grade_one` in its own bubblewrap sandbox, exactly
as ``coursekit grade`` does on one machine. The client writes the gradebook, results and feedback
with the same code as a local run, so they are byte-identical to one; ``timings.json`` adds the
scheduler, the number of Dask workers and which worker graded each file.

Each worker process keeps one warm :class:`~coursekit.instructor.grading.grader.Context` per exercise, autograder
and limits (zygotes and judges started once, one slot per worker thread), so a submission costs what
it costs locally. A task is a pure function of its inputs: it writes nothing but its own temporary
copy of the file and its slot's scratch folders, and returns a :class:`Result`. That is what lets
Dask run it again elsewhere when a worker dies mid-run (the scheduler reschedules the tasks of a lost
worker; after three lost workers for the same file it gives up, and so does the run). When the
client is interrupted it cancels the futures, and a worker kills the sandbox of a cancelled task at
once instead of letting it run to its time limit.

Worker slots take uids no other worker process on the same host uses (as root, the sandbox's user
is ``SLOT_UID + slot``): each process claims its slot numbers with abstract unix sockets, which the
kernel frees when the process dies.
"""
from __future__ import annotations

import asyncio
import atexit
import dataclasses
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from coursekit.instructor.assign import EXERCISES_DIR, autograder_zip
from coursekit.runtime.atomic import sha256_of
from coursekit.instructor.grading import grader, sandbox
from coursekit.instructor.grading.gradebook import Result
from coursekit.instructor.grading.submissions import GradingError, one_line

CONNECT_TIMEOUT = 10  # seconds to reach the scheduler
IN_FLIGHT = 256  # submissions handed to the scheduler at most at once (at least 4 per worker thread)
STALL_CHECK = 15  # seconds without a result after which the client checks that workers are there
FIRST_SLOT = 100  # slot numbers of cluster workers start here, apart from a local run's 0, 1, ...


class WorkerRefused(Exception):
    """A worker cannot grade as the client would: another version of the exercise, or no sandbox."""


class ClusterFailed(GradingError):
    """The run could not finish on the cluster (a file killed three workers, the scheduler went away)."""

    exit_code = 1


# --------------------------------------------------------------------------- the worker's side

@dataclasses.dataclass
class _Warm:
    ctx: grader.Context
    claims: list  # the abstract sockets that hold this context's slot numbers
    users: int = 0


_WARM: dict[tuple, _Warm] = {}
_LOCK = threading.Lock()
_PROBED = False


def grade_submission(name: str, data: bytes, exercise: str, autograder_sha256: str, timeout: float,
                     memory_mb: int, isolate: bool) -> tuple[Result, dict]:
    """One Dask task: grade the file ``name`` holding ``data``; return its result and where it ran."""
    if not name or name != Path(name).name or name.startswith("."):
        raise ValueError(f"not a submission file name: {name!r}")
    worker = _worker()
    where = f"{socket.gethostname()} ({worker.address})" if worker else socket.gethostname()
    warm = _warm_context(exercise, autograder_sha256, timeout, memory_mb, isolate, where,
                         worker.state.nthreads if worker else 1)
    cancel = _Cancelled(worker)
    try:
        began, started_at = time.monotonic(), time.time()
        slot = warm.ctx.slots.get()
        try:
            with tempfile.TemporaryDirectory(prefix="coursekit-submission-") as tmp:
                path = Path(tmp) / name
                path.write_bytes(data)
                result = grader.grade_one(path, dataclasses.replace(warm.ctx, cancel=cancel), slot)
        finally:
            warm.ctx.slots.put(slot)
    finally:
        with _LOCK:
            warm.users -= 1
    if cancel.fired:  # the sandbox was killed, so this result says "interrupted": never let it count
        from distributed import Reschedule

        raise Reschedule()
    result.seconds = time.monotonic() - began
    return result, {"worker": worker.address if worker else "", "host": socket.gethostname(),
                    "started_at": started_at}


def _worker():
    from distributed import get_worker

    try:
        return get_worker()
    except ValueError:  # called outside a worker (a test)
        return None


class _Cancelled:
    """The ``cancel`` event of one task (``is_set`` is all a slot asks of it): set once the worker has
    dropped the task, because the client was interrupted or let go of it."""

    def __init__(self, worker):
        self.worker, self.fired = worker, False
        self.key = worker.get_current_task() if worker else None

    def is_set(self) -> bool:
        if not self.fired and self.worker is not None:
            task = self.worker.state.tasks.get(self.key)
            self.fired = task is None or task.state == "cancelled"
        return self.fired


def _warm_context(exercise: str, autograder_sha256: str, timeout: float, memory_mb: int, isolate: bool,
                  where: str, threads: int) -> _Warm:
    """This process's context for the exercise, made on first use; refuses what it cannot grade as the
    client would."""
    global _PROBED
    folder = EXERCISES_DIR / exercise
    if exercise != Path(exercise).name or not autograder_zip(folder).is_file():
        raise WorkerRefused(f"worker {where} has no exercise {exercise} with an autograder in {EXERCISES_DIR}; "
                            "give every worker a clone of the client's commit")
    theirs = sha256_of(autograder_zip(folder))
    if theirs != autograder_sha256:
        raise WorkerRefused(f"worker {where} has another version of {exercise}: its autograder zip has sha256 "
                            f"{theirs}, the client's {autograder_sha256}; check out the client's commit on "
                            "every worker")
    key = (exercise, autograder_sha256, float(timeout), int(memory_mb), bool(isolate))
    with _LOCK:
        warm = _WARM.get(key)
        if warm is None:
            if isolate and not _PROBED:
                try:
                    sandbox.probe()
                except sandbox.SandboxUnavailable as exc:
                    raise WorkerRefused(f"worker {where}: not grading: {exc}") from None
                _PROBED = True
            for old in [k for k, w in _WARM.items() if not w.users]:  # another exercise before: let it go
                _release(_WARM.pop(old))
            numbers, claims = _claim_slots(max(1, threads), where)
            ctx = grader._context(folder, timeout, memory_mb, 0, isolate)
            for number in numbers:
                grader._add_slot(ctx, number)
            warm = _WARM[key] = _Warm(ctx, claims)
        warm.users += 1
    return warm


def _claim_slots(count: int, where: str) -> tuple[list[int], list[socket.socket]]:
    """Slot numbers no other process on this host holds, held until released or this process dies."""
    numbers, claims = [], []
    for number in range(FIRST_SLOT, sandbox.JUDGE_SLOTS):
        if len(numbers) == count:
            break
        claim = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            claim.bind(f"\0coursekit-grade-slot-{number}")
        except OSError:
            claim.close()
            continue
        numbers.append(number)
        claims.append(claim)
    if len(numbers) < count:
        for claim in claims:
            claim.close()
        raise WorkerRefused(f"worker {where}: no free grading slots left on this host")
    return numbers, claims


def _release(warm: _Warm) -> None:
    grader._close(warm.ctx)
    for claim in warm.claims:
        claim.close()


@atexit.register
def _release_all() -> None:
    with _LOCK:
        while _WARM:
            _release(_WARM.popitem()[1])


# --------------------------------------------------------------------------- the client's side

def scheduler_address(text: str) -> str:
    """``tcp://HOST:PORT`` of a Dask scheduler that answers, or :class:`GradingError` saying why not."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    address = text if "://" in text else f"tcp://{text}"
    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location)
        if scheme != "tcp" or not host or not port:
            raise ValueError
    except ValueError:
        raise GradingError(f"--scheduler {text}: expected tcp://HOST:PORT (the address `dask scheduler` "
                           "prints)") from None
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT).close()
    except socket.gaierror:
        raise GradingError(f"cannot reach the Dask scheduler at {address}: unknown host {host}") from None
    except OSError as exc:
        why = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc)).lower()
        raise GradingError(f"cannot reach the Dask scheduler at {address}: {why}") from None
    try:  # in a thread of its own, so that it also works where an event loop runs (a notebook)
        with ThreadPoolExecutor(1) as pool:
            identity = pool.submit(lambda: asyncio.run(asyncio.wait_for(_identity(address), CONNECT_TIMEOUT))).result()
    except Exception:
        identity = {}
    if not isinstance(identity, dict) or identity.get("type") != "Scheduler":
        raise GradingError(f"{address} answers, but not as a Dask scheduler")
    return address


async def _identity(address: str) -> dict:
    from distributed.core import rpc

    async with rpc(address, timeout=CONNECT_TIMEOUT) as scheduler:
        return await scheduler.identity()


def grade_on_cluster(exercise: Path, submissions: list[Path], out: Path, scheduler: str, timeout: float,
                     memory_mb: int = grader.DEFAULT_MEMORY_MB, log=None, isolate: bool = True) -> list[Result]:
    """Grade every submission on the scheduler's workers; write what :func:`grader.grade_folder` writes."""
    import logging

    from dask.base import tokenize
    from distributed import Client, KilledWorker
    from distributed.client import FutureCancelledError

    from coursekit.instructor.grading import exercise as ex

    start, wall, log = time.monotonic(), time.time(), log or sys.stderr
    logging.getLogger("distributed").setLevel(logging.ERROR)  # the client's own chatter is not the user's
    questions = ex.questions_of(exercise)
    progress = grader.Progress(len(submissions), questions, log)
    zip_sha = sha256_of(autograder_zip(exercise))
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as exc:
        raise GradingError(f"cannot reach the Dask scheduler at {scheduler}: {one_line(exc)}") from None
    results, where, pending, waiting = [], {}, {}, False
    try:
        info = client.scheduler_info(n_workers=-1)["workers"]
        threads = sum(w.get("nthreads", 1) for w in info.values())
        if not info:
            waiting = _no_workers(scheduler, log)
        todo, finished = iter(submissions), queue.Queue()

        def submit() -> None:
            path = next(todo, None)
            if path is not None:
                args = (path.name, path.read_bytes(), exercise.name, zip_sha, timeout, memory_mb, isolate)
                key = (f"coursekit-grade-{tokenize(*args)}", path.name)  # the same inputs, the same result
                future = client.submit(grade_submission, *args, key=key, pure=False)
                pending[future] = path
                future.add_done_callback(finished.put)

        for _ in range(max(IN_FLIGHT, 4 * threads)):
            submit()
        while pending:
            try:
                future = finished.get(timeout=STALL_CHECK)
            except queue.Empty:
                if not client.scheduler_info(n_workers=-1)["workers"]:
                    waiting = waiting or _no_workers(scheduler, log)
                continue
            waiting = False
            if future in pending:
                path = pending.pop(future)
                try:
                    result, ran = future.result()
                except WorkerRefused as exc:
                    raise GradingError(str(exc)) from None
                except KilledWorker:
                    raise ClusterFailed(f"{path.name}: each of the three workers that tried to grade it died "
                                        "(see the workers' logs)") from None
                except (FutureCancelledError, OSError) as exc:
                    raise ClusterFailed(f"lost the Dask scheduler {scheduler} ({one_line(exc)})") from None
                future.release()
                result.started = ran.pop("started_at") - wall  # by the worker's clock
                where[result.file] = ran
                results.append(result)
                progress(result)
                submit()
        workers = client.scheduler_info(n_workers=-1)["workers"]
        threads = threads or sum(w.get("nthreads", 1) for w in workers.values())
    except BaseException:
        client.cancel(list(pending))  # workers kill the sandboxes of running tasks within 50 ms
        raise
    finally:
        client.close()
    return grader.finish(results, questions, exercise, out, start, threads, isolate, log,
                      where=f" of the Dask scheduler {scheduler}",
                      timings={"scheduler": scheduler, "dask_workers": len(info),
                               "dask_workers_at_end": len(workers)},
                      per_file={f: {"worker": w["worker"], "host": w["host"]} for f, w in where.items()})


def _no_workers(scheduler: str, log) -> bool:
    print(f"coursekit grade: no Dask worker is connected to {scheduler}; waiting for one "
          f"(start one with `dask worker {scheduler}`, or press Ctrl-C)", file=log, flush=True)
    return True


# --------------------------------------------------------------------------- a cluster on this machine

class LocalDask:
    """A real ``dask scheduler`` and ``dask worker`` processes on 127.0.0.1, as :func:`local_cluster` starts them."""

    def __init__(self, folder: Path):
        self.folder, self.address = folder, ""
        self.scheduler: subprocess.Popen | None = None
        self.workers: dict[str, subprocess.Popen] = {}  # name -> process

    def _start(self, argv: list[str], log: str) -> subprocess.Popen:
        env = dict(os.environ, TMPDIR=str(self.folder))  # what a killed worker leaves stays in the folder
        with open(self.folder / log, "wb") as out:
            return subprocess.Popen([str(Path(sys.executable).parent / "dask"), *argv], stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=out, env=env, cwd=self.folder, start_new_session=True)

    def start_worker(self, name: str, threads: int = 1) -> None:
        """A worker without a nanny, so that killing it loses it (a nanny would start it again)."""
        self.workers[name] = self._start(["worker", self.address, "--nthreads", str(threads), "--no-nanny",
                                          "--name", name, "--no-dashboard", "--local-directory",
                                          str(self.folder / name)], f"{name}.log")

    def wait_for_workers(self, count: int, timeout: float = 120) -> None:
        from distributed import Client

        with Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=timeout)

    def kill(self, name: str) -> None:
        """SIGKILL the worker's process group: it dies at once, its sandboxes with it."""
        proc = self.workers[name]
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()

    def close(self) -> None:
        for proc in [*self.workers.values(), self.scheduler]:
            if proc is not None and proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(timeout=10)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    try:
                        os.killpg(proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    proc.wait()


@contextmanager
def local_cluster(workers: int, folder: Path, threads: int = 1):
    """A scheduler and ``workers`` workers (``threads`` each) on this machine for the length of the block:
    for the tests and the benchmark, and to try the route before renting machines."""
    folder.mkdir(parents=True, exist_ok=True)
    cluster = LocalDask(folder)
    try:
        info = folder / "scheduler.json"
        cluster.scheduler = cluster._start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                            "--scheduler-file", str(info)], "scheduler.log")
        deadline = time.monotonic() + 60
        while not info.is_file() and time.monotonic() < deadline and cluster.scheduler.poll() is None:
            time.sleep(0.1)
        try:
            cluster.address = json.loads(info.read_text())["address"]
        except (OSError, ValueError, KeyError):
            raise RuntimeError(f"dask scheduler did not start; see {folder / 'scheduler.log'}") from None
        for n in range(workers):
            cluster.start_worker(f"worker-{n + 1}", threads)
        if workers:
            cluster.wait_for_workers(workers)
        yield cluster
    finally:
        cluster.close()
