"""Chapter 1's quiz agrees with the course timeline and visits table it rests on.

The numeric answers are recomputed from ``timeline_2012`` with pandas, and the
single-choice keys that depend on a row of the data (what was held, what was only
planned, which dates) are checked against that row, so that a change in the data
or in the bank that makes them disagree fails here with the question named.
"""
import pandas as pd
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import assert_accepted


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return Quiz.load("ch01")


@pytest.fixture(scope="module")
def timeline() -> pd.DataFrame:
    return data.load("timeline_2012").set_index("id")


@pytest.fixture(scope="module")
def visits() -> pd.DataFrame:
    return data.load("visits").set_index("id")


def test_speech_to_announcement_gap(quiz, timeline):
    days = (timeline.loc["postponement", "date"] - timeline.loc["pragmatism-speech", "date"]).days
    assert_accepted(quiz, "speech-gap", days)


def test_shortest_gap_from_a_month_only_request(quiz, timeline):
    request = timeline.loc["india-request"]
    announced = timeline.loc["postponement", "date"]
    # The question rests on the request being known only to the month, stored as the 1st.
    assert request["precision"] == "month" and request["date"].day == 1
    latest_request = request["date"] + pd.offsets.MonthEnd(0)
    assert_accepted(quiz, "request-gap-min", (announced - latest_request).days)
    # The "high" feedback diagnoses the placeholder mistake with the longest gap.
    longest = (announced - request["date"]).days
    question = quiz.question("request-gap-min")
    assert f"{longest} days" in question.feedback["high"]
    assert not question.check(longest).correct


def test_summit_was_not_held_but_lavrov_came(quiz, timeline, visits):
    """postponed-or-cancelled: the distractor about the summit is wrong because of these rows."""
    assert not timeline.loc["quadrilateral-summit", "happened"]
    lavrov = visits.loc["lavrov-2012"]
    assert (lavrov["date"], lavrov["host_country"]) == (pd.Timestamp("2012-10-03"), "Pakistan")
    question = quiz.question("postponed-or-cancelled")
    wrong = [o for o in question.options if "summit went ahead" in o.text]
    assert len(wrong) == 1 and not wrong[0].correct


def test_kayani_went_and_had_been_before(quiz, timeline, visits):
    """kayani-trip: the key says the trip was held; a distractor says it was his first."""
    row = timeline.loc["kayani-moscow"]
    assert row["happened"] and row["date"] == pd.Timestamp("2012-10-03")
    assert visits.loc["kayani-2009", "host_country"] == "Russia"
    question = quiz.question("kayani-trip")
    right = [o.text for o in question.options if o.correct]
    assert len(right) == 1 and right[0].startswith("It went ahead") and "3 to 6 October" in right[0]


def test_zardari_visit_is_in_2011(quiz, visits):
    assert visits.loc["zardari-2011", "date"].year == 2011
    right = next(o.text for o in quiz.question("zardari-date").options if o.correct)
    assert "2011" in right


def test_first_visit_key_names_both_kosygin_visits(quiz, visits):
    """first-visit: Kosygin came in 1968 and 1969 (FACTS.md C2 #1), both as a head of government."""
    kosygin = visits[visits["visitor"].eq("Kosygin")]
    assert sorted(kosygin["date"].dt.year) == [1968, 1969] and kosygin["level"].eq("head of government").all()
    right = next(o.text for o in quiz.question("first-visit").options if o.correct)
    assert "1968" in right and "1969" in right, right


def test_postponed_key_matches_the_three_counts(quiz, visits):
    """postponed-or-cancelled: no Russian head of state in Pakistan, but a head of government came in 2024."""
    to_pakistan = visits[visits["visitor_country"].eq("Russia") & visits["host_country"].eq("Pakistan")]
    assert not to_pakistan["level"].eq("head of state").any()
    mishustin = visits.loc["mishustin-2024"]
    assert (mishustin["level"], mishustin["kind"]) == ("head of government", "other visit to the country")
    question = quiz.question("postponed-or-cancelled")
    right = next(o for o in question.options if o.correct)
    assert "Mishustin" in right.feedback and "visit to the country" in right.feedback
    # The later meetings were not all abroad from Russia's side: Ufa (2015) and Moscow (2022) are in Russia.
    in_russia = visits[visits["date"].dt.year.ge(2013) & visits["host_country"].eq("Russia") & visits["level"].ne("minister")]
    assert {"sharif-2015", "khan-2022"} <= set(in_russia.index)
