"""The course's data over HTTP, for a notebook that runs without the repository beside it.

A chapter opened on its own (a downloaded copy, or ``coursekit`` installed from the
repository without its ``data/`` folder) has no local data package. :mod:`coursekit.runtime.data`
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
address. Downloads go through pooch, imported only when something must be downloaded.

Every data file is checked against the sha256 that ``datapackage.json`` records for it
(the resource property ``hash``, ``"sha256:<hex>"``, of the Frictionless Data Package
standard): a cached file that matches is used without any request; a missing or
different one is downloaded and kept only if it matches. ``datapackage.json`` itself
has no recorded hash: it is downloaded again once per process (offline, the cached copy
is used with a warning), and then tells the hashes of the rest. Only the files named by
a resource's ``path`` are ever downloaded; ``PROVENANCE.md`` and ``LICENSES.md`` are for
people and are read in the repository.

After editing a data file, refresh the recorded hashes with
``python -m coursekit.runtime.remote --update-hashes`` (a test fails until they match).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import warnings
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from coursekit import ROOT
from coursekit.runtime.atomic import sha256_of, write_atomic

__all__ = ["ENV_URL", "ENV_CACHE", "FetchError", "data_url", "cache_root", "mirror", "ensure", "is_mirror",
           "recorded_hashes", "file_sha256", "update_hashes"]

ENV_URL = "COURSEKIT_DATA_URL"
ENV_CACHE = "COURSEKIT_CACHE"
PACKAGE_FILE = "datapackage.json"
SOURCE_FILE = ".coursekit-source"  # in a mirror: the address it copies
POOCH_PIN = "pooch==1.9.0"  # as in requirements.txt
TIMEOUT = 30  # seconds per request
HEADERS = {"User-Agent": "coursekit"}
DATA_DIR = ROOT / "data"  # the repository's, for --update-hashes

_checked: set[str] = set()  # mirrors whose datapackage.json was downloaded in this process
_lock = threading.Lock()


class FetchError(RuntimeError):
    """A file of the course could not be downloaded; the message names its address."""


def data_url() -> str:
    """The address of the published ``data/`` folder, ending in ``/``."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url if url.endswith("/") else url + "/"
    from coursekit.runtime.repository import repository

    for find in (repository, _installed_repository):
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

    from coursekit.runtime.repository import Repository

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
            write_atomic(source, url.encode("utf-8"))
    except OSError as exc:
        raise FetchError(f"cannot cache the course data from {url} in {folder}: {exc}") from None
    ensure(folder, PACKAGE_FILE)
    return folder


def ensure(folder: Path, relpath: str) -> Path:
    """The path of ``relpath`` in the mirror ``folder``, downloaded unless its cached copy is verified.

    A folder that is not a mirror (an ordinary data folder) is left alone.
    """
    folder = Path(folder)
    if not is_mirror(folder):
        return folder / relpath
    target = folder / _safe(relpath)
    base = (folder / SOURCE_FILE).read_text(encoding="utf-8")
    with _lock:
        if relpath == PACKAGE_FILE:
            _refresh_package(folder, base + PACKAGE_FILE, target)
            return target
        url = base + quote(relpath)
        expected = recorded_hashes(folder).get(relpath)
        if expected is None:
            raise FetchError(f"refusing to download {url}: {folder / PACKAGE_FILE} records no sha256 hash for it")
        if not (target.is_file() and file_sha256(target) == expected):
            _download(url, folder, relpath, expected)
    return target


def _safe(relpath: str) -> PurePosixPath:
    """A data file's path from the package description, refused if it could leave the folder."""
    path = PurePosixPath(relpath)
    if path.is_absolute() or not path.parts or any(p in ("..", "") for p in path.parts) or "\\" in relpath:
        raise FetchError(f"refusing to download {relpath!r}: not a relative path inside the data folder")
    return path


# -- hashes ---------------------------------------------------------------------------------------
def file_sha256(path: Path) -> str:
    """``"sha256:<hex>"`` of a file, as the ``hash`` property of a resource writes it."""
    return "sha256:" + sha256_of(path)


