"""Answers as plain data: how the values a hidden test reads cross from the sandbox to the judge.

Student code runs in an OS sandbox; the hidden tests run in a separate, trusted judge that never
runs student code. The sandboxed run ends with :func:`encode` on each value the tests read, and the
judge rebuilds them with :func:`decode`.

``encode`` runs in the untrusted process, so it can be subverted there, which only ever yields
plain data. Its job is to be faithful to honest values and to refuse the rest: it dispatches on
exact types (by identity, never ``isinstance``) and never calls ``==``, ``hash``, ``len``, ``repr``
... of a type it does not know, so a value that lies about itself (an int subclass whose ``__eq__``
always says yes, an object whose ``__class__`` claims ``int``) is :class:`Unsupported`, not believed.

``decode`` is the trust boundary. It builds only the types below, checks every field's type and
shape, rejects unknown tags and dtypes, bounds nesting (``max_depth``) and size (``max_items``), and
reports any bad input as :class:`Malformed`, never as another exception. It never evals, unpickles or
imports anything but the modules in :data:`MODULES`.

Supported, with an exact round trip (same type, bits, dtypes, names, order):

* None, Ellipsis (otter's ``...`` placeholder), bool, int, float, complex, str, bytes, list, tuple,
  dict, OrderedDict, Counter (any supported keys), set, frozenset, range, decimal.Decimal
* datetime.date, datetime, time, timedelta, timezone and zoneinfo.ZoneInfo (the time zones allowed)
* numpy scalars and ndarrays (any shape) of bool, int8..uint64, float16/32/64, complex64/128, str,
  datetime64 and timedelta64 (any unit), and object arrays of supported values
* pandas Timestamp, Timedelta, NaT, NA, Series, DataFrame, Index, RangeIndex, DatetimeIndex,
  TimedeltaIndex, CategoricalIndex, MultiIndex and their arrays, of numpy dtypes (object included),
  ``str``, ``string``, Int8..UInt64, Float32/64, boolean, category, datetime64 with a time zone;
  names and labels may be any supported value (duplicate, non-string and MultiIndex columns too)
* modules in :data:`MODULES`, by name (not ``matplotlib.pyplot``: slow to import, and no test needs it)
* matplotlib Axes and Figure as the facts a test may inspect: titles, axis labels, limits, scales,
  tick labels, legend, lines, patches, containers, collections, texts. The judge gets a real Axes on a
  ``matplotlib.figure.Figure()`` (no pyplot) with the same facts; Rectangle, Wedge and Polygon patches
  come back as themselves, other patches as a Polygon of their outline, collections as scatter points.

Everything else is Unsupported: subclasses of all of these, functions, classes, generators, files,
other objects, numpy longdouble/bytes/structured/byte-swapped dtypes, pandas Period, Interval,
Sparse and Arrow data, other time zone classes.

Format: null, booleans, strings and floats (with NaN and Infinity) stand for themselves, as does an
int that fits in 64 bits and a list; everything else is an object ``{"type": TAG, ...fields}``.
"""
from __future__ import annotations

import collections
import datetime as dt
import decimal
import importlib
import math
import re
import sys
import types
import zoneinfo

import numpy as np
import pandas as pd

__all__ = ["MODULES", "Malformed", "Unsupported", "decode", "encode"]

MODULES = frozenset({
    "math", "cmath", "statistics", "random", "decimal", "numpy", "pandas", "datetime", "collections",
    "itertools", "functools", "operator", "re", "json", "string", "matplotlib",
})


class Unsupported(Exception):
    """encode: the value is not plain data; the message is one line naming the type."""


class Malformed(Exception):
    """decode: the input is not a valid encoding; the message is one line saying where."""


# Read a class's name, MRO and module through ``type`` itself, so a metaclass cannot lie.
_name = type.__dict__["__name__"].__get__
_mro = type.__dict__["__mro__"].__get__
_module = type.__dict__["__module__"].__get__

_INT64 = 2 ** 63
_NP_SCALARS = (np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
               np.float16, np.float32, np.float64, np.complex64, np.complex128, np.str_, np.datetime64,
               np.timedelta64)
_NP_NAMES = frozenset(np.dtype(t).name for t in _NP_SCALARS[:-3]) | {"object"}
_NP_TIME = re.compile(r"(datetime64|timedelta64)(\[(Y|M|W|D|h|m|s|ms|us|ns|ps|fs|as)\])?")
_NP_STR = re.compile(r"U(0|[1-9][0-9]{0,8})")
_PD_TIME = re.compile(r"datetime64\[(s|ms|us|ns)\]")
_DIGITS = re.compile(r"-?(0|[1-9][0-9]{0,4299})")
_DECIMAL = re.compile(r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(E[+-]?[0-9]+)?|Infinity|s?NaN[0-9]*)", re.I)
_ZONE = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")
_HEX = re.compile(r"#[0-9a-f]{8}")
_MASKED = {name: (pd.array([], dtype=name).dtype.numpy_dtype, type(pd.array([], dtype=name)))
           for name in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
                        "Float32", "Float64", "boolean")}
_MASKED_ARRAYS = (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)
_INDEXES = (pd.Index, pd.DatetimeIndex, pd.TimedeltaIndex, pd.CategoricalIndex, pd.RangeIndex, pd.MultiIndex)
_ARRAYS = (pd.arrays.NumpyExtensionArray, pd.arrays.DatetimeArray, pd.arrays.TimedeltaArray,
           pd.arrays.StringArray, pd.Categorical, *_MASKED_ARRAYS)
_DICTS = {dict: "dict", collections.OrderedDict: "OrderedDict", collections.Counter: "Counter"}
_SCALES = frozenset({"linear", "log", "symlog", "logit", "asinh"})
_TITLE_LOCS = ("left", "center", "right")


def _is(value, kinds) -> bool:
    """``type(value)`` is one of ``kinds``, by identity (a metaclass may lie in ``==``)."""
    cls = type(value)
    return any(cls is kind for kind in kinds)


