"""Chapter 10: the quiz answers and the numbers in the text follow from the data."""
import pytest

from coursekit import data
from coursekit.quiz import Quiz


@pytest.fixture(scope="module")
def claims():
    return data.load("claims")


@pytest.fixture(scope="module")
def checked(claims):
    return claims[claims["checkable"]]


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch10")


def answer_matches(quiz, qid, value):
    question = quiz.question(qid)
    assert abs(value - question.answer) <= question.tolerance + 1e-9, (qid, value, question.answer)


def test_number_of_supported_claims_matches_the_quiz(checked, quiz):
    answer_matches(quiz, "n-supported", int((checked["verdict"] == "supported").sum()))


def test_share_of_supported_claims_matches_the_quiz(checked, quiz):
    answer_matches(quiz, "pct-supported", round(100 * (checked["verdict"] == "supported").mean(), 1))


def test_cow_trade_share_matches_the_quiz(quiz):
    dyads = data.load("cow_trade_dyadic")
    totals = data.load("cow_trade_totals")
    pair = dyads[(dyads["year"] == 2011) & (dyads["state1"] == "Russia") & (dyads["state2"] == "Pakistan")]
    assert len(pair) == 1
    russia = totals[(totals["state"] == "Russia") & (totals["year"] == 2011)].iloc[0]
    share = 100 * float(pair["flow1"].iloc[0] + pair["flow2"].iloc[0]) / float(russia["imports"] + russia["exports"])
    answer_matches(quiz, "trade-share-cow", share)
    # the text says the article's 0.3% is about five times too large
    assert round(0.3 / round(share, 3), 1) == 4.9


def test_counts_quoted_in_the_chapter_text(claims, checked):
    assert (len(claims), len(checked)) == (59, 36)
    verdicts = checked["verdict"].value_counts()
    assert (verdicts["supported"], verdicts["partly"], verdicts["not found"], verdicts["contradicted"]) == (20, 8, 7, 1)
    assert list(checked.loc[checked["verdict"] == "contradicted", "id"]) == ["p03-no-incentive"]
    opening = checked[checked["section"] == "opening"]
    assert (len(opening), int((opening["verdict"] == "supported").sum())) == (15, 10)
    energy = checked[checked["section"] == "The politics of energy"]
    assert (len(energy), int((energy["verdict"] == "supported").sum()),
            int((energy["verdict"] == "not found").sum())) == (13, 6, 4)
    context = checked[checked["role"] == "context"]
    assert (len(context), int((context["verdict"] == "supported").sum())) == (9, 8)
    evidence = checked[checked["role"] == "evidence"]
    assert (len(evidence), int((evidence["verdict"] == "supported").sum())) == (24, 12)
    supported = checked[checked["verdict"] == "supported"]
    assert int((supported["confidence"] == "high").sum()) == 15
    assert int(checked["confidence"].isna().sum()) == 2


def test_the_reader_comment_is_mostly_beyond_our_sources():
    comment = data.load("comment_claims")
    verdicts = comment["verdict"].value_counts()
    assert (len(comment), verdicts["partly"], verdicts["not checkable"], verdicts["beyond our sources"]) == (6, 1, 2, 3)
    assert (comment["checkable"] == (comment["verdict"] != "not checkable")).all()


def test_the_data_checks_on_the_comment_say_what_the_text_says():
    unga = data.load("unga_ideal_points")
    cold = unga[unga["Year"].between(1950, 1969)]
    mean = cold.groupby("CountryName")["PctAgreeRUSSIA"].mean()
    assert mean["India"] > mean["Pakistan"] > cold["PctAgreeRUSSIA"].median()
    tiv = data.load("sipri_tiv_by_supplier")
    india = tiv[(tiv["Recipient"] == "India") & tiv["year"].between(2000, 2011)]
    by_supplier = india.groupby("Supplier")["tiv_delivered_sum"].sum()
    assert by_supplier.idxmax() == "Russia" and 70 < 100 * by_supplier["Russia"] / by_supplier.sum() < 75
    register = data.load("sipri_register")
    assert not any("lease" in column.lower() for column in register.columns)
