"""The book, built once per test run and shared by every test that reads it.

``built_book`` runs what ``scripts/build-book`` runs (``coursekit.book.build``: every chapter and
appendix notebook executed afresh, in parallel, then Jupyter Book with ``-W -n --keep-going``)
into a folder of this run, so no earlier build or cache can hide a failure. Under pytest-xdist
the workers share it: the first to ask builds while the others wait on a lock, then find it up
to date. The chapters' committed outputs are compared with this execution
(``tests/test_chapter_outputs.py``), the HTML is read by ``test_book_build.py`` and
``test_launch.py`` and browsed by ``test_book_browser.py``, and ``scripts/build-pdf`` renders
the same executed notebooks; each chapter runs once.
"""
from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, worker_id) -> Path:
    """The folder holding this run's ``_build`` (``html``, ``jupyter_execute``, ``.jupyter_cache``)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # pytest-xdist: the workers' temporary folders share this run's parent
        shared = shared.parent
    out = shared / "book"
    failed = shared / "book-failed.txt"
    with open(shared / "book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # held while building: another worker waits, then reuses
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
        cmd = [sys.executable, "-m", "coursekit.book.build", "--source", str(ROOT), "--path-output", str(out)]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            failed.write_text(f"book build failed:\n{done.stdout[-6000:]}\n{done.stderr[-4000:]}", encoding="utf-8")
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
    return out


@pytest.fixture(scope="session")
def book(built_book) -> Path:
    """The built book's ``html/`` folder."""
    html = built_book / "_build" / "html"
    assert (html / "index.html").is_file()
    return html
