"""The prose of a course notebook or page, for tests that check what the text says.

Line breaks and runs of spaces are folded into single spaces, so a phrase is found even where the
text wraps it across lines.
"""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def prose(path: str) -> str:
    """The markdown cells of a notebook (or the whole of a .md file), folded."""
    file = ROOT / path
    if file.suffix == ".md":
        return fold(file.read_text(encoding="utf-8"))
    cells = json.loads(file.read_text(encoding="utf-8"))["cells"]
    return fold("\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown"))


def section(path: str, heading: str) -> str:
    """The text under a '## heading' of a notebook, up to the next '## ' heading."""
    text = prose(path)
    start = text.find(f"## {heading}")
    assert start >= 0, f"{path}: no section '## {heading}'"
    following = re.compile(r"(?<!#)## ").search(text, start + 3)  # a '### ' subsection does not end it
    return text[start:following.start() if following else None]


def cell_text(path: str, cell_id: str) -> str:
    """One cell's source, folded, found by its id (exercise masters name their cells)."""
    cells = json.loads((ROOT / path).read_text(encoding="utf-8"))["cells"]
    found = [c for c in cells if c.get("id") == cell_id]
    assert len(found) == 1, f"{path}: {len(found)} cells with id {cell_id!r}"
    return fold("".join(found[0]["source"]))
