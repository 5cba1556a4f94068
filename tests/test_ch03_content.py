"""Chapter 3: the quiz's answers and data-based keys agree with the curated visits table.

Numeric answers are recomputed with pandas, and so are the results of the
mistakes that the low/high feedback names, so that a change to the table or the
bank that makes them disagree fails here with the question named.
"""
import json
from pathlib import Path

import pandas as pd

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz

QUIZ = Quiz.load("ch03")
TOP = ["head of state", "head of government"]
CHAPTER = Path(__file__).resolve().parent.parent / "chapters" / "03_high_level_visits.ipynb"
OFFICIAL, OTHER, THIRD = "official bilateral visit", "other visit to the country", "meeting in a third country"
# FACTS.md C1: the three counts nest; each is the set of kinds it includes.
COUNTS = {"a meeting anywhere": {OFFICIAL, OTHER, THIRD}, "a visit to the country": {OFFICIAL, OTHER},
          "an official bilateral visit": {OFFICIAL}}
HOMES = {"Pakistan", "Russia", "Soviet Union"}


def chapter_text() -> str:
    """The chapter's markdown, where its stated counts live."""
    cells = json.loads(CHAPTER.read_text(encoding="utf-8"))["cells"]
    return " ".join(" ".join("".join(c["source"]).split()) for c in cells if c["cell_type"] == "markdown")


def close(question_id: str, value: float) -> bool:
    question = QUIZ.question(question_id)
    return abs(value - question.answer) <= question.tolerance + 1e-9


def test_no_soviet_or_russian_head_of_state_visited_pakistan():
    visits = data.load("visits")
    assert not (visits["level"].eq("head of state") & visits["host_country"].eq("Pakistan")).any()


def test_top_level_share_going_to_russia_1999_2012():
    visits = data.load("visits")
    visits = visits[visits["kind"].isin(COUNTS["a visit to the country"])]  # the prompt's count
    window = visits[visits["date"].dt.year.between(1999, 2012)]
    top = window["level"].isin(TOP)
    to_russia = window["host_country"].eq("Russia")
    share = 100 * (top & to_russia).sum() / top.sum()
    assert close("top-level-share", share), share
    # The shares a student gets with the wrong denominator or rank, as the feedback names them.
    feedback = QUIZ.question("top-level-share").feedback
    low = {
        "share of visits to Russia at the top": 100 * (top & to_russia).sum() / to_russia.sum(),
        "divided by every visit of the period": 100 * (top & to_russia).sum() / len(window),
        "the other direction": 100 * (top & ~to_russia).sum() / top.sum(),
    }
    for mistake, value in low.items():
        assert value < share and f"{value:.1f}%" in feedback["low"], (mistake, value)
    heads_of_state = window["level"].eq("head of state")
    only_heads = 100 * (heads_of_state & to_russia).sum() / heads_of_state.sum()
    assert only_heads > share and f"{only_heads:.0f}%" in feedback["high"], only_heads


def test_shortest_gap_between_the_defence_ministers_visits():
    visits = data.load("visits").set_index("id")
    grechko, shoigu = visits.loc["grechko-1969"], visits.loc["shoigu-2014"]
    assert grechko["precision"] == "year" and shoigu["precision"] == "day"
    last_possible = grechko["date"] + pd.offsets.YearEnd(0)
    shortest = round((shoigu["date"] - last_possible).days / 365.25, 1)
    assert close("defence-gap-shortest", shortest), shortest
    # The placeholder 1 January gives the longest gap, which the chapter prints and the feedback names.
    longest = round((shoigu["date"] - grechko["date"]).days / 365.25, 1)
    assert longest > shortest and f"{longest}" in QUIZ.question("defence-gap-shortest").feedback["high"]


def test_visits_in_2012():
    visits = data.load("visits")
    count = int(visits["date"].dt.year.eq(2012).sum())
    assert close("visits-2012", count), count


def test_zardari_visit_is_dated_2011_not_2012():
    zardari = data.load("visits").set_index("id").loc["zardari-2011"]
    assert zardari["date"] == pd.Timestamp("2011-05-11") and zardari["precision"] == "day"


def test_the_empty_stretch_and_its_imprecise_ends():
    """empty-stretch: no rows from April 1985 to 1998; Zia's funeral trips (FACTS.md C2 #2) are dated to the month."""
    visits = data.load("visits").set_index("id")
    assert not visits["date"].between("1985-04-01", "1998-12-31").any()
    zia = visits.loc[["zia-1982", "zia-1985"]]
    assert zia["precision"].eq("month").all() and zia["kind"].eq(OTHER).all(), zia
    assert visits.loc["sharif-1999", "precision"] == "year"


