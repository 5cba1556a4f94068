"""What the grader knows about an exercise: its questions, their tests, and where each is graded.

Read from the exercise's autograder zip (made by ``coursekit assign``) and its handed-out student
notebook; the tests are our own generated files, never a student's.
"""
from __future__ import annotations

import ast
import doctest
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from coursekit.instructor.assign import CHECK_CALL, DIST, autograder_zip


@dataclass
class Question:
    name: str
    points: float
    manual: bool = False

def read_test_specs(exercise: Path) -> dict[str, dict]:
    """The autograder's tests by question: ``{name: {"path": ..., "spec": ...}}``."""
    specs = {}
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        for name in sorted(n for n in zf.namelist() if n.startswith("tests/") and n.endswith(".py")):
            env: dict = {}
            exec(zf.read(name).decode("utf-8"), env)  # our own generated test file
            specs[env["test"]["name"]] = {"path": name, "spec": env["test"]}
    return specs


def otter_config(exercise: Path) -> dict:
    with zipfile.ZipFile(autograder_zip(exercise)) as zf:
        try:
            return json.loads(zf.read("otter_config.json"))
        except KeyError:
            return {}


def questions_of(exercise: Path) -> list[Question]:
    """Auto-graded questions (from the autograder's tests) then manual ones (from the master).

    Point totals come from otter's own test-file parser, so ``max`` matches what otter awards.
    """
    from otter.test_files.ok_test import OKTestFile

    questions = [Question(name, float(OKTestFile.from_spec(t["spec"], path=t["path"]).possible))
                 for name, t in read_test_specs(exercise).items()]
    master = exercise / f"{exercise.name}.ipynb"
    if master.is_file():
        import nbformat
        import yaml

        for cell in nbformat.read(master, as_version=4).cells:
            lines = cell.source.splitlines()
            if cell.cell_type == "raw" and lines and lines[0].strip().upper() == "# BEGIN QUESTION":
                config = yaml.safe_load("\n".join(lines[1:])) or {}
                if config.get("manual"):
                    questions.append(Question(str(config["name"]), float(config.get("points") or 0), True))
    return questions


# --------------------------------------------------------------------------- reading a submission

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"{\\rtf", "an RTF document"), (b"<!DOCTYPE html", "an HTML page"),
    (b"<html", "an HTML page"),
]

@dataclass
class Layout:
    """Where each question is checked in the student notebook that was handed out."""

    index: dict  # cell id -> position in the handed-out notebook
    check_at: dict  # question -> position of its check cell
    answers: dict  # question -> ids of its answer cells


def layout_of(exercise: Path) -> Layout:
    import nbformat

    path = exercise / DIST / "student" / f"{exercise.name}.ipynb"
    cells = nbformat.read(path, as_version=4).cells if path.is_file() else []
    index, check_at, answers, pending = {}, {}, {}, []
    for i, cell in enumerate(cells):
        index.setdefault(cell.get("id"), i)
        if cell.cell_type != "code":
            continue
        calls = CHECK_CALL.findall(cell.source)
        if calls:
            for name in calls:
                check_at.setdefault(name, i)
                answers.setdefault(name, [c for c in pending])
            pending = []
        elif "otter_answer_cell" in cell.metadata.get("tags", []):
            pending.append(cell.get("id"))
    return Layout(index, check_at, answers)


def plan(cells: list[dict], layout: Layout, questions: list[str]) -> tuple[dict, list]:
    """Decide when to grade each question: ``({cell position: [questions]}, [at the end])``.

    A question is graded just before the first cell, after all its answer cells, that comes at or
    after its check cell in the handed-out notebook; for an ordinary submission that is the check
    cell itself, which is where ``otter run`` grades it. Moved, edited or deleted check cells do not
    move that point; cells the student added between an answer and its check run before it. Without
    matching cell ids (old formats), the last cell calling ``grader.check`` for it, else the end.
    """
    position = [layout.index.get(c["id"]) if c["id"] else None for c in cells]
    matched = any(p is not None for p in position)
    before: dict[int, list[str]] = {}
    end = []
    for name in questions:
        at = None
        if matched and name in layout.check_at:
            answers = set(layout.answers.get(name, []))
            after = max((j + 1 for j, c in enumerate(cells) if c["id"] in answers), default=0)
            at = next((j for j in range(after, len(cells))
                       if position[j] is not None and position[j] >= layout.check_at[name]), None)
        elif not matched:
            at = max((j for j, c in enumerate(cells) if c["cell_type"] == "code"
                      and name in CHECK_CALL.findall(c["source"])), default=None)
        if at is None:
            end.append(name)
        else:
            before.setdefault(at, []).append(name)
    return before, end


def seeded(cells: list[dict], config: dict) -> list[dict]:
    """Otter's intercell seeding (``seed``, ``seed_variable`` in otter_config.json), as otter does it."""
    seed = config.get("seed")
    if seed is None:
        return cells
    if config.get("seed_variable"):
        prefix = f"{config['seed_variable']} = {seed}"
    else:
        prefix = (f"import numpy as _np_seed\nimport random as _random_seed\n"
                  f"_np_seed.random.seed({seed})\n_random_seed.seed({seed})")
    return [dict(c, source=f"{prefix}\n{c['source']}")
            if c["cell_type"] == "code" and not c["source"].startswith("%%") else c for c in cells]


def names_used(spec: dict) -> list[str]:
    """The names a test's code reads without defining them: the student's values it needs.

    Comprehension variables and names the test assigns or imports are left out; what is left may
    still include a name the student never defined, which is simply not exported.
    """
    import builtins

    found, bound = [], set()
    for suite in spec.get("suites", []):
        for case in suite.get("cases", []):
            for example in doctest.DocTestParser().get_examples(case.get("code", "")):
                tree = ast.parse(example.source)
                for node in ast.walk(tree):
                    if isinstance(node, (ast.Import, ast.ImportFrom)):
                        bound.update((a.asname or a.name).split(".")[0] for a in node.names)
                    elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                        bound.add(node.id)
                    elif isinstance(node, ast.arg):
                        bound.add(node.arg)
                for node in ast.walk(tree):
                    if (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
                            and node.id not in bound and node.id not in found and not hasattr(builtins, node.id)):
                        found.append(node.id)
    return found
