"""coursekit.instructor.grading.plain: answers cross from the sandbox to the judge as plain data, exactly.

1. Every supported value survives ``decode(json.loads(json.dumps(encode(v))))`` with the same
   type, the same bits, the same dtypes, names and order.
2. So does every answer the exercise masters produce, for every name their hidden tests read.
3. encode refuses values that lie about themselves, without calling any of their methods.
4. decode refuses malformed or hostile input with Malformed, never with another exception.
"""
from __future__ import annotations

import ast
import collections
import datetime as dt
import decimal
import io
import json
import math
import struct
import subprocess
import sys
import zoneinfo
from pathlib import Path

import matplotlib
from helpers import ROOT

matplotlib.use("Agg")
import matplotlib.axes  # noqa: E402
import matplotlib.patches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from coursekit.instructor.grading.plain import MODULES, Malformed, Unsupported, decode, encode  # noqa: E402

EXERCISES = sorted(p.parent for p in ROOT.glob("exercises/ex[0-9][0-9]_*/ex[0-9][0-9]_*.ipynb")
                   if p.parent.name == p.stem)

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # Agg "cannot show", tight_layout


def json_round_trip(value, **decode_options):
    text = json.dumps(encode(value), allow_nan=True)
    return decode(json.loads(text), **decode_options)


# ---------------------------------------------------------------- exact comparison

SERIES_EXACT = dict(check_exact=True, check_dtype=True, check_index_type=True, check_names=True,
                    check_categorical=True, check_freq=False)
FRAME_EXACT = dict(SERIES_EXACT, check_column_type=True)
INDEX_EXACT = dict(exact=True, check_exact=True, check_names=True, check_categorical=True)


def assert_same(got, want, where="value"):
    """``got`` is ``want``'s exact copy: same type, same bits (NaN is NaN), same dtypes, names and order."""
    assert type(got) is type(want), f"{where}: {type(got).__name__} != {type(want).__name__}"
    kind = type(want)
    if kind is float:
        assert (math.isnan(got) and math.isnan(want)) or struct.pack("<d", got) == struct.pack("<d", want), where
    elif kind is complex:
        assert_same(got.real, want.real, where + ".real")
        assert_same(got.imag, want.imag, where + ".imag")
    elif kind in (list, tuple):
        assert len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want)):
            assert_same(g, w, f"{where}[{i}]")
    elif kind in (dict, collections.OrderedDict, collections.Counter):
        assert_same(list(got.items()), list(want.items()), where + ".items()")
    elif kind in (set, frozenset):
        assert got == want and sorted(map(repr, got)) == sorted(map(repr, want)), where  # 1, 1.0 and True differ
    elif kind in (range, bytes, str, int, bool, type(None)):
        assert got == want, where
    elif kind is decimal.Decimal:
        assert str(got) == str(want), where
    elif kind in (dt.datetime, dt.time):
        assert (got, repr(got.tzinfo), got.fold) == (want, repr(want.tzinfo), want.fold), where
    elif kind in (dt.date, dt.timedelta, dt.timezone, zoneinfo.ZoneInfo):
        assert repr(got) == repr(want), where
    elif kind is np.ndarray:
        assert (got.dtype, got.shape) == (want.dtype, want.shape), where
        if want.dtype == object:
            for i, (g, w) in enumerate(zip(got.ravel().tolist(), want.ravel().tolist())):
                assert_same(g, w, f"{where}.flat[{i}]")
        else:
            assert np.ascontiguousarray(got).tobytes() == np.ascontiguousarray(want).tobytes(), where
    elif issubclass(kind, np.generic):
        assert_same(np.asarray(got), np.asarray(want), where)
    elif kind in (pd.Timestamp, pd.Timedelta):
        facts = [(x.unit, x.asm8, repr(getattr(x, "tz", None))) for x in (got, want)]
        assert facts[0] == facts[1], where
    elif kind is pd.DataFrame:
        pd.testing.assert_frame_equal(got, want, **FRAME_EXACT)
        assert_same(got.index, want.index, where + ".index")
        assert_same(got.columns, want.columns, where + ".columns")
        for i in range(want.shape[1]):
            assert_same_array(got.iloc[:, i].array, want.iloc[:, i].array, f"{where} column {i}")
    elif kind is pd.Series:
        pd.testing.assert_series_equal(got, want, **SERIES_EXACT)
        assert_same(got.name, want.name, where + ".name")
        assert_same(got.index, want.index, where + ".index")
        assert_same_array(got.array, want.array, where)
    elif kind is pd.MultiIndex:
        pd.testing.assert_index_equal(got, want, **INDEX_EXACT)
        assert_same(list(got.names), list(want.names), where + ".names")
        assert_same(list(got.levels), list(want.levels), where + ".levels")
        assert_same([c.tolist() for c in got.codes], [c.tolist() for c in want.codes], where + ".codes")
    elif kind is pd.RangeIndex:
        pd.testing.assert_index_equal(got, want, exact=True)
        assert_same((got.start, got.stop, got.step, got.name), (want.start, want.stop, want.step, want.name), where)
    elif issubclass(kind, pd.Index):
        pd.testing.assert_index_equal(got, want, **INDEX_EXACT)
        assert_same(got.name, want.name, where + ".name")
        assert_same_array(got.array, want.array, where)
    elif kind.__module__.split(".")[0] == "pandas" and hasattr(want, "dtype"):  # a pandas array
        assert_same_array(got, want, where)
    elif isinstance(want, matplotlib.axes.Axes):
        assert_same_axes(got, want)
    else:
        assert got is want, where  # NaT, NA, modules


def assert_same_array(got, want, where):
    """Two pandas arrays hold the same bits (pandas' own asserts let 0.0 == -0.0 and 1 == 1.0 == True)."""
    assert type(got) is type(want) and got.dtype == want.dtype, f"{where}: {got.dtype} != {want.dtype}"
    if isinstance(want, pd.Categorical):
        assert_same(got.categories, want.categories, where + ".categories")
        assert got.ordered == want.ordered and got.codes.tolist() == want.codes.tolist(), where
    elif hasattr(want, "_mask"):
        assert got._mask.tolist() == want._mask.tolist(), where
        assert_same(got._data[~got._mask], want._data[~want._mask], where)
    else:
        assert_same(got._ndarray, want._ndarray, where)


