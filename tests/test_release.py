"""The student release (`coursekit release OUT`): the course without its answers, and enough to work alone.

The release is generated into a temporary folder outside the repository. It holds the book's
sources, the data, each exercise's student notebook with its public tests and what the README's
commands, Binder and Colab need, at the paths they have here; no master, autograder, hidden test
or instructor page. Every solution line and model answer of every master, every line of every
hidden test and every rubric of the instructor guide is searched for in every file of the
release (inside zips, notebook metadata and outputs, string literals) and of the site built from
it; the same search finds a master, a hidden test, a zip of tests or a solution hidden in
notebook metadata planted in a copy. A copy of the release builds its book with its own command
(the course's .venv through COURSEKIT_VENV: nothing installed, nothing downloaded) and runs
every student notebook, importing its own `coursekit` and reading its own data. Generating
twice gives the same bytes; a folder that is not a release is refused and left as it was; a
previous release is replaced, keeping its `.git` and what git ignores.
"""
from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from coursekit import ROOT
from coursekit.book import launch
from coursekit.instructor import release
from coursekit.book.build import toc_pages
from helpers import cases, read_tests, run_notebook, solution_fragments

EXERCISES = sorted(p for p in (ROOT / "exercises").glob("ex*") if (p / f"{p.name}.ipynb").is_file())
# Shorter lines are the course's idiom, not answers: `import pandas as pd`, `ax.set_xlabel("Year")`.
MIN_CHARS = 22
# Nothing of this is for students (paths relative to the release; checked independently of
# coursekit.instructor.release's own allow-list and guard).
INSTRUCTOR_PATHS = [r"exercises/[^/]+/[^/]+\.ipynb$", r"(^|/)dist/autograder(/|$)", r"\.zip$", r"instructor_guide",
                    r"^coursekit/instructor/grading(/|$)", r"^coursekit/(assign|release)\.py$", r"^coursekit/instructor/release_files(/|$)",
                    r"^tests/", r"^benchmarks/", r"^\.ci/", r"(^|/)conftest\.py$", r"^package(-lock)?\.json$",
                    r"\.OTTER_LOG$"]
