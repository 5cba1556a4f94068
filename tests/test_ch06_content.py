"""Chapter 6: the numeric quiz answers agree with the data they are computed from."""
import pytest

from coursekit import data
from coursekit.quiz import Quiz

QUIZ = Quiz.load("ch06")


def bilateral_trade(a: str, b: str, year: int) -> float:
    """Trade between a and b in one year, both directions, US$ millions (COW dyadic)."""
    dyad = data.load("cow_trade_dyadic")
    pair = dyad[(((dyad["state1"] == a) & (dyad["state2"] == b))
                 | ((dyad["state1"] == b) & (dyad["state2"] == a))) & (dyad["year"] == year)]
    assert len(pair) == 1, f"expected one {a}-{b} row for {year}, found {len(pair)}"
    row = pair.iloc[0]
    assert not (row.isna()["flow1"] or row.isna()["flow2"]), "a missing flow must not be added as zero"
    return float(row["flow1"] + row["flow2"])


def total_trade(state: str, year: int) -> float:
    totals = data.load("cow_trade_totals")
    row = totals[(totals["state"] == state) & (totals["year"] == year)]
    assert len(row) == 1
    return float(row["imports"].iloc[0] + row["exports"].iloc[0])


def share_of_russia(partner: str, year: int = 2011) -> float:
    return bilateral_trade("Russia", partner, year) / total_trade("Russia", year) * 100


def irst(state: str, year: int) -> float:
    nmc = data.load("cow_nmc")
    return float(nmc.loc[(nmc["state"] == state) & (nmc["year"] == year), "irst"].iloc[0])


def assert_matches(question_id: str, computed: float) -> None:
    question = QUIZ.question(question_id)
    assert question.kind == "numeric"
    assert abs(computed - question.answer) <= question.tolerance, (
        f"{question_id}: data give {computed:.4f}, bank says {question.answer} ± {question.tolerance}")
    assert question.check(computed).correct


def test_pakistan_share_of_russias_trade_2011():
    assert_matches("pakistan-share-2011", share_of_russia("Pakistan"))


def test_india_share_of_russias_trade_2011():
    assert_matches("india-share-2011", share_of_russia("India"))


def test_article_figure_is_about_five_times_the_data():
    assert_matches("article-ratio", 0.3 / share_of_russia("Pakistan"))


def test_planned_capacity_against_national_output_2011():
    # irst is in thousands of tonnes; the planned capacity is 3 million tonnes (P11; FACTS.md A4 #24).
    assert_matches("plan-vs-national", 3_000 / irst("Pakistan", 2011))


def test_the_article_share_is_never_reached_in_the_data():
    # The chapter says Pakistan's share stays below 0.3% in every year 1992-2014.
    shares = [share_of_russia("Pakistan", year) for year in range(1992, 2015)]
    assert max(shares) < 0.3


@pytest.mark.parametrize("question_id", ["pakistan-share-2011", "india-share-2011", "article-ratio", "plan-vs-national"])
def test_a_wrong_answer_outside_tolerance_is_rejected(question_id):
    question = QUIZ.question(question_id)
    assert not question.check(question.answer + 2 * question.tolerance + 0.01).correct