def _describe(cls: type) -> str:
    name = _name(cls)
    known = [c for c in _mro(cls)[1:] if id(c) in _BY_ID]
    text = f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
    return text + (f" (subclass of {_name(known[0])})" if known else "")


def _inside(where: str | None) -> str:
    return f" inside {where}" if where else ""


# ---------------------------------------------------------------- encode


class _Encoder:
    def __init__(self, max_depth: int):
        self.max_depth, self.open = max_depth, set()

    def __call__(self, x, depth: int = 0, where: str | None = None):
        cls = type(x)
        handler = _BY_ID.get(id(cls)) or _matplotlib_handler(cls)
        if handler is None:
            raise Unsupported(_describe(cls) + _inside(where))
        if depth > self.max_depth:
            raise Unsupported(f"values nested deeper than max_depth={self.max_depth}{_inside(where)}")
        if id(x) in self.open:
            raise Unsupported(f"{_describe(cls)} that contains itself")
        self.open.add(id(x))
        try:
            return handler(self, x, depth)
        finally:
            self.open.discard(id(x))

    def each(self, xs, depth: int, where: str) -> list:
        return [self(v, depth + 1, where) for v in xs]


def encode(value, *, max_depth: int = 64) -> object:
    """``value`` as JSON-able plain data (dict/list/str/int/float/bool/None); Unsupported if it is not plain."""
    try:
        return _Encoder(max_depth)(value)
    except RecursionError:
        raise Unsupported(f"values nested too deeply to export (max_depth={max_depth})") from None


def _e_int(enc, x, d):
    if -_INT64 <= x < _INT64:
        return x
    try:
        return {"type": "int", "digits": str(x)}
    except ValueError:
        raise Unsupported("an int with more digits than Python converts to text") from None


def _e_dict(enc, x, d):
    where = f"a {_DICTS[type(x)]}"
    return {"type": _DICTS[type(x)], "items": [[enc(k, d + 1, where), enc(v, d + 1, where)] for k, v in x.items()]}


def _e_datetime(enc, x, d):
    return {"type": "datetime", "fields": [x.year, x.month, x.day, x.hour, x.minute, x.second, x.microsecond],
            "tz": enc(x.tzinfo, d + 1, "a datetime"), "fold": x.fold}


def _e_time(enc, x, d):
    return {"type": "time", "fields": [x.hour, x.minute, x.second, x.microsecond],
            "tz": enc(x.tzinfo, d + 1, "a time"), "fold": x.fold}


def _e_timezone(enc, x, d):
    offset, *name = x.__getinitargs__()
    return {"type": "timezone", "offset": enc(offset, d + 1, "a timezone"), "name": name[0] if name else None}


def _e_zone(enc, x, d):
    if type(x.key) is not str:
        raise Unsupported("a ZoneInfo without a key")
    return {"type": "ZoneInfo", "key": x.key}


def _e_module(enc, x, d):
    name = next((v for k, v in vars(x).items() if type(k) is str and k == "__name__"), None)
    if type(name) is not str or name not in MODULES:
        raise Unsupported(f"the module {name!r}" if type(name) is str else "a module without a name")
    return {"type": "module", "name": name}


def _np_name(dtype) -> str:
    name = f"U{dtype.itemsize // 4}" if dtype.kind == "U" else dtype.name
    if _np_dtype(name) is None or _np_dtype(name) != dtype:
        raise Unsupported(f"numpy data of dtype {dtype.str!r}")
    return name


def _np_values(enc, nd, depth: int, where: str) -> list:
    """The elements of an ndarray, flattened in C order, as JSON values."""
    flat, kind = nd.reshape(-1), nd.dtype.kind
    if kind == "O":
        return enc.each(flat.tolist(), depth, f"an object array in {where}")
    if kind in "Mm":
        return flat.view(np.int64).tolist()
    if kind == "c":
        return [[z.real, z.imag] for z in flat.tolist()]
    return flat.tolist()


def _e_ndarray(enc, x, d):
    return {"type": "ndarray", "dtype": _np_name(x.dtype), "shape": list(x.shape),
            "values": _np_values(enc, x, d, "an ndarray")}


def _e_npscalar(enc, x, d):
    nd = np.asarray(x).reshape(1)
    return {"type": "numpy", "dtype": _np_name(nd.dtype), "value": _np_values(enc, nd, d, "")[0]}


def _ndarray(arr, where: str) -> np.ndarray:
    """The ndarray behind a numpy-backed pandas array (read directly: no method runs on its elements)."""
    nd = arr._ndarray
    if type(nd) is not np.ndarray:
        raise Unsupported(f"a damaged {_name(type(arr))} in {where}")
    return nd


def _e_column(enc, arr, d: int, where: str) -> dict:
    """A pandas array: ``{"dtype": ..., "values": [...]}`` plus the dtype's parameters."""
    cls, dtype = type(arr), arr.dtype
    if cls is pd.Categorical:
        return {"dtype": "category", "categories": enc(dtype.categories, d + 1, f"the categories of {where}"),
                "ordered": bool(dtype.ordered), "values": arr.codes.tolist()}
    if cls is pd.arrays.DatetimeArray and type(dtype) is pd.DatetimeTZDtype:
        return {"dtype": f"datetime64[{dtype.unit}]", "tz": enc(dtype.tz, d + 1, where),
                "values": _ndarray(arr, where).view(np.int64).tolist()}
    if _is(arr, (pd.arrays.NumpyExtensionArray, pd.arrays.DatetimeArray, pd.arrays.TimedeltaArray)):
        nd = _ndarray(arr, where)
        return {"dtype": _np_name(nd.dtype), "values": _np_values(enc, nd, d, where)}
    if cls is pd.arrays.StringArray and type(dtype) is pd.StringDtype and dtype.storage == "python":
        nan = dtype.na_value is not pd.NA
        values = _ndarray(arr, where).tolist()
        for i, v in enumerate(values):
            if type(v) is not str:
                if not (v is dtype.na_value or (nan and type(v) is float and v != v)):
                    raise Unsupported(f"{_describe(type(v))} in a string array in {where}")
                values[i] = None
        return {"dtype": "str" if nan else "string", "values": values}
    if _is(arr, _MASKED_ARRAYS) and dtype.name in _MASKED:
        data, mask = arr._data, arr._mask
        if type(data) is not np.ndarray or data.dtype != _MASKED[dtype.name][0] or type(mask) is not np.ndarray:
            raise Unsupported(f"a damaged {_name(cls)} in {where}")
        values = data.tolist()
        for i in np.flatnonzero(mask).tolist():
            values[i] = None
        return {"dtype": dtype.name, "values": values}
    raise Unsupported(f"a pandas {_name(cls)} (dtype {_name(type(dtype))}){_inside(where)}")