RUNTIME = {".OTTER_LOG", ".ipynb_checkpoints", "__pycache__"}  # written by running a notebook in place
NO_NETWORK = {"COURSEKIT_DATA_URL": "http://127.0.0.1:9/", "http_proxy": "http://127.0.0.1:9",
              "https_proxy": "http://127.0.0.1:9", "PIP_NO_INDEX": "1"}

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def normalise(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- what must not leak

def hidden_test_lines(exercise: Path) -> list[str]:
    """Lines of the exercise's hidden tests (the master's `# HIDDEN` cells and the autograder's
    tests) that no public test of the exercise has."""
    def code(case: dict) -> list[str]:
        return [line[4:] for line in case["code"].splitlines() if line.startswith((">>> ", "... "))]

    public = {normalise(line) for t in read_tests(exercise / "dist" / "student" / "tests").values()
              for c in cases(t) for line in code(c)}
    lines = [line for t in read_tests(exercise / "dist" / "autograder" / "tests").values()
             for c in cases(t) if c["hidden"] for line in code(c)]
    inside = False
    for cell in nbformat.read(exercise / f"{exercise.name}.ipynb", as_version=4).cells:
        first = cell.source.strip().split("\n", 1)[0].strip().lower()
        if cell.cell_type == "raw" and re.fullmatch(r"#\s*(begin|end)\s+tests", first):
            inside = "begin" in first
        elif inside and cell.cell_type == "code" and first == "# hidden":
            lines += cell.source.strip().splitlines()[1:]
    return [line for line in lines if normalise(line) not in public]


def rubrics(guide: Path) -> list[str]:
    """Paragraphs and table cells of the instructor guide's exercise sections (rubrics, model answers)."""
    found, inside = [], False
    for block in re.split(r"\n\s*\n", guide.read_text(encoding="utf-8")):
        heading = re.match(r"(#+)\s+(.*)", block.strip())
        if heading:
            inside = heading.group(2).startswith("Exercise")
            continue
        if inside:
            rows = [line for line in block.splitlines() if line.startswith("|")]
            found += [cell for row in rows for cell in row.strip("|").split("|")] if rows else [block]
    return found


def course_text(paths: list[Path]) -> str:
    """The cell sources (what the authors wrote, not outputs) of notebooks students are meant to read."""
    return normalise("\n".join(c.source for p in paths for c in nbformat.read(p, as_version=4).cells))


@pytest.fixture(scope="module")
def secrets() -> dict[str, str]:
    """{normalised fragment: where it comes from} for everything students must not see.

    A fragment that a chapter, the appendix or another exercise's student notebook shows on
    purpose (the course's own code, reused in a solution) is course text, not an answer.
    """
    shown = course_text(sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "reference").glob("*.ipynb")))
    students = {ex.name: course_text([ex / "dist" / "student" / f"{ex.name}.ipynb"]) for ex in EXERCISES}
    found: dict[str, str] = {}
    for ex in EXERCISES:
        elsewhere = shown + "\n".join(text for name, text in students.items() if name != ex.name)
        mine = [(f, f"{ex.name} solution or model answer") for f in solution_fragments(ex / f"{ex.name}.ipynb")]
        mine += [(f, f"{ex.name} hidden test") for f in hidden_test_lines(ex)]
        kept = {normalise(f): origin for f, origin in mine if len(normalise(f)) >= MIN_CHARS}
        kept = {f: origin for f, origin in kept.items() if f not in elsewhere}
        assert any("solution" in o for o in kept.values()), f"{ex.name}: no solution to search for"
        assert any("hidden" in o for o in kept.values()), f"{ex.name}: no hidden test to search for"
        found.update({f: o for f, o in kept.items() if f not in found})
    guide = [normalise(r) for r in rubrics(ROOT / "instructor_guide.md")]
    guide = [r for r in guide if len(r) >= 40]  # rubric cells such as "1" or "criterion" say nothing
    assert len(guide) >= 2 * len(EXERCISES), "the instructor guide's rubrics were not found"
    found.update({r: "instructor guide rubric" for r in guide if r not in found})
    return found


def texts(name: str, data: bytes):
    """Every readable form of a file, as (where, text): its text; every string in a JSON file
    (notebook sources, outputs, metadata, unescaped); every string literal of a Python file;
    an HTML page's text without tags; each member of a zip, the same way."""
    if name.endswith(".zip") or data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                yield from texts(f"{name}!{info.filename}", archive.read(info))
        return
    text = data.decode("utf-8", errors="replace")
    yield name, text
    if name.endswith((".ipynb", ".json")):
        strings = []

        def walk(value):
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, dict):
                for key, item in value.items():
                    strings.append(key)
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
        try:
            walk(json.loads(text))
        except ValueError:
            pass
        yield f"{name} (strings)", "\n".join(strings)
    elif name.endswith(".py"):
        import ast
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return
        yield f"{name} (strings)", "\n".join(n.value for n in ast.walk(tree)
                                             if isinstance(n, ast.Constant) and isinstance(n.value, str))
    elif name.endswith((".html", ".htm", ".js")):
        yield f"{name} (text)", html.unescape(re.sub(r"<[^>]+>", "", text))


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def leaks(folder: Path, secrets: dict[str, str]) -> list[tuple[str, str, str]]:
    """(file, origin, fragment) for every secret found anywhere in ``folder``."""
    found = []
    for path in files_in(folder):
        for where, text in texts(path.relative_to(folder).as_posix(), path.read_bytes()):
            text = normalise(text)
            found += [(where, origin, fragment[:80]) for fragment, origin in secrets.items() if fragment in text]
    return found


def instructor_paths(folder: Path) -> list[str]:
    return [rel for p in files_in(folder) for rel in [p.relative_to(folder).as_posix()]
            if any(re.search(pattern, rel) for pattern in INSTRUCTOR_PATHS)]


