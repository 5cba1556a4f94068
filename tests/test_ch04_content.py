"""Chapter 4's numeric quiz answers agree with the data they are computed from.

Each test recomputes one answer from ``ucdp_battle_deaths`` with pandas and checks it
against the answer stored in ``chapters/quizzes/ch04.yml``, within that question's
tolerance. If the data or the quiz bank change so that they disagree, a test fails.
"""
import pytest

from coursekit import data
from coursekit.quiz import Quiz

CENTRAL_ASIA = ["Kazakhstan", "Kyrgyz Republic", "Tajikistan", "Turkmenistan", "Uzbekistan"]


@pytest.fixture(scope="module")
def ucdp():
    return data.load("ucdp_battle_deaths")


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch04")


def afghanistan_mean(ucdp, first, last):
    rows = ucdp[(ucdp["country_name"] == "Afghanistan") & ucdp["year"].between(first, last)]
    assert len(rows) == last - first + 1, "a year is missing from the Afghanistan series"
    return float(rows["best"].mean())


def assert_matches(quiz, question_id, computed):
    question = quiz.question(question_id)
    assert question.kind == "numeric"
    assert abs(computed - question.answer) <= question.tolerance, (
        f"{question_id}: data give {computed}, quiz says {question.answer} +/- {question.tolerance}")


def test_afghanistan_average_after_2014(ucdp, quiz):
    assert_matches(quiz, "afghanistan-after-average", afghanistan_mean(ucdp, 2015, 2022))


def test_afghanistan_ratio_after_to_before(ucdp, quiz):
    ratio = afghanistan_mean(ucdp, 2015, 2022) / afghanistan_mean(ucdp, 2007, 2014)
    assert_matches(quiz, "afghanistan-ratio", ratio)


def test_central_asian_states_with_recorded_deaths(ucdp, quiz):
    central = ucdp[ucdp["country_name"].isin(CENTRAL_ASIA)]
    assert sorted(central["country_name"].unique()) == sorted(CENTRAL_ASIA)
    with_deaths = central.loc[central["best"] > 0, "country_name"].nunique()
    assert_matches(quiz, "central-asia-states", float(with_deaths))


def test_the_range_quoted_in_the_quiz_matches_the_data(ucdp, quiz):
    row = ucdp[(ucdp["country_name"] == "Afghanistan") & (ucdp["year"] == 1989)].iloc[0]
    assert (row["low"], row["best"], row["high"]) == (1904, 5174, 17051)
    prompt = quiz.question("reading-the-range").prompt
    assert all(f"{int(v):,}" in prompt for v in (row["low"], row["best"], row["high"]))
