"""Generate each exercise's student notebook and autograder from its master, byte-stable.

An exercise is a folder ``exercises/NAME/`` holding one otter-assign master ``NAME.ipynb`` (solutions,
public and hidden tests). ``coursekit assign`` runs otter assign on it and writes the result to
``exercises/NAME/dist/``::

    dist/student/NAME.ipynb            what students get (no solutions, no hidden tests)
    dist/student/tests/qN.py           public tests, for grader.check() offline
    dist/autograder/NAME.ipynb         solutions notebook
    dist/autograder/tests/qN.py        public + hidden tests
    dist/autograder/NAME-autograder.zip   what ``coursekit grade`` and ``otter run`` use

The output is committed, so it must not change unless the master does. Otter's own output does
change on every run: the zip name carries a timestamp, zip entries carry mtimes and come in glob
order, and cells that otter adds (init and check cells) get random ids. Those are normalised here.
``--check`` regenerates into a temporary folder and fails, listing the files, if ``dist/`` is stale.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import logging
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import nbformat

from coursekit import ROOT
from coursekit.book.notebooks import KERNELSPEC

EXERCISES_DIR = ROOT / "exercises"
DIST = "dist"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # earliest date a zip can hold
# A call ``grader.check("q1")`` (either quotes, spaces allowed) names the question it checks: the one
# pattern for the check cells otter writes here and for the ones the grader finds in submissions.
CHECK_CALL = re.compile(r"""grader\.check\(\s*["']([^"']+)["']\s*\)""")


class AssignError(Exception):
    """A problem with an exercise folder, reported as one line without a traceback."""


def master_of(exercise: Path) -> Path:
    """The master notebook of ``exercise``: by convention ``<folder>/<folder name>.ipynb``."""
    if not exercise.is_dir():
        raise AssignError(f"{exercise}: no such exercise folder")
    master = exercise / f"{exercise.name}.ipynb"
    if not master.is_file():
        raise AssignError(f"{exercise}: no master notebook {master.name}")
    return master


def check_master_executed(master: Path) -> None:
    """Fail early if a test cell was never run.

    OK-format tests take their *expected* output from the master's stored outputs, so an
    unexecuted master silently produces tests that expect nothing. An executed cell may rightly have
    no output: the public tests evaluate to None when the answer passes and to a message otherwise,
    so it is the execution count, not the output, that tells whether the cell ran.
    """
    inside = False
    for index, cell in enumerate(nbformat.read(master, as_version=4).cells, start=1):
        first = cell.source.lstrip().split("\n", 1)[0].strip().lower()
        if cell.cell_type == "raw" and re.fullmatch(r"#\s*(begin|end)\s+tests", first):
            inside = first.startswith("# begin") or first.startswith("#begin")
            continue
        if inside and cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None:
            raise AssignError(f"{master}: test cell {index} was never run (no execution count); "
                              f"run `coursekit execute {master}` first")


def autograder_zip(exercise: Path) -> Path:
    """Where the committed autograder zip of ``exercise`` lives."""
    return exercise / DIST / "autograder" / f"{exercise.name}-autograder.zip"


def student_notebook(exercise: Path) -> Path:
    """The generated student notebook of ``exercise``."""
    return exercise / DIST / "student" / f"{exercise.name}.ipynb"


def filled(exercise: Path, answers: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """The student notebook with its answer cells filled in, as a student might hand it in.

    ``answers`` maps an answer cell's id to its new source; a cell not named there gets
    the master's solution (the cell of the same id), so ``filled(ex)`` is a full-marks
    submission. Tests and benchmarks build their classes from this.
    """
    master = {c.id: c.source for c in nbformat.read(master_of(exercise), as_version=4).cells}
    nb = nbformat.read(student_notebook(exercise), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "otter_answer_cell" in cell.metadata.get("tags", []):
            if cell.id not in master and cell.id not in (answers or {}):
                raise AssignError(f"{student_notebook(exercise)}: answer cell {cell.id} has no counterpart in the master")
            cell.source = (answers or {}).get(cell.id, master.get(cell.id))
    return nb


def answer_cells(exercise: Path) -> list[str]:
    """The ids of the student notebook's answer cells, in order."""
    nb = nbformat.read(student_notebook(exercise), as_version=4)
    return [c.id for c in nb.cells if c.cell_type == "code" and "otter_answer_cell" in c.metadata.get("tags", [])]


def sample_submissions(exercise: Path) -> dict[str, nbformat.NotebookNode]:
    """Three submissions every grading test and benchmark needs: every answer (the master's
    solutions), every other answer (the rest left as handed out), and none."""
    cells = answer_cells(exercise)
    given = {c.id: c.source for c in nbformat.read(student_notebook(exercise), as_version=4).cells if c.id in cells}
    return {"full": filled(exercise), "half": filled(exercise, {cid: given[cid] for cid in cells[1::2]}),
            "none": filled(exercise, given)}


def discover(root: Path = EXERCISES_DIR) -> list[Path]:
    """Every exercise folder under ``root`` that has a master notebook, sorted."""
    return sorted(p for p in root.iterdir() if (p / f"{p.name}.ipynb").is_file()) if root.is_dir() else []


# --------------------------------------------------------------------------- normalisation

