"""Chapter 9: the quiz answers and the numbers in the text follow from the claims table.

Numeric answers are recomputed from the data and checked through the quiz engine itself, so the
tolerance logic is the engine's; the mistakes named in the low/high feedback are checked to land
on the side whose message describes them. Choice questions that rest on the table (which kind a
statement is) are checked against its rows.
"""
import re

import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import assert_numeric, pct, prose, section

SECTION_OF = {**{p: "opening" for p in range(1, 8)},
              **{p: "The politics of energy" for p in range(8, 12)},
              **{p: "Military cooperation" for p in range(12, 15)},
              15: "conclusion"}


@pytest.fixture(scope="module")
def claims():
    return data.load("claims")


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch09")


def kinds_of_options(quiz, qid, claims, row_of_option):
    """(correct flag, kind of the table row) for each option, matched by its exact text."""
    kind = claims.set_index("id")["kind"]
    options = quiz.question(qid).options
    texts = {option.text for option in options}
    assert texts == set(row_of_option), f"{qid}: options changed; update the map {texts ^ set(row_of_option)}"
    return [(option.correct, kind[row_of_option[option.text]]) for option in options]


def test_share_of_opinions_that_are_claims(claims, quiz):
    opinions = claims["kind"] == "opinion"
    as_claims = opinions & (claims["role"] == "claim")
    n_opinions, n_claims = int(opinions.sum()), int((claims["role"] == "claim").sum())
    assert (int(as_claims.sum()), n_opinions, n_claims) == (12, 23, 15)  # the counts the prompt quotes
    assert_numeric(quiz, "pct-opinions-as-claims", pct(int(as_claims.sum()), n_opinions),
                   low=[pct(int(as_claims.sum()), len(claims))],    # divided by all claims
                   high=[pct(int(as_claims.sum()), n_claims)])      # the other direction of the table


def test_share_of_checkable_claims_that_are_not_facts(claims, quiz):
    checkable = claims[claims["checkable"]]
    not_fact = int((checkable["kind"] != "fact").sum())
    n_facts = int((claims["kind"] == "fact").sum())
    assert_numeric(quiz, "pct-checkable-not-fact", pct(not_fact, len(checkable)),
                   low=[pct(not_fact, len(claims))],                # divided by all claims
                   high=[pct(not_fact, n_facts),                     # divided by the fact-claims
                         pct(int((claims["kind"] != "fact").sum()), len(checkable))])
    # the feedback lists what the five are
    assert sorted(checkable.loc[checkable["kind"] != "fact", "kind"]) == ["opinion", "prediction"] + ["speculation"] * 3


def test_opinions_question_follows_the_table(claims, quiz):
    rows = {
        "Military cooperation is the most contentious part of the relationship (P12).": "p12-controversial",
        "Any lasting settlement in Afghanistan has to include Pakistan (P7).": "p07-pakistan-needed",
        "Russia knows that Islamabad has had a hand in international terrorism (P7).": "p07-terrorism",
        "President Musharraf made an official visit to Moscow in 2003 (P5).": "p05-musharraf-2003",
        "Media reports tied the postponement to a Gazprom pipeline contract (P9).": "p09-gazprom",
        "India therefore had little reason to try to sway Putin's decision (P3).": "p03-no-incentive",
        "The trip was postponed, not cancelled, so it is still to come (P15).": "p15-postponed",
    }
    for correct, kind in kinds_of_options(quiz, "opinions", claims, rows):
        assert correct == (kind == "opinion"), (correct, kind)


def test_trade_share_is_a_fact_claim_whatever_its_verdict(claims):
    row = claims.set_index("id").loc["p11-trade-share"]
    assert (row["kind"], row["checkable"], row["verdict"]) == ("fact", True, "not found")


def test_predictions_are_not_warrants(claims):
    # the feedback of "warrants": one prediction is a claim (P11), the other part of the conclusion (P15)
    predictions = claims[claims["kind"] == "prediction"].set_index("id")["role"].to_dict()
    assert predictions == {"p11-psm-agenda": "claim", "p15-postponed": "conclusion"}


def test_counts_quoted_in_the_chapter_text(claims):
    kinds = claims["kind"].value_counts()
    assert len(claims) == 59
    assert (kinds["fact"], kinds["opinion"], kinds["speculation"], kinds["prediction"]) == (31, 23, 3, 2)
    assert int(claims["checkable"].sum()) == 36
    warrants = claims[claims["role"] == "warrant"]
    assert len(warrants) == 5 and (warrants["kind"] == "opinion").all() and not warrants["checkable"].any()
    evidence = claims[claims["role"] == "evidence"]
    assert len(evidence) == 25 and int((evidence["kind"] == "fact").sum()) == 23
    roles = claims[claims["role"] == "claim"]
    assert len(roles) == 15 and int((roles["kind"] == "opinion").sum()) == 12
    assert list(roles.loc[roles["kind"] == "fact", "id"]) == ["p12-third-countries"]
    p3 = claims[claims["paragraph"] == 3]
    assert not (p3["kind"] == "fact").any()
    conclusion = claims[claims["section"] == "conclusion"]
    assert (len(conclusion), int(conclusion["checkable"].sum())) == (6, 2)
    assert round(100 * claims["checkable"].mean(), 1) == 61.0


def test_paragraphs_lie_in_their_sections(claims):
    for row in claims.itertuples():
        assert row.section == SECTION_OF[row.paragraph], row.id
        assert row.id.startswith(f"p{row.paragraph:02d}-"), row.id


def test_every_part_a_item_of_the_fact_sheet_is_covered(claims):
    items = set()
    for value in claims["facts_item"].dropna():
        items.update(int(n) for n in re.findall(r"#(\d+)", value))
    assert set(range(1, 34)) <= items


def test_checkable_and_verdict_agree(claims):
    for row in claims.itertuples():
        assert row.checkable == (row.verdict != "not checkable"), row.id
        if row.checkable:
            assert str(row.source).startswith("FACTS.md"), row.id


# --- FACTS.md Part C (issue 12): what the author could have known; contested US charge --------------------


CH09 = "chapters/09_argument.ipynb"


def test_the_overconfidence_charge_allows_for_the_date_of_writing():
    """C4 #1: written before 3 October 2012, the article could not use The Hindu's report of 8 October."""
    text = section(CH09, "How the author handles speculation")
    assert "written before 3 October" in text and "C4 #1" in text
    assert "could not have used that report" in text
    assert "after the article was written" in section(CH09, "Summary")


def test_later_meetings_are_given_with_their_counts():
    text = prose(CH09)
    assert "Later top-level meetings took place in Moscow" not in text
    assert "counting visits to the country" in text and "counting meetings anywhere" in text
    assert "official bilateral visit" in text and "Islamabad for an SCO meeting" in text


def test_the_militancy_charge_is_given_with_both_sides():
    """C3 #9: the US charge of 2011 and Pakistan's rejection, each with a source."""
    text = section(CH09, "Perspectives")
    assert "No US statement appears in the course's sources." not in text
    assert "Mullen" in text and "bloomberg.com" in text
    assert "categorical no" in text and "C3 #9" in text
