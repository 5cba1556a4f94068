"""Build the book fast without trusting stale outputs: ``python -m coursekit.book.build``.

Sphinx executes a book's notebooks one after another. Here they are executed first, in
parallel (a process and a fresh kernel per notebook, as many at once as there are cores;
a kernel that cannot start fails the build with why, never hangs it), into the
build's own jupyter-cache (``_build/.jupyter_cache``); Jupyter Book then finds every
notebook in that cache (``execute_notebooks: cache``) and only renders. Nothing is
trusted from an earlier build unless it provably still applies:

* a clean build (``--clean``, no earlier build, or any change to a file that is not a
  page, e.g. ``coursekit/``, ``data/``, a quiz bank, ``_config.yml``) starts from an
  empty ``_build``: every notebook is executed afresh. jupyter-cache only tracks the
  notebook itself, so edits to what a notebook imports or reads force a clean build;
* when only pages changed, Sphinx re-reads those pages and jupyter-cache re-executes
  only the changed notebooks;
* when nothing changed since the last successful build, nothing runs.

``--execute-only`` stops after the notebooks: ``scripts/build-pdf`` runs it, then renders its
single page from the same cache, so a PDF made after the book executes nothing again, and a
PDF made after a change to ``coursekit/`` or ``data/`` does not print outputs from before it
(the cache carries the fingerprint of the inputs it was executed with).

A notebook that fails stops the build with its path and traceback; so does, before any
notebook runs, a question bank that fails the quiz linter (``coursekit.book.quiz_lint``).

What a person sees is short: a line per stage, the notebooks as they finish (a bar on a
terminal, a line each otherwise, as in CI), Sphinx's warnings and errors, and the book's
path with the time it took. Everything else goes to ``_build/logs/build-book.log``: the
output of each notebook's process and its kernel (so the kernels' "running over TCP
without encryption" notices never reach the console) and Jupyter Book's
status output (configuration dumps, Sphinx's progress). Sphinx's warning stream, its
stderr, is shown as it comes and logged too.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path, PurePosixPath

import yaml

from coursekit import ROOT

__all__ = ["BuildError", "Report", "toc_pages", "book_pages", "executed_notebooks", "input_files", "input_state",
           "execute", "execute_only", "build", "main"]

STAMP = ".coursekit-build.json"
CACHE = ".jupyter_cache"
CACHE_STAMP = ".coursekit-inputs.json"  # in the cache: the non-page inputs its outputs were executed with
EXECUTE_LOG = PurePosixPath("logs/execute.log")
LOG = PurePosixPath("logs/build-book.log")  # under _build: everything the build and its tools printed
# Folders that are never an input of the book (tools, outputs, environments).
NOT_INPUTS = {"_build", ".venv", "node_modules", ".git", ".pytest_cache", "tests", "benchmarks",
              ".github", "scripts", "__pycache__", ".ipynb_checkpoints", "results"}
NOT_INPUT_FILES = {".OTTER_LOG", "README.md"}


class BuildError(RuntimeError):
    """The book cannot be built; the message names the notebook or the step."""


def _warn(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class Report:
    """Where a build's messages go: ``say`` (a person's console) gets stage lines and results,
    ``warn`` gets warnings and errors, and the log file gets all of these and every detail.

    With ``bar`` (a terminal) finished notebooks redraw one progress line on stdout instead of
    printing a line each.
    """

    def __init__(self, say=print, warn=_warn, bar: bool = False):
        self.say, self.warn, self.bar = say, warn, bar
        self.path: Path | None = None
        self.file = None
        self._lock = threading.Lock()  # Jupyter Book's two streams are logged from two threads

    @contextlib.contextmanager
    def logging_to(self, path: Path):
        """Log to ``path`` (emptied first; opened for appending, as the workers' output is)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        self.path = path
        with path.open("a", encoding="utf-8") as self.file:
            try:
                yield self
            finally:
                self.file = None

    def detail(self, text: str) -> None:
        """Log only."""
        with self._lock:
            if self.file is not None:
                self.file.write(text.rstrip("\n") + "\n")
                self.file.flush()

    def stage(self, text: str) -> None:
        self.say(text)
        self.detail(text)

    def progress(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` notebooks finished, the last one described by ``text``: redraw
        the bar (emptied when all are done), or print a line."""
        if done and not self.bar:
            self.say(f"  [{done:>{len(str(total))}}/{total}] {text}")
        if done:
            self.detail(f"[{done}/{total}] {text}")
        if not self.bar:
            return
        filled = 24 * done // total
        line = f"  [{'#' * filled}{'.' * (24 - filled)}] {done}/{total}  {text}"
        sys.stdout.write("\r\x1b[K" + ("" if done == total else line[:shutil.get_terminal_size().columns - 1]))
        sys.stdout.flush()


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{seconds:.1f} s" if seconds < 60 else f"{minutes} min {rest:02d} s"


def _config(root: Path) -> dict:
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}


def toc_pages(root: Path = ROOT) -> list[str]:
    """The page names of ``_toc.yml`` (root, then parts, chapters and sections, depth first)."""
    def files(entry) -> list[str]:
        found = [entry["file"]] if isinstance(entry, dict) and "file" in entry else []
        for key in ("parts", "chapters", "sections"):
            for child in (entry.get(key) or []) if isinstance(entry, dict) else []:
                found += files(child)
        return found

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + files(toc)


def book_pages(root: Path = ROOT) -> list[Path]:
    """The source file of every page in ``_toc.yml``, in table-of-contents order."""
    names = toc_pages(root)
    pages = []
    for name in names:
        found = [root / f"{name}{ext}" for ext in (".ipynb", ".md") if (root / f"{name}{ext}").is_file()]
        if not found:
            raise BuildError(f"_toc.yml: no .ipynb or .md file for {name!r}")
        pages.append(found[0])
    return pages


def executed_notebooks(root: Path = ROOT) -> list[Path]:
    """The pages Jupyter Book executes: notebooks not matched by ``execute.exclude_patterns``.

    Patterns match the end of the path, as in myst-nb (``PurePosixPath.match``).
    """
    patterns = (_config(root).get("execute") or {}).get("exclude_patterns") or []
    return [p for p in book_pages(root) if p.suffix == ".ipynb"
            and not any(PurePosixPath(p.as_posix()).match(pat) for pat in patterns)]


def _digest(files: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in files:
        st = path.stat()
        h.update(f"{path.relative_to(root).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def input_files(root: Path = ROOT) -> list[Path]:
    """Every file that may change the built book: the sources, minus tools and outputs."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in NOT_INPUTS and not d.startswith("."))
        files += [Path(dirpath, f) for f in sorted(filenames) if f not in NOT_INPUT_FILES]
    return files


def input_state(root: Path = ROOT) -> dict[str, str]:
    """Fingerprints (path, size, mtime) of the book's inputs: ``pages`` and everything ``else``."""
    files = input_files(root)
    pages = set(book_pages(root))
    return {"pages": _digest([f for f in files if f in pages], root),
            "else": _digest([f for f in files if f not in pages], root)}


def _size_first(paths: list[Path]) -> list[Path]:
    # Start the biggest notebooks first so no core idles at the end.
    return sorted(paths, key=lambda p: p.stat().st_size, reverse=True)


def _name(uri: str, root: Path) -> str:
    return str(Path(uri).relative_to(root)) if uri.startswith(str(root) + os.sep) else uri


def _deadline(timeout: int) -> int:
    """A notebook's whole run may take this long before its process group is killed: a
    backstop for what the per-cell and kernel-start timeouts cannot see (a wedged client)."""
    return max(600, 4 * timeout)


def _execute_one(cache_dir: str, pk: int, timeout: int) -> int:
    """In a child process: execute one notebook of the cache and cache its outputs.

    Exit 0 when it ran and was cached; otherwise print why (a cell's traceback, or why the
    kernel did not start) to stderr and exit 1. Whatever happens in here, the parent only
    waits on a process, so no failure can leave the build waiting on a lock.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.executors.utils import create_cache_bundle, single_nb_execution

    cache = get_cache(cache_dir)
    project_nb = cache.get_project_notebook(pk)
    # A kernel gets as long to start as a cell gets to run (nbclient's default is 60 s).
    result = single_nb_execution(project_nb.nb, cwd=str(Path(project_nb.uri).parent), timeout=timeout,
                                 allow_errors=False, startup_timeout=timeout)
    if result.err:
        print(result.exc_string, file=sys.stderr)
        return 1
    cache.cache_notebook_bundle(create_cache_bundle(project_nb, result.cwd, None, result.time, None),
                                check_validity=False, overwrite=True)
    return 0


def _child(uri: str, cache_dir: Path, pk: int, timeout: int, logs: Path) -> tuple[str, int, str]:
    """Run ``_execute_one`` in its own process (and session), its output and its kernel's in
    ``logs/<n>.log``; return the uri, the exit status (-9: killed at the deadline) and the log."""
    out = logs / f"{pk}.log"
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r}); "
            "from coursekit.book.build import _execute_one; "
            "sys.exit(_execute_one(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))")
    with out.open("w", encoding="utf-8") as sink:
        proc = subprocess.Popen([sys.executable, "-c", code, str(cache_dir), str(pk), str(timeout)],
                                stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            status = proc.wait(_deadline(timeout))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            sink.write(f"\nkilled after {_deadline(timeout)} s: the notebook's run did not end\n")
            status = -9
    return uri, status, out.read_text(encoding="utf-8", errors="replace")


def execute(notebooks: list[Path], cache_dir: Path, workers: int, timeout: int,
            report: Report | None = None, root: Path = ROOT) -> dict[str, float]:
    """Execute the notebooks that the cache does not hold, in parallel; return seconds per notebook.

    Each notebook runs in a child process of its own (a fresh kernel each), ``workers`` at a
    time; each one that finishes is passed to ``report.progress``. The children's and
    kernels' own output goes to ``report``'s log file; a failure's end is in the error.
    """
    from jupyter_cache import get_cache

    report = report or Report(say=lambda _: None)
    cache = get_cache(str(cache_dir))
    for nb in notebooks:
        cache.add_nb_to_project(str(nb))
    wanted = {str(nb) for nb in notebooks}
    todo = [Path(r.uri) for r in cache.list_unexecuted() if r.uri in wanted]
    if not todo:
        return {}
    jobs = [(str(nb), cache.get_project_record(str(nb)).pk) for nb in _size_first(todo)]
    seconds, failed = {}, {}
    report.stage(f"executing {len(jobs)} notebook(s), {min(workers, len(jobs))} at a time")
    report.progress(0, len(jobs))
    logs = Path(tempfile.mkdtemp(prefix="execute-", dir=cache_dir.parent))
    try:
        with concurrent.futures.ThreadPoolExecutor(min(workers, len(jobs))) as pool:
            runs = [pool.submit(_child, uri, cache_dir, pk, timeout, logs) for uri, pk in jobs]
            for done, run in enumerate(concurrent.futures.as_completed(runs), 1):
                uri, status, output = run.result()
                report.detail(f"--- {_name(uri, root)} (exit {status}) ---\n{output}")
                record = cache.get_cached_project_nb(uri) if status == 0 else None
                if record is None:
                    failed[uri] = output.strip() or f"exit status {status}, nothing printed"
                    report.progress(done, len(jobs), f"{_name(uri, root)} failed")
                    continue
                seconds[uri] = round(float(record.data.get("execution_seconds", 0.0)), 2)
                report.progress(done, len(jobs), f"{_name(uri, root)} {seconds[uri]:.1f} s")
    finally:
        shutil.rmtree(logs, ignore_errors=True)
    if failed:
        raise BuildError("notebook execution failed:\n" + "\n\n".join(
            f"{_name(uri, root)}:\n{failed[uri][-3000:]}" for uri in sorted(failed)))
    return {str(nb): seconds[str(nb)] for nb in todo}


def _lint_quizzes(root: Path, report: Report) -> None:
    """Stop before any notebook runs if a question bank gives its answers away (coursekit.book.quiz_lint)."""
    from coursekit.book.quiz_lint import lint

    banks = sorted((root / "chapters" / "quizzes").glob("*.yml"))
    report.stage(f"checking {len(banks)} question bank(s)")
    result = lint(banks, chapters=root / "chapters")
    if not result.ok:
        raise BuildError("the quiz linter failed (python -m coursekit.book.quiz_lint):\n" + "\n".join(result.problems))


ANSI = re.compile(r"\x1b\[[0-9;]*m")  # Sphinx colours its output even when it is not a terminal's


def _jupyter_book(cmd: list[str], root: Path, report: Report) -> None:
    """Run Jupyter Book: its status output (stdout: configuration dumps, Sphinx's progress) goes
    to the log only, its warning stream (stderr: Sphinx's warnings and errors, tracebacks) to the
    console as it comes and to the log. Colours are kept on a terminal only."""
    report.detail("$ " + " ".join(cmd))
    env = dict(os.environ, PYTHONUNBUFFERED="1")  # the two streams interleave in the log as they happened
    shown = []
    with subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, errors="replace") as proc:
        status = threading.Thread(target=lambda: [report.detail(ANSI.sub("", line)) for line in proc.stdout])
        status.start()
        for line in proc.stderr:
            plain = ANSI.sub("", line)
            report.warn((line if report.bar else plain).rstrip("\n"))
            report.detail(plain)
            shown.append(plain)
        status.join()
    if proc.returncode != 0:
        if not shown:  # nothing on the warning stream: the end of the status output says why
            for line in report.path.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]:
                report.warn(line)
        raise BuildError(f"jupyter-book build failed (exit {proc.returncode}); "
                         + ("its warnings and errors are above" if shown else "the end of its output is above"))


def _cache_inputs(cache: Path) -> str | None:
    """The fingerprint of the non-page inputs the cache's outputs were executed with."""
    try:
        return json.loads((cache / CACHE_STAMP).read_text(encoding="utf-8"))["else"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _execute_all(root: Path, cache: Path, workers: int | None, report: Report) -> dict[str, float]:
    """Lint the banks, then execute what ``cache`` lacks; stamp the cache with the inputs it ran with."""
    inputs = input_state(root)["else"]  # before running: what the outputs are executed with
    _lint_quizzes(root, report)
    timeout = int((_config(root).get("execute") or {}).get("timeout") or 180)
    workers = workers or os.cpu_count() or 1
    start = time.perf_counter()
    ran = execute(executed_notebooks(root), cache, workers, timeout, report, root)
    report.stage(f"executed {len(ran)} notebook(s) in {time.perf_counter() - start:.1f} s "
                 f"({min(workers, len(ran))} at a time): " + ", ".join(f"{Path(p).stem} {s:.1f} s" for p, s in ran.items())
                 if ran else "every notebook's outputs are in the cache, executed with the current inputs")
    (cache / CACHE_STAMP).write_text(json.dumps({"else": inputs}), encoding="utf-8")
    return ran


@contextlib.contextmanager
def _log_failure(report: Report):
    """A BuildError is logged, and raised again naming the log."""
    try:
        yield
    except BuildError as exc:
        report.detail(f"build-book: {exc}")
        raise BuildError(f"{exc}\nfull log: {report.path}") from None


def execute_only(out: Path | None = None, workers: int | None = None, root: Path = ROOT, log=print,
                 warn=_warn, bar: bool = False) -> dict[str, float]:
    """Bring ``<out>/_build/.jupyter_cache`` up to date without building HTML: what other builders
    (``scripts/build-pdf``'s single page) render from, so a PDF after a book executes nothing again.

    The cache is kept only if it was executed with the same non-page inputs (``coursekit/``,
    ``data/``, banks, config) as now; otherwise it is emptied first, as a clean build would.
    Logs to ``<out>/_build/logs/execute.log``.
    """
    began = time.perf_counter()
    build_dir = Path(out or root).resolve() / "_build"
    cache = build_dir / CACHE
    report = Report(say=log, warn=warn, bar=bar)
    if cache.exists() and _cache_inputs(cache) != input_state(root)["else"]:
        shutil.rmtree(cache)
    with report.logging_to(build_dir / EXECUTE_LOG):
        with _log_failure(report):
            ran = _execute_all(root, cache, workers, report)
        report.stage(f"notebooks up to date in {_duration(time.perf_counter() - began)}: {cache}")
    return ran


def build(out: Path | None = None, clean: bool = False, workers: int | None = None,
          extra: list[str] = (), root: Path = ROOT, log=print, strict: bool = True,
          warn=_warn, bar: bool = False) -> tuple[str, dict[str, float]]:
    """Build ``<out>/_build/html``, logging everything to ``<out>/_build/logs/build-book.log``.

    ``log`` gets a line per stage, one per executed notebook (or, with ``bar``, a progress
    bar on stdout) and a final line with the book's path and the time taken; ``warn`` gets
    Sphinx's warnings and errors. Returns what was done (``up to date``, ``incremental`` or
    ``clean``) and the seconds each notebook executed took, by path. An up-to-date book
    keeps the log of the build that made it.
    """
    began = time.perf_counter()
    out = Path(out or root).resolve()
    build_dir = out / "_build"
    index = build_dir / "html" / "index.html"
    stamp_path = build_dir / STAMP
    state = input_state(root)
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = None
    built = index.is_file()
    report = Report(say=log, warn=warn, bar=bar)
    if not clean and built and stamp == state:
        report.say(f"book (up to date) in {_duration(time.perf_counter() - began)}: {index}")
        return "up to date", {}
    mode = "incremental" if (not clean and built and stamp and stamp.get("else") == state["else"]) else "clean"
    why = ("pages changed" if mode == "incremental" else "asked for" if clean else "no book built yet" if not built
           else "the last build did not finish" if not stamp else "a file other than a page changed")
    if mode == "clean":
        # Outputs executed with today's non-page inputs (by --execute-only, for a PDF) are kept
        # unless a clean build was asked for.
        keep = CACHE if not clean and _cache_inputs(build_dir / CACHE) == state["else"] else None
        for child in build_dir.iterdir() if build_dir.is_dir() else []:
            if child.name != keep:
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    else:
        stamp_path.unlink(missing_ok=True)  # a failed build leaves no stamp behind
    with report.logging_to(build_dir / LOG):
        report.stage(f"{mode} build ({why}); full log: {report.path}")
        with _log_failure(report):
            ran = _execute_all(root, build_dir / CACHE, workers, report)
            jupyter_book = Path(sys.executable).parent / "jupyter-book"
            checks = ["-W", "-n", "--keep-going"] if strict else []  # not strict: benchmarks of part of the book
            report.stage(" ".join(["building HTML: jupyter-book build", *checks, *extra]))
            _jupyter_book([str(jupyter_book), "build", str(root), "--path-output", str(out), *checks, *extra],
                          root, report)
        stamp_path.write_text(json.dumps(state), encoding="utf-8")
        report.stage(f"book ({mode}) in {_duration(time.perf_counter() - began)}: {index}")
    return mode, ran


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.book.build", description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="start from an empty _build")
    parser.add_argument("--source", type=Path, default=ROOT, help="the book's folder (default: %(default)s)")
    parser.add_argument("--path-output", type=Path, help="write OUT/_build instead of SOURCE/_build")
    parser.add_argument("--workers", type=int, help="notebooks executed at once (default: number of cores)")
    parser.add_argument("--execute-only", action="store_true",
                        help="only bring _build/.jupyter_cache up to date (what scripts/build-pdf renders from)")
    args, extra = parser.parse_known_args(argv)
    try:
        if args.execute_only:
            execute_only(args.path_output, workers=args.workers, root=args.source.resolve(),
                         log=lambda line: print(line, flush=True), bar=sys.stdout.isatty())
            return 0
        build(args.path_output, clean=args.clean, workers=args.workers, extra=extra, root=args.source.resolve(),
              log=lambda line: print(line, flush=True), bar=sys.stdout.isatty())
    except BuildError as exc:
        print(f"build-book: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