def _e_index(enc, x, d):
    return {"type": "Index", "name": enc(x.name, d + 1, "an Index name"),
            "data": _e_column(enc, x.array, d, "an Index")}


def _e_multiindex(enc, x, d):
    return {"type": "MultiIndex", "names": enc.each(x.names, d, "MultiIndex names"),
            "levels": enc.each(x.levels, d, "MultiIndex levels"), "codes": [c.tolist() for c in x.codes]}


def _e_series(enc, x, d):
    return {"type": "Series", "name": enc(x.name, d + 1, "a Series name"), "index": enc(x.index, d + 1, "a Series"),
            "data": _e_column(enc, x.array, d, "a Series")}


def _e_frame(enc, x, d):
    return {"type": "DataFrame", "index": enc(x.index, d + 1, "a DataFrame"),
            "columns": enc(x.columns, d + 1, "a DataFrame"),
            "data": [_e_column(enc, x.iloc[:, i].array, d, f"column {i} of a DataFrame") for i in range(x.shape[1])]}


_ENCODERS = {
    type(None): lambda enc, x, d: None,
    type(...): lambda enc, x, d: {"type": "Ellipsis"},  # otter's placeholder in an unanswered cell
    bool: lambda enc, x, d: x,
    int: _e_int,
    float: lambda enc, x, d: x,
    str: lambda enc, x, d: x,
    complex: lambda enc, x, d: {"type": "complex", "real": x.real, "imag": x.imag},
    bytes: lambda enc, x, d: {"type": "bytes", "hex": x.hex()},
    list: lambda enc, x, d: enc.each(x, d, "a list"),
    tuple: lambda enc, x, d: {"type": "tuple", "items": enc.each(x, d, "a tuple")},
    set: lambda enc, x, d: {"type": "set", "items": enc.each(x, d, "a set")},
    frozenset: lambda enc, x, d: {"type": "frozenset", "items": enc.each(x, d, "a frozenset")},
    **dict.fromkeys(_DICTS, _e_dict),
    range: lambda enc, x, d: {"type": "range", "items": enc.each((x.start, x.stop, x.step), d, "a range")},
    decimal.Decimal: lambda enc, x, d: {"type": "Decimal", "value": str(x)},
    dt.date: lambda enc, x, d: {"type": "date", "fields": [x.year, x.month, x.day]},
    dt.datetime: _e_datetime,
    dt.time: _e_time,
    dt.timedelta: lambda enc, x, d: {"type": "timedelta", "fields": [x.days, x.seconds, x.microseconds]},
    dt.timezone: _e_timezone,
    zoneinfo.ZoneInfo: _e_zone,
    types.ModuleType: _e_module,
    np.ndarray: _e_ndarray,
    **dict.fromkeys(_NP_SCALARS, _e_npscalar),
    pd.Timestamp: lambda enc, x, d: {"type": "Timestamp", "unit": x.unit, "value": int(x.asm8.view(np.int64)),
                                     "tz": enc(x.tz, d + 1, "a Timestamp")},
    pd.Timedelta: lambda enc, x, d: {"type": "Timedelta", "unit": x.unit, "value": int(x.asm8.view(np.int64))},
    type(pd.NaT): lambda enc, x, d: {"type": "NaT"},
    type(pd.NA): lambda enc, x, d: {"type": "NA"},
    **dict.fromkeys(_INDEXES[:4], _e_index),
    pd.RangeIndex: lambda enc, x, d: {"type": "RangeIndex", "start": x.start, "stop": x.stop, "step": x.step,
                                      "name": enc(x.name, d + 1, "a RangeIndex name")},
    pd.MultiIndex: _e_multiindex,
    pd.Series: _e_series,
    pd.DataFrame: _e_frame,
    **dict.fromkeys(_ARRAYS, lambda enc, x, d: {"type": "array", "data": _e_column(enc, x, d, "a pandas array")}),
}
_BY_ID = {id(cls): handler for cls, handler in _ENCODERS.items()}  # looked up by identity: a metaclass may lie


# ---------------------------------------------------------------- matplotlib facts


def _matplotlib_handler(cls: type):
    """The encoder for a matplotlib Axes or Figure class, if ``cls`` is one (matplotlib must be loaded)."""
    axes, figure, module = sys.modules.get("matplotlib.axes"), sys.modules.get("matplotlib.figure"), _module(cls)
    if type(module) is not str or not module.startswith("matplotlib."):
        return None
    if axes is not None and any(c is axes.Axes for c in _mro(cls)):
        return lambda enc, x, d: _guarded(_axes_json, x)
    if figure is not None and cls is figure.Figure:
        return lambda enc, x, d: _guarded(_figure_json, x)
    return None


def _guarded(read, x):
    """``read(x)``; whatever goes wrong reading a chart makes it Unsupported."""
    try:
        return read(x)
    except Unsupported:
        raise
    except Exception as exc:  # noqa: BLE001 - matplotlib data of any kind
        raise Unsupported(f"{_describe(type(x))} whose facts could not be read ({_name(type(exc))})") from None


def _axes_json(ax) -> dict:
    return {"type": "Axes", **_axes_facts(ax)}


def _figure_json(fig) -> dict:
    return {"type": "Figure", "size": _floats(fig.get_size_inches()), "axes": [_axes_json(ax) for ax in fig.axes]}


def _floats(values) -> list:
    try:
        return np.asarray(values, dtype=float).ravel().tolist()
    except (TypeError, ValueError):
        raise Unsupported("matplotlib data that are not numbers") from None


