"""``coursekit grade``: a class folder in; gradebook, results and feedback out (see the package docstring).

The command only reads its options and picks the route: this machine (:mod:`~coursekit.instructor.grading.grader`) or a
Dask cluster (:mod:`~coursekit.instructor.grading.cluster`); both grade with the grader's steps and write the same files.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from coursekit.instructor.grading import sandbox
from coursekit.instructor.grading.grader import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, grade_folder
from coursekit.instructor.grading.submissions import GradingError, check_output_folder, list_submissions, resolve_exercise


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other input error
        print(f"coursekit grade: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    from coursekit.instructor import grading

    parser = _Parser(prog="coursekit grade", description=grading.__doc__.splitlines()[0], epilog=(
        "Files are <student>.ipynb or <student>__<anything>.ipynb; of one student's files the one whose "
        "name sorts last counts. Writes OUT/gradebook.csv, OUT/results.json, OUT/timings.json and "
        "OUT/feedback/<student>.md. Student code runs in a bubblewrap sandbox; see the docstring of "
        "coursekit/instructor/grading/__init__.py for what it guarantees and what it does not."))
    parser.add_argument("exercise", help="exercise folder (or its name under exercises/)")
    parser.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    parser.add_argument("--out", type=Path, required=True, help="folder for gradebook.csv, results.json, feedback/")
    parser.add_argument("--workers", type=int, default=None,
                        help="submissions graded at once (default: the number of cores, %s)" % os.cpu_count())
    parser.add_argument("--jobs", type=int, dest="jobs", default=None, help=argparse.SUPPRESS)  # old name
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="wall-clock seconds per submission (default %(default)s)")
    parser.add_argument("--memory", type=int, default=DEFAULT_MEMORY_MB,
                        help="memory limit per submission in MB, 0 for none (default %(default)s)")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="run student code without bubblewrap (unsafe: only where nobody can plant code); "
                             "answers are still judged outside the student's process")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="grade on the workers of this Dask scheduler instead of this machine; each worker "
                             "needs the same commit of the course and bubblewrap (see coursekit/instructor/grading/cluster.py)")
    args = parser.parse_args(argv)
    if args.jobs is not None:
        print("coursekit grade: --jobs is deprecated; use --workers", file=sys.stderr)
    workers = next((w for w in (args.workers, args.jobs) if w is not None), os.cpu_count() or 1)
    try:
        if args.timeout <= 0 or workers < 1 or args.memory < 0:
            raise GradingError("--timeout and --workers must be positive, --memory at least 0")
        if args.scheduler is not None and (args.workers, args.jobs) != (None, None):
            raise GradingError("--workers is for grading on this machine; with --scheduler each Dask worker grades "
                               "as many submissions at once as it has threads (dask worker --nthreads N)")
        exercise = resolve_exercise(args.exercise)
        submissions, skipped = list_submissions(args.submissions)
        check_output_folder(args.out)
        if args.scheduler is not None:
            from coursekit.instructor.grading import cluster  # imports distributed only for this route

            scheduler = cluster.scheduler_address(args.scheduler)
        elif not args.no_sandbox:  # on a cluster, the workers need bubblewrap, not this machine
            try:
                sandbox.probe()
            except sandbox.SandboxUnavailable as exc:
                raise GradingError(f"not grading: {exc}") from None
    except GradingError as exc:
        print(f"coursekit grade: {exc}", file=sys.stderr)
        return 2
    if args.no_sandbox:
        print("coursekit grade: --no-sandbox: student code runs as you, unisolated; scores are still judged "
              "outside it, but a notebook can read or change anything you can", file=sys.stderr)
    if skipped:
        print(f"coursekit grade: skipped {len(skipped)} files that are not .ipynb submissions: "
              + ", ".join(skipped[:5]) + (" ..." if len(skipped) > 5 else ""), file=sys.stderr)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler) \
        if threading.current_thread() is threading.main_thread() else None
    try:
        if args.scheduler is None:
            grade_folder(exercise, submissions, args.out, args.timeout, workers, args.memory,
                         isolate=not args.no_sandbox)
        else:
            cluster.grade_on_cluster(exercise, submissions, args.out, scheduler, args.timeout, args.memory,
                                     isolate=not args.no_sandbox)
    except GradingError as exc:  # from a cluster: unreachable, refused by a worker, or lost during the run
        print(f"coursekit grade: {exc}; the previous gradebook (if any) is unchanged", file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    except KeyboardInterrupt:
        print("coursekit grade: interrupted; the previous gradebook (if any) is unchanged", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0
