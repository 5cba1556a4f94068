"""``coursekit.build`` (what ``scripts/build-book`` runs): fast, and never stale.

A two-notebook book in a temporary folder is built clean, rebuilt with nothing changed,
with one page changed and with a non-page input changed; each time the test checks which
notebooks were executed. The course's own table of contents is checked for the set of
notebooks the build executes.
"""
from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from coursekit import ROOT, build

CONFIG = """\
title: tiny
only_build_toc_files: true
exclude_patterns: [_build]
execute:
  execute_notebooks: cache
  timeout: 60
  exclude_patterns: ["skipped.ipynb"]
sphinx:
  config:
    nb_execution_raise_on_error: true
"""
TOC = """\
format: jb-book
root: intro
chapters:
  - file: one
  - file: two
  - file: skipped
"""


def notebook(path: Path, *sources: str) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {path.stem}")]
                                  + [nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


@pytest.fixture
def tiny(tmp_path) -> Path:
    (tmp_path / "_config.yml").write_text(CONFIG)
    (tmp_path / "_toc.yml").write_text(TOC)
    (tmp_path / "intro.md").write_text("# Intro\n")
    (tmp_path / "helper.py").write_text("VALUE = 1\n")
    notebook(tmp_path / "one.ipynb", "from helper import VALUE\nprint('one', VALUE)")
    notebook(tmp_path / "two.ipynb", "print('two')")
    notebook(tmp_path / "skipped.ipynb", "raise SystemExit('never executed')")
    return tmp_path


def run(root: Path) -> tuple[str, list[str]]:
    mode, executed = build.build(root=root, log=lambda _: None, extra=["--quiet"])
    return mode, sorted(Path(p).stem for p in executed)


def page(root: Path, name: str) -> str:
    return (root / "_build" / "html" / f"{name}.html").read_text(encoding="utf-8")


def test_clean_then_up_to_date_then_only_the_changed_notebook_then_clean_again(tiny):
    assert run(tiny) == ("clean", ["one", "two"])  # both executed; the excluded one is not
    assert "one 1" in page(tiny, "one") and "two" in page(tiny, "two")

    assert run(tiny) == ("up to date", [])  # nothing changed: nothing runs

    notebook(tiny / "two.ipynb", "print('two, edited')")
    touch_later(tiny / "two.ipynb")
    assert run(tiny) == ("incremental", ["two"])  # only the changed page is executed again
    assert "two, edited" in page(tiny, "two")

    (tiny / "helper.py").write_text("VALUE = 2\n")  # not a page, but notebook one imports it
    touch_later(tiny / "helper.py")
    assert run(tiny) == ("clean", ["one", "two"])
    assert "one 2" in page(tiny, "one")


def test_a_failing_notebook_stops_the_build_naming_it_and_leaves_no_stamp(tiny):
    notebook(tiny / "two.ipynb", "1 / 0")
    with pytest.raises(build.BuildError, match=r"(?s)two\.ipynb.*ZeroDivisionError"):
        build.build(root=tiny, log=lambda _: None, extra=["--quiet"])
    assert not (tiny / "_build" / build.STAMP).exists()


def test_the_course_executes_its_chapters_and_appendix_but_not_the_student_exercises():
    executed = {p.relative_to(ROOT).as_posix() for p in build.executed_notebooks()}
    chapters = {p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").glob("*.ipynb")}
    assert executed == chapters | {"appendix/data_appendix.ipynb"}
    pages = {p.relative_to(ROOT).as_posix() for p in build.book_pages()}
    students = {p for p in pages if "/dist/student/" in p}
    exercises = {p.parent.name for p in (ROOT / "exercises").glob("ex[0-9][0-9]_*/ex[0-9][0-9]_*.ipynb")
                 if p.parent.name == p.stem}  # one master per exercise folder
    assert {Path(p).parent.parent.parent.name for p in students} == exercises, "one student page per exercise"
    assert not students & executed


def test_a_course_module_or_data_file_is_an_input_but_the_tests_are_not():
    files = {p.relative_to(ROOT).as_posix() for p in build.input_files()}
    assert {"coursekit/data.py", "data/datapackage.json", "chapters/quizzes/ch01.yml", "_config.yml",
            "chapters/01_cancelled_visit.ipynb"} <= files
    assert not any(f.startswith(("tests/", "benchmarks/", "_build/", ".venv/", "node_modules/")) for f in files)