def _text(value) -> str | None:
    if value is not None and type(value) is not str:
        raise Unsupported(f"{_describe(type(value))} as a matplotlib label")
    return value


def _axes_facts(ax) -> dict:
    from matplotlib import colors, container, patches as mpatches

    def hexcolor(c):
        return colors.to_hex(c, keep_alpha=True)

    def ticks(labels, axis):
        return {"at": [_floats(t.get_position())[axis] for t in labels],
                "labels": [_text(t.get_text()) for t in labels]}

    def patch(p):
        kind = _name(type(p))
        facts = {"kind": kind if kind not in _PATCH_FIELDS or type(p) is getattr(mpatches, kind) else "Patch",
                 "label": _text(p.get_label()), "facecolor": hexcolor(p.get_facecolor())}
        if type(p) is mpatches.Rectangle:
            return {**facts, "xy": _floats(p.get_xy()), "width": float(p.get_width()),
                    "height": float(p.get_height()), "angle": float(p.get_angle())}
        if type(p) is mpatches.Wedge:
            return {**facts, "center": _floats(p.center), "r": float(p.r), "theta1": float(p.theta1),
                    "theta2": float(p.theta2), "width": None if p.width is None else float(p.width)}
        if type(p) is mpatches.Polygon:
            return {**facts, "xy": _floats(p.get_xy()), "closed": bool(p.get_closed())}
        return {**facts, "outline": _floats(p.get_patch_transform().transform(p.get_path().vertices))}

    at = {id(p): i for i, p in enumerate(ax.patches)}

    def holder(c):
        kind = _name(type(c))
        if not _is(c, (container.BarContainer, container.ErrorbarContainer, container.StemContainer,
                       container.Container)):
            raise Unsupported(f"{_describe(type(c))} in an Axes")
        if kind != "BarContainer":
            return {"kind": kind, "label": _text(c.get_label()), "count": len(c)}
        if any(id(p) not in at for p in c.patches):
            raise Unsupported("a BarContainer whose bars are not in ax.patches")
        return {"kind": kind, "label": _text(c.get_label()), "patches": [at[id(p)] for p in c.patches],
                "orientation": _text(c.orientation)}

    def position(t):
        x, y = t.get_position()
        try:
            return [float(ax.xaxis.convert_units(x)), float(ax.yaxis.convert_units(y))]
        except (TypeError, ValueError):
            return [math.nan, math.nan]

    legend = ax.get_legend()
    return {
        "figsize": _floats(ax.get_figure(root=True).get_size_inches()), "position": _floats(ax.get_position().bounds),
        "title": {loc: _text(ax.get_title(loc=loc)) for loc in _TITLE_LOCS},
        "xlabel": _text(ax.get_xlabel()), "ylabel": _text(ax.get_ylabel()),
        "xscale": _text(ax.get_xscale()), "yscale": _text(ax.get_yscale()),
        "xlim": _floats(ax.get_xlim()), "ylim": _floats(ax.get_ylim()),
        "xticks": ticks(ax.get_xticklabels(), 0), "yticks": ticks(ax.get_yticklabels(), 1),
        "legend": None if legend is None else {"title": _text(legend.get_title().get_text()),
                                               "labels": [_text(t.get_text()) for t in legend.get_texts()]},
        "lines": [{"x": _floats(ln.get_xdata(orig=False)), "y": _floats(ln.get_ydata(orig=False)),
                   "label": _text(ln.get_label()), "color": hexcolor(ln.get_color()),
                   "linestyle": _text(ln.get_linestyle()), "linewidth": float(ln.get_linewidth()),
                   "marker": ln.get_marker() if type(ln.get_marker()) is str else None} for ln in ax.get_lines()],
        "patches": [patch(p) for p in ax.patches],
        "containers": [holder(c) for c in ax.containers],
        "collections": [{"offsets": _floats(c.get_offsets()), "label": _text(c.get_label())} for c in ax.collections],
        "texts": [{"text": _text(t.get_text()), "xy": position(t)} for t in ax.texts],
    }


# ---------------------------------------------------------------- decode


def _join(path: str, key) -> str:
    return f"{path}[{key}]" if type(key) is int else (f"{path}.{key}" if path else key)


def _fail(path: str, message: str):
    raise Malformed(f"{path or '(top level)'}: {message}")


def _show(value) -> str:
    """A short, safe rendering of an input value for an error message."""
    return repr(value[:40]) if type(value) is str else _name(type(value))


def _want(value, kinds, path: str, what: str):
    if not _is(value, kinds):
        _fail(path, f"expected {what}, got {_name(type(value))}")
    return value


def _object(obj, path: str) -> dict:
    """``obj`` if it is a JSON object (a dict with string keys)."""
    _want(obj, (dict,), path, "an object")
    for key in obj:
        _want(key, (str,), path, "a string field name")
    return obj


def _fields(obj: dict, path: str, required: str, tagged: bool = True) -> None:
    """Check that ``obj`` has exactly the fields ``required`` (space separated), and a tag if ``tagged``."""
    need = set(required.split()) | ({"type"} if tagged else set())
    for key in _object(obj, path):
        if key not in need:
            _fail(path, f"unexpected field {_show(key)}")
    for key in sorted(need - obj.keys()):
        _fail(path, f"missing field {key!r}")


def _list(obj, key, path: str, kinds=None, what: str = "") -> list:
    """The list in field ``key``, with every element of a type in ``kinds`` if given."""
    values = _want(obj[key], (list,), _join(path, key), "a list")
    if kinds is not None:
        _all(values, kinds, _join(path, key), what)
    return values


def _all(values: list, kinds: tuple, path: str, what: str) -> None:
    """Every element of ``values`` is of one of the (one or two) types ``kinds``."""
    first, second = (kinds * 2)[:2]
    for i, v in enumerate(values):
        if type(v) is not first and type(v) is not second:
            _want(v, kinds, _join(path, i), what)