def recorded_hashes(folder: Path) -> dict[str, str]:
    """``{path: "sha256:<hex>"}`` of the resources of ``folder/datapackage.json`` that record one."""
    try:
        package = json.loads((Path(folder) / PACKAGE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot read {Path(folder) / PACKAGE_FILE}: {exc}") from None
    found = {}
    resources = package.get("resources", []) if isinstance(package, dict) else []
    for resource in resources if isinstance(resources, list) else []:
        path, value = (resource.get("path"), resource.get("hash")) if isinstance(resource, dict) else (None, None)
        if isinstance(path, str) and isinstance(value, str) and value.lower().startswith("sha256:"):
            found[path] = value.lower()
    return found


def update_hashes(folder: Path = DATA_DIR) -> list[str]:
    """Record the sha256 of every resource file in ``folder/datapackage.json``; return the paths changed.

    The file is rewritten only if a hash changed, in its own layout (two-space JSON), with
    ``hash`` placed after ``encoding`` (else after ``path``) in a resource that had none.
    """
    folder = Path(folder)
    package_path = folder / PACKAGE_FILE
    package = json.loads(package_path.read_text(encoding="utf-8"))
    changed = []
    for index, resource in enumerate(package["resources"]):
        actual = file_sha256(folder / _safe(resource["path"]))
        if resource.get("hash") == actual:
            continue
        changed.append(resource["path"])
        if "hash" in resource:
            resource["hash"] = actual
            continue
        after = "encoding" if "encoding" in resource else "path"
        items = list(resource.items())
        at = [k for k, _ in items].index(after) + 1
        package["resources"][index] = dict(items[:at] + [("hash", actual)] + items[at:])
    if changed:
        write_atomic(package_path, json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    return changed


# -- downloads ------------------------------------------------------------------------------------
def _pooch():
    try:
        import pooch
    except ImportError:
        raise FetchError(f"downloading the course data needs pooch, which is not installed: "
                         f"pip install {POOCH_PIN}") from None
    return pooch


@contextmanager
def _quiet(pooch):
    """Keep pooch's "Downloading data from ..." lines out of the notebook's outputs."""
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _failure(url: str, exc: BaseException) -> tuple[bool, FetchError]:
    """(whether the server could not be reached, the error naming ``url``) for a failed request."""
    import requests

    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return False, FetchError(f"could not download {url}: HTTP {exc.response.status_code} {exc.response.reason}")
    return True, FetchError(f"could not download {url}: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    """The innermost system error under a requests exception ("[Errno 111] Connection refused"), else its text."""
    seen, todo, found = set(), [exc], None
    while todo:
        error = todo.pop()
        if id(error) in seen:
            continue
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno is not None:
            found = error
        todo += [e for e in (getattr(error, "reason", None), error.__cause__, error.__context__, *error.args)
                 if isinstance(e, BaseException)]
    return str(found or exc)


def _refresh_package(folder: Path, url: str, target: Path) -> None:
    """Download ``datapackage.json`` once per process; offline, keep the cached copy with a warning."""
    key = str(folder.resolve())
    if key in _checked and target.is_file():
        return
    pooch = _pooch()
    import requests

    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{PACKAGE_FILE}.", suffix=".part")
        os.close(fd)
    except OSError as exc:
        raise FetchError(f"cannot cache {url} in {folder}: {exc}") from None
    try:
        with _quiet(pooch):
            pooch.HTTPDownloader(timeout=TIMEOUT, headers=HEADERS)(url, tmp, None)
        json.loads(Path(tmp).read_text(encoding="utf-8"))
        os.replace(tmp, target)
    except requests.RequestException as exc:
        offline, error = _failure(url, exc)
        if not (offline and target.is_file()):
            raise error from None
        warnings.warn(f"{error}; using the cached copy {target}", stacklevel=6)
    except ValueError as exc:  # includes UnicodeDecodeError
        raise FetchError(f"{url} is not a data package description (not JSON: {exc})") from None
    except OSError as exc:
        raise FetchError(f"downloaded {url} but cannot write {target}: {exc}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    _checked.add(key)


def _download(url: str, folder: Path, relpath: str, expected: str) -> None:
    """Download ``url`` to ``folder/relpath`` with pooch, kept only if its sha256 is ``expected``."""
    pooch = _pooch()
    import requests

    http = pooch.HTTPDownloader(timeout=TIMEOUT, headers=HEADERS)
    got: list[str] = []

    def download(address, output, caller):
        http(address, output, caller)
        got.append(file_sha256(Path(output)))

    try:
        with _quiet(pooch):
            pooch.retrieve(url, known_hash=expected, fname=relpath, path=folder, downloader=download)
    except requests.RequestException as exc:  # before OSError and ValueError: it is both
        raise _failure(url, exc)[1] from None
    except ValueError:  # pooch: the hash does not match (it deleted the download)
        if not got:
            raise
        raise FetchError(f"{url} does not match the sha256 recorded in {PACKAGE_FILE}: expected {expected}, "
                         f"got {got[-1]}; the download was discarded") from None
    except OSError as exc:
        raise FetchError(f"downloaded {url} but cannot write {folder / relpath}: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    """``python -m coursekit.runtime.remote --update-hashes [DATA_DIR]``: record the data files' sha256."""
    parser = argparse.ArgumentParser(prog="python -m coursekit.runtime.remote", description=main.__doc__)
    parser.add_argument("--update-hashes", action="store_true", required=True,
                        help="write the sha256 of every resource file into datapackage.json")
    parser.add_argument("data_dir", nargs="?", type=Path, default=DATA_DIR, help="default: the repository's data/")
    args = parser.parse_args(argv)
    try:
        changed = update_hashes(args.data_dir)
    except (OSError, ValueError, KeyError, FetchError) as exc:
        print(f"{args.data_dir / PACKAGE_FILE}: cannot update hashes: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"updated the sha256 of {path}")
    print(f"{args.data_dir / PACKAGE_FILE}: {len(changed)} hash(es) updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
