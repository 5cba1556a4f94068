"""``coursekit.book.build`` (what ``scripts/build-book`` runs): fast, and never stale.

A two-notebook book in a temporary folder is built clean, rebuilt with nothing changed,
with one page changed and with a non-page input changed; each time the test checks which
notebooks were executed. The course's own table of contents is checked for the set of
notebooks the build executes.

What a person sees is checked on the command itself (stdout a pipe, as in CI): a line per
stage and per notebook, the book's path last; the kernels' and Jupyter Book's chatter only
in ``_build/logs/build-book.log``; a failing notebook or a Sphinx warning still fails the
build, its error on the console.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from coursekit import ROOT
from coursekit.book import build

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


def executed_only(root: Path) -> list[str]:
    return sorted(Path(p).stem for p in build.execute_only(root=root, log=lambda _: None))


def test_execute_only_fills_the_cache_that_the_book_then_renders_and_a_changed_import_empties_it(tiny):
    assert executed_only(tiny) == ["one", "two"]  # what scripts/build-pdf runs before its single page
    assert executed_only(tiny) == []  # a second PDF executes nothing
    assert run(tiny) == ("clean", [])  # the book renders the same outputs: nothing executed twice
    assert "one 1" in page(tiny, "one")

    (tiny / "helper.py").write_text("VALUE = 3\n")  # what notebook one imports changed:
    touch_later(tiny / "helper.py")
    assert executed_only(tiny) == ["one", "two"]  # the cache is not trusted, both run again
    assert run(tiny) == ("clean", [])
    assert "one 3" in page(tiny, "one")  # and the book shows the new output, not the cached one

    mode, ran = build.build(root=tiny, log=lambda _: None, extra=["--quiet"], clean=True)
    assert (mode, sorted(Path(p).stem for p in ran)) == ("clean", ["one", "two"])  # --clean trusts nothing


def command(root: Path) -> subprocess.CompletedProcess:
    """``python -m coursekit.book.build`` (what scripts/build-book runs) on ``root``, stdout a pipe."""
    return subprocess.run([sys.executable, "-m", "coursekit.book.build", "--source", str(root), "--workers", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


NOISE = ["Kernel is running over TCP", "MdParserConfig", "NbParserConfig", "Running Sphinx", "reading sources",
         "Running Jupyter-Book", "\x1b["]


def test_the_console_shows_a_line_per_stage_and_notebook_then_the_book_and_the_log_holds_the_rest(tiny):
    done = command(tiny)
    assert done.returncode == 0, done.stdout + done.stderr
    log = tiny / "_build" / "logs" / "build-book.log"
    index = tiny / "_build" / "html" / "index.html"
    patterns = [rf"clean build \(no book built yet\); full log: {re.escape(str(log))}",
                r"checking 0 question bank\(s\)",
                r"executing 2 notebook\(s\), 2 at a time",
                r"  \[1/2\] (one|two)\.ipynb \d+\.\d s",
                r"  \[2/2\] (one|two)\.ipynb \d+\.\d s",
                r"executed 2 notebook\(s\) in \d+\.\d s \(2 at a time\): (one|two) \d+\.\d s, (one|two) \d+\.\d s",
                r"building HTML: jupyter-book build -W -n --keep-going",
                rf"book \(clean\) in (\d+\.\d s|\d+ min \d\d s): {re.escape(str(index))}"]
    lines = done.stdout.splitlines()
    assert len(lines) == len(patterns), done.stdout
    for line, pattern in zip(lines, patterns):
        assert re.fullmatch(pattern, line), (line, pattern)
    assert {re.search(r"(one|two)\.ipynb", line)[1] for line in lines[3:5]} == {"one", "two"}
    assert done.stderr == ""
    for noise in NOISE:
        assert noise not in done.stdout + done.stderr, noise
    # Everything that used to be printed is in the log: the kernels' notices, Jupyter Book's output.
    text = log.read_text(encoding="utf-8")
    for line in lines:
        assert line.strip() in text, line
    for detail in NOISE[:-1] + ["[mystnb]", "build succeeded", "Finished generating HTML"]:
        assert detail in text, detail
    assert "\x1b[" not in text  # Sphinx's colours are dropped: the log reads as plain text

    again = command(tiny)  # up to date: one line, and the log of the build that made the book is kept
    assert again.returncode == 0 and again.stderr == ""
    assert re.fullmatch(rf"book \(up to date\) in \d+\.\d s: {re.escape(str(index))}\n", again.stdout)
    assert log.read_text(encoding="utf-8") == text


def test_a_failing_notebook_fails_the_command_with_its_traceback_on_the_console_and_leaves_no_stamp(tiny):
    notebook(tiny / "two.ipynb", "1 / 0")
    done = command(tiny)
    assert done.returncode == 1
    assert re.search(r"(?s)build-book: notebook execution failed:\ntwo\.ipynb:\n.*ZeroDivisionError", done.stderr)
    log = tiny / "_build" / "logs" / "build-book.log"
    assert done.stderr.rstrip().endswith(f"full log: {log}")
    assert re.search(r"^  \[[12]/2\] two\.ipynb failed$", done.stdout, re.M), done.stdout
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert not (tiny / "_build" / build.STAMP).exists()


def kernel(folder: Path, name: str, argv: list[str]) -> None:
    """A kernelspec ``name`` under ``folder`` (a ``JUPYTER_PATH`` entry) that runs ``argv``."""
    spec = folder / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": name, "language": "python"}))


@pytest.mark.parametrize("argv, why", [
    (["sleep", "600"], "didn't respond in 5 seconds"),  # starts, never answers
    (["false"], "Kernel died"),  # exits at once
], ids=["never-answers", "dies-at-start"])
def test_a_kernel_that_cannot_start_fails_the_build_with_why_instead_of_hanging(tiny, tmp_path, argv, why):
    (tiny / "_config.yml").write_text(CONFIG.replace("timeout: 60", "timeout: 5"))
    kernel(tmp_path / "jupyter", "broken", argv)
    path = tiny / "two.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "broken", "display_name": "broken", "language": "python"}
    nbformat.write(nb, path)
    env = dict(os.environ, JUPYTER_PATH=str(tmp_path / "jupyter"))
    done = subprocess.run([sys.executable, "-m", "coursekit.book.build", "--source", str(tiny), "--workers", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(rf"(?s)build-book: notebook execution failed:\ntwo\.ipynb:\n.*{why}", done.stderr), done.stderr
    assert re.search(r"^  \[[12]/2\] one\.ipynb \d+\.\d s$", done.stdout, re.M), done.stdout  # the other ran
    assert not (tiny / "_build" / build.STAMP).exists()


def test_a_sphinx_warning_fails_the_build_and_is_shown_on_the_console_not_buried_in_the_log(tiny):
    (tiny / "_toc.yml").write_text("format: jb-book\nroot: intro\n")  # no notebook: Sphinx alone
    (tiny / "intro.md").write_text("# Intro\n\nSee {ref}`nowhere`.\n")
    done = command(tiny)
    assert done.returncode == 1
    log = tiny / "_build" / "logs" / "build-book.log"
    warning = f"{tiny / 'intro.md'}:3: WARNING: undefined label: 'nowhere'"
    assert warning in done.stderr.splitlines()
    assert done.stderr.splitlines()[-2:] == [
        "build-book: jupyter-book build failed (exit 1); its warnings and errors are above", f"full log: {log}"]
    assert "WARNING" not in done.stdout and "book (" not in done.stdout
    assert warning in log.read_text(encoding="utf-8")
    assert not (tiny / "_build" / build.STAMP).exists()


def test_on_a_terminal_finished_notebooks_redraw_one_bar_that_is_gone_at_the_end(capsys, tmp_path):
    report = build.Report(say=lambda line: print(line), bar=True)
    with report.logging_to(tmp_path / "build.log"):
        for done in range(3):
            report.progress(done, 2, f"nb{done}.ipynb 1.0 s" if done else "")
    out = capsys.readouterr().out
    assert "\n" not in out  # one line, redrawn
    assert out.split("\r\x1b[K")[1:] == ["  [........................] 0/2  ",
                                        "  [############............] 1/2  nb1.ipynb 1.0 s", ""]
    assert (tmp_path / "build.log").read_text() == "[1/2] nb1.ipynb 1.0 s\n[2/2] nb2.ipynb 1.0 s\n"


def test_the_course_executes_its_chapters_and_appendix_but_not_the_student_exercises():
    executed = {p.relative_to(ROOT).as_posix() for p in build.executed_notebooks()}
    chapters = {p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").glob("*.ipynb")}
    assert executed == chapters | {"reference/data_appendix.ipynb"}
    pages = {p.relative_to(ROOT).as_posix() for p in build.book_pages()}
    students = {p for p in pages if "/dist/student/" in p}
    exercises = {p.parent.name for p in (ROOT / "exercises").glob("ex[0-9][0-9]_*/ex[0-9][0-9]_*.ipynb")
                 if p.parent.name == p.stem}  # one master per exercise folder
    assert {Path(p).parent.parent.parent.name for p in students} == exercises, "one student page per exercise"
    assert not students & executed


def test_a_course_module_or_data_file_is_an_input_but_the_tests_are_not():
    files = {p.relative_to(ROOT).as_posix() for p in build.input_files()}
    assert {"coursekit/runtime/data.py", "data/datapackage.json", "chapters/quizzes/ch01.yml", "_config.yml",
            "chapters/01_cancelled_visit.ipynb"} <= files
    assert not any(f.startswith(("tests/", "benchmarks/", "_build/", ".venv/", "node_modules/")) for f in files)