class _Decoder:
    def __init__(self, max_depth: int, max_items: int):
        self.max_depth, self.max_items, self.items = max_depth, max_items, 0

    def count(self, n: int, path: str) -> None:
        self.items += n
        if self.items > self.max_items:
            _fail(path, f"more than max_items={self.max_items} items")

    def __call__(self, obj, path: str = "", depth: int = 0):
        if depth > self.max_depth:
            _fail(path, f"nested deeper than max_depth={self.max_depth}")
        if _is(obj, (type(None), bool, int, float, str)):
            return obj
        if type(obj) is list:
            self.count(len(obj), path)
            return [self(v, _join(path, i), depth + 1) for i, v in enumerate(obj)]
        tag = _object(_want(obj, (dict,), path, "JSON data"), path).get("type")
        handler = _DECODERS.get(tag) if type(tag) is str else None
        if handler is None:
            _fail(path, f"unknown tag {_show(tag)}" if type(tag) is str else "an object without a string 'type'")
        try:
            return handler(self, obj, path, depth)
        except Malformed:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a constructor raises, the input is at fault
            message = (str(exc).splitlines() or [""])[0][:200]
            raise Malformed(f"{path or '(top level)'}: bad {tag}: {_name(type(exc))}: {message}") from None

    def sub(self, obj, key, path: str, depth: int, kinds=None, what: str = ""):
        """Decode the value in field ``key``; it must be of a type in ``kinds`` if given."""
        value = self(obj[key], _join(path, key), depth + 1)
        return value if kinds is None else _want(value, kinds, _join(path, key), what)

    def items_of(self, obj, path: str, depth: int) -> list:
        _fields(obj, path, "items")
        values = _list(obj, "items", path)
        self.count(len(values), path)
        return [self(v, _join(_join(path, "items"), i), depth + 1) for i, v in enumerate(values)]


def decode(obj, *, max_depth: int = 64, max_items: int = 20_000_000) -> object:
    """The value that :func:`encode` turned into ``obj`` (what ``json.loads`` gave); Malformed if it is not one."""
    try:
        return _Decoder(max_depth, max_items)(obj)
    except Malformed:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. RecursionError with a huge max_depth
        raise Malformed(f"(top level): {_name(type(exc))}") from None


def _d_int(dec, obj, path, depth):
    _fields(obj, path, "digits")
    digits = _want(obj["digits"], (str,), _join(path, "digits"), "a string")
    if not _DIGITS.fullmatch(digits):
        _fail(_join(path, "digits"), "not a decimal integer of at most 4300 digits")
    return int(digits)


def _d_complex(dec, obj, path, depth):
    _fields(obj, path, "real imag")
    return complex(*(_want(obj[k], (float,), _join(path, k), "a float") for k in ("real", "imag")))


def _d_bytes(dec, obj, path, depth):
    _fields(obj, path, "hex")
    text = _want(obj["hex"], (str,), _join(path, "hex"), "a string")
    if len(text) % 2 or not re.fullmatch(r"[0-9a-f]*", text):
        _fail(_join(path, "hex"), "not lower-case hex digits")
    return bytes.fromhex(text)


def _d_dict(dec, obj, path, depth):
    _fields(obj, path, "items")
    pairs = _list(obj, "items", path)
    dec.count(len(pairs), path)
    out = {}
    for i, pair in enumerate(pairs):
        where = _join(_join(path, "items"), i)
        if type(pair) is not list or len(pair) != 2:
            _fail(where, "expected a [key, value] pair")
        out[dec(pair[0], _join(where, 0), depth + 1)] = dec(pair[1], _join(where, 1), depth + 1)
    if len(out) != len(pairs):
        _fail(path, "repeated keys")
    return {"dict": dict, "OrderedDict": collections.OrderedDict, "Counter": collections.Counter}[obj["type"]](out)


def _d_set(dec, obj, path, depth):
    items = dec.items_of(obj, path, depth)
    out = (set if obj["type"] == "set" else frozenset)(items)
    if len(out) != len(items):
        _fail(path, "repeated items")
    return out


def _d_range(dec, obj, path, depth):
    items = dec.items_of(obj, path, depth)
    for i, v in enumerate(items):
        _want(v, (int,), _join(_join(path, "items"), i), "an int")
    return range(*items) if len(items) == 3 else _fail(path, "expected start, stop and step")


def _d_decimal(dec, obj, path, depth):
    _fields(obj, path, "value")
    text = _want(obj["value"], (str,), _join(path, "value"), "a string")
    if not _DECIMAL.fullmatch(text):
        _fail(_join(path, "value"), "not a decimal number")
    return decimal.Decimal(text)


def _time_fields(dec, obj, path, depth, n: int, zoned: bool = False):
    _fields(obj, path, "fields tz fold" if zoned else "fields")
    fields = _list(obj, "fields", path, (int,), "an int")
    if len(fields) != n:
        _fail(_join(path, "fields"), f"expected {n} numbers")
    if not zoned:
        return fields, {}
    tz = dec.sub(obj, "tz", path, depth, (type(None), dt.timezone, zoneinfo.ZoneInfo), "a time zone")
    return fields, {"tzinfo": tz, "fold": _want(obj["fold"], (int,), _join(path, "fold"), "an int")}


def _d_timezone(dec, obj, path, depth):
    _fields(obj, path, "offset name")
    offset = dec.sub(obj, "offset", path, depth, (dt.timedelta,), "a timedelta")
    name = _want(obj["name"], (str, type(None)), _join(path, "name"), "a string or null")
    return dt.timezone(offset) if name is None else dt.timezone(offset, name)


def _d_zone(dec, obj, path, depth):
    _fields(obj, path, "key")
    key = _want(obj["key"], (str,), _join(path, "key"), "a string")
    if not _ZONE.fullmatch(key) or ".." in key:
        _fail(_join(path, "key"), "not a time zone name")
    return zoneinfo.ZoneInfo(key)


def _d_module(dec, obj, path, depth):
    _fields(obj, path, "name")
    name = obj["name"]
    if type(name) is not str or name not in MODULES:
        _fail(_join(path, "name"), f"module {_show(name)} is not allowed")
    return importlib.import_module(name)


