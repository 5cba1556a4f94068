"""The trusted judge: hidden tests run here, on plain data, in a process that never runs student code.

``python -m coursekit.instructor.grading.judge`` reads one request per line on stdin (the questions' otter test
specs, the names each needs, and the raw ``snapshot`` records a sandboxed run exported) and answers
one line per request on stdout: per question the score, the possible points, and per test case
whether it is hidden, whether it passed and, for failed public cases only, otter's message. Values
are rebuilt by :func:`coursekit.instructor.grading.plain.decode`, which constructs only plain data, so nothing a
student wrote can run here; tests use otter's own ``OKTestFile``, so scores are otter's. Scores are
clamped to each question's points. The grader starts one judge per worker slot, inside its own
sandbox where one is available (defence in depth: the judge needs no network and writes nothing).
"""
from __future__ import annotations

import json
import math
import os
import queue
import subprocess
import sys
import threading

MESSAGE_CAP = 2000  # characters kept of a failed public test's message
NOTE_CAP = 200


def parse_snapshots(snapshots: list[str]) -> tuple[list[dict], int]:
    """The well-formed snapshot records, in order, and how many were not."""
    records, malformed = [], 0
    for raw in snapshots:
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError):
            record = None
        if (isinstance(record, dict) and isinstance(record.get("questions"), list)
                and isinstance(record.get("values"), dict)):
            records.append(record)
        else:
            malformed += 1
    return records, malformed


def _snapshot_for(question: str, records: list[dict], malformed: int) -> tuple[dict | None, str]:
    """The first snapshot that covers ``question``, and a note if there is none."""
    for record in records:
        if question in record["questions"]:
            return record, ""
    note = f"no values were exported for {question}"
    return None, note + (f" ({malformed} malformed records ignored)" if malformed else "")


def _short(text) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= NOTE_CAP else text[: NOTE_CAP - 3] + "..."


def judge_question(item: dict, records: list[dict], malformed: int = 0) -> dict:
    """Run one question's tests on the values exported for it (decoded afresh for each question, so
    a test that changes a value changes nothing for the next)."""
    from otter.test_files.ok_test import OKTestFile

    from coursekit.instructor.grading import plain

    record, note = _snapshot_for(item["name"], records, malformed)
    notes = [note] if note else []
    unsupported: dict[str, str] = {}  # name -> what it was, as the sandbox described it
    namespace: dict = {}
    if record is not None:
        for name in item["names"]:
            if name in record["values"]:
                try:
                    namespace[name] = plain.decode(record["values"][name])
                except plain.Malformed as exc:
                    notes.append(f"{name}: the exported value could not be read ({_short(exc)})")
            elif isinstance(record.get("unsupported"), dict) and name in record["unsupported"]:
                unsupported[name] = _short(record["unsupported"][name])
    test = OKTestFile.from_spec(item["spec"], path=item["path"])
    possible = float(test.possible)
    try:
        test.run(namespace)
        score = float(test.score)
    except Exception as exc:  # the test machinery itself failed on these values: nothing scored
        notes.append(f"the tests of {item['name']} could not run ({type(exc).__name__})")
        return {"score": 0.0, "possible": possible, "cases": [], "notes": notes, "unsupported": unsupported}
    if not math.isfinite(score):
        score = 0.0
    cases = [{"hidden": bool(r.test_case.hidden), "passed": bool(r.passed),
              "message": "" if r.test_case.hidden or r.passed else str(r.message or "")[:MESSAGE_CAP]}
             for r in test.test_case_results]
    return {"score": min(max(score, 0.0), possible), "possible": possible, "cases": cases, "notes": notes,
            "unsupported": unsupported}


def serve() -> int:
    """The judge process: requests in on stdin, answers out on the stdout it was given."""
    import resource

    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever a test prints goes to stderr, never into an answer
    memory = int(os.environ.get("COURSEKIT_JUDGE_MEMORY", "0"))
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    import matplotlib

    matplotlib.use("Agg")
    import otter.test_files.ok_test  # noqa: F401  (imported once, before the first request)

    from coursekit.instructor.grading import plain  # noqa: F401

    _cache_data_loads()
    for line in sys.stdin:
        request = json.loads(line)
        records, malformed = parse_snapshots(request["snapshots"])
        answer = {}
        for item in request["questions"]:
            try:
                answer[item["name"]] = judge_question(item, records, malformed)
            except MemoryError:
                answer[item["name"]] = {"score": 0.0, "possible": 0.0, "cases": [],
                                        "notes": [f"the values exported for {item['name']} are too large"]}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()
    return 0


def _cache_data_loads() -> None:
    """Tests load the course data again and again; in this long-lived process, validate each file once.
    Each caller gets its own deep copy, so a test that changes its frame changes nothing for the next."""
    import copy

    from coursekit.runtime import data

    load, cache = data.load, {}

    def cached(name, *args, **kwargs):
        key = (name, repr(args), repr(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = load(name, *args, **kwargs)
        value = cache[key]
        return value.copy(deep=True) if hasattr(value, "copy") else copy.deepcopy(value)

    data.load = cached


class JudgeFailed(Exception):
    """The judge died or took too long on one request; it is restarted for the next."""


class Judge:
    """A judge process kept for one worker slot, started on first use and restarted after a failure."""

    def __init__(self, command: list[str], env: dict[str, str]):
        self.command, self.env = command, env
        self.proc: subprocess.Popen | None = None
        self.lines: queue.Queue = queue.Queue()

    def _start(self) -> None:
        self.proc = subprocess.Popen(self.command, env=self.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc.stdout, self.lines), daemon=True).start()

    @staticmethod
    def _read(stream, lines: queue.Queue) -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    def warm(self) -> None:
        """Start the judge now (if it is not running) without waiting for it: it imports otter and
        reads the data while the submission it will judge is still running."""
        if self.proc is None or self.proc.poll() is not None:
            self._start()

    def ask(self, request: dict, timeout: float) -> dict:
        self.warm()
        try:
            self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            self.proc.stdin.flush()
            line = self.lines.get(timeout=timeout)
        except (OSError, queue.Empty):
            line = None
        if line is None:
            self.close()
            raise JudgeFailed(f"the judge gave no answer within {timeout:g} s")
        return json.loads(line)

    def close(self) -> None:
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, 9)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
            self.proc = None


if __name__ == "__main__":
    sys.exit(serve())
