"""The course's data over HTTP, for a notebook that runs without the repository beside it.

A chapter opened on its own (a downloaded copy, or ``coursekit`` installed from the
repository without its ``data/`` folder) has no local data package. :mod:`coursekit.data`
then asks :func:`mirror` for a local copy: ``datapackage.json`` is downloaded into a
cache folder, and each data file when a notebook first loads it (:func:`ensure`). The
copy is an ordinary data folder, so every file is validated exactly as a local one.

Where the data come from, first match wins:

1. ``COURSEKIT_DATA_URL``: the address of a published ``data/`` folder;
2. ``repository.url`` and ``repository.branch`` in the book's ``_config.yml`` (raw files
   of the repository's ``data/``), when ``coursekit`` runs from a clone;
3. the repository and commit that ``pip install git+URL`` recorded for ``coursekit``.

The cache is ``$COURSEKIT_CACHE``, else ``$XDG_CACHE_HOME/coursekit``, else
``~/.cache/coursekit`` (a temporary folder if that is not writable), with one folder per
address. A cached file is re-validated against the server (ETag / Last-Modified) once per
process; offline, the cached copy is used with a warning.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import warnings
from pathlib import Path, PurePosixPath
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

__all__ = ["ENV_URL", "ENV_CACHE", "FetchError", "data_url", "cache_root", "mirror", "ensure", "is_mirror"]

ENV_URL = "COURSEKIT_DATA_URL"
ENV_CACHE = "COURSEKIT_CACHE"
PACKAGE_FILE = "datapackage.json"
SOURCE_FILE = ".coursekit-source"  # in a mirror: the address it copies
HTTP_FILE = ".coursekit-http.json"  # in a mirror: ETag / Last-Modified of each file
TIMEOUT = 30  # seconds per request

_checked: set[tuple[str, str]] = set()  # (mirror, file) already compared with the server
_lock = threading.Lock()


class FetchError(RuntimeError):
    """A file of the course could not be downloaded; the message names its address."""


def data_url() -> str:
    """The address of the published ``data/`` folder, ending in ``/``."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url if url.endswith("/") else url + "/"
    from coursekit import launch

    for find in (launch.repository, _installed_repository):
        try:
            repo = find()
        except (OSError, ValueError):
            continue
        if repo is not None:
            try:
                return repo.raw_url("data/")
            except ValueError:
                continue
    raise FetchError(f"the address of the course data is unknown: set {ENV_URL} to where its data/ folder is published")


def _installed_repository():
    """The repository and commit ``pip install git+URL`` recorded for coursekit (PEP 610)."""
    from importlib.metadata import PackageNotFoundError, distribution

    from coursekit.launch import Repository

    try:
        text = distribution("coursekit").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    info = json.loads(text or "null") or {}
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") != "git" or not str(info.get("url", "")).startswith("https://"):
        return None
    return Repository(info["url"], vcs.get("commit_id") or vcs.get("requested_revision") or "main")


def cache_root() -> Path:
    """The folder that holds one mirror per data address."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coursekit"
    try:
        base.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=base)
        probe.close()
        return base
    except OSError:
        return Path(tempfile.gettempdir()) / "coursekit-cache"


def is_mirror(folder: Path) -> bool:
    return (Path(folder) / SOURCE_FILE).is_file()


def mirror(url: str | None = None) -> Path:
    """A local folder mirroring the data at ``url`` (default :func:`data_url`), with its package description."""
    url = url or data_url()
    if not url.endswith("/"):
        url += "/"
    folder = cache_root() / "data" / hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / SOURCE_FILE
        if not source.is_file() or source.read_text(encoding="utf-8") != url:
            _write_atomic(source, url.encode("utf-8"))
    except OSError as exc:
        raise FetchError(f"cannot cache the course data from {url} in {folder}: {exc}") from None
    ensure(folder, PACKAGE_FILE)
    return folder


def ensure(folder: Path, relpath: str) -> Path:
    """Download ``relpath`` into the mirror ``folder`` unless its cached copy is current.

    A folder that is not a mirror (an ordinary data folder) is left alone.
    """
    folder = Path(folder)
    if not is_mirror(folder):
        return folder / relpath
    target = folder / _safe(relpath)
    key = (str(folder.resolve()), relpath)
    with _lock:
        if key in _checked and target.is_file():
            return target
        base = (folder / SOURCE_FILE).read_text(encoding="utf-8")
        _download(base, relpath, target, folder / HTTP_FILE)
        _checked.add(key)
    return target


def _safe(relpath: str) -> PurePosixPath:
    """A data file's path from the package description, refused if it could leave the folder."""
    path = PurePosixPath(relpath)
    if path.is_absolute() or not path.parts or any(p in ("..", "") for p in path.parts) or "\\" in relpath:
        raise FetchError(f"refusing to download {relpath!r}: not a relative path inside the data folder")
    return path


def _download(base: str, relpath: str, target: Path, http_file: Path) -> None:
    url = base + quote(relpath)
    headers = {"User-Agent": "coursekit"}
    known = _read_json(http_file).get(relpath, {}) if target.is_file() else {}
    if known.get("etag"):
        headers["If-None-Match"] = known["etag"]
    if known.get("last_modified"):
        headers["If-Modified-Since"] = known["last_modified"]
    try:
        with urlopen(Request(url, headers=headers), timeout=TIMEOUT) as response:
            body = response.read()
            validators = {"etag": response.headers.get("ETag"), "last_modified": response.headers.get("Last-Modified")}
    except HTTPError as exc:
        if exc.code == 304 and target.is_file():
            return
        raise FetchError(f"could not download {url}: HTTP {exc.code} {exc.reason}") from None
    except (URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if target.is_file():
            warnings.warn(f"could not reach {url} ({reason}); using the cached copy {target}", stacklevel=4)
            return
        raise FetchError(f"could not download {url}: {reason}") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(target, body)
        records = _read_json(http_file)
        records[relpath] = {k: v for k, v in validators.items() if v}
        _write_atomic(http_file, json.dumps(records, indent=1, sort_keys=True).encode("utf-8"))
    except OSError as exc:
        raise FetchError(f"downloaded {url} but cannot write {target}: {exc}") from None


def _read_json(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_atomic(path: Path, body: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