def _np_dtype(name):
    """The numpy dtype called ``name`` if it is allowed, else None."""
    if type(name) is str and (name in _NP_NAMES or _NP_TIME.fullmatch(name) or _NP_STR.fullmatch(name)):
        return np.dtype(name)
    return None


_ELEMENTS = {"b": ((bool,), "a bool"), "i": ((int,), "an int"), "u": ((int,), "an int"), "f": ((float,), "a float"),
             "M": ((int,), "an int"), "m": ((int,), "an int"), "U": ((str,), "a string")}


def _np_array(dec, name, values, path: str, depth: int) -> np.ndarray:
    """A 1-d ndarray of dtype ``name`` from the JSON ``values`` (see :func:`_np_values`)."""
    dtype = _np_dtype(name)
    if dtype is None:
        _fail(_join(path, "dtype"), f"dtype {_show(name)} is not allowed")
    where = _join(path, "values")
    _want(values, (list,), where, "a list")
    dec.count(len(values), where)
    kind = dtype.kind
    if kind == "O":
        out = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            out[i] = dec(v, _join(where, i), depth + 1)
        return out
    if kind == "c":
        for i, v in enumerate(values):
            if type(v) is not list or len(v) != 2 or type(v[0]) is not float or type(v[1]) is not float:
                _fail(_join(where, i), "expected a [real, imag] pair of floats")
        parts = np.array(values, dtype=np.float32 if dtype == np.complex64 else np.float64).reshape(len(values), 2)
        return parts.view(dtype).reshape(len(values))
    kinds, what = _ELEMENTS[kind]
    _all(values, kinds, where, what)
    if kind == "U":
        width = dtype.itemsize // 4
        dec.count(len(values) * width, where)
        if any(len(v) > width for v in values):
            _fail(where, f"a string longer than {width}")
    if kind in "Mm":
        return np.array(values, dtype=np.int64).view(dtype)
    return np.array(values, dtype=dtype)


def _d_ndarray(dec, obj, path, depth):
    _fields(obj, path, "dtype shape values")
    shape = _list(obj, "shape", path, (int,), "an int")
    if len(shape) > 32 or any(n < 0 for n in shape):
        _fail(_join(path, "shape"), "not an array shape")
    values = _np_array(dec, obj["dtype"], obj["values"], path, depth)
    if math.prod(shape) != len(values):
        _fail(path, f"{len(values)} values for shape {tuple(shape)}")
    return values.reshape(shape)


def _d_npscalar(dec, obj, path, depth):
    _fields(obj, path, "dtype value")
    if type(obj["dtype"]) is str and obj["dtype"] == "object":
        _fail(_join(path, "dtype"), "not a scalar dtype")
    return _np_array(dec, obj["dtype"], [obj["value"]], path, depth)[0]


def _d_column(dec, obj, path: str, depth: int):
    """A pandas array, or an ndarray for numpy dtypes, from :func:`_e_column`'s output."""
    if "dtype" not in _object(obj, path):
        _fail(path, "missing field 'dtype'")
    name = _want(obj["dtype"], (str,), _join(path, "dtype"), "a dtype name")
    if name == "category":
        _fields(obj, path, "dtype values categories ordered", tagged=False)
        categories = dec.sub(obj, "categories", path, depth, _INDEXES[:4], "an Index")
        ordered = _want(obj["ordered"], (bool,), _join(path, "ordered"), "a bool")
        codes = _list(obj, "values", path, (int,), "an int")
        dec.count(len(codes), path)
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories, ordered))
    if "tz" in obj:
        _fields(obj, path, "dtype values tz", tagged=False)
        if not _PD_TIME.fullmatch(name):
            _fail(_join(path, "dtype"), f"dtype {_show(name)} with a time zone is not allowed")
        tz = dec.sub(obj, "tz", path, depth, (dt.timezone, zoneinfo.ZoneInfo), "a time zone")
        naive = pd.array(_np_array(dec, name, obj["values"], path, depth))
        return naive.tz_localize("UTC").tz_convert(tz)
    _fields(obj, path, "dtype values", tagged=False)
    if name in ("str", "string"):
        values = _list(obj, "values", path, (str, type(None)), "a string or null")
        dec.count(len(values), path)
        return pd.array(values, dtype=pd.StringDtype("python", na_value=math.nan if name == "str" else pd.NA))
    if name in _MASKED:
        numpy_dtype, cls = _MASKED[name]
        kinds, what = _ELEMENTS[numpy_dtype.kind]
        values = _list(obj, "values", path, (*kinds, type(None)), what + " or null")
        dec.count(len(values), path)
        mask = np.array([v is None for v in values], dtype=bool)
        return cls(np.array([False if v is None else v for v in values], dtype=numpy_dtype), mask)
    return _np_array(dec, name, obj["values"], path, depth)


def _d_array(dec, obj, path, depth):
    _fields(obj, path, "data")
    values = _d_column(dec, obj["data"], _join(path, "data"), depth)
    return pd.Series(values, dtype=values.dtype, copy=False).array


def _d_index(dec, obj, path, depth):
    _fields(obj, path, "name data")
    name = dec.sub(obj, "name", path, depth)
    values = _d_column(dec, obj["data"], _join(path, "data"), depth)
    return pd.Index(values, dtype=values.dtype, name=name, copy=False)


def _d_rangeindex(dec, obj, path, depth):
    _fields(obj, path, "start stop step name")
    start, stop, step = (_want(obj[k], (int,), _join(path, k), "an int") for k in ("start", "stop", "step"))
    return pd.RangeIndex(start, stop, step, name=dec.sub(obj, "name", path, depth))


def _d_multiindex(dec, obj, path, depth):
    _fields(obj, path, "names levels codes")
    names, levels = (dec.sub(obj, key, path, depth, (list,), "a list") for key in ("names", "levels"))
    for i, level in enumerate(levels):
        _want(level, _INDEXES[:4], _join(_join(path, "levels"), i), "an Index")
    codes = _list(obj, "codes", path, (list,), "a list")
    for i, c in enumerate(codes):
        _list(codes, i, _join(path, "codes"), (int,), "an int")
        dec.count(len(c), path)
    if not len(names) == len(levels) == len(codes) or len({len(c) for c in codes}) > 1:
        _fail(path, "names, levels and codes do not match")
    return pd.MultiIndex(levels=levels, codes=codes, names=names, verify_integrity=True)


