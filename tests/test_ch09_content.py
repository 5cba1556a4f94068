"""Chapter 9: the quiz answers and the numbers in the text follow from the claims table."""
import re

import pytest

from coursekit import data
from coursekit.quiz import Quiz

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


def answer_matches(quiz, qid, value):
    question = quiz.question(qid)
    assert abs(value - question.answer) <= question.tolerance + 1e-9, (qid, value, question.answer)


def test_number_of_opinions_matches_the_quiz(claims, quiz):
    answer_matches(quiz, "n-opinions", int((claims["kind"] == "opinion").sum()))


def test_share_of_checkable_claims_matches_the_quiz(claims, quiz):
    answer_matches(quiz, "pct-checkable", round(100 * claims["checkable"].mean(), 1))


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
