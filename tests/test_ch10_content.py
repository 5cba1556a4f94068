"""Chapter 10: the quiz answers and the numbers in the text follow from the data.

Numeric answers are recomputed and checked through the quiz engine, so the tolerance logic is the
engine's; the mistakes named in the low/high feedback are checked to get the message that describes
them. Choice questions that rest on a verdict are checked against the table's rows.
"""
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import assert_numeric, pct, prose, section


@pytest.fixture(scope="module")
def claims():
    return data.load("claims")


@pytest.fixture(scope="module")
def checked(claims):
    return claims[claims["checkable"]]


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch10")


def correct_flags_follow(quiz, qid, column, rows_of_option, rule):
    """Each option's `correct` flag equals rule(value of `column`) for the table row it names."""
    options = quiz.question(qid).options
    texts = {option.text for option in options}
    assert texts == set(rows_of_option), f"{qid}: options changed; update the map {texts ^ set(rows_of_option)}"
    for option in options:
        value = column[rows_of_option[option.text]]
        assert option.correct == rule(value), (qid, option.text, value)


def test_share_of_all_claims_supported(claims, checked, quiz):
    supported = checked["verdict"] == "supported"
    n = int(supported.sum())
    high_confidence = int((supported & (checked["confidence"] == "high")).sum())
    assert_numeric(quiz, "pct-supported-all", pct(n, len(claims)),
                   low=[pct(high_confidence, len(claims))],   # only the high-confidence verdicts
                   high=[pct(n, len(checked))])               # the chapter's denominator, 36
    assert pct(n, len(checked)) == 55.6  # quoted in the prompt


def test_share_of_energy_claims_not_supported(claims, checked, quiz):
    energy = claims[claims["section"] == "The politics of energy"]
    energy_checked = energy[energy["checkable"]]
    short = int((energy_checked["verdict"] != "supported").sum())
    not_found = int((energy_checked["verdict"] == "not found").sum())
    unscored = int((~energy["checkable"]).sum())
    assert_numeric(quiz, "pct-energy-not-supported", pct(short, len(energy_checked)),
                   low=[pct(short, len(energy)),                      # all 18 claims as denominator
                        pct(not_found, len(energy_checked))],         # only 'not found'
                   high=[pct(short + unscored, len(energy))])         # not checkable counted as failures
    # the comparison in the correct-answer feedback
    opening = checked[checked["section"] == "opening"]
    assert pct(int((opening["verdict"] != "supported").sum()), len(opening)) == 33.3


def test_cow_trade_share_matches_the_quiz(quiz):
    dyads = data.load("cow_trade_dyadic")
    totals = data.load("cow_trade_totals")
    pair = dyads[(dyads["year"] == 2011) & (dyads["state1"] == "Russia") & (dyads["state2"] == "Pakistan")]
    assert len(pair) == 1
    russia = totals[(totals["state"] == "Russia") & (totals["year"] == 2011)].iloc[0]
    share = 100 * float(pair["flow1"].iloc[0] + pair["flow2"].iloc[0]) / float(russia["imports"] + russia["exports"])
    assert quiz.check("trade-share-cow", share).correct, share
    # the text says the article's 0.3% is about five times too large
    assert round(0.3 / round(share, 3), 1) == 4.9


def test_verdict_questions_follow_the_table(claims, quiz):
    verdict = claims.set_index("id")["verdict"]
    correct_flags_follow(quiz, "only-contradicted", verdict, {
        "That India had little reason to try to sway Putin's decision (P3).": "p03-no-incentive",
        "That Pakistan made up 0.3 percent of Russia's trade in 2011 (P11).": "p11-trade-share",
        "That Putin would have been the first Russian head of state to visit Pakistan (P1).": "p01-first-visit",
        "That Thar's coal was discovered in 1991 (P10).": "p10-thar-1991",
    }, lambda v: v == "contradicted")
    correct_flags_follow(quiz, "not-found-claims", verdict, {
        "President Zardari visited Moscow earlier in 2012 (P5).": "p05-zardari-2012",
        "Pakistan made up 0.3 percent of Russia's trade in 2011 (P11).": "p11-trade-share",
        "A Pakistani air chief made a first-ever trip to Moscow (P12).": "p12-air-chief",
        "President Musharraf made an official visit to Moscow in 2003 (P5).": "p05-musharraf-2003",
        "The large coal deposits of the Thar desert were found in 1991 (P10).": "p10-thar-1991",
        "India had little reason to try to sway Putin's decision (P3).": "p03-no-incentive",
    }, lambda v: v == "not found")
    # chashma: the table keeps the leading word and puts the counter-example in the evidence
    row = claims.set_index("id").loc["p08-no-projects"]
    assert row["verdict"] == "not found" and "Chashma" in row["evidence"]
    assert row["facts_verdict"].startswith("NOT FOUND")


def test_comment_question_follows_the_comment_table(quiz):
    verdict = data.load("comment_claims").set_index("id")["verdict"]
    correct_flags_follow(quiz, "comment-checkable", verdict, {
        "That a Putin visit to Pakistan worried New Delhi, and that India was blamed.": "c1-india-blamed",
        "That India's friendship with Moscow goes back decades, to the Cold War.": "c3-cold-war-friendship",
        "That India kept Russia's arms industry afloat after the Soviet Union broke up.": "c4-bailout",
        "That Russia repays India by supplying it with military hardware on lease.": "c6-lease",
    }, lambda v: v == "partly")


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


# --- FACTS.md Part C (issue 12): Chashma-2's dates; the intro's account of the reader comment --------------


def test_chashma2_and_the_p15_verdict_follow_part_c():
    text = prose("chapters/10_fact_check.ipynb")
    assert "construction of the Chashma-2 nuclear plant began in April 2005" not in text
    assert "28 December" in text and "C4 #2" in text
    assert "Later meetings took place in Moscow and Beijing" not in text
    assert "counting visits to the country" in text and "Counting meetings anywhere" in text


def test_intro_says_the_article_rejects_the_india_theory_the_comment_repeats():
    """The article argues against blaming India (P3); the comment's first claim is that India was blamed."""
    intro = prose("intro.md")
    assert "Like the article, it points to India" not in intro
    assert "a theory the article itself argues against (P3)" in intro
    comment = data.load("comment_claims").set_index("id")
    assert "blamed India" in comment.loc["c1-india-blamed", "claim"]
    assert comment.loc["c2-little-to-lose", "facts_item"].startswith("A1 #7")


def test_perspectives_name_a_sourced_pakistani_analyst():
    text = section("chapters/10_fact_check.ipynb", "Perspectives")
    assert "Shamshad Ahmed" in text and "timeofpakistan.news" in text
