"""How coursekit's modules depend on each other: one way, and the runtime without the book's or
the grader's tools.

Three parts, one per person (``coursekit/__init__.py``): ``runtime`` (a student's notebook),
``book`` (the build) and ``instructor`` (assign, grading, release). Tooling imports the runtime,
the instructor's modules may import the book's, and never the other way round.

Imports are read from the source (``ast``), including those inside functions, so an import
deferred to call time still counts as an edge of the graph.
"""
import ast
import subprocess
import sys

import pytest

from helpers import ROOT

PACKAGE = ROOT / "coursekit"


def module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that the file imports, at the top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: level 1 is this module's package, 2 its parent ...
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            # ``from coursekit import data`` imports the module coursekit.runtime.data, not only the package.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return {module_name(f): imported_modules(f, modules) for f in files}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as ``[a, b, ..., a]``, or ``[]`` if there is none.

    Importing a submodule always imports its package's ``__init__`` first; that is not an edge
    here, since an ``__init__`` that imported its own submodules would make every package a cycle."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        state[node] = "done"
        path.pop()
        return []

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return []


def test_the_import_graph_is_read_from_every_module_including_imports_inside_functions():
    graph = import_graph()
    assert {"coursekit", "coursekit.runtime.quiz", "coursekit.runtime.quiz_widget", "coursekit.instructor.grading.exercise"} <= set(graph)
    assert "coursekit.runtime.quiz_widget" in graph["coursekit.runtime.quiz"]  # imported inside Quiz.widget
    assert "coursekit.runtime.remote" in graph["coursekit.runtime.data"]  # imported inside functions
    assert "coursekit.instructor.assign" in graph["coursekit.instructor.grading.exercise"]


def test_a_cycle_is_found_and_named():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_module_of_coursekit_takes_part_in_an_import_cycle():
    cycle = find_cycle(import_graph())
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_the_widget_imports_the_question_bank_and_the_bank_imports_no_rendering():
    graph = import_graph()
    assert "coursekit.runtime.quiz" not in graph["coursekit.runtime.quiz_widget"]
    assert not graph["coursekit.runtime.quiz_bank"] & {"coursekit.runtime.quiz", "coursekit.runtime.quiz_widget"}


# What each part may import besides itself and the package's root (``coursekit``: ROOT).
MAY_IMPORT = {"runtime": set(), "book": {"runtime"}, "instructor": {"runtime", "book"}}


def part(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""


def test_coursekit_has_three_parts_and_only_the_command_beside_them():
    graph = import_graph()
    assert {part(m) for m in graph} == {"", "cli", "runtime", "book", "instructor"}
    assert {m for m in graph if m.count(".") == 1 and part(m) not in MAY_IMPORT} == {"coursekit.cli"}


def wrong_way(graph: dict[str, set[str]], name: str) -> list[str]:
    """The imports of part ``name``'s modules that ``MAY_IMPORT`` does not allow."""
    return sorted(f"{module} imports {target}" for module, targets in graph.items() if part(module) == name
                  for target in targets if part(target) not in MAY_IMPORT[name] | {name, ""})


@pytest.mark.parametrize("name", sorted(MAY_IMPORT))
def test_imports_go_one_way_from_tooling_to_the_runtime(name):
    wrong = wrong_way(import_graph(), name)
    assert not wrong, "\n".join(wrong)


def test_a_wrong_way_import_is_caught():
    graph = import_graph()
    graph["coursekit.runtime.data"] = graph["coursekit.runtime.data"] | {"coursekit.book.build"}
    graph["coursekit.book.pdf"] = graph["coursekit.book.pdf"] | {"coursekit.instructor.release"}
    assert wrong_way(graph, "runtime") == ["coursekit.runtime.data imports coursekit.book.build"]
    assert wrong_way(graph, "book") == ["coursekit.book.pdf imports coursekit.instructor.release"]


RUNTIME = sorted(module_name(f) for f in (PACKAGE / "runtime").glob("*.py"))
HEAVY = {"sphinx", "otter", "myst_nb", "jupyter_book", "docutils", "nbclient", "jupyter_cache", "distributed",
         "playwright", "pytest"}


@pytest.mark.parametrize("module", RUNTIME)
def test_what_a_notebook_imports_brings_in_no_tool_of_the_book_the_grader_or_the_tests(module):
    code = (f"import sys, {module}\n"
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(HEAVY)!r}))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], f"import {module} also imports {done.stdout.strip()}"
