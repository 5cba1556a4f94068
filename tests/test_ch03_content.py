"""Chapter 3: the quiz's answers and data-based keys agree with the curated visits table.

Numeric answers are recomputed with pandas, and so are the results of the
mistakes that the low/high feedback names, so that a change to the table or the
bank that makes them disagree fails here with the question named.
"""
import pandas as pd

from coursekit import data
from coursekit.quiz import Quiz

QUIZ = Quiz.load("ch03")
TOP = ["head of state", "head of government"]


def close(question_id: str, value: float) -> bool:
    question = QUIZ.question(question_id)
    return abs(value - question.answer) <= question.tolerance + 1e-9


def test_no_soviet_or_russian_head_of_state_visited_pakistan():
    visits = data.load("visits")
    assert not (visits["level"].eq("head of state") & visits["host_country"].eq("Pakistan")).any()


def test_top_level_share_going_to_russia_1999_2012():
    visits = data.load("visits")
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
    """empty-stretch: no rows from 1970 to 1998, and the 1969 visits lack an exact day."""
    visits = data.load("visits")
    assert not visits["date"].dt.year.between(1970, 1998).any()
    assert visits.loc[visits["date"].dt.year.eq(1969), "precision"].ne("day").all()


def test_every_visit_names_a_fact_sheet_item():
    visits = data.load("visits")
    assert visits["source"].str.startswith("FACTS.md").all()
    # the unverified air chief trip (FACTS.md A2 #13) is not in the table
    assert not visits["visitor"].str.contains("Rafiq", case=False).any()
