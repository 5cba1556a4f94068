"""The linter: ruff, pinned in requirements/test.txt and configured in pyproject.toml ``[tool.ruff]``.

The suite runs it, so ``.ci/run`` and every pull request enforce it like any other test. Its rules
catch bugs rather than taste (pyflakes, bugbear, syntax and statement errors); it reads the
package, the tests, the benchmarks, the chapters and the exercise masters, not what is generated
(``_build``, the exercises' ``dist``). ``ruff format`` is not enforced: it would rewrite most files.
To fix what it finds: ``.venv/bin/ruff check --fix`` for the safe fixes, by hand for the rest.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from helpers import ROOT, pinned_tool


def ruff() -> str:
    return pinned_tool("ruff")


def check(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    # --no-cache: nothing written into the checkout; the whole repository takes well under a second.
    return subprocess.run([ruff(), "check", "--no-cache", "--output-format=concise", *args],
                          cwd=cwd or ROOT, capture_output=True, text=True, timeout=120)


def checked_files() -> set[str]:
    done = subprocess.run([ruff(), "check", "--no-cache", "--show-files", "."], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    return {Path(line).relative_to(ROOT).as_posix() for line in done.stdout.splitlines() if line.startswith("/")}


def test_ruff_finds_nothing_in_the_repository():
    done = check(".")
    assert done.returncode == 0, ("ruff's findings (`.venv/bin/ruff check --fix` fixes the safe ones):\n"
                                  + (done.stdout + done.stderr).strip())


def test_the_ruff_that_runs_is_the_one_pinned_in_the_test_lock():
    pin = re.search(r"^ruff==(\S+)$", (ROOT / "requirements" / "test.txt").read_text(encoding="utf-8"), re.M)
    assert pin, "ruff is not pinned exactly in requirements/test.txt"
    version = subprocess.run([ruff(), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.split() == ["ruff", pin.group(1)]


def test_ruff_reads_the_code_and_the_notebooks_but_not_what_is_generated():
    files = checked_files()
    for wanted in ["coursekit/cli.py", "coursekit/instructor/grading/judge.py", "tests/test_lint.py", "tests/conftest.py",
                   "benchmarks/run.py", "chapters/00_background.ipynb", "reference/data_appendix.ipynb",
                   "exercises/ex00_background/ex00_background.ipynb"]:
        assert wanted in files, f"ruff does not read {wanted}"
    assert not [f for f in files if f.startswith(("_build/", ".venv/", "node_modules/")) or "/dist/" in f]


def test_the_configuration_catches_real_bugs(tmp_path):
    # The repository's configuration, applied to a file with one bug per rule family it selects.
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    (tmp_path / "buggy.py").write_text(
        "import os\n"                                  # F401 unused import
        "def total(items, seen=[]):\n"                 # B006 mutable default
        "    for item in items:\n"
        "        seen.append(itme)\n"                  # F821 undefined name
        "    return seen\n"
        "def same(x):\n"
        "    return x is 'a'\n"                        # F632 `is` with a literal
        "pattern = '\\d+'\n",                          # W605 invalid escape
        encoding="utf-8")
    done = check("buggy.py", cwd=tmp_path)
    assert done.returncode == 1
    found = set(re.findall(r": ([A-Z]+\d+) ", done.stdout))
    assert {"F401", "B006", "F821", "F632", "W605"} <= found, done.stdout