# --------------------------------------------------------------------------- the release

@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("release") / "course"
    assert ROOT not in folder.parents
    assert release.main([str(folder)]) == 0
    return folder


def test_the_release_holds_the_book_the_data_the_student_notebooks_and_what_the_commands_need(out):
    assert sorted(p.name for p in out.iterdir()) == sorted([
        ".coursekit-release.json", ".github", ".gitignore", "LICENSE", "README.md", "_config.yml", "_static",
        "_templates", "_toc.yml", "chapters", "coursekit", "data", "exercises", "intro.md", "postBuild",
        "pyproject.toml", "reference", "requirements", "requirements.txt", "runtime.txt", "scripts", "sources"])
    assert sorted(p.name for p in (out / "reference").iterdir()) == [
        "bibliography.md", "data_appendix.ipynb", "glossary.md", "references.bib"]
    for name in ("requirements.txt", "requirements/book.txt", "runtime.txt", "postBuild", "LICENSE",
                 "reference/references.bib",
                 "sources/FACTS.md"):
        assert (out / name).read_bytes() == (ROOT / name).read_bytes(), name
    # The student and book locks, which its scripts/env.sh installs; the instructor and test locks stay here.
    assert sorted(p.name for p in (out / "requirements").iterdir()) == ["book.txt"]
    assert (ROOT / "requirements" / "instructor.txt").is_file() and (ROOT / "requirements" / "test.txt").is_file()
    assert sorted(p.name for p in (out / "scripts").iterdir()) == ["build-book", "build-pdf", "env.sh", "lab"]
    assert os.access(out / "postBuild", os.X_OK)  # Binder runs it
    assert {p.relative_to(ROOT / "data") for p in files_in(ROOT / "data")} \
        == {p.relative_to(out / "data") for p in files_in(out / "data")}
    for ex in EXERCISES:
        student = ex / "dist" / "student"
        assert {p.relative_to(ROOT).as_posix() for p in files_in(student) if not RUNTIME & set(p.parts)} \
            == {p.relative_to(out).as_posix() for p in files_in(out / student.relative_to(ROOT))}
        assert sorted(p.name for p in (out / ex.relative_to(ROOT)).iterdir()) == ["dist"]
        assert sorted(p.name for p in (out / ex.relative_to(ROOT) / "dist").iterdir()) == ["student"]
    package = {p.relative_to(out / "coursekit").as_posix() for p in files_in(out / "coursekit")}
    assert {"__init__.py", "cli.py", "runtime/__init__.py", "runtime/data.py", "runtime/quiz.py",
            "runtime/quiz_widget.py", "runtime/charts.py", "runtime/quiz_schema.json", "book/__init__.py",
            "book/build.py", "book/sphinxext.py", "book/quiz_lint.py", "book/pdf.py"} <= package
    assert not any(p.startswith("instructor/") for p in package)


def test_no_master_autograder_hidden_test_or_instructor_file_is_in_the_release(out):
    assert instructor_paths(out) == []
    assert not list(out.rglob("*autograder*")) and not list(out.rglob("*.zip"))


def test_no_solution_model_answer_hidden_test_or_rubric_is_in_any_file_of_the_release(out, secrets):
    assert len(secrets) > 100
    assert leaks(out, secrets) == []


