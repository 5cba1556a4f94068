"""Generate the student release, the course without its answers: ``coursekit release OUT``.

This repository is the instructor's: it holds the exercise masters (solutions, hidden tests,
model answers), the autograders and the instructor guide, so it is meant to stay private. What
students clone, and what Binder, Colab, the download buttons and the published book use, is a
second repository generated from it by this command.

What goes in is named here, by allow-list, so a file added to this repository stays out until
someone decides it belongs:

* the book: every page of ``_toc.yml`` except :data:`INSTRUCTOR_PAGES` (a ``_toc.yml`` without
  them is written), ``reference/references.bib``, ``_config.yml``, ``_static/``, ``_templates/``, the
  chapters' question banks, ``data/`` and the fact sheet the chapters cite (``sources/FACTS.md``);
* each exercise's ``dist/student/`` (the notebook and its public tests), at the same paths, so
  the table of contents, the launch links and the README's instructions stay true;
* what Binder, Colab and the README's commands need: ``requirements.txt`` (the student lock) and
  ``requirements/book.txt`` (the book's, on top of it; the instructor and test locks stay here),
  ``runtime.txt``, ``postBuild``, ``pyproject.toml`` (listing only the packages shipped), ``LICENSE``,
  ``.gitignore``, :data:`SCRIPTS`, and of ``coursekit`` the modules that the notebooks, those
  scripts, the Sphinx configuration and the ``coursekit`` command import, followed import by
  import (so ``assign``, ``grading`` and this module stay out);
* from ``coursekit/instructor/release_files/``: the student README and the workflow that builds the book
  and publishes it to GitHub Pages from the release repository.

In Markdown pages a block between ``<!-- instructor-only -->`` and ``<!-- end instructor-only -->``
is left out. ``repository.url`` in ``_config.yml`` is the release's address (students never see
this repository), so the launch buttons and Colab cells of both trees point at the release.

Nothing is written when something is wrong: a notebook or a shipped module importing a module
for instructors, a chapter whose Colab cell names another repository, a missing file.

The output is byte-stable, and ``OUT/.coursekit-release.json`` lists what was written. OUT must
be outside this repository and new, empty (a ``.git`` alone counts as empty: a fresh clone of
the release repository) or a previous release: then the files of the previous release are
replaced, its ``.git`` and what its ``.gitignore`` ignores (a local ``_build/``, ``.venv/``) are
kept, and any other file stops the command before anything is written.
"""
from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import os
import re
import sys
import tomllib
from pathlib import Path, PurePosixPath

import yaml

from coursekit import ROOT

__all__ = ["INSTRUCTOR_PAGES", "MANIFEST", "WORKFLOW", "ReleaseError", "strip_instructor_blocks", "release_files",
           "workflow", "write_release", "main"]

MANIFEST = ".coursekit-release.json"
WORKFLOW = ".github/workflows/book.yml"
TEMPLATES = Path(__file__).resolve().parent / "release_files"
INSTRUCTOR_PAGES = ("instructor_guide",)
# Beside the pages: what the book build, Binder/Colab and the README's commands read.
FILES = ("_config.yml", "reference/references.bib", "LICENSE", ".gitignore", "requirements.txt", "requirements/book.txt",
         "runtime.txt", "postBuild", "sources/FACTS.md")
TREES = ("_static", "_templates", "chapters/quizzes", "data")
SCRIPTS = ("scripts/env.sh", "scripts/build-book", "scripts/build-pdf", "scripts/lab")
STUDENT_DIST = "exercises/*/dist/student"
# Never copied, wherever they are: written by running things, not part of the course.
RUNTIME = {"__pycache__", ".ipynb_checkpoints", ".OTTER_LOG", ".DS_Store"}
# A last guard behind the allow-list: a path like these in the release is a bug, not a choice.
# (A pattern with a "/" matches from the top, part by part, "**" at the end matching what is
# below; one without matches a file name anywhere.)
INSTRUCTOR_ONLY = ("exercises/*/*.ipynb", "exercises/*/dist/autograder/**", "*.zip", "instructor_guide.md",
                   "coursekit/instructor/**", "requirements/instructor.txt", "requirements/test.txt",
                   "tests/**", "benchmarks/**")