def axes_facts(ax) -> str:
    return json.dumps(encode(ax), allow_nan=True)


def assert_same_axes(got, want):
    assert isinstance(got, matplotlib.axes.Axes)
    assert axes_facts(got) == axes_facts(want)
    for read in (lambda ax: len(ax.get_lines()), lambda ax: len(ax.containers), lambda ax: len(ax.patches),
                 lambda ax: len(ax.collections), lambda ax: len(ax.texts), lambda ax: ax.get_title(loc="left"),
                 lambda ax: ax.get_xlabel(), lambda ax: ax.get_ylabel(), lambda ax: ax.get_xlim(),
                 lambda ax: [t.get_text() for t in ax.get_xticklabels()],
                 lambda ax: ax.get_legend_handles_labels()[1],
                 lambda ax: ax.get_legend() and [t.get_text() for t in ax.get_legend().get_texts()]):
        assert read(got) == read(want)


# ---------------------------------------------------------------- 1. a broad table of values

UTC, PKT = dt.timezone.utc, dt.timezone(dt.timedelta(hours=5), "PKT")
KARACHI = zoneinfo.ZoneInfo("Asia/Karachi")
NAN = float("nan")


def _frames():
    idx = pd.Index(["p", "q", "q"], name="key")
    mixed = pd.DataFrame({
        "int": [1, -2, 3], "float": [0.5, -0.0, NAN], "bool": [True, False, True],
        "str": pd.array(["a", None, "c"], dtype="str"), "string": pd.array(["x", None, ""], dtype="string"),
        "Int64": pd.array([1, None, 3], dtype="Int64"), "boolean": pd.array([True, None, False], dtype="boolean"),
        "Float64": pd.arrays.FloatingArray(np.array([NAN, 2.5, 0.0]), np.array([False, False, True])),
        "object": pd.Series([1, "a", None], dtype=object, index=idx).array,
        "when": pd.to_datetime(["2020-01-01 00:00:00", None, "2021-06-30 12:00:00.000001"], format="ISO8601"),
        "utc": pd.to_datetime(["2020-01-01", "2020-01-02", None]).tz_localize("UTC").as_unit("s"),
        "karachi": pd.to_datetime(["2020-01-01", "2020-03-08 02:30", None], format="ISO8601")
                     .tz_localize(KARACHI).as_unit("ns"),
        "offset": pd.to_datetime(["2020-01-01", "2020-01-02", "2020-01-03"]).tz_localize(PKT),
        "span": pd.to_timedelta(["1 days", None, "-1 ns"]),
        "cat": pd.Categorical(["b", None, "a"], categories=["b", "a", "z"], ordered=True),
    }, index=idx)
    mixed.columns.name = "field"
    yield "mixed dtypes", mixed
    yield "duplicate labels", pd.DataFrame([[1, 2.0, "a"], [3, 4.0, "b"]], columns=["x", "x", "y"])
    yield "int labels", pd.DataFrame({0: [1.5], 1: ["a"], 10: [None]})
    yield "tuple labels", pd.DataFrame([[1, 2]], columns=pd.Index([(1, "a"), (2, "b")], tupleize_cols=False))
    yield "MultiIndex columns", pd.DataFrame(np.arange(6).reshape(2, 3), columns=pd.MultiIndex.from_tuples(
        [("a", 1), ("a", 2), ("b", 1)], names=["outer", "inner"]), index=pd.Index([10, 20], name="row"))
    yield "empty", pd.DataFrame()
    yield "no rows", pd.DataFrame({"a": pd.Series([], dtype="Int8"), "b": pd.Series([], dtype="str")})
    yield "no columns", pd.DataFrame(index=pd.RangeIndex(3))
    yield "datetime index", pd.DataFrame({"v": [1.0, 2.0]},
                                         index=pd.DatetimeIndex(["2020-01-01", "2020-01-02"], name="day"))
    yield "pivot", pd.DataFrame({"k": ["a", "b", "a"], "c": ["x", "x", "y"], "v": [1, 2, 3]}).pivot_table(
        index="k", columns="c", values="v", aggfunc="sum")
    yield "crosstab", pd.crosstab(pd.Series(["a", "b", "a"], name="r"), pd.Series(["x", "y", "y"], name="c"))
    yield "wide", pd.DataFrame(np.arange(600.0).reshape(3, 200))
    yield "float32 complex uint64", pd.DataFrame({"f": np.array([1.5, NAN], np.float32), "c": [1 + 2j, -0.0j],
                                                    "u": np.array([0, 2**64 - 1], np.uint64)})


def _series():
    yield "int64", pd.Series([1, 2, 3], name="n")
    yield "float", pd.Series([0.1, -0.0, NAN, math.inf], index=[3, 1, 2, 2])
    yield "str with missing", pd.Series(["a", None, "b"])
    yield "string with NA", pd.Series(["a", None], dtype="string", name=("tuple", 1))
    for dtype in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64",
                  "boolean"):
        values = [True, None] if dtype == "boolean" else [1, None]
        yield dtype, pd.Series(values, dtype=dtype, name=dtype)
    for unit in ("s", "ms", "us", "ns"):
        yield f"datetime64[{unit}]", pd.Series(pd.to_datetime(["2012-10-02", None]).as_unit(unit))
    yield "timedelta64", pd.Series(pd.to_timedelta(["1 s", None]).as_unit("ms"))
    yield "category int", pd.Series(pd.Categorical([3, 1, None]))
    yield "category str ordered", pd.Series(pd.Categorical(["lo", "hi"], categories=["lo", "hi"], ordered=True))
    yield "object nested", pd.Series([[1, 2], {"a": (1,)}, pd.Timestamp("2020"), None, NAN, pd.NA], dtype=object)
    yield "empty", pd.Series([], dtype=object)
    yield "value_counts", pd.Series(["x", "y", "x"]).value_counts()
    yield "groupby mean", pd.DataFrame({"g": ["a", "b", "a"], "v": [1.0, 2.0, 4.0]}).groupby("g")["v"].mean()
    yield "MultiIndex", pd.Series([1, 2, 3], index=pd.MultiIndex.from_arrays(
        [["a", "a", None], pd.to_datetime(["2020", "2021", "2022"])], names=["k", None]))