def test_kind_and_host_agree():
    """A meeting in a third country is held outside both countries; every other row is a visit to one of them."""
    visits = data.load("visits")
    third = visits["kind"].eq(THIRD)
    assert not visits.loc[third, "host_country"].isin(HOMES).any(), visits.loc[third, ["id", "host_country"]]
    assert visits.loc[~third, "host_country"].isin(HOMES).all(), visits.loc[~third, ["id", "host_country"]]


def test_mishustin_2024_visited_the_country_but_not_officially():
    """FACTS.md C1 #1: a head of government in Islamabad for the SCO, not an official bilateral visit."""
    row = data.load("visits").set_index("id").loc["mishustin-2024"]
    assert (row["host_country"], row["level"], row["kind"]) == ("Pakistan", "head of government", OTHER), row
    assert row["date"] == pd.Timestamp("2024-10-15")


def test_kosygin_came_in_1968_officially_and_again_in_1969():
    """FACTS.md C2 #1: the first visit by a Soviet premier was the official one of April 1968."""
    visits = data.load("visits").set_index("id")
    kosygin = visits[visits["visitor"].eq("Kosygin")]
    assert list(kosygin.index) == ["kosygin-1968", "kosygin-1969"]
    assert visits.loc["kosygin-1968", "date"] == pd.Timestamp("1968-04-17")
    assert visits.loc["kosygin-1968", "kind"] == OFFICIAL


def test_the_counts_the_chapter_states():
    """The chapter's sentence on top-level contacts matches the three counts recomputed from the table."""
    visits = data.load("visits")
    top = visits[visits["level"].isin(TOP)]
    n = {name: int(top["kind"].isin(kinds).sum()) for name, kinds in COUNTS.items()}
    stated = (f"{n['a meeting anywhere']} meetings anywhere, {n['a visit to the country']} visits to the country "
              f"and {n['an official bilateral visit']} official bilateral visits")
    text = chapter_text()
    assert text.count(stated) == 2, f"chapter 3 should state '{stated}' in the counts section and the summary"
    to_pakistan = top[top["host_country"].eq("Pakistan")]
    assert len(to_pakistan) == 4 and to_pakistan["kind"].eq(OFFICIAL).sum() == 2, to_pakistan
    assert "came to Pakistan four times" in text and "in 1968 and 2007, are documented as official" in text
    to_russia = top[top["host_country"].isin(["Russia", "Soviet Union"])]
    assert len(to_russia) == 9 and to_russia["kind"].eq(OFFICIAL).sum() == 4, to_russia
    assert "nine times at the top, four of them on official bilateral visits" in text
    assert not (top["visitor_country"].isin(["Russia", "Soviet Union"]) & top["level"].eq("head of state")).any()


def test_firsts_hold_only_for_official_visits():
    """FACTS.md C1 #5 and C2 #2: 2003 and 2022 were firsts among official bilateral visits only."""
    visits = data.load("visits").set_index("id")

    def previous(later, office_rows, kinds):
        rows = visits[office_rows & visits["kind"].isin(kinds) & (visits["date"] < visits.loc[later, "date"])]
        return rows["date"].idxmax() if len(rows) else None

    pm = visits["office"].eq("Prime Minister of Pakistan") & ~visits["kind"].eq(THIRD)
    assert previous("khan-2022", pm, {OFFICIAL}) == "sharif-1999"
    assert previous("khan-2022", pm, {OFFICIAL, OTHER}) == "sharif-2015"
    years = (visits.loc["khan-2022", "date"] - visits.loc["sharif-1999", "date"]).days / 365.25
    assert round(years) == 23, years
    president = visits["office"].eq("President of Pakistan")
    assert previous("musharraf-2003", president, {OFFICIAL}) is None  # none documented as official before 2003
    assert previous("musharraf-2003", president, {OFFICIAL, OTHER}) == "zia-1985"


def test_russian_visitors_since_2012():
    """russian-visitors-since-2012: one visit to the country (Mishustin), none official, no head of state."""
    visits = data.load("visits")
    since = visits[(visits["date"] >= "2012-10-01") & visits["level"].isin(TOP)
                   & visits["visitor_country"].eq("Russia") & visits["host_country"].eq("Pakistan")]
    assert list(since["id"]) == ["mishustin-2024"] and not since["kind"].eq(OFFICIAL).any()
    correct = [o.text for o in QUIZ.question("russian-visitors-since-2012").options if o.correct]
    assert len(correct) == 1 and "Mishustin" in correct[0] and "no official" in correct[0]


def test_every_visit_names_a_fact_sheet_item():
    visits = data.load("visits")
    assert visits["source"].str.startswith("FACTS.md").all()
    # the unverified air chief trip (FACTS.md A2 #13) is not in the table
    assert not visits["visitor"].str.contains("Rafiq", case=False).any()