def test_the_search_finds_a_master_a_hidden_test_a_zip_of_tests_and_a_solution_in_metadata(out, secrets, tmp_path):
    copy = tmp_path / "course"
    shutil.copytree(out, copy)
    ex = EXERCISES[1]
    master, tests = ex / f"{ex.name}.ipynb", ex / "dist" / "autograder" / "tests"
    fragment = next(f for f, origin in secrets.items() if origin == f"{ex.name} solution or model answer")
    planted = {
        "chapters/notes.ipynb": master.read_bytes(),                      # a master under another name
        "data/curated/check.py": (tests / "q1.py").read_bytes(),          # a hidden test as a data file
        "_static/extra.bin": zip_of(tests),                               # a zip of the tests, renamed
    }
    for rel, payload in planted.items():
        (copy / rel).write_bytes(payload)
    student = copy / ex.relative_to(ROOT) / "dist" / "student" / f"{ex.name}.ipynb"
    nb = nbformat.read(student, as_version=4)
    nb.metadata["note"] = fragment                                       # a solution in notebook metadata
    nbformat.write(nb, student)
    (copy / "reference/glossary.md").write_text((copy / "reference/glossary.md").read_text(encoding="utf-8")
                                      + "\n" + next(f for f, o in secrets.items() if o == "instructor guide rubric"),
                                      encoding="utf-8")
    found = leaks(copy, secrets)
    where = {w.split(" (")[0].split("!")[0] for w, _, _ in found}
    assert set(planted) | {student.relative_to(copy).as_posix(), "reference/glossary.md"} <= where
    assert any(o == f"{ex.name} hidden test" and w.startswith("data/curated/check.py") for w, o, _ in found)
    assert any(o == f"{ex.name} hidden test" and w.startswith("_static/extra.bin!tests/") for w, o, _ in found)
    assert any(w.startswith(f"{student.relative_to(copy).as_posix()} (strings)") and f == fragment[:80]
               for w, _, f in found)
    # At their own paths, a master and an autograder are found by name too.
    (copy / ex.relative_to(ROOT) / master.name).write_bytes(master.read_bytes())
    (copy / ex.relative_to(ROOT) / "dist" / "autograder").mkdir()
    (copy / ex.relative_to(ROOT) / "dist" / "autograder" / "x.zip").write_bytes(zip_of(tests))
    assert len(instructor_paths(copy)) == 2


def zip_of(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.glob("*.py")):
            archive.writestr(f"tests/{path.name}", path.read_bytes())
    return buffer.getvalue()


def test_the_table_of_contents_is_the_instructors_without_the_instructor_pages(out):
    assert "instructor_guide" in toc_pages(ROOT)
    assert toc_pages(out) == [p for p in toc_pages(ROOT) if p not in release.INSTRUCTOR_PAGES]


def test_instructor_only_blocks_are_left_out_of_the_pages(out):
    assert "**As an instructor.**" in (ROOT / "intro.md").read_text(encoding="utf-8")
    intro = (out / "intro.md").read_text(encoding="utf-8")
    assert "As an instructor" not in intro and "instructor-only" not in intro and "\n\n\n" not in intro
    assert intro.count("\n") > 100  # the rest of the page is there
    page = "x\n\n<!-- instructor-only -->\ny\n<!-- end instructor-only -->\n\nz\n"
    assert release.strip_instructor_blocks("a.md", page) == "x\n\nz\n"
    for bad, line in (("<!-- instructor-only -->\ny\n", 1), ("y\n<!-- end instructor-only -->\n", 2)):
        with pytest.raises(release.ReleaseError, match=rf"^a\.md:{line}: "):
            release.strip_instructor_blocks("a.md", bad)


def test_launch_buttons_colab_cells_and_readme_point_at_the_release_repository(out):
    repo = launch.repository()
    assert launch.repository(out / "_config.yml") == repo
    cell = launch.setup_cell_source(repo)
    for chapter in sorted((out / "chapters").glob("*.ipynb")):
        assert any(c.source == cell for c in nbformat.read(chapter, as_version=4).cells), chapter.name
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert f"git clone {repo.url}\n" in readme and f"/{repo.org_repo[0]}/{repo.name}/{repo.branch}" in readme
    assert "bash scripts/lab" in readme and "bash scripts/build-book" in readme and "{{" not in readme
    assert (out / release.WORKFLOW).read_text(encoding="utf-8") == release.workflow()