def _indexes():
    yield "int", pd.Index([3, 1, 2], name="n")
    yield "float", pd.Index([1.5, NAN])
    yield "str", pd.Index(["a", "b"])
    yield "string", pd.Index(["a", None], dtype="string")
    yield "object", pd.Index([1, "a", (2, 3)], dtype=object)
    yield "Int64", pd.Index([1, None], dtype="Int64")
    yield "bool", pd.Index([True, False])
    yield "DatetimeIndex tz", pd.DatetimeIndex(["2020-01-01", "2020-07-01"], tz=KARACHI, name="when")
    yield "TimedeltaIndex", pd.TimedeltaIndex(["1 day", "2 days"])
    yield "CategoricalIndex", pd.CategoricalIndex(["a", "b", "a"], categories=["b", "a"], name="c")
    yield "RangeIndex", pd.RangeIndex(5, name="r")
    yield "RangeIndex reversed", pd.RangeIndex(10, 0, -3)
    yield "RangeIndex empty", pd.RangeIndex(0)
    yield "MultiIndex", pd.MultiIndex.from_tuples([("a", 1), ("b", 2), ("a", 2)], names=["x", 7])
    yield "MultiIndex NaN", pd.MultiIndex.from_arrays([[1.0, NAN], ["a", "b"]])


NESTED_64 = [1]  # an int 64 levels down: the deepest value max_depth=64 allows
for _ in range(63):
    NESTED_64 = [NESTED_64]

VALUES = [
    ("None", None), ("Ellipsis", ...), ("True", True), ("False", False), ("zero", 0), ("int64 max", 2**63 - 1), ("int64 min", -2**63),
    ("2**63", 2**63), ("below int64", -2**63 - 1), ("4300 digits", 10**4299), ("float", 1.5), ("-0.0", -0.0),
    ("nan", NAN), ("inf", math.inf), ("-inf", -math.inf), ("subnormal", 5e-324),
    ("float max", 1.7976931348623157e308),
    ("third", 1 / 3), ("complex", complex(1, -0.0)), ("complex nan", complex(NAN, math.inf)),
    ("str", ""), ("unicode", "h\xe9llo \u2603 \U0001f600 \x00 \ud800"), ("bytes", b"\x00\xffab"), ("no bytes", b""),
    ("list", [1, [2, [3, []]]]), ("tuple", (1, (2,), ())), ("empty tuple", ()),
    ("dict", {"b": 1, 2: "a", (1, 2): None, None: [], frozenset({1}): 0, 1.5: 2.5, True: False}),
    ("OrderedDict", collections.OrderedDict([("z", 1), ("a", 2)])), ("Counter", collections.Counter("abracadabra")),
    ("set", {1, "a", (2, 3), None}), ("frozenset", frozenset({1.5, -2})), ("empty set", set()),
    ("range", range(-5, 100, 7)), ("empty range", range(0)), ("huge range", range(10**30, -(10**30), -(10**20))),
    ("Decimal", decimal.Decimal("1.10")), ("Decimal -0", decimal.Decimal("-0")),
    ("Decimal NaN", decimal.Decimal("NaN")),
    ("Decimal -inf", decimal.Decimal("-Infinity")), ("Decimal exponent", decimal.Decimal("1E+999")),
    ("date", dt.date(2012, 10, 2)), ("date min", dt.date.min),
    ("datetime", dt.datetime(2012, 10, 2, 9, 30, 1, 999999)),
    ("datetime UTC", dt.datetime(2012, 10, 2, tzinfo=UTC)), ("datetime PKT", dt.datetime(2012, 10, 2, 5, tzinfo=PKT)),
    ("datetime zone fold", dt.datetime(2020, 11, 1, 1, 30, tzinfo=zoneinfo.ZoneInfo("America/New_York"), fold=1)),
    ("time", dt.time(23, 59, 59, 999999)),
    ("time tz", dt.time(5, tzinfo=dt.timezone(-dt.timedelta(hours=3, minutes=30)))),
    ("timedelta", dt.timedelta(-1, 5, 7)), ("timedelta max", dt.timedelta.max), ("timezone utc", UTC),
    ("timezone named", PKT), ("timezone seconds", dt.timezone(dt.timedelta(seconds=-1, microseconds=5))),
    ("ZoneInfo", KARACHI),
    *[(f"np.{type(v).__name__} {v!r}", v) for v in (
        np.bool_(True), np.int8(-128), np.int16(-3), np.int32(2**31 - 1), np.int64(-2**63), np.uint8(255),
        np.uint16(7), np.uint32(2**32 - 1), np.uint64(2**64 - 1), np.float16(0.1), np.float32(NAN), np.float32(-0.0),
        np.float64(1 / 3), np.float64(-math.inf), np.complex64(1 + 2j), np.complex128(complex(-0.0, NAN)),
        np.str_("abc"), np.str_(""), np.datetime64("2012-10-02"),
        np.datetime64("2012-10-02T01:02:03.123456789", "ns"),
        np.datetime64("NaT"), np.datetime64(1, "Y"), np.timedelta64(5, "m"), np.timedelta64("NaT", "s"))],
    ("ndarray 2d int16", np.arange(12, dtype=np.int16).reshape(3, 4)), ("ndarray empty", np.array([])),
    ("ndarray 0x3", np.zeros((0, 3))), ("ndarray 0-d", np.array(5.0)),
    ("ndarray complex64", np.array([[1 + 1j]], np.complex64)),
    ("ndarray str", np.array(["a", "bcd", ""])), ("ndarray bool", np.array([True, False])),
    ("ndarray datetime64[D]", np.array(["2020-01-01", "NaT"], dtype="M8[D]")),
    ("ndarray m8", np.array([1, -2], "m8[us]")),
    ("ndarray object", np.array([1, "a", None, [1, 2], np.float32(1)], dtype=object)),
    ("ndarray fortran", np.asfortranarray(np.arange(6.0).reshape(2, 3))), ("ndarray strided", np.arange(10)[::3]),
    ("ndarray float16", np.array([0.1, NAN, -0.0], np.float16)), ("ndarray uint64", np.array([2**64 - 1], np.uint64)),
    ("Timestamp ns", pd.Timestamp("2012-10-02 12:00:00.123456789")),
    ("Timestamp s", pd.Timestamp("2012-10-02").as_unit("s")), ("Timestamp UTC", pd.Timestamp("2012-10-02", tz="UTC")),
    ("Timestamp zone", pd.Timestamp("2012-10-02 05:00", tz=KARACHI)),
    ("Timestamp offset", pd.Timestamp("2012-10-02", tz=PKT)), ("Timedelta", pd.Timedelta("1 days 2 ns")),
    ("Timedelta s", pd.Timedelta(seconds=5).as_unit("s")), ("NaT", pd.NaT), ("NA", pd.NA),
    *[(f"DataFrame {name}", v) for name, v in _frames()],
    *[(f"Series {name}", v) for name, v in _series()],
    *[(f"Index {name}", v) for name, v in _indexes()],
    ("IntegerArray", pd.array([1, None], dtype="Int16")), ("StringArray", pd.array(["a", None], dtype="str")),
    ("Categorical", pd.Categorical(["a", "b"])),
    ("NumpyExtensionArray", pd.arrays.NumpyExtensionArray(np.array([1.0]))),
    ("DatetimeArray", pd.array(pd.to_datetime(["2020"]).tz_localize("UTC"))),
    *[(f"module {name}", __import__(name))
      for name in ("math", "numpy", "pandas", "datetime", "collections", "matplotlib", "decimal")],
    ("nested containers", {"frame": pd.DataFrame({"a": [1]}), "list": [pd.Series([1.5]), pd.Index(["i"])],
                           "tuple": (pd.Timestamp("2020"), np.int64(3), {1, 2})}),
    ("shared references", [NESTED_64[0][0], NESTED_64[0][0]]),
    ("nested to max_depth", NESTED_64),
]


@pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[name for name, _ in VALUES])
def test_round_trip_is_exact(value):
    assert_same(json_round_trip(value), value)


def test_encoding_is_plain_json_data():
    def plain(x):
        if type(x) is dict:
            return all(type(k) is str and plain(v) for k, v in x.items())
        if type(x) is list:
            return all(plain(v) for v in x)
        return x is None or type(x) in (bool, int, float, str)

    for name, value in VALUES:
        assert plain(encode(value)), name


def test_supported_modules_leave_out_pyplot():
    assert "matplotlib.pyplot" not in MODULES and "os" not in MODULES
    with pytest.raises(Unsupported, match="matplotlib.pyplot"):
        encode(plt)


# ---------------------------------------------------------------- 1b. charts


def _charts():
    ax = Figure(figsize=(6, 3)).subplots()
    ax.plot([2010, 2011, 2012], [1.0, NAN, 3.5], color="#0072B2", label="Russia", marker="o", linestyle="--")
    ax.plot([2010, 2012], [2, 1], label="_nolegend_")
    ax.set_title("Trade", loc="left")
    ax.set_xlabel("year")
    ax.set_ylabel("US$ m")
    ax.legend(title="country")
    ax.text(2011, 2, "note")
    yield "lines", ax
    ax = Figure().subplots()
    ax.bar(["a", "b", "c"], [1, 2, 3], label="first")
    ax.bar(["a", "b", "c"], [1, 1, 1], bottom=[1, 2, 3], label="second")
    ax.legend()
    yield "stacked bars", ax
    ax = Figure().subplots()
    pd.DataFrame({"x": [1, 2], "y": [3, 4]}, index=[2013, 2014]).plot(kind="bar", stacked=True, ax=ax)
    yield "pandas bar plot", ax
    ax = Figure().subplots()
    ax.barh([1, 2], [3, 4])
    ax.scatter([1, 2, 3], [4, 5, 6], label="points")
    ax.set_xscale("log")
    yield "barh scatter log", ax
    ax = Figure().subplots()
    ax.hist([1, 2, 2, 3, 3, 3], bins=3)
    ax.errorbar([1, 2], [1, 2], yerr=[0.1, 0.2])
    ax.fill([0, 1, 1], [0, 0, 1], color="red")
    yield "hist errorbar fill", ax
    ax = Figure().subplots()
    ax.plot(pd.to_datetime(["2020-01-01", "2020-06-01"]), [1, 2])
    ax.annotate("peak", (pd.Timestamp("2020-06-01"), 2))
    yield "dates", ax


CHARTS = list(_charts())


@pytest.mark.parametrize("ax", [ax for _, ax in CHARTS], ids=[name for name, _ in CHARTS])
def test_axes_round_trip_keeps_the_facts(ax):
    got = json_round_trip(ax)
    assert type(got) is matplotlib.axes.Axes and got.figure is not ax.figure
    assert got.figure.canvas.manager is None  # a bare Figure, not one of pyplot's
    assert_same_axes(got, ax)