def _normalise_notebook(path: Path, master_ids: set[str]) -> None:
    """Give otter-added cells stable ids (derived from their source) instead of random ones, and the
    course's one kernelspec (so the notebook opens unmodified in JupyterLab, whatever the master had)."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    used: set[str] = set()
    for cell in nb.cells:
        cid = cell.get("id")
        if cid not in master_ids or cid in used:
            source = cell.source.strip()
            match = CHECK_CALL.fullmatch(source)
            if match:
                cid = f"check-{match.group(1)}"
            elif source.startswith("# Initialize Otter"):
                cid = "otter-init"
            else:
                cid = "otter-" + hashlib.sha256(source.encode()).hexdigest()[:8]
            base, n = cid, 1
            while cid in used or cid in master_ids:
                n += 1
                cid = f"{base}-{n}"
            cell["id"] = cid
        used.add(cid)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def _normalise_zip(path: Path, target: Path) -> None:
    """Rewrite otter's zip with sorted entries, a fixed date and no compression.

    Stored (uncompressed) entries keep the bytes independent of the zlib build; the zip is ~10 kB.
    """
    with zipfile.ZipFile(path) as src:
        entries = sorted((info.filename, src.read(info)) for info in src.infolist() if not info.is_dir())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as dst:
        for name, payload in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 3  # unix, so the permission bits below are honoured
            info.external_attr = 0o644 << 16
            dst.writestr(info, payload)
    path.unlink()
    target.write_bytes(buffer.getvalue())


def _normalise(out: Path, exercise: Path, master: Path) -> None:
    master_ids = {c.get("id") for c in nbformat.read(master, as_version=4).cells}
    for nb_path in out.rglob("*.ipynb"):
        _normalise_notebook(nb_path, master_ids)
    zips = sorted((out / "autograder").glob("*.zip"))
    if len(zips) != 1:
        raise AssignError(f"{master}: otter assign made {len(zips)} autograder zips, expected 1")
    _normalise_zip(zips[0], out / "autograder" / autograder_zip(exercise).name)


# --------------------------------------------------------------------------- generation

def generate(exercise: Path, run_tests: bool = True) -> dict[str, bytes]:
    """Run otter assign on ``exercise``'s master in a scratch folder; return {relative path: bytes}.

    With ``run_tests`` otter also grades its solutions notebook and fails unless it scores full
    marks, which catches a hidden test that disagrees with the solution.
    """
    from otter.assign import main as otter_assign

    master = master_of(exercise)
    check_master_executed(master)
    with tempfile.TemporaryDirectory(prefix="coursekit-assign-") as tmp:
        out = Path(tmp) / DIST
        quiet = io.StringIO()
        logging.getLogger("otter").setLevel(logging.WARNING)
        try:
            with contextlib.redirect_stdout(quiet):
                otter_assign(str(master), str(out), no_pdfs=True, no_run_tests=not run_tests)
        except Exception as exc:  # otter's errors are many types; one line is what the user needs
            message = " ".join(str(exc).split()) or type(exc).__name__
            raise AssignError(f"{master}: otter assign failed: {message}") from exc
        _normalise(out, exercise, master)
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


# Written when a student notebook runs in place (otter's check log, Jupyter's checkpoints) and
# ignored by git: not part of what assign generates, so neither stale nor to be deleted.
RUNTIME_FILES = (".OTTER_LOG", ".ipynb_checkpoints")


def stale_files(exercise: Path, generated: dict[str, bytes]) -> list[str]:
    """Paths (relative to the exercise) that differ between ``dist/`` and ``generated``."""
    dist = exercise / DIST
    present = {p.relative_to(dist).as_posix() for p in dist.rglob("*")
               if p.is_file() and not set(p.relative_to(dist).parts) & set(RUNTIME_FILES)} if dist.is_dir() else set()
    stale = [name for name, payload in generated.items()
             if name not in present or (dist / name).read_bytes() != payload]
    stale += [name for name in present - generated.keys()]
    return sorted(f"{DIST}/{name}" for name in stale)


def write(exercise: Path, generated: dict[str, bytes]) -> list[str]:
    """Make ``dist/`` equal to ``generated``, touching only files that change; return those."""
    changed = stale_files(exercise, generated)
    dist = exercise / DIST
    for rel in changed:
        name = rel[len(DIST) + 1:]
        target = dist / name
        if name in generated:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(generated[name])
        else:
            target.unlink()
    for folder in sorted((p for p in dist.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="coursekit assign",
        description="Generate student notebooks and autograders from exercise masters (otter assign).",
    )
    parser.add_argument("exercises", nargs="*", type=Path,
                        help="exercise folders (default: every folder under exercises/ with a master)")
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder; exit 1 listing stale files, change nothing")
    parser.add_argument("--no-run-tests", action="store_true",
                        help="skip grading the solutions notebook (faster; --check always skips it)")
    args = parser.parse_args(argv)
    exercises = args.exercises or discover()
    if not exercises:
        print("coursekit assign: no exercises found", file=sys.stderr)
        return 2
    stale: list[str] = []
    try:
        for exercise in exercises:
            # Staleness depends only on the files written, so --check need not re-run the tests.
            generated = generate(exercise, run_tests=not (args.check or args.no_run_tests))
            if args.check:
                stale += [str(exercise / name) for name in stale_files(exercise, generated)]
            else:
                for name in write(exercise, generated):
                    print(f"wrote {exercise / name}", file=sys.stderr)
    except AssignError as exc:
        print(f"coursekit assign: {exc}", file=sys.stderr)
        return 2
    if stale:
        print("coursekit assign: stale generated files (run `coursekit assign`):\n  " + "\n  ".join(stale),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