def _d_series(dec, obj, path, depth):
    _fields(obj, path, "name index data")
    name = dec.sub(obj, "name", path, depth)
    index = dec.sub(obj, "index", path, depth, _INDEXES, "an Index")
    values = _d_column(dec, obj["data"], _join(path, "data"), depth)
    if len(values) != len(index):
        _fail(path, f"{len(values)} values for an index of {len(index)}")
    return pd.Series(values, index=index, name=name, dtype=values.dtype, copy=False)


def _d_frame(dec, obj, path, depth):
    _fields(obj, path, "index columns data")
    index = dec.sub(obj, "index", path, depth, _INDEXES, "an Index")
    labels = dec.sub(obj, "columns", path, depth, _INDEXES, "an Index")
    data = _list(obj, "data", path, (dict,), "a column")
    if len(data) != len(labels):
        _fail(path, f"{len(data)} columns for {len(labels)} labels")
    columns = {}
    for i, column in enumerate(data):
        values = _d_column(dec, column, _join(_join(path, "data"), i), depth)
        if len(values) != len(index):
            _fail(_join(_join(path, "data"), i), f"{len(values)} values for an index of {len(index)}")
        columns[i] = pd.Series(values, index=index, dtype=values.dtype, copy=False)  # explicit dtype: no inference
    frame = pd.DataFrame(columns, index=index)  # every Series has this very index, so nothing is realigned
    frame.columns = labels
    return frame


def _d_timestamp(dec, obj, path, depth):
    _fields(obj, path, "unit value tz")
    value, unit = _time_scalar(obj, path)
    tz = dec.sub(obj, "tz", path, depth, (type(None), dt.timezone, zoneinfo.ZoneInfo), "a time zone")
    stamp = _want(pd.Timestamp(np.datetime64(value, unit)), (pd.Timestamp,), _join(path, "value"), "a time")
    return stamp if tz is None else stamp.tz_localize("UTC").tz_convert(tz)


def _time_scalar(obj, path):
    unit = obj["unit"]
    if type(unit) is not str or unit not in ("s", "ms", "us", "ns"):
        _fail(_join(path, "unit"), f"unit {_show(unit)} is not allowed")
    return _want(obj["value"], (int,), _join(path, "value"), "an int"), unit


def _d_timedelta(dec, obj, path, depth):
    _fields(obj, path, "unit value")
    value, unit = _time_scalar(obj, path)
    return _want(pd.Timedelta(np.timedelta64(value, unit)), (pd.Timedelta,), _join(path, "value"), "a duration")


def _constant(value):
    def handler(dec, obj, path, depth):
        _fields(obj, path, "")
        return value
    return handler


_DECODERS = {
    "int": _d_int,
    "complex": _d_complex,
    "bytes": _d_bytes,
    "tuple": lambda dec, obj, path, depth: tuple(dec.items_of(obj, path, depth)),
    "set": _d_set,
    "frozenset": _d_set,
    **dict.fromkeys(_DICTS.values(), _d_dict),
    "range": _d_range,
    "Decimal": _d_decimal,
    "date": lambda dec, obj, path, depth: dt.date(*_time_fields(dec, obj, path, depth, 3)[0]),
    "datetime": lambda dec, obj, path, depth: (lambda f, kw: dt.datetime(*f, **kw))(
        *_time_fields(dec, obj, path, depth, 7, zoned=True)),
    "time": lambda dec, obj, path, depth: (lambda f, kw: dt.time(*f, **kw))(
        *_time_fields(dec, obj, path, depth, 4, zoned=True)),
    "timedelta": lambda dec, obj, path, depth: dt.timedelta(*_time_fields(dec, obj, path, depth, 3)[0]),
    "timezone": _d_timezone,
    "ZoneInfo": _d_zone,
    "module": _d_module,
    "ndarray": _d_ndarray,
    "numpy": _d_npscalar,
    "Timestamp": _d_timestamp,
    "Timedelta": _d_timedelta,
    "Ellipsis": _constant(...),
    "NaT": _constant(pd.NaT),
    "NA": _constant(pd.NA),
    "array": _d_array,
    "Index": _d_index,
    "RangeIndex": _d_rangeindex,
    "MultiIndex": _d_multiindex,
    "Series": _d_series,
    "DataFrame": _d_frame,
    "Axes": lambda dec, obj, path, depth: _build_axes(None, obj, path),
    "Figure": lambda dec, obj, path, depth: _d_figure(obj, path),
}


# ---------------------------------------------------------------- matplotlib rebuild


class _Facts:
    """One JSON object of facts, read with type checks; errors name the path."""

    def __init__(self, obj, path: str, required: str | None = None, tagged: bool = False):
        self.obj, self.path = _object(obj, path), path
        if required is not None:
            _fields(obj, path, required, tagged)

    def __getitem__(self, key):
        return self.obj[key]

    def text(self, key, none: bool = False) -> str | None:
        return _want(self.obj[key], (str, type(None)) if none else (str,), _join(self.path, key), "a string")

    def float(self, key) -> float:
        return _want(self.obj[key], (float,), _join(self.path, key), "a float")

    def floats(self, key, n: int | None = None) -> list:
        values = _list(self.obj, key, self.path, (float,), "a float")
        if n is not None and len(values) != n:
            _fail(_join(self.path, key), f"expected {n} numbers")
        return values

    def points(self, key) -> np.ndarray:
        values = self.floats(key)
        if len(values) % 2:
            _fail(_join(self.path, key), "expected x, y pairs")
        return np.array(values, dtype=float).reshape(-1, 2)

    def color(self, key) -> str:
        value = self.text(key)
        return value if _HEX.fullmatch(value) else _fail(_join(self.path, key), "not a #rrggbbaa colour")

    def each(self, key, required: str | None = None) -> list:
        items = _list(self.obj, key, self.path)
        return [_Facts(v, _join(_join(self.path, key), i), required) for i, v in enumerate(items)]