def test_the_judge_rebuilds_charts_without_pyplot(tmp_path):
    (tmp_path / "ax.json").write_text(json.dumps(encode(CHARTS[0][1]), allow_nan=True))
    script = ("import json, sys\nfrom coursekit.instructor.grading.plain import decode\n"
              "ax = decode(json.loads(open(sys.argv[1]).read()))\n"
              "assert ax.get_title(loc='left') == 'Trade', ax.get_title(loc='left')\n"
              "assert 'matplotlib.pyplot' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "ax.json")], check=True, timeout=60)


def test_pie_wedges_come_back_as_wedges():
    ax = Figure().subplots()
    ax.pie([1, 2, 3], labels=["a", "b", "c"])
    got = json_round_trip(ax)
    assert [type(p).__name__ for p in got.patches] == ["Wedge"] * 3
    assert_same_axes(got, ax)


def test_other_patches_come_back_as_their_outline():
    ax = Figure().subplots()
    ax.add_patch(matplotlib.patches.Circle((0.5, 0.5), 0.2, label="dot"))
    got = json_round_trip(ax)
    assert type(got.patches[0]) is matplotlib.patches.Polygon and got.patches[0].get_label() == "dot"
    np.testing.assert_allclose(got.patches[0].get_xy().min(axis=0), [0.3, 0.3], atol=1e-9)


def test_figure_round_trip():
    fig = Figure(figsize=(7, 2))
    left, right = fig.subplots(1, 2)
    left.plot([1, 2], [3, 4])
    right.bar([1], [2])
    got = json_round_trip(fig)
    assert type(got) is matplotlib.figure.Figure and list(got.get_size_inches()) == [7.0, 2.0]
    for g, w in zip(got.axes, fig.axes, strict=True):
        assert_same_axes(g, w)


# ---------------------------------------------------------------- 2. the real answers of every exercise


def test_names_read_by_hidden_tests():
    code = ">>> import pandas as _pd\n>>> _n = len(x)\n>>> isinstance(x, _pd.Series) and all(v > y for v in x)\nTrue"
    assert hidden_test_names(code) == {"x", "y", "len", "isinstance", "all"}


def hidden_test_names(code: str) -> set[str]:
    """The names a doctest reads that it does not bind itself."""
    source = "\n".join(line[4:] for line in code.splitlines() if line.startswith((">>> ", "... ")))
    tree = ast.parse(source)
    bound = {a.asname or a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
             for a in n.names}
    bound |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    bound |= {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - bound


def run_master(exercise: Path, monkeypatch) -> dict:
    """Execute the exercise master's code cells (not its grader.check cells) in a fresh namespace."""
    monkeypatch.chdir(exercise)
    namespace = {"__name__": "__main__"}
    for cell in nbformat.read(exercise / f"{exercise.name}.ipynb", as_version=4).cells:
        if cell.cell_type == "code" and "grader.check(" not in cell.source and "otter" not in cell.source:
            exec(compile(cell.source, f"{exercise.name} cell {cell.get('id')}", "exec"), namespace)  # noqa: S102
    return namespace


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.name for e in EXERCISES])
def test_real_answers_round_trip(exercise, monkeypatch):
    names = set()
    for path in sorted((exercise / "dist" / "autograder" / "tests").glob("q*.py")):
        spec = {}
        exec(path.read_text(encoding="utf-8"), spec)  # noqa: S102 - the course's own test files
        names |= {n for suite in spec["test"]["suites"] for case in suite["cases"]
                  for n in hidden_test_names(case["code"])}
    try:
        namespace = run_master(exercise, monkeypatch)
        answers = {name: namespace[name] for name in sorted(names) if name in namespace}
        assert len(answers) >= 5, sorted(answers)
        for name, value in answers.items():
            got = json_round_trip(value)
            if isinstance(value, matplotlib.axes.Axes):
                assert_same_axes(got, value)
            else:
                assert_same(got, value, name)
    finally:
        plt.close("all")
    if exercise.name.startswith(("ex08", "ex09")):
        assert isinstance(answers["ax"], matplotlib.axes.Axes)


def test_all_exercises_found():
    """The glob finds every exercise the book lists (counted from _toc.yml, not hard-coded)."""
    from coursekit.book.build import toc_pages

    listed = {page.split("/")[1] for page in toc_pages(ROOT) if "/dist/student/" in page}
    assert EXERCISES and {p.name for p in EXERCISES} == listed


# ---------------------------------------------------------------- 3. hostile values for encode

CALLS: list[str] = []
ARMED = [False]
DUNDERS = ("__eq__", "__ne__", "__lt__", "__hash__", "__len__", "__iter__", "__repr__", "__str__", "__bool__",
           "__int__", "__float__", "__index__", "__getitem__", "__contains__", "__format__", "__reduce_ex__",
           "__array__", "__getattribute__", "__getattr__", "__dir__", "__sizeof__", "__copy__", "__deepcopy__",
           "keys", "items", "values", "tolist")


def liar(base: type, name: str) -> type:
    """A subclass of ``base`` whose methods record every call (once armed) and lie where they can."""

    def spy(method):
        original = getattr(base, method, None)

        def lying(self, *args, **kwargs):
            if ARMED[0]:
                CALLS.append(f"{name}.{method}")
            if method == "__eq__":
                return True
            if method == "__ne__":
                return False
            if original is None:
                raise AttributeError(method)
            return original(self, *args, **kwargs)
        return lying

    namespace = {m: spy(m) for m in DUNDERS if m != "__getattr__" or base is object}
    return type(name, (base,), namespace)


@pytest.fixture
def spied():
    CALLS.clear()
    ARMED[0] = True
    yield CALLS
    ARMED[0] = False


class Disguised:
    """isinstance(Disguised(), int) is True."""

    @property
    def __class__(self):
        if ARMED[0]:
            CALLS.append("Disguised.__class__")
        return int


class LyingMeta(type):
    def __eq__(cls, other):
        if ARMED[0]:
            CALLS.append("LyingMeta.__eq__")
        return True

    def __hash__(cls):
        if ARMED[0]:
            CALLS.append("LyingMeta.__hash__")
        return hash(int)


class MetaLiar(metaclass=LyingMeta):
    pass