def test_pyproject_lists_only_the_packages_the_release_ships(out):
    import tomllib

    packages = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    assert packages == ["coursekit", "coursekit.runtime", "coursekit.book"]  # not coursekit.instructor
    assert not (out / "coursekit" / "instructor").exists()
    assert all((out / Path(*p.split(".")) / "__init__.py").is_file() for p in packages)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mode & 0o777) for p in files_in(folder)}


def test_generating_twice_gives_the_same_bytes_and_regenerating_changes_nothing(out, tmp_path, capsys):
    again = tmp_path / "again"
    assert release.main([str(again)]) == 0
    assert snapshot(again) == snapshot(out)
    assert json.loads((again / release.MANIFEST).read_text())["files"] == sorted(
        k for k in snapshot(again) if k != release.MANIFEST)
    capsys.readouterr()
    assert release.main([str(again)]) == 0
    assert "(0 changed)" in capsys.readouterr().err
    assert snapshot(again) == snapshot(out)


def test_a_folder_that_is_not_a_release_is_refused_and_left_as_it_was(tmp_path, capsys):
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.md").write_text("my work", encoding="utf-8")
    before = snapshot(mine)
    assert release.main([str(mine)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(mine) in err and "not a student release" in err
    assert snapshot(mine) == before
    for inside in (ROOT / "_build" / "release", ROOT.parent):
        assert release.main([str(inside)]) == 2
        assert "the instructor's repository" in capsys.readouterr().err
    assert not (ROOT / "_build" / "release").exists()


def test_a_previous_release_is_replaced_keeping_its_git_and_what_git_ignores(tmp_path, capsys):
    folder = tmp_path / "public"
    (folder / ".git").mkdir(parents=True)  # a fresh clone of the empty release repository
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert release.main([str(folder)]) == 0
    fresh = snapshot(folder)
    manifest = json.loads((folder / release.MANIFEST).read_text())
    manifest["files"].append("chapters/99_dropped.ipynb")  # a page an earlier release had
    (folder / release.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "chapters" / "99_dropped.ipynb").write_text("{}", encoding="utf-8")
    (folder / "intro.md").write_text("edited by hand", encoding="utf-8")
    (folder / "_build" / "html").mkdir(parents=True)  # a local build, ignored by git
    (folder / "_build" / "html" / "index.html").write_text("built", encoding="utf-8")
    (folder / "coursekit" / "__pycache__").mkdir()
    (folder / "coursekit" / "__pycache__" / "data.cpython-311.pyc").write_bytes(b"\0")
    assert release.main([str(folder)]) == 0
    kept = {".git/HEAD", "_build/html/index.html", "coursekit/__pycache__/data.cpython-311.pyc"}
    now = snapshot(folder)
    assert {k: v for k, v in now.items() if k not in kept} == {k: v for k, v in fresh.items() if k not in kept}
    assert kept <= set(snapshot(folder))

    (folder / "chapters" / "notes.md").write_text("not from the release", encoding="utf-8")
    (folder / "intro.md").write_text("edited by hand", encoding="utf-8")
    before = snapshot(folder)
    capsys.readouterr()
    assert release.main([str(folder)]) == 2
    err = capsys.readouterr().err
    assert "chapters/notes.md: not part of the previous release" in err
    assert snapshot(folder) == before  # nothing written


def test_a_module_for_instructors_that_a_notebook_imports_stops_the_release(tmp_path):
    root = tmp_path / "instructor"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", "benchmarks",
                                                               ".pytest_cache", "tests", "__pycache__"))
    chapter = root / "chapters" / "03_high_level_visits.ipynb"
    nb = nbformat.read(chapter, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("from coursekit.instructor.grading import gradebook"))
    nbformat.write(nb, chapter)
    with pytest.raises(release.ReleaseError, match=r"chapters/03_high_level_visits\.ipynb: imports coursekit\.instructor\.grading"):
        release.release_files(root)


# --------------------------------------------------------------------------- built and run alone

