"""The data layer: every file described, validated, typed, and loudly rejected when damaged."""
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from coursekit.runtime import data, remote

DATA = data.DATA_DIR


@pytest.fixture
def damaged(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def rewrite_line(path: Path, line_number: int, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line_number - 1] = new + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_every_data_file_is_described_with_source_and_licence():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv")}
    assert on_disk == described
    for resource in package["resources"]:
        assert resource["sources"] and resource["licenses"], resource["name"]
        folder = DATA / Path(resource["path"]).parent
        assert (folder / "PROVENANCE.md").is_file(), folder


def test_every_resource_records_the_sha256_of_its_file():
    """What a notebook run on its own checks its downloads against (coursekit.runtime.remote)."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    stale = [r["path"] for r in package["resources"] if r.get("hash") != remote.file_sha256(DATA / r["path"])]
    assert stale == [], (f"data/datapackage.json records no sha256, or an outdated one, for {', '.join(stale)}: "
                         f"after editing data, run `.venv/bin/python -m coursekit.runtime.remote --update-hashes`")


@pytest.mark.parametrize("name", data.names())
def test_every_dataset_validates_and_loads_typed(name):
    frame = data.load(name)
    assert len(frame) > 0
    fields = data.describe(name)["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    for field in fields:
        dtype = frame[field["name"]].dtype
        expected = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(dtype)
        else:
            assert str(dtype) == expected[field["type"]], field["name"]


def test_curated_tables_give_a_source_on_every_row():
    for name in data.names():
        fields = [f["name"] for f in data.describe(name)["schema"]["fields"]]
        if data.describe(name)["path"].startswith("curated/"):
            assert "source" in fields, name
            assert data.load(name)["source"].str.strip().ne("").all(), name


def test_the_timeline_matches_the_fact_sheet_dates():
    timeline = data.load("timeline_2012").set_index("id")
    assert timeline.loc["postponement", "date"] == pd.Timestamp("2012-09-27")
    assert timeline.loc["pragmatism-speech", "date"] == pd.Timestamp("2012-07-09")
    assert not timeline.loc["quadrilateral-summit", "happened"]


def test_namibias_code_NA_stays_a_string(damaged):
    path = damaged / "curated" / "timeline_2012.csv"
    text = path.read_text(encoding="utf-8").replace("Pakistan;Russia,visit", "NA,visit", 1)
    path.write_text(text, encoding="utf-8")
    actors = data.load("timeline_2012", damaged)["actors"]
    assert "NA" in set(actors) and actors.notna().all()


def test_a_wrong_type_names_file_row_and_field(damaged):
    path = damaged / "cow_nmc" / "cow_nmc_v7_focus_1990_2022.csv"
    rewrite_line(path, 5, "2,United States,nineteen,1,1,1,1,1,1,0.1")
    with pytest.raises(data.DataError) as info:
        data.load("cow_nmc", damaged)
    message = str(info.value)
    assert str(path) in message and "row 5" in message and "field 'year'" in message and "type-error" in message


def test_a_missing_column_is_named(damaged):
    path = damaged / "curated" / "timeline_2012.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns="source").to_csv(path, index=False)
    with pytest.raises(data.DataError, match=r"timeline_2012.csv.*field 'source'.*missing"):
        data.load("timeline_2012", damaged)


def test_a_duplicate_key_names_the_row(damaged):
    path = damaged / "curated" / "timeline_2012.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(data.DataError, match=rf"timeline_2012.csv, row {len(lines) + 1}.*primary-key"):
        data.load("timeline_2012", damaged)


def test_unknown_datasets_and_missing_files_are_clear_errors(damaged):
    with pytest.raises(data.DataError, match="no dataset named 'nope'"):
        data.load("nope")
    (damaged / "cow_nmc" / "cow_nmc_v7_focus_1990_2022.csv").unlink()
    with pytest.raises(data.DataError, match="cow_nmc_v7_focus_1990_2022.csv: file of dataset 'cow_nmc' is missing"):
        data.load("cow_nmc", damaged)


def test_loading_returns_a_fresh_copy():
    first = data.load("timeline_2012")
    first.loc[0, "event"] = "changed"
    assert data.load("timeline_2012").loc[0, "event"] != "changed"


def test_licence_table_lists_every_dataset():
    table = (DATA / "LICENSES.md").read_text(encoding="utf-8")
    for name in data.names():
        assert f"`{name}`" in table, name


def test_every_dataset_is_used_by_a_chapter_or_exercise():
    root = DATA.parent
    used = data.users(root / "chapters", root / "reference", *sorted((root / "exercises").glob("ex*")))
    unused = sorted(set(data.names()) - set(used))
    assert unused == [], f"datasets no notebook loads (remove them or use them): {unused}"


def test_a_visit_kind_outside_the_three_counts_is_rejected(damaged):
    """visits.kind may only name one of FACTS.md C1's counts; a typo must not slip into chapter 3's tallies."""
    path = damaged / "curated" / "visits.csv"
    text = path.read_text(encoding="utf-8")
    assert ",official bilateral visit," in text
    path.write_text(text.replace(",official bilateral visit,", ",state visit,", 1), encoding="utf-8")
    with pytest.raises(data.DataError, match=r"visits.csv.*field 'kind'"):
        data.load("visits", damaged)


def test_visits_follow_fact_sheet_part_c():
    """FACTS.md C1-C2: the rows the corrections added, with the count each belongs to."""
    visits = data.load("visits").set_index("id")
    expected = {"kosygin-1968": ("official bilateral visit", "1968-04-17"),
                "zia-1982": ("other visit to the country", "1982-11-01"),
                "zia-1985": ("other visit to the country", "1985-03-01"),
                "sharif-2015": ("other visit to the country", "2015-07-10"),
                "mishustin-2024": ("other visit to the country", "2024-10-15"),
                "sharif-2022": ("meeting in a third country", "2022-09-01"),
                "sharif-2024": ("meeting in a third country", "2024-07-01"),
                "sharif-2025": ("meeting in a third country", "2025-09-02")}
    for row_id, (kind, day) in expected.items():
        row = visits.loc[row_id]
        assert (row["kind"], row["date"]) == (kind, pd.Timestamp(day)), row_id
        assert row["source"].startswith("FACTS.md") and " C" in row["source"], row_id
    # the official-only firsts of 2003 and 2022 say so
    assert visits.loc[["musharraf-2003", "khan-2022"], "first_of_kind"].str.contains("official").all()
