"""Chapter 3: the quiz's numeric answers agree with the curated visits table."""
import pandas as pd

from coursekit import data
from coursekit.quiz import Quiz

QUIZ = Quiz.load("ch03")


def close(question_id: str, value: float) -> bool:
    question = QUIZ.question(question_id)
    return abs(value - question.answer) <= question.tolerance + 1e-9


def test_russian_top_level_visits_to_pakistan():
    visits = data.load("visits")
    top = visits["level"].isin(["head of state", "head of government"])
    count = int((top & visits["host_country"].eq("Pakistan")).sum())
    assert close("russian-top-visits", count), count
    # and none of them was by a head of state
    assert not (visits["level"].eq("head of state") & visits["host_country"].eq("Pakistan")).any()


def test_lavrov_gap_in_years():
    when = data.load("visits").set_index("id")["date"]
    years = round((when["lavrov-2021"] - when["lavrov-2012"]).days / 365.25, 1)
    assert close("lavrov-gap", years), years


def test_visits_in_2012():
    visits = data.load("visits")
    count = int(visits["date"].dt.year.eq(2012).sum())
    assert close("visits-2012", count), count


def test_zardari_visit_is_dated_2011_not_2012():
    zardari = data.load("visits").set_index("id").loc["zardari-2011"]
    assert zardari["date"] == pd.Timestamp("2011-05-11") and zardari["precision"] == "day"


def test_every_visit_names_a_fact_sheet_item():
    visits = data.load("visits")
    assert visits["source"].str.startswith("FACTS.md").all()
    # the unverified air chief trip (FACTS.md A2 #13) is not in the table
    assert not visits["visitor"].str.contains("Rafiq", case=False).any()