_AXES_FIELDS = ("figsize position title xlabel ylabel xscale yscale xlim ylim xticks yticks legend lines patches "
                "containers collections texts")
_PATCH_FIELDS = {"Rectangle": "xy width height angle", "Wedge": "center r theta1 theta2 width",
                 "Polygon": "xy closed"}


def _figure(size: list, path: str):
    from matplotlib.figure import Figure

    if len(size) != 2 or not all(0 < v < 1000 for v in size):
        _fail(path, "not a figure size")
    return Figure(figsize=size)


def _d_figure(obj, path):
    f = _Facts(obj, path, "size axes", tagged=True)
    figure = _figure(f.floats("size"), _join(path, "size"))
    for axes in f.each("axes"):
        if type(axes.obj.get("type")) is not str or axes["type"] != "Axes":
            _fail(axes.path, "expected an Axes")
        _build_axes(figure, axes.obj, axes.path)
    return figure


def _build_axes(figure, obj, path: str):
    """A real Axes (on ``figure``, or on a new Figure) with the facts of :func:`_axes_facts`."""
    from matplotlib import container, patches as mpatches

    f = _Facts(obj, path, _AXES_FIELDS, tagged=True)
    figure = figure or _figure(f.floats("figsize"), _join(path, "figsize"))
    ax = figure.add_axes(f.floats("position", 4))
    titles = _Facts(f["title"], _join(path, "title"), " ".join(_TITLE_LOCS))
    for loc in _TITLE_LOCS:
        ax.set_title(titles.text(loc), loc=loc)
    ax.set_xlabel(f.text("xlabel"))
    ax.set_ylabel(f.text("ylabel"))
    for line in f.each("lines", "x y label color linestyle linewidth marker"):
        x, y = line.floats("x"), line.floats("y")
        if len(x) != len(y):
            _fail(line.path, "x and y differ in length")
        marker = line.text("marker", none=True)
        ax.plot(x, y, label=line.text("label", none=True), color=line.color("color"),
                linestyle=line.text("linestyle"), linewidth=line.float("linewidth"),
                **({} if marker is None else {"marker": marker}))
    for p in f.each("patches"):
        kind = _want(p.obj.get("kind"), (str,), _join(p.path, "kind"), "a string")
        _fields(p.obj, p.path, "kind label facecolor " + _PATCH_FIELDS.get(kind, "outline"), tagged=False)
        style = {"label": p.text("label", none=True), "facecolor": p.color("facecolor")}
        if kind == "Rectangle":
            patch = mpatches.Rectangle(p.floats("xy", 2), p.float("width"), p.float("height"), angle=p.float("angle"),
                                       **style)
        elif kind == "Wedge":
            width = None if p["width"] is None else p.float("width")
            patch = mpatches.Wedge(p.floats("center", 2), p.float("r"), p.float("theta1"), p.float("theta2"),
                                   width=width, **style)
        else:
            closed = True if kind != "Polygon" else _want(p["closed"], (bool,), _join(p.path, "closed"), "a bool")
            patch = mpatches.Polygon(p.points("xy" if kind == "Polygon" else "outline"), closed=closed, **style)
        ax.add_patch(patch)
    kinds = {"ErrorbarContainer": container.ErrorbarContainer, "StemContainer": container.StemContainer,
             "Container": container.Container}
    for c in f.each("containers"):
        kind = _want(c.obj.get("kind"), (str,), _join(c.path, "kind"), "a string")
        if kind == "BarContainer":
            _fields(c.obj, c.path, "kind label patches orientation", tagged=False)
            at = _list(c.obj, "patches", c.path, (int,), "an int")
            if not all(0 <= i < len(ax.patches) for i in at):
                _fail(_join(c.path, "patches"), "a patch index out of range")
            orientation = c.text("orientation", none=True)
            if orientation not in (None, "vertical", "horizontal"):
                _fail(_join(c.path, "orientation"), "not an orientation")
            holder = container.BarContainer([ax.patches[i] for i in at], orientation=orientation,
                                            label=c.text("label", none=True))
        elif kind in kinds:
            _fields(c.obj, c.path, "kind label count", tagged=False)
            count = _want(c["count"], (int,), _join(c.path, "count"), "an int")
            if not 0 <= count <= 16:
                _fail(_join(c.path, "count"), "not an artist count")
            holder = kinds[kind]((None,) * count, label=c.text("label", none=True))
        else:
            _fail(_join(c.path, "kind"), f"unknown container kind {_show(kind)}")
        ax.add_container(holder)
    for c in f.each("collections", "offsets label"):
        xy = c.points("offsets")
        ax.scatter(xy[:, 0], xy[:, 1], label=c.text("label", none=True))
    for t in f.each("texts", "text xy"):
        ax.text(*t.floats("xy", 2), t.text("text"))
    for axis in "xy":
        scale = f.text(f"{axis}scale")
        if scale not in _SCALES:
            _fail(_join(path, f"{axis}scale"), f"scale {_show(scale)} is not allowed")
        getattr(ax, f"set_{axis}scale")(scale)
        ticks = _Facts(f[f"{axis}ticks"], _join(path, f"{axis}ticks"), "at labels")
        at, labels = ticks.floats("at"), _list(ticks.obj, "labels", ticks.path, (str,), "a string")
        if len(at) != len(labels):
            _fail(ticks.path, "tick positions and labels differ in length")
        getattr(ax, f"set_{axis}ticks")(at, labels)
        getattr(ax, f"set_{axis}lim")(*f.floats(f"{axis}lim", 2))
    if f["legend"] is not None:
        legend = _Facts(f["legend"], _join(path, "legend"), "title labels")
        labels = _list(legend.obj, "labels", legend.path, (str,), "a string")
        ax.legend(handles=[mpatches.Patch() for _ in labels], labels=labels, title=legend.text("title") or None)
    return ax