def _hostile():
    LyingInt, LyingFloat, LyingStr = liar(int, "LyingInt"), liar(float, "LyingFloat"), liar(str, "LyingStr")
    yield "int subclass", LyingInt(3), "a LyingInt (subclass of int)"
    yield "int subclass in a list", [1, LyingInt(3)], "a LyingInt (subclass of int) inside a list"
    yield "float subclass", LyingFloat(0.5), "a LyingFloat (subclass of float)"
    yield "str subclass as a dict key", {LyingStr("k"): 1}, "a LyingStr (subclass of str) inside a dict"
    yield "list subclass", liar(list, "LyingList")([1]), "a LyingList (subclass of list)"
    yield "dict subclass", liar(dict, "LyingDict")(a=1), "a LyingDict (subclass of dict)"
    yield "tuple subclass", liar(tuple, "LyingTuple")((1,)), "a LyingTuple (subclass of tuple)"
    yield "namedtuple", collections.namedtuple("Point", "x y")(1, 2), "a Point (subclass of tuple)"
    yield "defaultdict", collections.defaultdict(list), "a defaultdict (subclass of dict)"
    yield "DataFrame subclass", liar(pd.DataFrame, "LyingFrame")({"a": [1]}), "a LyingFrame (subclass of DataFrame)"
    yield "Series subclass", liar(pd.Series, "LyingSeries")([1]), "a LyingSeries (subclass of Series)"
    yield "ndarray subclass", np.ma.masked_array([1, 2]), "a MaskedArray (subclass of ndarray)"
    yield "numpy float subclass", liar(np.float64, "LyingF64")(1.0), "a LyingF64 (subclass of float64)"
    yield "Axes subclass", type("MyAxes", (matplotlib.axes.Axes,), {})(Figure(), [0, 0, 1, 1]), "a MyAxes"
    yield "object column", pd.Series([1, LyingInt(2)], dtype=object), \
        "a LyingInt (subclass of int) inside an object array"
    yield "object in a frame", pd.DataFrame({"a": pd.Series([liar(object, "Thing")()], dtype=object)}), \
        "a Thing inside an object array in column 0 of a DataFrame"
    yield "lying column label", pd.DataFrame([[1]], columns=pd.Index([LyingStr("a")], dtype=object)), "a LyingStr"
    yield "lying index label", pd.Series([1], index=pd.Index([LyingFloat(1.0)], dtype=object)), "a LyingFloat"
    lying_categories = pd.Index([LyingInt(1)], dtype=object)
    yield "lying category", pd.Series(pd.Categorical([LyingInt(1)], categories=lying_categories)), \
        "a LyingInt (subclass of int) inside an object array in an Index"
    yield "lying Series name", pd.Series([1], name=LyingInt(1)), "a LyingInt (subclass of int) inside a Series name"
    yield "__class__ says int", Disguised(), "a Disguised"
    yield "metaclass says int", MetaLiar(), "a MetaLiar"
    yield "lying module name", _module_named(LyingStr("math")), "module"
    yield "function", len, "a builtin_function_or_method"
    yield "lambda", lambda: 1, "a function"
    yield "class", int, "a type"
    yield "generator", (i for i in range(3)), "a generator"
    yield "file", io.BytesIO(b"x"), "a BytesIO"
    yield "module outside the allowlist", sys, "the module 'sys'"
    yield "pyplot", plt, "the module 'matplotlib.pyplot'"
    yield "Period", pd.Period("2020-01", freq="M"), "a Period"
    yield "Interval column", pd.Series(pd.interval_range(0, 2)), "IntervalArray"
    yield "longdouble", np.longdouble(1), "a longdouble"
    yield "structured array", np.zeros(2, dtype=[("a", "i4")]), "numpy data of dtype"
    yield "big-endian array", np.arange(3, dtype=">i4"), "numpy data of dtype '>i4'"


def _module_named(name):
    module = type(sys)("placeholder")
    module.__name__ = name
    return module


HOSTILE = list(_hostile())


@pytest.mark.parametrize("value, message", [(v, m) for _, v, m in HOSTILE], ids=[name for name, _, _ in HOSTILE])
def test_encode_refuses_what_is_not_plain(value, message, spied):
    with pytest.raises(Unsupported) as caught:
        encode(value)
    ARMED[0] = False
    text = str(caught.value)
    assert message in text and "\n" not in text, text
    assert spied == [], f"encode called {spied}"


def test_the_liars_do_record_and_lie(spied):
    value, frame = liar(int, "LyingInt")(3), liar(pd.DataFrame, "LyingFrame")({"a": [1]})
    assert value == 4 and hash(value) == 3 and isinstance(Disguised(), int) and MetaLiar == int  # noqa: E721 - the lie under test
    assert len(frame.columns) == 1
    assert spied[:3] == ["LyingInt.__eq__", "LyingInt.__hash__", "Disguised.__class__"] and "LyingMeta.__eq__" in spied
    assert "LyingFrame.__getattribute__" in spied


def test_encode_refuses_self_reference_and_depth(spied):
    loop = [1]
    loop.append(loop)
    looping = {"a": []}
    looping["a"].append(looping)
    box = np.empty(1, dtype=object)
    box[0] = box
    for value in (loop, looping, box):
        with pytest.raises(Unsupported, match="contains itself"):
            encode(value)
    deep = []
    for _ in range(10_000):
        deep = [deep]
    with pytest.raises(Unsupported, match="max_depth=64"):
        encode(deep)
    with pytest.raises(Unsupported, match="max_depth=64"):
        encode([NESTED_64])  # one level more than the table's deepest value
    with pytest.raises(Unsupported, match="max_depth=3"):
        encode([[[[[1]]]]], max_depth=3)
    assert decode(encode(NESTED_64)) == NESTED_64


def test_lying_values_inside_pandas_strings_are_refused(spied):
    ARMED[0] = False
    series = pd.Series(["a", "b"], dtype="string")
    series.array._ndarray[1] = liar(str, "LyingStr")("b")  # what a student could smuggle in
    ARMED[0] = True
    with pytest.raises(Unsupported, match="a LyingStr .* in a string array"):
        encode(series)
    assert spied == []


# ---------------------------------------------------------------- 4. hostile input for decode


def _deep(levels: int, leaf=0):
    for _ in range(levels):
        leaf = [leaf]
    return leaf


def _column(dtype, values, **more):
    return {"dtype": dtype, "values": values, **more}


def _series_of(column, n=None):
    n = len(column["values"]) if n is None else n
    index = {"type": "RangeIndex", "start": 0, "stop": n, "step": 1, "name": None}
    return {"type": "Series", "name": None, "index": index, "data": column}


def _ndarray(dtype, values, shape=None):
    return {"type": "ndarray", "dtype": dtype, "shape": [len(values)] if shape is None else shape, "values": values}


RANGE2 = {"type": "RangeIndex", "start": 0, "stop": 2, "step": 1, "name": None}
LABELS_AB = {"type": "Index", "name": None, "data": _column("str", ["a", "b"])}
AXES = json.loads(json.dumps(encode(CHARTS[1][1]), allow_nan=True))


def _axes_with(**changes):
    return {**AXES, **changes}