BEGIN, END = "<!-- instructor-only -->", "<!-- end instructor-only -->"


class ReleaseError(Exception):
    """The release cannot be made; one line naming the file or folder."""


# --------------------------------------------------------------------------- what goes in

def _glob(rel: str, pattern: str) -> bool:
    """``rel`` matches ``pattern`` as described above :data:`INSTRUCTOR_ONLY` (and as in ``.gitignore``)."""
    parts, want = rel.split("/"), pattern.strip("/").split("/")
    if "/" not in pattern.rstrip("/"):
        return fnmatch.fnmatchcase(parts[-1], want[0])
    if want[-1] == "**":  # anything below the folder
        want = want[:-1]
        return len(parts) > len(want) and all(fnmatch.fnmatchcase(p, w) for p, w in zip(parts, want))
    return len(parts) == len(want) and all(fnmatch.fnmatchcase(p, w) for p, w in zip(parts, want))


def _instructor_only(rel: str) -> bool:
    return any(_glob(rel, pattern) for pattern in INSTRUCTOR_ONLY)


def _read(root: Path, rel: str) -> str:
    path = root / rel
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ReleaseError(f"{path}: missing (the student release needs it)") from None
    except UnicodeDecodeError:
        raise ReleaseError(f"{path}: not UTF-8 text (the release copies text files only)") from None


def _tree(root: Path, folder: str) -> list[str]:
    """The files under ``root/folder``, relative to root, without runtime leftovers."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root / folder):
        dirnames[:] = sorted(d for d in dirnames if d not in RUNTIME)
        found += [Path(dirpath, f).relative_to(root).as_posix() for f in sorted(filenames)
                  if f not in RUNTIME and not f.endswith(".pyc")]
    if not found:
        raise ReleaseError(f"{root / folder}: missing or empty (the student release needs it)")
    return found


def strip_instructor_blocks(rel: str, text: str) -> str:
    """A Markdown page without its ``<!-- instructor-only -->`` blocks."""
    out, inside = [], 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        marker = line.strip()
        if marker == BEGIN:
            if inside:
                raise ReleaseError(f"{rel}:{number}: {BEGIN} inside another one")
            inside = number
        elif marker == END:
            if not inside:
                raise ReleaseError(f"{rel}:{number}: {END} without {BEGIN}")
            inside = 0
            if out and out[-1].strip() == "":  # no doubled blank line where the block was
                out.pop()
        elif not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{rel}:{inside}: {BEGIN} is never closed by {END}")
    return "".join(out)


def _emptied(entry) -> bool:
    """A part or chapter that held only instructor pages: nothing left to show."""
    return (isinstance(entry, dict) and not set(entry) & {"file", "url", "glob"}
            and not any(entry.get(k) for k in ("parts", "chapters", "sections")))


def _student_toc(root: Path) -> tuple[str, list[str]]:
    """``_toc.yml`` without :data:`INSTRUCTOR_PAGES` (and parts left empty), and its page files."""
    from coursekit.book.build import BuildError, book_pages

    toc = yaml.safe_load(_read(root, "_toc.yml"))

    def keep(entry) -> bool:
        return not (isinstance(entry, dict) and entry.get("file") in INSTRUCTOR_PAGES)

    def prune(entry):
        if not isinstance(entry, dict):
            return entry
        entry = dict(entry)
        for key in ("parts", "chapters", "sections"):
            if key in entry:
                kids = [prune(child) for child in entry[key] if keep(child)]
                entry[key] = [c for c in kids if not _emptied(c)]
        return entry

    if toc.get("root") in INSTRUCTOR_PAGES:
        raise ReleaseError(f"{root / '_toc.yml'}: the root page {toc['root']!r} is an instructor page")
    text = ("# Generated by `coursekit release` from the instructor repository's _toc.yml,\n"
            "# without the pages for instructors.\n"
            + yaml.safe_dump(prune(toc), sort_keys=False, allow_unicode=True, width=100))
    try:
        pages = [p.relative_to(root).as_posix() for p in book_pages(root)]
    except BuildError as exc:
        raise ReleaseError(str(exc)) from None
    return text, [p for p in pages if PurePosixPath(p).with_suffix("").as_posix() not in INSTRUCTOR_PAGES]


def _imports(path: Path) -> set[str]:
    """Modules named by the ``coursekit`` imports of a Python file or notebook."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        # IPython's magics and shell escapes are not Python; they import nothing of ours.
        sources = ["\n".join(l for l in s.splitlines() if not l.lstrip().startswith(("%", "!"))) for s in sources]
    else:
        sources = [path.read_text(encoding="utf-8")]
    found = set()
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            raise ReleaseError(f"{path}: cannot parse its Python to find what it imports ({exc.msg})") from None
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.split(".")[0] == "coursekit"}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                    and node.module.split(".")[0] == "coursekit":
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names}  # kept only if a module
    return found


