"""One way to write a file so that no reader ever sees half of it, and one way to hash one, for all of coursekit.

A gradebook, a cached data file, a release manifest: each is written to a temporary file in the
same folder, flushed to disk, then moved over the old one with ``os.replace`` (atomic on POSIX).
An interruption leaves the old file as it was and no temporary file behind. Kept apart from the
grading and build code so a student's notebook can use it without importing either.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["sha256_of", "write_atomic"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8 with no newline translation, or bytes) to ``path`` atomically.

    The file keeps the mode of the one it replaces, or gets the usual mode of a new file
    (0644 under the common umask): ``mkstemp`` alone would leave it readable by its owner only,
    and a sandboxed grader, another user or a web server could no longer read it.
    """
    path = Path(path)
    body = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes, read in blocks: how submissions, autograders and data files are named."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