BAD_INPUTS = [
    ("unknown tag", {"type": "pickle", "data": "gASVAAAAAAAAAAB9lC4="}, "unknown tag 'pickle'"),
    ("untagged object", {"a": 1}, "without a string 'type'"),
    ("tag not a string", {"type": ["tuple"]}, "without a string 'type'"),
    ("missing field", {"type": "tuple"}, "missing field 'items'"),
    ("extra field", {"type": "tuple", "items": [], "code": "import os"}, "unexpected field 'code'"),
    ("items not a list", {"type": "tuple", "items": "abc"}, "items: expected a list"),
    ("int digits with underscores", {"type": "int", "digits": "1_000"}, "not a decimal integer"),
    ("int digits with spaces", {"type": "int", "digits": " 12"}, "not a decimal integer"),
    ("int digits in another script", {"type": "int", "digits": "\u0661\u0662"}, "not a decimal integer"),
    ("int beyond the digit limit", {"type": "int", "digits": "9" * 5000}, "not a decimal integer"),
    ("complex with ints", {"type": "complex", "real": 1, "imag": 0.0}, "real: expected a float"),
    ("bytes not hex", {"type": "bytes", "hex": "zz"}, "not lower-case hex"),
    ("dict pair of three", {"type": "dict", "items": [[1, 2, 3]]}, "items[0]: expected a [key, value] pair"),
    ("dict unhashable key", {"type": "dict", "items": [[[1], 2]]}, "bad dict: TypeError"),
    ("dict repeated keys", {"type": "dict", "items": [[1, 2], [1, 3]]}, "repeated keys"),
    ("set repeated items", {"type": "set", "items": [1, 1.0]}, "repeated items"),
    ("range step zero", {"type": "range", "items": [0, 5, 0]}, "bad range: ValueError"),
    ("range of floats", {"type": "range", "items": [0, 5.0, 1]}, "expected an int"),
    ("Decimal expression", {"type": "Decimal", "value": "__import__('os')"}, "not a decimal number"),
    ("date out of range", {"type": "date", "fields": [2020, 13, 1]}, "bad date: ValueError"),
    ("datetime bool field", {"type": "datetime", "fields": [2020, 1, 1, 0, 0, 0, True], "tz": None, "fold": 0},
     "expected an int"),
    ("datetime tz not a zone", {"type": "datetime", "fields": [2020, 1, 1, 0, 0, 0, 0], "tz": "UTC", "fold": 0},
     "tz: expected a time zone"),
    ("zone path", {"type": "ZoneInfo", "key": "../../../etc/passwd"}, "not a time zone name"),
    ("zone absolute", {"type": "ZoneInfo", "key": "/etc/localtime"}, "not a time zone name"),
    ("zone unknown", {"type": "ZoneInfo", "key": "Mars/Olympus"}, "bad ZoneInfo"),
    *[(f"module {name}", {"type": "module", "name": name}, "is not allowed")
      for name in ("os", "subprocess", "builtins", "importlib", "matplotlib.pyplot", "coursekit.instructor.grading.plain")],
    *[(f"dtype {name!r}", _ndarray(name, [0]), "is not allowed")
      for name in ("O", "V8", "S5", ">i4", "<i8", "int64 ", "float128", "[('a', '<i4')]", "datetime64[10s]",
                   "M8[us]", "U99999999999", "void", "str", "category", None, 8)],
    ("int array with a float", _ndarray("int64", [1, 2.5]), "values[1]: expected an int"),
    ("int array with a bool", _ndarray("int8", [True]), "values[0]: expected an int"),
    ("int8 overflow", _ndarray("int8", [300]), "bad ndarray: OverflowError"),
    ("bool array with an int", _ndarray("bool", [1]), "expected a bool"),
    ("float array with NaN text", _ndarray("float64", ["NaN"]), "expected a float"),
    ("complex not a pair", _ndarray("complex128", [[1.0]]), "expected a [real, imag] pair"),
    ("string longer than its dtype", _ndarray("U2", ["abc"]), "longer than 2"),
    ("shape does not fit", _ndarray("int64", [1, 2, 3], [2, 2]), "3 values for shape (2, 2)"),
    ("negative shape", _ndarray("int64", [], [-1, 0]), "not an array shape"),
    ("object array with a bad tag", [0, 1, 2, _ndarray("object", [1, 2, {"type": "pickle"}])],
     "[3].values[2]: unknown tag 'pickle'"),
    ("object column with a module", _series_of(_column("object", [{"type": "module", "name": "os"}])),
     "data.values[0].name: module 'os' is not allowed"),
    ("numpy scalar of object", {"type": "numpy", "dtype": "object", "value": 1}, "not a scalar dtype"),
    ("Series length mismatch", _series_of(_column("int64", [1, 2]), n=3), "2 values for an index of 3"),
    ("Series index not an index", {**_series_of(_column("int64", [1])), "index": [0]}, "index: expected an Index"),
    ("string column with a number", _series_of(_column("str", ["a", 1])), "expected a string or null"),
    ("Int64 column with a float", _series_of(_column("Int64", [1.5])), "expected an int or null"),
    ("category code out of range", _series_of(_column("category", [0, 5], categories=LABELS_AB, ordered=False)),
     "bad Series: ValueError"),
    ("category ordered not bool", _series_of(_column("category", [0], categories=LABELS_AB, ordered=1)),
     "ordered: expected a bool"),
    ("category not an index", _series_of(_column("category", [0], categories=["a"], ordered=False)),
     "categories: expected an Index"),
    ("tz column with a day unit", _series_of(_column("datetime64[D]", [0], tz={"type": "ZoneInfo", "key": "UTC"})),
     "with a time zone is not allowed"),
    ("column with an unknown field", _series_of({"dtype": "int64", "values": [1], "eval": "1"}),
     "unexpected field 'eval'"),
    ("DataFrame labels mismatch", {"type": "DataFrame", "index": RANGE2, "columns": LABELS_AB,
                                   "data": [_column("int64", [1, 2])]}, "1 columns for 2 labels"),
    ("DataFrame column too short", {"type": "DataFrame", "index": RANGE2, "columns": LABELS_AB,
                                    "data": [_column("int64", [1, 2]), _column("int64", [1])]},
     "data[1]: 1 values for an index of 2"),
    ("MultiIndex code out of range",
     {"type": "MultiIndex", "names": [None], "levels": [LABELS_AB], "codes": [[0, 7]]}, "bad MultiIndex: ValueError"),
    ("MultiIndex ragged", {"type": "MultiIndex", "names": [None, None], "levels": [LABELS_AB, LABELS_AB],
                           "codes": [[0, 1], [0]]}, "do not match"),
    ("RangeIndex step zero", {"type": "RangeIndex", "start": 0, "stop": 2, "step": 0, "name": None}, "ValueError"),
    ("Timestamp unit D", {"type": "Timestamp", "unit": "D", "value": 0, "tz": None}, "unit 'D' is not allowed"),
    ("Timestamp beyond int64", {"type": "Timestamp", "unit": "s", "value": 2**64, "tz": None}, "bad Timestamp"),
    ("Timestamp out of bounds", {"type": "Timestamp", "unit": "s", "value": 2**63 - 1, "tz": {"type": "ZoneInfo",
     "key": "Asia/Karachi"}}, "bad Timestamp: OutOfBoundsDatetime"),
    ("Timestamp that is NaT", {"type": "Timestamp", "unit": "ns", "value": -2**63, "tz": None}, "expected a time"),
    ("NaT with a field", {"type": "NaT", "value": 1}, "unexpected field 'value'"),
    ("Axes bad colour", _axes_with(patches=[{**AXES["patches"][0], "facecolor": "red"}]), "not a #rrggbbaa colour"),
    ("Axes scale with arguments", _axes_with(xscale="function"), "scale 'function' is not allowed"),
    ("Axes line lengths", _axes_with(lines=[{"x": [1.0], "y": [], "label": "a", "color": "#000000ff",
                                             "linestyle": "-", "linewidth": 1.0, "marker": None}]),
     "differ in length"),
    ("Axes bar index", _axes_with(containers=[{**AXES["containers"][0], "patches": [99]}]),
     "patch index out of range"),
    ("Axes container kind", _axes_with(containers=[{"kind": "Evil", "label": "x", "count": 1}]),
     "unknown container kind"),
    ("Axes ticks mismatch", _axes_with(xticks={"at": [0.0], "labels": []}), "differ in length"),
    ("Axes missing a fact", {k: v for k, v in AXES.items() if k != "title"}, "missing field 'title'"),
    ("Figure of a non-Axes", {"type": "Figure", "size": [4.0, 3.0], "axes": [{"type": "tuple", "items": []}]},
     "axes[0]: expected an Axes"),
    ("Figure of size zero", {"type": "Figure", "size": [0.0, 3.0], "axes": []}, "not a figure size"),
    ("depth bomb", _deep(10_000), "nested deeper than max_depth=64"),
    ("tuple depth bomb", json.loads('{"type": "tuple", "items": [' * 200 + "]}" * 200), "max_depth=64"),
    ("not JSON: a tuple", (1, 2), "expected JSON data"),
    ("not JSON: a set", {1}, "expected JSON data"),
    ("not JSON: bytes", b"x", "expected JSON data"),
    ("not JSON: int key", {"type": "tuple", "items": [], 1: 2}, "expected a string field name"),
]


