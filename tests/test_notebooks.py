"""Committed notebooks are clean: what nbval compares is all that varies between runs."""
from pathlib import Path

import nbformat
import pytest

from coursekit.build import toc_pages
from coursekit.notebooks import WIDGET_VIEW, clean

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
APPENDICES = sorted((ROOT / "appendix").glob("*.ipynb"))
MASTERS = sorted(p for p in (ROOT / "exercises").glob("*/*.ipynb"))
NOTEBOOKS = CHAPTERS + APPENDICES + MASTERS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebook_is_executed_and_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert "widgets" not in nb.metadata
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert code and all(c.execution_count for c in code), "run `coursekit execute` on it"
    for cell in nb.cells:
        assert "execution" not in cell.metadata
        for output in cell.get("outputs", []):
            assert WIDGET_VIEW not in output.get("data", {})
            assert output.get("output_type") != "error", f"{path.name}: a cell raised"
    assert clean(nbformat.read(path, as_version=4)) == nb


def test_every_chapter_is_in_the_table_of_contents():
    listed = set(toc_pages(ROOT))
    assert {f"chapters/{p.stem}" for p in CHAPTERS} | {f"appendix/{p.stem}" for p in APPENDICES} <= listed


def test_clean_drops_widget_views_and_timestamps():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("quiz", execution_count=7)
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "q", WIDGET_VIEW: {"model_id": "abc"}},
                                           execution_count=7)]
    nb.cells = [nbformat.v4.new_markdown_cell("# t"), cell]
    nb.metadata["widgets"] = {"state": {}}
    clean(nb)
    assert "widgets" not in nb.metadata and "execution" not in cell.metadata
    assert cell.execution_count == 1 and cell.outputs[0]["execution_count"] == 1
    assert cell.outputs[0]["data"] == {"text/plain": "q"}
