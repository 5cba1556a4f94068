"""Chapter 2's quiz answers agree with the data they are computed from.

Each test recomputes a number (or a ranking) from the course datasets with
pandas, independently of the notebook's helper function, and compares it with
what chapters/quizzes/ch02.yml states: the answers, the vote counts the 2005
prompts give the student, and the results of the mistakes the feedback names.
"""
import pandas as pd
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz

PARTNERS = ["Russia", "India", "China", "United States"]


@pytest.fixture(scope="module")
def wide() -> pd.DataFrame:
    """One row per roll call of 1992-2019, one column per focus country, plus the year."""
    votes = data.load("unga_votes")
    roll_calls = data.load("unga_roll_calls")
    years = roll_calls.loc[roll_calls["year"].between(1992, 2019), ["rcid", "year"]].set_index("rcid")
    return votes.pivot(index="rcid", columns="country", values="vote").join(years, how="inner")


@pytest.fixture(scope="module")
def votes_2012(wide) -> pd.DataFrame:
    return wide[wide["year"] == 2012]


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


def breakdown(wide: pd.DataFrame, a: str, b: str) -> dict[str, int]:
    """The counts a student needs for the three definitions, as the 2005 prompts state them."""
    pair = wide[[a, b]]
    both = pair.dropna().astype(str)
    x, y = both[a], both[b]
    return {
        "both yes": int(((x == "yes") & (y == "yes")).sum()),
        "both abstain": int(((x == "abstain") & (y == "abstain")).sum()),
        "both no": int(((x == "no") & (y == "no")).sum()),
        "one abstains while the other votes yes or no": int(((x == "abstain") ^ (y == "abstain")).sum()),
        "one yes and the other no": int((((x == "yes") & (y == "no")) | ((x == "no") & (y == "yes"))).sum()),
        "at least one of the two has no recorded vote": int(pair.isna().any(axis=1).sum()),
    }


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return Quiz.load("ch02")


def test_2012_has_the_expected_roll_calls(votes_2012):
    """The absences question quotes 55 identical votes on 90 roll calls, 92 with absences."""
    both = votes_2012[["Pakistan", "Russia"]].dropna()
    assert len(votes_2012) == 92 and len(both) == 90
    assert int((both["Pakistan"] == both["Russia"]).sum()) == 55


def test_2005_counts_in_the_prompts_match_the_data(wide, quiz):
    year = wide[wide["year"] == 2005]
    counts = breakdown(year, "Pakistan", "Russia")
    assert sum(counts.values()) == len(year) == 99
    for question_id in ("pak-rus-half-credit-2005", "pak-rus-excl-abstentions-2005"):
        prompt = quiz.question(question_id).prompt
        for label, n in counts.items():
            assert f"{label} {n}" in prompt, (question_id, label, n)
    assert "99 roll calls" in quiz.question("pak-rus-half-credit-2005").prompt


@pytest.mark.parametrize("question_id, definition", [
    ("pak-rus-half-credit-2005", "half_credit"),
    ("pak-rus-excl-abstentions-2005", "excl_abstentions"),
])
def test_numeric_answers_match_the_data(wide, quiz, question_id, definition):
    question = quiz.question(question_id)
    value = shares(wide[wide["year"] == 2005], "Pakistan", "Russia")[definition]
    assert abs(value - question.answer) <= question.tolerance + 1e-9, (question_id, value, question.answer)
    assert question.check(round(value, 1)).correct


def test_2005_feedback_names_the_results_of_common_mistakes(wide, quiz):
    """Each wrong route quoted in the low/high feedback gives the number the feedback says."""
    c = breakdown(wide[wide["year"] == 2005], "Pakistan", "Russia")
    same = c["both yes"] + c["both abstain"] + c["both no"]
    half = 0.5 * c["one abstains while the other votes yes or no"]
    n_both = same + c["one abstains while the other votes yes or no"] + c["one yes and the other no"]
    n_all = n_both + c["at least one of the two has no recorded vote"]
    yes_no_match = c["both yes"] + c["both no"]
    n_yes_no = yes_no_match + c["one yes and the other no"]
    expected = {
        ("pak-rus-half-credit-2005", "low"): [100 * (same + half) / n_all, 100 * same / n_both],
        ("pak-rus-half-credit-2005", "high"): [100 * (same + half + 0.5 * c["one yes and the other no"]) / n_both,
                                              100 * yes_no_match / n_yes_no],
        ("pak-rus-excl-abstentions-2005", "low"): [100 * yes_no_match / n_both, 100 * yes_no_match / n_all],
        ("pak-rus-excl-abstentions-2005", "high"): [100 * same / (n_yes_no + c["both abstain"])],
    }
    for (question_id, side), values in expected.items():
        question = quiz.question(question_id)
        text = question.feedback[side]
        for value in values:
            assert f"{value:.1f}" in text, (question_id, side, round(value, 1))
            # and the mistake really lands on that side of the answer
            assert (value < question.answer) == (side == "low"), (question_id, side, value)


def test_pakistan_russia_agreement_fell_in_2012_but_fell_more_in_2010(wide, quiz):
    """what-votes-show: the distractor's fall is real; the feedback says a larger one came earlier."""
    identical = {y: shares(wide[wide["year"] == y], "Pakistan", "Russia")["identical"] for y in range(2009, 2013)}
    fall_2012 = identical[2011] - identical[2012]
    fall_2010 = identical[2009] - identical[2010]
    assert fall_2012 > 0 and fall_2010 > fall_2012, identical
    feedback = next(o.feedback for o in quiz.question("what-votes-show").options if "fell from 2011" in o.text)
    assert f"about {identical[2011]:.0f}% in 2011 and {identical[2012]:.0f}% in 2012" in feedback


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
    assert len(right) == 2 and any("with China when abstentions are excluded" in t for t in right)


def test_the_hindu_report_came_after_the_article_was_written(quiz):
    """FACTS.md C4 #1: the article still expects Kayani's 3 October trip, so it predates the 8 October report.

    Chapter 2 and the hindu-report question must say that the author could not have read it.
    """
    import json
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    # P5 speaks of the Moscow trip as still to come: the article was written before it started
    # (the course's copy of the fact sheet records this; tests never read ../shared/).
    facts = " ".join((root / "sources" / "FACTS.md").read_text(encoding="utf-8").split())
    assert re.search(r"\| 1 \| The article speaks of Kayani's 3 Oct 2012 Moscow trip as still to come, "
                     r"so it was written before 3 Oct and \*\*could not have used The Hindu's 8 Oct report\*\*", facts)
    timeline = data.load("timeline_2012").set_index("id")["date"]
    latest_written = timeline["kayani-moscow"] - pd.Timedelta(days=1)  # 2 October 2012 at the latest
    assert (timeline["hindu-report"] - latest_written).days == 6
    cells = json.loads((root / "chapters" / "02_india_factor.ipynb").read_text(encoding="utf-8"))["cells"]
    text = " ".join(" ".join("".join(c["source"]).split()) for c in cells if c["cell_type"] == "markdown")
    assert "could not have read The Hindu's report" in text and "cannot tell whether the author" not in text
    right = next(o for o in quiz.question("hindu-report").options if o.correct)
    assert "could not have read the report" in right.feedback
