"""Chapter 2's quiz answers agree with the data they are computed from.

Each test recomputes a number (or a ranking) from the course datasets with
pandas, independently of the notebook's helper function, and compares it with
the answer stored in chapters/quizzes/ch02.yml.
"""
import pandas as pd
import pytest

from coursekit import data
from coursekit.quiz import Quiz

PARTNERS = ["Russia", "India", "China", "United States"]


@pytest.fixture(scope="module")
def votes_2012() -> pd.DataFrame:
    """One row per 2012 roll call, one column per focus country (yes/abstain/no or missing)."""
    votes = data.load("unga_votes")
    roll_calls = data.load("unga_roll_calls")
    rcids = roll_calls.loc[roll_calls["year"] == 2012, "rcid"]
    return votes[votes["rcid"].isin(rcids)].pivot(index="rcid", columns="country", values="vote")


def shares(wide: pd.DataFrame, a: str, b: str) -> dict[str, float]:
    """The three agreement definitions in %, on roll calls where both countries voted."""
    both = wide[[a, b]].dropna()
    x, y = both[a].astype(str), both[b].astype(str)
    same = x == y
    one_abstains = (x == "abstain") ^ (y == "abstain")
    neither = (x != "abstain") & (y != "abstain")
    return {
        "identical": 100 * same.sum() / len(both),
        "half_credit": 100 * (same.sum() + 0.5 * one_abstains.sum()) / len(both),
        "excl_abstentions": 100 * (same & neither).sum() / neither.sum(),
    }


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return Quiz.load("ch02")


def test_2012_has_the_expected_roll_calls(votes_2012):
    both = votes_2012[["Pakistan", "Russia"]].dropna()
    assert len(votes_2012) == 92 and len(both) == 90


@pytest.mark.parametrize("question_id, definition", [
    ("pak-rus-identical-2012", "identical"),
    ("pak-rus-half-credit-2012", "half_credit"),
])
def test_numeric_answers_match_the_data(votes_2012, quiz, question_id, definition):
    question = quiz.question(question_id)
    value = shares(votes_2012, "Pakistan", "Russia")[definition]
    assert abs(value - question.answer) <= question.tolerance + 1e-9, (question_id, value, question.answer)
    assert question.check(round(value, 1)).correct


def test_ranking_statements_in_the_quiz_hold(votes_2012, quiz):
    table = pd.DataFrame({p: shares(votes_2012, "Pakistan", p) for p in PARTNERS}).T
    # India first under identical votes, China first when abstentions are excluded.
    assert table["identical"].idxmax() == "India"
    assert table["excl_abstentions"].idxmax() == "China"
    # Russia third and the United States last under every definition.
    for column in table.columns:
        order = table[column].sort_values(ascending=False).index.tolist()
        assert order[2:] == ["Russia", "United States"], (column, order)
    # Excluding abstentions is Russia's highest figure; half credit is the US's highest.
    assert table.loc["Russia"].idxmax() == "excl_abstentions"
    assert table.loc["United States"].idxmax() == "half_credit"
    # The bank marks exactly these statements as true.
    question = quiz.question("definitions-ranking")
    right = [o.text for o in question.options if o.correct]
    assert len(right) == 2 and any("China comes first" in t for t in right)
