"""Which files to grade and what they hold: the submissions folder, students, resubmissions, notebooks.

Everything here reads student files as data and never runs them.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from coursekit.instructor.assign import EXERCISES_DIR, autograder_zip

MAX_NOTEBOOK_BYTES = 100 * 2**20
_NOTEBOOK_CALL = re.compile(r"""otter\.Notebook\(\s*["']([^"']+)\.ipynb["']""")


class GradingError(Exception):
    """Bad command-line input, reported as one line without a traceback."""


class Ungradable(Exception):
    """A submission that cannot run: ``status`` and a one-line ``reason``."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason

def resolve_exercise(arg: str) -> Path:
    path = Path(arg)
    if not path.is_dir() and (EXERCISES_DIR / arg).is_dir():
        path = EXERCISES_DIR / arg  # a bare exercise name is also accepted
    if not path.is_dir():
        raise GradingError(f"{arg}: no such exercise")
    if not autograder_zip(path).is_file():
        raise GradingError(f"{arg}: no autograder at {autograder_zip(path)}; run `coursekit assign {arg}` first")
    return path.resolve()


def list_submissions(folder: Path) -> tuple[list[Path], list[str]]:
    """The ``*.ipynb`` files of ``folder`` by name, and the names of the files skipped."""
    if not folder.is_dir():
        raise GradingError(f"{folder}: no such submissions folder")
    found, skipped = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.suffix.lower() != ".ipynb":
            skipped.append(path.name)
        else:
            found.append(path)
    if not found:
        raise GradingError(f"{folder}: no .ipynb submissions in this folder")
    return found, skipped


def check_output_folder(out: Path) -> None:
    """Fail before grading, not after, if OUT cannot take the results."""
    if out.exists() and not out.is_dir():
        raise GradingError(f"{out}: exists and is not a folder")
    try:
        (out / "feedback").mkdir(parents=True, exist_ok=True)
        for folder in (out, out / "feedback"):
            fd, probe = tempfile.mkstemp(prefix=".coursekit-probe-", dir=folder)
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise GradingError(f"{out}: output folder is not writable ({exc.strerror or exc})") from None
def student_of(filename: str) -> str:
    """The student a file belongs to: its name up to the first ``__`` (or the whole stem)."""
    stem = filename[: -len(".ipynb")] if filename.lower().endswith(".ipynb") else filename
    return stem.split("__", 1)[0].strip() or stem


def natural(name: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name)]


def counted_files(names: list[str]) -> dict[str, str | None]:
    """File -> None if it counts, else the name of the file of the same student that supersedes it."""
    latest: dict[str, str] = {}
    for name in sorted(names, key=natural):
        latest[student_of(name)] = name
    return {name: None if latest[student_of(name)] == name else latest[student_of(name)] for name in names}


_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"{\\rtf", "an RTF document"), (b"<!DOCTYPE html", "an HTML page"),
    (b"<html", "an HTML page"),
]


def read_notebook(data: bytes, exercise_name: str):
    """Parse submitted bytes, or raise :class:`Ungradable` saying why not (and not a traceback).

    Returns ``(cells, notes)``: cells as plain dicts (type, source, id, ignore) without outputs, so
    that a huge stored output costs nothing later; notes are remarks for the reason column. Old
    formats are converted by nbformat, bytes that are not UTF-8 replaced, both noted.
    """
    import nbformat

    notes = []
    if not data.strip():
        raise Ungradable("invalid", "empty file" if not data else "the file holds only whitespace")
    for magic, what in _MAGIC:
        if data[:64].lstrip().startswith(magic):
            raise Ungradable("invalid", f"not a notebook: the file is {what} renamed .ipynb")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        notes.append(f"not valid UTF-8 (first bad byte at offset {exc.start}); undecodable bytes replaced")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Ungradable("invalid", f"not a notebook: invalid JSON: {exc.msg} (line {exc.lineno}, "
                                    f"column {exc.colno})") from None
    except RecursionError:
        raise Ungradable("invalid", "not a notebook: JSON nested too deeply") from None
    if not isinstance(raw, dict) or not ("cells" in raw or "worksheets" in raw):
        raise Ungradable("invalid", "not a notebook: JSON without notebook cells")
    version = raw.get("nbformat")
    if version not in (1, 2, 3, 4):
        raise Ungradable("invalid", f"not a notebook this grader can read (nbformat {version!r})")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat's errors vary with the version; one line is what is needed
        raise Ungradable("invalid", one_line(f"nbformat {version} notebook that cannot be converted to "
                                              f"nbformat 4: {exc}")) from None
    if version != 4:
        notes.append(f"converted from nbformat {version}")
    cells = []
    for cell in nb.get("cells", []):
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        cid = cell.get("id") if version == 4 else None  # ids made up by the conversion mean nothing
        tags = cell.get("metadata", {}).get("tags", []) if isinstance(cell.get("metadata"), dict) else []
        otter_meta = cell.get("metadata", {}).get("otter", {}) if isinstance(cell.get("metadata"), dict) else {}
        cells.append({"cell_type": cell["cell_type"], "source": source, "id": cid if isinstance(cid, str) else None,
                      "ignore": "otter_ignore" in (tags if isinstance(tags, list) else [])
                      or (isinstance(otter_meta, dict) and bool(otter_meta.get("ignore")))})
    meta = nb.get("metadata", {}) if isinstance(nb.get("metadata"), dict) else {}
    otter_meta = meta.get("otter", {}) if isinstance(meta.get("otter"), dict) else {}
    claimed = otter_meta.get("assignment_name")
    if not claimed:
        names = {m for c in cells if c["cell_type"] == "code" for m in _NOTEBOOK_CALL.findall(c["source"])}
        claimed = names.pop() if len(names) == 1 else None
    if claimed and claimed != exercise_name:
        raise Ungradable("wrong-exercise", f"this notebook is for {claimed}, not {exercise_name}")
    return cells, notes


def one_line(text: str, limit: int = 300) -> str:
    """Any text as one line of at most ``limit`` characters (reasons go into a CSV cell)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def mask_addresses(text: str) -> str:
    """Memory addresses differ on every run; a gradebook must not."""
    return re.sub(r"0x[0-9a-fA-F]{6,}", "0x…", text)
