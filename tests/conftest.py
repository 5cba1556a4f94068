"""The book, built once per test run and shared by every test that reads it.

The build runs what ``scripts/build-book`` runs (``coursekit.book.build``: every chapter and
appendix notebook executed afresh, in parallel, then Jupyter Book with ``-W -n --keep-going``)
into a new folder, so no earlier build or cache can hide a failure. It starts in the background
as the run begins (in pytest-xdist's controller, whose workers inherit where it goes), so the
workers run other tests meanwhile; a test that reads the book waits for it. Its output is in
``_build/logs/tests-book.log``.

The chapters' committed outputs are compared with this execution (``test_chapter_outputs.py``),
the HTML is read by ``test_book_build.py`` and ``test_launch.py`` and browsed by
``test_book_browser.py``, and ``scripts/build-pdf`` renders the same executed notebooks: each
chapter runs once.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from helpers import ROOT

# The test files that read the book: a run that includes none of them does not build it.
READERS = {"test_book_build.py", "test_book_browser.py", "test_launch.py", "test_chapter_outputs.py"}
FOLDER = "COURSEKIT_TEST_BOOK"  # where this run's book is built (set by the process that starts it)
LOG = ROOT / "_build" / "logs" / "tests-book.log"
STATUS = "exit-status"  # written in FOLDER when the build has ended: its exit status
WAIT = 1800  # seconds a test waits for the book at most


def _reads_the_book(config) -> bool:
    if config.option.collectonly:
        return False
    args = [a.split("::")[0] for a in config.args] or [str(config.rootpath / p) for p in config.getini("testpaths")]
    for arg in args:
        path = Path(arg).resolve()
        if path.is_file() and path.name in READERS:
            return True
        if path.is_dir() and any((path / name).is_file() or (path / "tests" / name).is_file() for name in READERS):
            return True
    return False


def pytest_configure(config):
    if hasattr(config, "workerinput") or FOLDER in os.environ or not _reads_the_book(config):
        return  # a worker (its controller started the build), or no test needs it
    folder = Path(tempfile.mkdtemp(prefix="coursekit-test-book-"))
    os.environ[FOLDER] = str(folder)  # before xdist starts the workers: they inherit it
    LOG.parent.mkdir(parents=True, exist_ok=True)
    build = [sys.executable, "-m", "coursekit.book.build", "--source", str(ROOT), "--path-output", str(folder)]
    # The exit status is written last, atomically, so a waiting test never reads half of it.
    code = ("import os, subprocess, sys; status = subprocess.run(sys.argv[2:]).returncode; "
            "open(sys.argv[1] + '.tmp', 'w').write(str(status)); os.replace(sys.argv[1] + '.tmp', sys.argv[1])")
    with LOG.open("w", encoding="utf-8") as log:
        config._coursekit_book = subprocess.Popen([sys.executable, "-c", code, str(folder / STATUS), *build],
                                                  cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                                  stdin=subprocess.DEVNULL, start_new_session=True)


def pytest_unconfigure(config):
    proc = getattr(config, "_coursekit_book", None)
    if proc is None:
        return
    if proc.poll() is None:  # the run ended first (interrupted, or -x): stop the build and its kernels
        os.killpg(proc.pid, 9)
        proc.wait()
    shutil.rmtree(os.environ.pop(FOLDER), ignore_errors=True)


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The folder holding this run's ``_build`` (``html``, ``jupyter_execute``, ``.jupyter_cache``)."""
    folder = os.environ.get(FOLDER)
    if folder is None:
        pytest.fail("the book was not started: conftest.py's pytest_configure starts it when a test file "
                    f"that reads it ({', '.join(sorted(READERS))}) is part of the run", pytrace=False)
    status = Path(folder) / STATUS
    deadline = time.monotonic() + WAIT
    while not status.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"the book was not built within {WAIT} s; its output: {LOG}", pytrace=False)
        time.sleep(0.5)
    if status.read_text() != "0":
        tail = LOG.read_text(encoding="utf-8", errors="replace")[-6000:]
        pytest.fail(f"book build failed (exit {status.read_text()}); its output ({LOG}):\n{tail}", pytrace=False)
    return Path(folder)


@pytest.fixture(scope="session")
def book(built_book) -> Path:
    """The built book's ``html/`` folder."""
    html = built_book / "_build" / "html"
    assert (html / "index.html").is_file()
    return html
