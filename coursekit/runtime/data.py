"""Load the course's datasets by name, validated against ``data/datapackage.json``.

Every file in ``data/`` is described (schema, source, licence) in one Frictionless
data package. :func:`load` validates the file with Frictionless before pandas sees
it, so a damaged file fails loudly with its path, row and field instead of
quietly turning into wrong numbers in a chapter.

The data folder is ``$COURSEKIT_DATA``, else the repository's ``data/``. When it holds
no ``datapackage.json`` (a notebook run on its own, as a downloaded copy or with
``coursekit`` installed without the repository), the package description and the
files a notebook loads are downloaded into a cache by :mod:`coursekit.runtime.remote`
(address: ``$COURSEKIT_DATA_URL``, else derived from ``repository.url`` in
``_config.yml``), each checked against the sha256 the package records for it, and
validated in exactly the same way.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from coursekit import ROOT

__all__ = ["DataError", "DATA_DIR", "catalog", "describe", "load", "names", "users", "validate"]

DATA_DIR = Path(os.environ.get("COURSEKIT_DATA", ROOT / "data"))
PACKAGE_FILE = "datapackage.json"

# Frictionless field type -> pandas dtype after validation.
_DTYPES = {
    "integer": "Int64",
    "year": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "string": "string",
}


class DataError(ValueError):
    """A data file does not match its description; the message names file, row and field."""


def _data_dir(data_dir: Path | str | None) -> Path:
    """The folder to read: the one given, else the local data, else a downloaded copy."""
    if data_dir:
        return Path(data_dir)
    local = Path(DATA_DIR)
    if (local / PACKAGE_FILE).is_file():
        return local
    from coursekit.runtime import remote

    try:
        return remote.mirror()
    except remote.FetchError as exc:
        raise DataError(
            f"the course data are not on this machine ({local / PACKAGE_FILE} is missing), and {exc}. {_settings()}"
        ) from None


def _settings() -> str:
    """What to set when the data cannot be downloaded."""
    from coursekit.runtime import remote

    return (f"Set {remote.ENV_URL} to the address of the course's published data/ folder, "
            f"or COURSEKIT_DATA to a local copy of it.")


def _fetch(data_dir: Path, name: str, relpath: str) -> None:
    """Download a dataset's file into a downloaded copy of the data, checked against its
    recorded sha256 (no-op for a local folder)."""
    from coursekit.runtime import remote

    try:
        remote.ensure(data_dir, relpath)
    except remote.FetchError as exc:
        raise DataError(f"{data_dir / relpath}: file of dataset {name!r} is missing, and {exc}. "
                        f"{_settings()}") from None


def _package(data_dir: Path):
    from frictionless import Package

    path = data_dir / PACKAGE_FILE
    if not path.is_file():
        raise DataError(f"{path}: no data package description found")
    return Package(str(path), basepath=str(data_dir))


def names(data_dir: Path | None = None) -> list[str]:
    """The dataset names described in the package, in package order."""
    return [r.name for r in _package(_data_dir(data_dir)).resources]


def describe(name: str, data_dir: Path | None = None) -> dict:
    """The package entry (path, schema, sources, licences) of one dataset."""
    package = _package(_data_dir(data_dir))
    if not package.has_resource(name):
        raise DataError(f"no dataset named {name!r}; known: {', '.join(r.name for r in package.resources)}")
    return package.get_resource(name).to_descriptor()


def validate(name: str, data_dir: Path | None = None) -> None:
    """Raise :class:`DataError` listing every problem of one dataset's file."""
    from frictionless import Checklist

    data_dir = _data_dir(data_dir)
    package = _package(data_dir)
    if not package.has_resource(name):
        raise DataError(f"no dataset named {name!r}; known: {', '.join(r.name for r in package.resources)}")
    resource = package.get_resource(name)
    path = data_dir / resource.path
    _fetch(data_dir, name, resource.path)
    if not path.is_file():
        raise DataError(f"{path}: file of dataset {name!r} is missing")
    _check_header(path, [f.name for f in resource.schema.fields])
    # The recorded sha256 (``hash``) is checked where it matters, on download (coursekit.runtime.remote),
    # and kept honest by tests/test_data.py; here an edited file is judged by its content.
    report = resource.validate(checklist=Checklist(skip_errors=["hash-count"]))
    if report.valid:
        return
    problems = []
    for task in report.tasks:
        for error in task.errors:
            where = [str(path)]
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            if row is not None:
                where.append(f"row {row}")
            if field:
                where.append(f"field {field!r}")
            problems.append(f"{', '.join(where)}: {error.type}: {error.note or error.message}")
    for error in report.errors:  # package-level errors (bad descriptor)
        problems.append(f"{path}: {error.type}: {error.message}")
    shown = problems[:20]
    more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
    raise DataError(f"dataset {name!r} failed validation:\n" + "\n".join(shown) + more)