def _module_file(root: Path, module: str) -> str | None:
    base = root / Path(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path.relative_to(root).as_posix()
    return None


def _package(root: Path, entry_files: list[Path], entry_modules: set[tuple[str, str]]) -> list[str]:
    """The files of ``coursekit`` that ``entry_*`` import, directly or through each other.

    Breadth first and in sorted order, so a module for instructors is reported, always the
    same way, by the file that imports it most directly.
    """
    queue = sorted(entry_modules | {(m, path.relative_to(root).as_posix()) for path in entry_files
                                    for m in _imports(path)})
    done: set[str] = set()
    for module, importer in queue:  # the queue grows while it is read
        parts = module.split(".")
        for n in range(1, len(parts) + 1):  # importing a.b.c imports a and a.b first
            rel = _module_file(root, ".".join(parts[:n]))
            if rel and rel not in done:
                if _instructor_only(rel):
                    raise ReleaseError(f"{root / importer}: imports {module}, which is for instructors only "
                                       f"({rel}); the student release cannot ship it")
                done.add(rel)
                queue += sorted((m, rel) for m in _imports(root / rel))
    pyproject = tomllib.loads(_read(root, "pyproject.toml"))
    data = pyproject.get("tool", {}).get("setuptools", {}).get("package-data", {})
    for package, patterns in data.items():
        folder = root / Path(*package.split("."))
        if _module_file(root, package) in done:
            done |= {p.relative_to(root).as_posix() for pattern in patterns
                     for p in folder.glob(pattern) if p.is_file()}
    return sorted(done)


def _entry_modules(root: Path, config: dict, scripts: dict[str, str]) -> set[tuple[str, str]]:
    """What runs besides the notebooks, and who names it: Sphinx extensions (``_config.yml``),
    ``python -m`` in the scripts, the ``coursekit`` command (``pyproject.toml``)."""
    sphinx = config.get("sphinx") or {}
    found = {(e, "_config.yml") for e in sphinx.get("extra_extensions") or [] if e.split(".")[0] == "coursekit"}
    for rel, text in scripts.items():
        found |= {(m, rel) for m in re.findall(r"-m\s+(coursekit(?:\.\w+)*)", text)}
    pyproject = tomllib.loads(_read(root, "pyproject.toml"))
    commands = pyproject.get("project", {}).get("scripts", {})
    found |= {(target.split(":")[0], "pyproject.toml") for target in commands.values()}
    return found


def _pyproject(root: Path, shipped: list[str]) -> str:
    """``pyproject.toml`` listing only the packages that are shipped (pip refuses a missing one)."""
    text = _read(root, "pyproject.toml")
    packages = tomllib.loads(text).get("tool", {}).get("setuptools", {}).get("packages")
    if packages is None:
        return text
    line = re.search(r"(?m)^packages[ \t]*=[ \t]*\[[^\]\n]*\][ \t]*$", text)
    if not line:
        raise ReleaseError(f"{root / 'pyproject.toml'}: [tool.setuptools] packages must be one line")
    kept = [p for p in packages if _module_file(root, p) in shipped]
    return text[:line.start()] + "packages = [" + ", ".join(f'"{p}"' for p in kept) + "]" + text[line.end():]


def _template(name: str, values: dict[str, str]) -> str:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    left = re.search(r"\{\{\w+\}\}", text)
    if left:
        raise ReleaseError(f"{TEMPLATES / name}: unknown placeholder {left.group(0)}")
    return text


def _values(root: Path) -> dict[str, str]:
    """What the templates say about the release: its title, repository, branch, Pages and Binder."""
    from coursekit.book.launch import repository

    config = yaml.safe_load(_read(root, "_config.yml")) or {}
    try:
        repo = repository(root / "_config.yml")
        owner, name = repo.org_repo
    except (ValueError, FileNotFoundError) as exc:
        raise ReleaseError(str(exc)) from None
    github = repo.url.lower().startswith("https://github.com/")
    return {"title": str(config.get("title") or name), "url": repo.url, "branch": repo.branch, "name": name,
            "book": f"https://{owner.lower()}.github.io/{name}/" if github else "the address of its GitHub Pages site",
            "binder": f"https://mybinder.org/v2/gh/{owner}/{name}/{repo.branch}" if github
            else "https://mybinder.org (give it the repository's address)"}


def workflow(root: Path = ROOT) -> str:
    """The release's GitHub workflow: build the book and publish it to Pages from the release."""
    return _template("book.yml", _values(root))


def _check_colab_cells(root: Path) -> None:
    """The chapters' Colab cell clones ``repository.url``: refuse to ship one that names another."""
    from coursekit.book import launch

    paths = sorted((root / "chapters").glob("*.ipynb")) + sorted((root / "reference").glob("*.ipynb"))
    stale = launch.sync(paths, launch.repository(root / "_config.yml"), check=True)
    if stale:
        raise ReleaseError(f"{stale[0]}: its Colab set-up cell does not match _config.yml's repository; "
                           f"run `python -m coursekit.book.launch` first")


def release_files(root: Path = ROOT) -> dict[str, tuple[str, bool]]:
    """Everything the release holds: ``{relative path: (text, executable)}``; nothing is written."""
    config = yaml.safe_load(_read(root, "_config.yml")) or {}
    _check_colab_cells(root)
    toc, pages = _student_toc(root)
    sources = set(FILES) | set(pages) | set(SCRIPTS)
    for folder in TREES:
        sources |= set(_tree(root, folder))
    exercises = sorted(p.relative_to(root).as_posix() for p in root.glob(STUDENT_DIST) if p.is_dir())
    if not exercises:
        raise ReleaseError(f"{root / 'exercises'}: no exercise has a dist/student/ (run `coursekit assign`)")
    for folder in exercises:
        sources |= set(_tree(root, folder))
    scripts = {rel: _read(root, rel) for rel in SCRIPTS}
    notebooks = [root / rel for rel in sorted(sources) if rel.endswith(".ipynb")]
    package = _package(root, notebooks + [root / rel for rel in SCRIPTS if rel.endswith(".py")],
                       _entry_modules(root, config, scripts))
    sources |= set(package)

    files: dict[str, tuple[str, bool]] = {}
    for rel in sorted(sources):
        text = _read(root, rel)
        if rel.endswith(".md"):
            text = strip_instructor_blocks(rel, text)
        files[rel] = (text, bool((root / rel).stat().st_mode & 0o111))
    files["_toc.yml"] = (toc, False)
    files["pyproject.toml"] = (_pyproject(root, package), False)
    files["README.md"] = (_template("README.md", _values(root)), False)
    files[WORKFLOW] = (workflow(root), False)
    leaked = sorted(rel for rel in files if _instructor_only(rel))
    if leaked:
        raise ReleaseError(f"{root / leaked[0]}: instructor-only, yet selected for the release "
                           f"(a bug in coursekit.instructor.release)")
    return dict(sorted(files.items()))


# --------------------------------------------------------------------------- writing

def _ignore_patterns(gitignore: str) -> list[str]:
    return [line.strip() for line in gitignore.splitlines()
            if line.strip() and not line.lstrip().startswith(("#", "!"))]


def _ignored(rel: str, is_dir: bool, patterns: list[str]) -> bool:
    """Whether git, given these ``.gitignore`` lines, ignores ``rel`` (the common forms only)."""
    return any(_glob(rel, pattern) for pattern in patterns if is_dir or not pattern.endswith("/"))


def _outside(out: Path, root: Path) -> Path:
    """``out``, resolved, unless the instructor's repository holds it or it holds the repository."""
    out = out.resolve()
    if out == root or root in out.parents or out in root.parents:
        raise ReleaseError(f"{out}: inside the instructor's repository (or holding it); choose a folder outside it")
    return out


def _previous(out: Path) -> set[str]:
    """The files of the release already in ``out`` (empty for a new or empty folder)."""
    if out.exists() and not out.is_dir():
        raise ReleaseError(f"{out}: not a folder")
    if not out.exists() or not [p for p in out.iterdir() if p.name != ".git"]:
        return set()  # new, empty, or a fresh clone of an empty repository
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
        assert manifest.get("generator") == "coursekit release" and isinstance(files, list)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        raise ReleaseError(f"{out}: not empty and not a student release (no valid {MANIFEST}); "
                           f"choose a new or empty folder") from None
    return {str(f) for f in files}


def _strangers(out: Path, previous: set[str], patterns: list[str]) -> list[str]:
    """Files in ``out`` that are neither the previous release, nor git's, nor ignored by git."""
    found = []
    for dirpath, dirnames, filenames in os.walk(out):
        rel_dir = Path(dirpath).relative_to(out).as_posix()
        rel = (lambda name: name) if rel_dir == "." else (lambda name, rel_dir=rel_dir: f"{rel_dir}/{name}")
        dirnames[:] = sorted(d for d in dirnames if not (rel(d) == ".git" or _ignored(rel(d), True, patterns)))
        found += [rel(f) for f in sorted(filenames)
                  if rel(f) not in previous | {MANIFEST, ".git"} and not _ignored(rel(f), False, patterns)]
    return found


def _manifest(files) -> str:
    return json.dumps({"generator": "coursekit release", "files": sorted(files)}, indent=1) + "\n"


def write_release(out: Path, files: dict[str, tuple[str, bool]], root: Path = ROOT) -> list[str]:
    """Make ``out`` hold exactly ``files`` (plus its ``.git`` and git-ignored files); return what changed."""
    from coursekit.runtime.atomic import write_atomic

    out = _outside(out, root)
    previous = _previous(out)
    strangers = _strangers(out, previous, _ignore_patterns(files[".gitignore"][0])) if out.is_dir() else []
    if strangers:
        raise ReleaseError(f"{out / strangers[0]}: not part of the previous release"
                           + (f" (nor are {len(strangers) - 1} more)" if len(strangers) > 1 else "")
                           + "; move it away, or release into a new folder")
    # Until the last line, the manifest lists old and new files alike, so an interrupted run
    # leaves a folder that the next run still recognises and cleans.
    write_atomic(out / MANIFEST, _manifest(previous | set(files)))
    changed = []
    for rel in sorted(previous - set(files)):
        path = out / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
            changed.append(rel)
        for folder in path.parents:
            if folder == out or not folder.is_dir() or any(folder.iterdir()):
                break
            folder.rmdir()
    for rel, (text, executable) in files.items():
        path = out / rel
        mode = 0o755 if executable else 0o644
        if path.is_file() and not path.is_symlink() and path.read_bytes() == text.encode("utf-8"):
            if path.stat().st_mode & 0o777 != mode:
                path.chmod(mode)
            continue
        write_atomic(path, text)
        path.chmod(mode)
        changed.append(rel)
    write_atomic(out / MANIFEST, _manifest(files))
    (out / MANIFEST).chmod(0o644)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coursekit release", description="Generate the student release: the "
                                     "course without its answers, for the public repository students use.")
    parser.add_argument("out", type=Path, metavar="OUT",
                        help="a new or empty folder, or a previous release (e.g. a clone of the release repository)")
    args = parser.parse_args(argv)
    try:
        _previous(_outside(args.out, ROOT))  # refuse a wrong folder before the work
        files = release_files(ROOT)
        changed = write_release(args.out, files, ROOT)
    except ReleaseError as exc:
        print(f"coursekit release: {exc}", file=sys.stderr)
        return 2
    print(f"coursekit release: {len(files)} files in {args.out.resolve()} ({len(changed)} changed)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