@pytest.mark.parametrize("obj, message", [(o, m) for _, o, m in BAD_INPUTS], ids=[name for name, _, _ in BAD_INPUTS])
def test_decode_refuses_malformed_input(obj, message):
    with pytest.raises(Malformed) as caught:
        decode(obj)
    text = str(caught.value)
    assert message in text and "\n" not in text, text


def test_decode_error_says_where():
    with pytest.raises(Malformed) as caught:
        decode([0, 1, 2, _ndarray("object", [1, 2, {"type": "pickle"}])])
    assert str(caught.value) == "[3].values[2]: unknown tag 'pickle'"


def test_decode_bounds_items_and_depth():
    with pytest.raises(Malformed, match="max_items=1000"):
        decode(list(range(1001)), max_items=1000)
    with pytest.raises(Malformed, match="max_items=1000"):
        decode(_ndarray("U100", ["a"] * 20), max_items=1000)  # 20 strings of 100 characters
    with pytest.raises(Malformed, match="max_depth=2"):
        decode([[[1]]], max_depth=2)
    assert decode([[1]], max_depth=2) == [[1]]
    with pytest.raises(Malformed):  # Python's recursion limit comes first: still Malformed, not RecursionError
        decode(_deep(100_000), max_depth=10**9)


def test_decode_of_json_depth_bombs():
    text = "[" * 100_000 + "]" * 100_000
    try:
        obj = json.loads(text)
    except RecursionError:  # json refuses it first: then decode never sees it; decode a built one instead
        obj = _deep(100_000)
    with pytest.raises(Malformed):
        decode(obj)


def test_decode_calls_no_method_of_non_json_values(spied):
    ARMED[0] = False
    LyingStr = liar(str, "LyingStr")
    inputs = [LyingStr("x"), {"type": LyingStr("tuple"), "items": []}, {LyingStr("type"): "tuple", "items": []},
              ["ok", liar(float, "LyingFloat")(1.0)], _ndarray("int64", [liar(int, "LyingInt")(1)]),
              MetaLiar(), [MetaLiar()], _series_of(_column(LyingStr("int64"), [1])),
              _series_of(_column("str", [LyingStr("a")])), {"type": "numpy", "dtype": LyingStr("object"), "value": 1},
              {"type": "Timestamp", "unit": LyingStr("s"), "value": 0, "tz": None},
              {"type": "module", "name": LyingStr("math")}, {"type": "ZoneInfo", "key": LyingStr("UTC")},
              {"type": "Figure", "size": [4.0, 3.0], "axes": [{"type": LyingStr("Axes")}]},
              _axes_with(xscale=LyingStr("log")), _axes_with(legend={"title": "", "labels": [LyingStr("a")]})]
    ARMED[0] = True
    for obj in inputs:
        with pytest.raises(Malformed):
            decode(obj)
    assert spied == []
