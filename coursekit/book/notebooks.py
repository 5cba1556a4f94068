"""Execute notebooks in place so that committed outputs equal a fresh run.

Outputs are made deterministic: the live-widget view (its model id is random and
the static page drops it anyway) and execution timestamps are removed, and
execution counts are renumbered from 1. ``nbval`` then checks, in the test
suite, that a fresh run still reproduces what is committed.

Every notebook also gets :data:`KERNELSPEC`, exactly what the course's kernel
(``ipykernel install --name python3`` in ``scripts/env.sh``) reports: with any
other display name JupyterLab marks a notebook as modified the moment it opens.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from coursekit.runtime.quiz import WIDGET_VIEW

# The one kernelspec of every course notebook (tests/test_notebooks.py compares it with the kernel's).
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
TIMEOUT = 300


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip what varies between runs from an executed notebook (in place) and set its kernelspec."""
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if cell.outputs or cell.source.strip():
            count += 1
        cell.execution_count = count if cell.source.strip() else None
        for output in cell.outputs:
            if "execution_count" in output:
                output["execution_count"] = cell.execution_count
            data = output.get("data")
            if data is not None:
                data.pop(WIDGET_VIEW, None)
    return nb


def execute(path: Path, timeout: int = TIMEOUT) -> None:
    """Run ``path`` in a fresh kernel (cwd = its folder) and write it back cleaned."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=KERNELSPEC["name"], store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(clean(nb), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coursekit execute", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds per cell (default %(default)s)")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        if not path.is_file():
            print(f"coursekit execute: {path}: no such notebook", file=sys.stderr)
            return 2
        print(f"executing {path}", file=sys.stderr)
        execute(path, args.timeout)
    return 0
