"""Where the course is published, said once, and what is derived from it.

``repository.url`` and ``repository.branch`` in ``_config.yml`` are the single place
that names the published repository. From them come:

* the book's Binder and Colab launch buttons (Jupyter Book reads ``_config.yml``);
* the raw-file address the data loader falls back to (:mod:`coursekit.runtime.remote`);
* the first code cell of each chapter (and appendix notebook), which on Colab, and only
  there, fetches the course: its helper package, data and question banks. It is
  generated here; after changing the repository, refresh it with
  ``python -m coursekit.book.launch`` (``--check`` only reports; a test fails while a
  notebook is out of date).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

from coursekit import ROOT
from coursekit.runtime.repository import CONFIG_FILE, Repository, repository

__all__ = ["CONFIG_FILE", "SETUP_TAG", "Repository", "repository", "notebooks", "setup_cell_source", "sync"]

# The cell is found by this tag; "remove-cell" keeps it out of the book's pages
# (it still ships in the downloadable .ipynb, where it is needed).
SETUP_TAG = "colab-setup"
SETUP_TAGS = [SETUP_TAG, "remove-cell"]
# Python packages the helper package needs that Colab does not preinstall; their
# exact versions are read from the course's requirements.txt on Colab.
COLAB_EXTRAS = ("frictionless",)


def notebooks() -> list[Path]:
    """The book's notebooks that get the set-up cell: chapters and appendices."""
    return sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "reference").glob("*.ipynb"))


def setup_cell_source(repo: Repository) -> str:
    """The first code cell of a chapter: on Colab, fetch the course; elsewhere, nothing."""
    extras = ", ".join(f'"{name}=="' for name in COLAB_EXTRAS)
    return f'''\
# On Colab only: fetch the course (helper package, data, quizzes). Elsewhere this does nothing.
# Generated from _config.yml by `python -m coursekit.book.launch`.
import sys

if "google.colab" in sys.modules:
    import pathlib, subprocess
    course = pathlib.Path("/content/{repo.name}")
    if not course.is_dir():
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{repo.branch}",
                        "{repo.url}", str(course)], check=True)
    pins = [line.strip() for line in (course / "requirements.txt").read_text().splitlines()
            if line.startswith(({extras},))]
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *pins], check=True)
    sys.path.insert(0, str(course))'''


def _setup_cell(nb: nbformat.NotebookNode):
    for cell in nb.cells:
        if cell.cell_type == "code" and SETUP_TAG in cell.metadata.get("tags", []):
            return cell
    return None


def sync(paths: list[Path], repo: Repository | None = None, check: bool = False) -> list[Path]:
    """Make each notebook's first code cell the current set-up cell; return those that changed.

    With ``check``, nothing is written. A notebook that gains the cell must be
    re-executed (``coursekit execute``) so its execution counts stay consecutive.
    """
    repo = repo or repository()
    source = setup_cell_source(repo)
    changed = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        cell = _setup_cell(nb)
        if cell is not None and cell.source == source and cell.metadata.get("tags") == SETUP_TAGS:
            continue
        changed.append(Path(path))
        if check:
            continue
        if cell is None:
            cell = nbformat.v4.new_code_cell(source)
            if nb.nbformat_minor >= 5:
                cell["id"] = SETUP_TAG  # stable, so regenerating it changes nothing else
            else:
                cell.pop("id", None)
            first_code = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
            nb.cells.insert(first_code, cell)
        cell.source = source
        cell.metadata["tags"] = list(SETUP_TAGS)
        nbformat.write(nb, path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.book.launch",
                                     description="Refresh the chapters' Colab set-up cell from _config.yml.")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: chapters/*.ipynb reference/*.ipynb")
    parser.add_argument("--check", action="store_true", help="only list the notebooks that are out of date")
    args = parser.parse_args(argv)
    paths = args.notebooks or notebooks()
    changed = sync(paths, check=args.check)
    for path in changed:
        print(f"{'out of date' if args.check else 'updated'}: {path}", file=sys.stderr)
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