def alone(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of a student's shell in ``folder``: the course's .venv as it is, the
    release's own coursekit and data, and every download address unreachable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COURSEKIT_") and k != "PYTHONPATH"}
    env.update(NO_NETWORK, COURSEKIT_VENV=sys.prefix, COURSEKIT_CACHE=str(folder.parent / "cache"), **extra)
    return env


@pytest.fixture(scope="module")
def built(out, tmp_path_factory) -> Path:
    """A copy of the release, its book built with its own command."""
    folder = tmp_path_factory.mktemp("built") / "course"
    shutil.copytree(out, folder)
    done = subprocess.run(["bash", "scripts/build-book"], cwd=folder, env=alone(folder),
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, (done.stdout + done.stderr)[-5000:]
    assert "setting up" not in done.stderr and not (folder / ".venv").exists()
    return folder


@pytest.mark.book
def test_the_book_builds_from_the_release_alone_with_its_own_command(built):
    html_dir = built / "_build" / "html"
    for page in toc_pages(built):
        assert (html_dir / f"{page}.html").is_file(), page
    assert not list(html_dir.rglob("instructor_guide*"))
    repo = launch.repository()
    org, name = repo.org_repo
    chapter = (html_dir / "chapters" / "01_cancelled_visit.html").read_text(encoding="utf-8")
    assert f"https://mybinder.org/v2/gh/{org}/{name}/{repo.branch}?urlpath=" in chapter
    assert f"https://colab.research.google.com/github/{org}/{name}/blob/{repo.branch}/chapters/" in chapter
    student = "exercises/ex01_cancelled_visit/dist/student/ex01_cancelled_visit.ipynb"
    assert (html_dir / "_sources" / student).read_bytes() == (ROOT / student).read_bytes()  # the download button


@pytest.mark.book
def test_the_built_site_holds_no_solution_hidden_test_or_rubric(built, secrets):
    html_dir = built / "_build" / "html"
    assert instructor_paths(html_dir) == []
    assert leaks(html_dir, secrets) == []


@pytest.mark.book
@pytest.mark.browser
def test_the_pdf_builds_from_the_release_alone_with_its_own_command(built):
    """The release workflow's second command (the notebooks' outputs come from the book's cache)."""
    from clients import require_chromium
    from coursekit.book.pdf import page_count

    require_chromium("the release's PDF test")
    done = subprocess.run(["bash", "scripts/build-pdf"], cwd=built, env=alone(built),
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, (done.stdout + done.stderr)[-5000:]
    pdf = built / "_build" / "pdf" / "book.pdf"
    assert page_count(pdf) >= 150
    single = (built / "_build" / "singlehtml" / "intro.html").read_text(encoding="utf-8")
    assert "Instructor guide" not in single and "As an instructor" not in single


@pytest.mark.book
def test_the_releases_python_imports_its_own_coursekit_and_reads_its_own_data(built):
    probe = "import coursekit, coursekit.runtime.data as d; print(coursekit.__file__); print(d.DATA_DIR)"
    done = subprocess.run(["bash", "-c", f'source scripts/env.sh && cd / && python -c "{probe}"'], cwd=built,
                          env=alone(built), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(built / "coursekit" / "__init__.py"), str(built / "data")]


@pytest.mark.book
@pytest.mark.parametrize("name", [ex.name for ex in EXERCISES])
def test_every_student_notebook_runs_from_the_release_alone(built, name, monkeypatch):
    env = alone(built, PYTHONPATH=str(built))  # what scripts/env.sh exports, for the kernel
    for key in set(os.environ) - set(env):
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    notebook = built / "exercises" / name / "dist" / "student" / f"{name}.ipynb"
    checks = [m.group(1) for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"
              for m in [re.match(r'^grader\.check\("([^"]+)"\)$', c.source.strip())] if m]
    outputs = run_notebook(notebook)  # as handed out: every cell runs, each self-check says what is missing
    assert checks and sorted(outputs) == sorted(checks)
    assert all("Test case failed" in text for text in outputs.values()), outputs
