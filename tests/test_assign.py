"""Specification of `coursekit assign` and of what it generates for students.

The exercise master (solutions, public and hidden tests) lives in
exercises/ex01_cancelled_visit/; its generated dist/ folder is committed.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from coursekit import ROOT, assign

EXERCISE = ROOT / "exercises" / "ex01_cancelled_visit"
MASTER = EXERCISE / "ex01_cancelled_visit.ipynb"
STUDENT = EXERCISE / "dist" / "student"
AUTOGRADER = EXERCISE / "dist" / "autograder"
QUESTIONS = ["q1", "q2", "q3", "q4"]

# otter imports ipylab, whose traitlets usage warns at import time; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def read_tests(folder: Path) -> dict[str, dict]:
    """The OK-format test dicts in ``folder``, by question."""
    tests = {}
    for path in sorted(folder.glob("q*.py")):
        env: dict = {}
        exec(path.read_text(encoding="utf-8"), env)
        tests[env["test"]["name"]] = env["test"]
    return tests


def solution_fragments() -> list[str]:
    """Code lines and Markdown paragraphs of the master that only the solutions may contain."""
    fragments, inside = [], False
    for cell in nbformat.read(MASTER, as_version=4).cells:
        first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
        if cell.cell_type == "raw" and re.match(r"#\s+(begin|end)\s+solution", first, re.I):
            inside = first.lower().startswith("# begin")
            continue
        if inside and cell.cell_type == "markdown":
            fragments += [p.strip() for p in cell.source.split("\n\n") if p.strip()]
        if cell.cell_type == "code":
            in_block = False
            for line in cell.source.splitlines():
                if line.strip().startswith("# BEGIN SOLUTION"):
                    in_block = True
                elif line.strip() == "# END SOLUTION":
                    in_block = False
                elif in_block or line.rstrip().endswith("# SOLUTION"):
                    fragments.append(line.replace("# SOLUTION", "").strip())
    return fragments


def student_text() -> str:
    """Everything a student receives, as parsed text: cell sources and public test code."""
    nb = nbformat.read(STUDENT / "ex01_cancelled_visit.ipynb", as_version=4)
    parts = [cell.source for cell in nb.cells]
    parts += [c["code"] for t in read_tests(STUDENT / "tests").values() for c in t["suites"][0]["cases"]]
    return "\n".join(parts)


def solved_copy(folder: Path) -> Path:
    """The student notebook in ``folder`` with its answer cells filled from the master."""
    master = {c.id: c.source for c in nbformat.read(MASTER, as_version=4).cells}
    path = folder / "ex01_cancelled_visit.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "otter_answer_cell" in cell.metadata.get("tags", []):
            cell.source = master[cell.id]
    nbformat.write(nb, path)
    return path


def check_outputs(path: Path) -> dict[str, str]:
    """Run the notebook in a fresh kernel; return the text each grader.check cell printed."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = {}
    for cell in nb.cells:
        match = re.fullmatch(r'grader\.check\("(\w+)"\)', cell.source.strip())
        if match:
            outputs[match.group(1)] = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
    return outputs


def test_generated_files_are_not_stale():
    assert assign.main([str(EXERCISE), "--check"]) == 0, "run `coursekit assign` and commit dist/"


def test_check_lists_changed_missing_and_extra_files(tmp_path, capsys):
    copy = tmp_path / EXERCISE.name
    shutil.copytree(EXERCISE, copy)
    (copy / "dist" / "student" / "tests" / "q1.py").write_text("# edited by hand\n")
    (copy / "dist" / "student" / "tests" / "q2.py").unlink()
    (copy / "dist" / "student" / "notes.txt").write_text("not generated\n")

    assert assign.main([str(copy), "--check"]) == 1
    err = capsys.readouterr().err
    for name in ("dist/student/tests/q1.py", "dist/student/tests/q2.py", "dist/student/notes.txt"):
        assert name in err
    assert "dist/student/tests/q3.py" not in err
    assert (copy / "dist" / "student" / "notes.txt").exists(), "--check must not change anything"


def test_missing_exercise_is_a_one_line_error(tmp_path, capsys):
    assert assign.main([str(tmp_path / "nope"), "--check"]) == 2
    err = capsys.readouterr().err
    assert "no such exercise" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_autograder_zip_is_stored_with_fixed_dates_in_name_order():
    import zipfile

    with zipfile.ZipFile(assign.autograder_zip(EXERCISE)) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {assign.ZIP_DATE}
    assert {f"tests/{q}.py" for q in QUESTIONS} <= {i.filename for i in infos}


def test_student_notebook_starts_with_otter_init():
    nb = nbformat.read(STUDENT / "ex01_cancelled_visit.ipynb", as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert 'grader = otter.Notebook("ex01_cancelled_visit.ipynb")' in first_code.source
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_student_notebook_has_no_solutions():
    text = student_text()
    fragments = solution_fragments()
    assert len(fragments) >= 8  # the check below is only as good as this list
    leaked = [f for f in fragments if f and f in text]
    assert leaked == []
    assert "# SOLUTION" not in text and "BEGIN SOLUTION" not in text


def test_student_tests_are_public_only_and_hidden_ones_stay_in_the_autograder():
    public, full = read_tests(STUDENT / "tests"), read_tests(AUTOGRADER / "tests")
    assert sorted(public) == sorted(full) == QUESTIONS
    hidden_code, shared = [], set()
    for name in QUESTIONS:
        cases = public[name]["suites"][0]["cases"]
        assert cases and not any(c["hidden"] for c in cases), name
        hidden = [c for c in full[name]["suites"][0]["cases"] if c["hidden"]]
        assert hidden, f"{name} has no hidden test"
        hidden_code += [line for c in hidden for line in c["code"].splitlines() if line.startswith(">>> ")]
        shared |= {line for c in cases for line in c["code"].splitlines()}  # e.g. an import
    text = student_text()
    assert [line for line in hidden_code if line not in shared and line[4:] in text] == []
    assert "# HIDDEN" not in text


def test_self_check_passes_on_a_solved_copy_offline(tmp_path):
    shutil.copytree(STUDENT, tmp_path / "student")
    outputs = check_outputs(solved_copy(tmp_path / "student"))
    assert sorted(outputs) == QUESTIONS
    for name, text in outputs.items():
        assert f"{name} results: All test cases passed!" in text, text


def test_self_check_flags_every_question_on_the_unsolved_copy(tmp_path):
    shutil.copytree(STUDENT, tmp_path / "student")
    outputs = check_outputs(tmp_path / "student" / "ex01_cancelled_visit.ipynb")
    assert sorted(outputs) == QUESTIONS
    for name, text in outputs.items():
        assert "All test cases passed" not in text and "Test case failed" in text, text
