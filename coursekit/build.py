"""Build the book fast without trusting stale outputs: ``python -m coursekit.build``.

Sphinx executes a book's notebooks one after another. Here they are executed first, in
parallel (one fresh kernel per notebook, as many at once as there are cores), into the
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

A notebook that fails stops the build with its path and traceback; so does, before any
notebook runs, a question bank that fails the quiz linter (``coursekit.quiz_lint``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import yaml

from coursekit import ROOT

__all__ = ["BuildError", "toc_pages", "book_pages", "executed_notebooks", "input_files", "input_state", "execute", "build", "main"]

STAMP = ".coursekit-build.json"
CACHE = ".jupyter_cache"
# Folders that are never an input of the book (tools, outputs, environments).
NOT_INPUTS = {"_build", ".venv", "node_modules", ".git", ".pytest_cache", "tests", "benchmarks",
              ".github", "scripts", "__pycache__", ".ipynb_checkpoints", "results"}
NOT_INPUT_FILES = {".OTTER_LOG", "README.md"}


class BuildError(RuntimeError):
    """The book cannot be built; the message names the notebook or the step."""


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


def execute(notebooks: list[Path], cache_dir: Path, workers: int, timeout: int) -> dict[str, float]:
    """Execute the notebooks that the cache does not hold, in parallel; return seconds per notebook."""
    from jupyter_cache import get_cache
    from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, ProcessData

    cache = get_cache(str(cache_dir))
    for nb in notebooks:
        cache.add_nb_to_project(str(nb))
    wanted = {str(nb) for nb in notebooks}
    todo = [Path(r.uri) for r in cache.list_unexecuted() if r.uri in wanted]
    if not todo:
        return {}
    jobs = [ProcessData(r.pk, r.uri, cache, timeout, False)
            for nb in _size_first(todo) for r in [cache.get_project_record(str(nb))]]
    with multiprocessing.get_context("fork").Pool(min(workers, len(jobs))) as pool:
        outcome = pool.map(ExecutionWorkerLocalMProc(), jobs, chunksize=1)
    failed = [uri for code, uri in outcome if code != 0]
    if failed:
        details = []
        for uri in failed:
            record = cache.get_project_record(uri)
            details.append(f"{Path(uri).relative_to(ROOT) if uri.startswith(str(ROOT)) else uri}:\n"
                           f"{(record.traceback or 'no traceback recorded').strip()[-3000:]}")
        raise BuildError("notebook execution failed:\n" + "\n\n".join(details))
    seconds = {}
    for nb in todo:
        record = cache.get_cached_project_nb(str(nb))
        seconds[str(nb)] = round(float(record.data.get("execution_seconds", 0.0)), 2) if record else 0.0
    return seconds


def _lint_quizzes(root: Path) -> None:
    """Stop before any notebook runs if a question bank gives its answers away (coursekit.quiz_lint)."""
    from coursekit.quiz_lint import lint

    report = lint(sorted((root / "chapters" / "quizzes").glob("*.yml")), chapters=root / "chapters")
    if not report.ok:
        raise BuildError("the quiz linter failed (python -m coursekit.quiz_lint):\n" + "\n".join(report.problems))


def build(out: Path | None = None, clean: bool = False, workers: int | None = None,
          extra: list[str] = (), root: Path = ROOT, log=print, strict: bool = True) -> tuple[str, dict[str, float]]:
    """Build ``<out>/_build/html``.

    Returns what was done (``up to date``, ``incremental`` or ``clean``) and the seconds
    each notebook executed took, by path.
    """
    out = Path(out or root).resolve()
    build_dir = out / "_build"
    stamp_path = build_dir / STAMP
    state = input_state(root)
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = None
    built = (build_dir / "html" / "index.html").is_file()
    if not clean and built and stamp == state:
        log(f"book is up to date: {build_dir / 'html' / 'index.html'}")
        return "up to date", {}
    mode = "incremental" if (not clean and built and stamp and stamp.get("else") == state["else"]) else "clean"
    if mode == "clean":
        shutil.rmtree(build_dir, ignore_errors=True)
    else:
        stamp_path.unlink(missing_ok=True)  # a failed build leaves no stamp behind
    _lint_quizzes(root)
    timeout = int((_config(root).get("execute") or {}).get("timeout") or 180)
    workers = workers or os.cpu_count() or 1
    start = time.perf_counter()
    ran = execute(executed_notebooks(root), build_dir / CACHE, workers, timeout)
    log(f"executed {len(ran)} notebook(s) in {time.perf_counter() - start:.1f} s "
        f"({workers} at a time)" + (": " + ", ".join(
            f"{Path(p).stem} {s:.1f} s" for p, s in ran.items()) if ran else ""))
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    checks = ["-W", "-n", "--keep-going"] if strict else []  # not strict: benchmarks of part of the book
    cmd = [str(jupyter_book), "build", str(root), "--path-output", str(out), *checks, *extra]
    done = subprocess.run(cmd, cwd=root)
    if done.returncode != 0:
        raise BuildError(f"jupyter-book build failed (exit {done.returncode}); see the messages above")
    stamp_path.write_text(json.dumps(state), encoding="utf-8")
    return mode, ran


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.build", description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="start from an empty _build")
    parser.add_argument("--source", type=Path, default=ROOT, help="the book's folder (default: %(default)s)")
    parser.add_argument("--path-output", type=Path, help="write OUT/_build instead of SOURCE/_build")
    parser.add_argument("--workers", type=int, help="notebooks executed at once (default: number of cores)")
    args, extra = parser.parse_known_args(argv)
    try:
        mode, _ = build(args.path_output, clean=args.clean, workers=args.workers, extra=extra,
                        root=args.source.resolve())
    except BuildError as exc:
        print(f"build-book: {exc}", file=sys.stderr)
        return 1
    out = (args.path_output or args.source).resolve() / "_build" / "html" / "index.html"
    print(f"book ({mode}): {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