def _check_header(path: Path, expected: list[str]) -> None:
    """Name missing or unexpected columns (Frictionless alone reports them by position)."""
    import csv

    try:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    problems = [f"field {c!r}: missing column" for c in missing] + [f"column {c!r}: not in the schema" for c in extra]
    if problems:
        raise DataError(f"{path}, row 1 (header): " + "; ".join(problems))
    if header != expected:
        raise DataError(f"{path}, row 1 (header): columns out of order; expected {', '.join(expected)}")


@lru_cache(maxsize=None)
def _load_cached(name: str, data_dir: str, mtime_ns: int) -> pd.DataFrame:
    validate(name, Path(data_dir))
    descriptor = describe(name, Path(data_dir))
    fields = descriptor["schema"]["fields"]
    path = Path(data_dir) / descriptor["path"]
    # keep_default_na=False: Namibia's ISO code "NA" must stay a string; only empty cells are missing.
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    for field in fields:
        column, kind = field["name"], field.get("type", "string")
        if kind in ("integer", "year", "number"):
            frame[column] = pd.to_numeric(frame[column]).astype(_DTYPES[kind])
        elif kind == "boolean":
            frame[column] = frame[column].map({"true": True, "false": False}).astype("boolean")
        elif kind == "date":
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return dataset ``name`` as a typed DataFrame (validated first; cached per file version).

    Raises :class:`DataError` naming the file, row and field of the first problems.
    """
    data_dir = _data_dir(data_dir).resolve()
    descriptor_path = data_dir / PACKAGE_FILE
    stamp = descriptor_path.stat().st_mtime_ns if descriptor_path.exists() else 0
    try:
        relpath = describe(name, data_dir)["path"]
    except (DataError, KeyError):
        relpath = None  # validate() inside gives the precise error
    if relpath:
        _fetch(data_dir, name, relpath)
        try:
            stamp += (data_dir / relpath).stat().st_mtime_ns
        except OSError:
            pass
    return _load_cached(name, str(data_dir), stamp).copy()


def _coverage(frame: pd.DataFrame) -> str:
    for column in ("year", "Year", "date"):
        if column in frame.columns and frame[column].notna().any():
            values = frame[column].dropna()
            if pd.api.types.is_datetime64_any_dtype(values):
                values = values.dt.year
            return f"{int(values.min())}-{int(values.max())}"
    return ""


def catalog(users: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """One row per dataset: title, file, rows, years covered, licence, source and who uses it."""
    rows = []
    for name in names():
        entry = describe(name)
        frame = load(name)
        rows.append({
            "dataset": name,
            "title": entry.get("title", ""),
            "file": f"data/{entry['path']}",
            "rows": len(frame),
            "years": _coverage(frame),
            "licence": "; ".join(l.get("title", l.get("name", "")) for l in entry.get("licenses", [])),
            "source": "; ".join(s.get("title", "") for s in entry.get("sources", [])),
            "used by": ", ".join((users or {}).get(name, [])),
        })
    return pd.DataFrame(rows)


def users(*folders: Path) -> dict[str, list[str]]:
    """Which notebooks load each dataset, found by reading their ``data.load("...")`` calls."""
    import re

    import nbformat

    found: dict[str, list[str]] = {}
    pattern = re.compile(r"""data\.load\(\s*["']([a-z0-9_]+)["']""")
    for folder in folders:
        for path in sorted(Path(folder).glob("*.ipynb")):
            source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
            for name in sorted(set(pattern.findall(source))):
                found.setdefault(name, []).append(path.stem)
    return found
