"""Each chapter's committed outputs are what a fresh run gives: the book build of this run
(``built_book``, ``conftest.py``) executed every chapter and appendix notebook afresh, and each
code cell's outputs there must equal the committed ones.

The rule is nbval's (streams by name, ``data`` flattened by MIME type, execution counts, metadata,
tracebacks and widget model ids ignored), and stricter in one way: figures are compared too,
byte for byte, so a chart left stale after its code changed fails. The exercise masters are not
in the book; nbval runs them (``--nbval``, ``testpaths`` in ``pyproject.toml``). Executing the
chapters once, for the book, and checking them here, is what keeps them from running twice.
"""
from __future__ import annotations

from collections import defaultdict

import nbformat
import pytest
from nbval.plugin import transform_streams_for_comparison

from coursekit.book.build import executed_notebooks
from helpers import ROOT

NOTEBOOKS = [p.relative_to(ROOT).as_posix() for p in executed_notebooks(ROOT)]
# nbval's skip_compare without --nbdime, minus the images it skips: a figure is an output too.
IGNORED = {"metadata", "traceback", "prompt_number", "output_type", "name", "execution_count",
           "application/vnd.jupyter.widget-view+json"}


def comparable(outputs: list) -> dict[str, list]:
    """A cell's outputs as nbval compares them: each field (a MIME type of ``data``, a stream's
    name, ``ename``...) with the list of its values in order."""
    fields = defaultdict(list)
    for output in transform_streams_for_comparison(outputs):
        for key, value in output.items():
            if key == "data":
                for mime, data in value.items():
                    if mime not in IGNORED:
                        fields[mime].append(data)
            elif key not in IGNORED:
                fields[key].append(value)
    return dict(fields)


def differences(committed: nbformat.NotebookNode, fresh: nbformat.NotebookNode) -> list[str]:
    """Where ``fresh`` (executed) differs from ``committed``, cell by cell ("Cell N" counts code cells
    from 1, as nbval's test ids do)."""
    code = [c for c in committed.cells if c.cell_type == "code"]
    ran = [c for c in fresh.cells if c.cell_type == "code"]
    if [c.source for c in code] != [c.source for c in ran]:
        return ["the executed notebook's code cells are not the committed ones"]
    found = []
    for number, (mine, theirs) in enumerate(zip(code, ran), 1):
        want, got = comparable(mine.outputs), comparable(theirs.outputs)
        if want != got:
            keys = sorted(set(want) | set(got))
            which = [k for k in keys if want.get(k) != got.get(k)]
            found.append(f"Cell {number} ({mine.source.splitlines()[0][:60] if mine.source else ''}): "
                         f"{', '.join(which)} differ; committed {_short(want, which)} vs fresh {_short(got, which)}")
    return found


def _short(fields: dict, keys: list[str]) -> str:
    return "; ".join(f"{k}={str(fields.get(k))[:300]!r}" for k in keys)


def test_every_executed_page_of_the_book_is_checked():
    assert [n for n in NOTEBOOKS if n.startswith("chapters/")] == sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").glob("*.ipynb"))
    assert "reference/data_appendix.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_committed_outputs_equal_this_runs_fresh_execution(built_book, path):
    fresh = built_book / "_build" / "jupyter_execute" / path
    assert fresh.is_file(), f"the book build wrote no executed copy of {path}"
    problems = differences(nbformat.read(ROOT / path, as_version=4), nbformat.read(fresh, as_version=4))
    assert not problems, f"{path}: run `coursekit execute {path}`\n" + "\n".join(problems)


def test_a_changed_output_a_changed_figure_and_a_missing_output_are_each_found():
    nb = nbformat.read(ROOT / NOTEBOOKS[0], as_version=4)
    assert differences(nb, nb) == []
    cells = [c for c in nb.cells if c.cell_type == "code" and c.outputs]
    text_cell = next(c for c in cells if any(o.output_type == "stream" or "text/plain" in o.get("data", {})
                                             for o in c.outputs))
    figure_cell = next((c for c in nbformat.read(ROOT / "chapters/02_india_factor.ipynb", as_version=4).cells
                        if c.cell_type == "code" and any("image/png" in o.get("data", {}) for o in c.outputs)))

    changed = nbformat.from_dict(nb)
    target = next(c for c in changed.cells if c.cell_type == "code" and c.source == text_cell.source)
    out = next(o for o in target.outputs if o.output_type == "stream" or "text/plain" in o.get("data", {}))
    if out.output_type == "stream":
        out.text += "x"
    else:
        out.data["text/plain"] += "x"
    assert len(differences(nb, changed)) == 1

    chapter = nbformat.read(ROOT / "chapters/02_india_factor.ipynb", as_version=4)
    redrawn = nbformat.from_dict(chapter)
    cell = next(c for c in redrawn.cells if c.cell_type == "code" and c.source == figure_cell.source)
    image = next(o for o in cell.outputs if "image/png" in o.get("data", {}))
    image.data["image/png"] = image.data["image/png"][:-8] + "AAAAAAA="
    assert "image/png differ" in differences(chapter, redrawn)[0]

    emptied = nbformat.from_dict(nb)
    next(c for c in emptied.cells if c.cell_type == "code" and c.source == text_cell.source).outputs = []
    assert differences(nb, emptied) and differences(emptied, nb)
