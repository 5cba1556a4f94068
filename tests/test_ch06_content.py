"""Chapter 6: the numeric quiz answers agree with the data they are computed from."""

import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import ROOT, assert_accepted, assert_diagnosed, section

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


def test_pakistan_share_of_russias_trade_2011():
    assert_accepted(QUIZ, "pakistan-share-2011", share_of_russia("Pakistan"))
    # Its feedback sets India beside Pakistan: about 0.85%, roughly 14 times as large.
    assert round(share_of_russia("India"), 2) == 0.85
    assert round(share_of_russia("India") / share_of_russia("Pakistan")) == 14


def total_trade_share(partner: str, base: str, year: int) -> float:
    """Russia-partner trade as a percentage of `base`'s imports plus exports."""
    return bilateral_trade("Russia", partner, year) / total_trade(base, year) * 100


def test_russias_share_of_pakistans_trade_2012():
    question = "russia-share-of-pakistan-2012"
    share = total_trade_share("Pakistan", "Pakistan", 2012)
    assert_accepted(QUIZ, question, share)
    # The wrong base (Russia's total) is the mistake the low feedback names; about 0.07%.
    wrong_base = total_trade_share("Pakistan", "Russia", 2012)
    assert round(wrong_base, 2) == 0.07
    assert_diagnosed(QUIZ, question, wrong_base, "low")
    # Dividing by Pakistan's imports only or exports only is diagnosed as too high.
    totals = data.load("cow_trade_totals")
    row = totals[(totals["state"] == "Pakistan") & (totals["year"] == 2012)].iloc[0]
    trade = bilateral_trade("Russia", "Pakistan", 2012)
    for flow, quoted in (("imports", 1.08), ("exports", 2.2)):
        mistaken = trade / float(row[flow]) * 100
        assert round(mistaken, 2 if flow == "imports" else 1) == quoted
        assert_diagnosed(QUIZ, question, mistaken, "high")


def test_fact_sheet_inputs_give_about_0055_percent():
    """FACTS.md A4 #26 gives the two inputs; the share is the fact sheet's own arithmetic."""
    facts = (ROOT / "sources" / "FACTS.md").read_text(encoding="utf-8")
    item = next(line for line in facts.splitlines() if line.startswith("| 26 |"))
    assert "$420m/yr" in item and "$764bn" in item, "FACTS.md A4 #26 no longer gives the inputs"
    assert_accepted(QUIZ, "facts-inputs-share", 420 / 764_000 * 100)
    # Forgetting that $764bn is $764,000m gives a share over 50%: diagnosed as too high.
    assert_diagnosed(QUIZ, "facts-inputs-share", 420 / 764 * 100, "high")
    # The result lies in the fact sheet's range and near COW's 2011 share.
    assert 0.05 <= QUIZ.question("facts-inputs-share").answer <= 0.07
    assert abs(share_of_russia("Pakistan") - QUIZ.question("facts-inputs-share").answer) < 0.01


def test_planned_capacity_against_national_output_2011():
    # irst is in thousands of tonnes; the planned capacity is 3 million tonnes (P11; FACTS.md A4 #24).
    assert_accepted(QUIZ, "plan-vs-national", 3_000 / irst("Pakistan", 2011))


def test_the_article_share_is_never_reached_in_the_data():
    # The chapter says Pakistan's share stays below 0.3% in every year 1992-2014.
    shares = [share_of_russia("Pakistan", year) for year in range(1992, 2015)]
    assert max(shares) < 0.3


@pytest.mark.parametrize("question_id", ["pakistan-share-2011", "russia-share-of-pakistan-2012", "facts-inputs-share", "plan-vs-national"])
def test_a_wrong_answer_outside_tolerance_is_rejected(question_id):
    question = QUIZ.question(question_id)
    assert not question.check(question.answer + 2 * question.tolerance + 0.01).correct


def test_irst_rises_past_3000_while_psm_is_idle():
    """'irst-not-psm': COW's national figure passes 3 million tonnes in 2016, after PSM went idle (June 2015)."""
    assert irst("Pakistan", 2015) < 3_000 <= irst("Pakistan", 2016)


def test_every_numeric_question_is_tested():
    numeric = {q.id for q in QUIZ.questions if q.kind == "numeric"}
    assert numeric == {"pakistan-share-2011", "russia-share-of-pakistan-2012", "facts-inputs-share",
                       "plan-vs-national"}


# --- FACTS.md Part C (issue 12): the mill's Soviet origin ------------------------------------------------


CH06 = "chapters/06_steel_trade.ipynb"


def test_the_mill_is_introduced_as_built_with_soviet_help():
    """C3 #4: agreement January 1971, foundation stone 30 December 1973, full operation 1985."""
    text = section(CH06, "Pakistan Steel Mills: an old plan")
    for fact in ("built with Soviet help", "January 1971", "30 December 1973", "full operation in 1985", "C3 #4"):
        assert fact in text, fact
    assert "Soviet help" in section(CH06, "Summary")


def test_us_perspective_is_sourced_not_only_an_absence():
    text = section(CH06, "Perspectives")
    assert "No US statement on PSM or on Russia-Pakistan trade appears" not in text
    assert "Vedant Patel" in text and "arabnews.pk" in text
    assert "The mill was built with Soviet help" in text
