"""Chapter 4's numeric quiz answers agree with the data they are computed from.

Each test recomputes one answer from ``ucdp_battle_deaths`` with pandas and checks it
against the answer stored in ``chapters/quizzes/ch04.yml``, within that question's
tolerance, together with the numbers that the low/high feedback quotes for common
mistakes. If the data or the quiz bank change so that they disagree, a test fails.
"""
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import assert_accepted

CENTRAL_ASIA = ["Kazakhstan", "Kyrgyz Republic", "Tajikistan", "Turkmenistan", "Uzbekistan"]


@pytest.fixture(scope="module")
def ucdp():
    return data.load("ucdp_battle_deaths")


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch04")


def afghanistan_mean(ucdp, first, last, column="best"):
    rows = ucdp[(ucdp["country_name"] == "Afghanistan") & ucdp["year"].between(first, last)]
    assert len(rows) == last - first + 1, "a year is missing from the Afghanistan series"
    return float(rows[column].mean())


def central_asia_yearly(ucdp):
    """The five states' best estimates added up by year, as the chapter groups them."""
    central = ucdp[ucdp["country_name"].isin(CENTRAL_ASIA)]
    assert sorted(central["country_name"].unique()) == sorted(CENTRAL_ASIA)
    return central.groupby("year")["best"].sum().astype(float)


def assert_named(quiz, question_id, side, value, text):
    """A mistake the feedback names gives the number it quotes, on the side of the answer it is filed under."""
    question = quiz.question(question_id)
    assert text in question.feedback[side], (question_id, side, text)
    assert (value < question.answer) == (side == "low"), (question_id, side, value)


def test_afghanistan_rise_at_the_unfavourable_ends_of_the_range(ucdp, quiz):
    ratio = afghanistan_mean(ucdp, 2015, 2022, "low") / afghanistan_mean(ucdp, 2007, 2014, "high")
    assert_accepted(quiz, "afghanistan-range-check", ratio)
    best = afghanistan_mean(ucdp, 2015, 2022) / afghanistan_mean(ucdp, 2007, 2014)
    favourable = afghanistan_mean(ucdp, 2015, 2022, "high") / afghanistan_mean(ucdp, 2007, 2014, "low")
    assert_named(quiz, "afghanistan-range-check", "high", best, f"About {best:.1f} is the ratio of the best")
    assert_named(quiz, "afghanistan-range-check", "high", favourable, f"about {favourable:.1f} pairs the high")


def test_afghanistan_ratio_after_to_before(ucdp, quiz):
    ratio = afghanistan_mean(ucdp, 2015, 2022) / afghanistan_mean(ucdp, 2007, 2014)
    assert_accepted(quiz, "afghanistan-ratio", ratio)


def test_central_asia_with_the_long_window(ucdp, quiz):
    yearly = central_asia_yearly(ucdp)
    before, after = yearly.loc[:2014], yearly.loc[2015:2022]
    assert before.index.min() == 1991 and len(before) == 24 and len(after) == 8
    percent = 100 * after.mean() / before.mean()
    assert_accepted(quiz, "central-asia-long-window", percent)
    totals = 100 * after.sum() / before.sum()
    over_26_years = 100 * after.mean() / (before.sum() / 26)
    short_window = 100 * after.mean() / yearly.loc[2007:2014].mean()
    assert_named(quiz, "central-asia-long-window", "low", totals, f"About {totals:.1f}% divides the two totals")
    assert_named(quiz, "central-asia-long-window", "high", over_26_years, f"About {over_26_years:.1f}% divides")
    assert_named(quiz, "central-asia-long-window", "high", short_window, f"About {short_window:.0f}% is the chapter's")
    feedback = quiz.question("central-asia-long-window").feedback
    assert f"{int(after.sum())} and {int(before.sum()):,} deaths" in feedback["low"]


def test_the_range_quoted_in_the_quiz_matches_the_data(ucdp, quiz):
    row = ucdp[(ucdp["country_name"] == "Afghanistan") & (ucdp["year"] == 1989)].iloc[0]
    assert (row["low"], row["best"], row["high"]) == (1904, 5174, 17051)
    question = quiz.question("reading-the-range")
    figures = [f"{int(v):,}" for v in (row["low"], row["best"], row["high"])]
    assert all(f in question.prompt for f in figures)
    right = next(o.text for o in question.options if o.correct)
    assert all(f in right for f in figures)


def test_no_south_caucasus_state_is_in_the_extract(ucdp):
    """caucasus-slip: the data can hold North Caucasus deaths only under Russia."""
    names = set(ucdp["country_name"])
    assert not names & {"Georgia", "Armenia", "Azerbaijan"}
    assert "Russia (Soviet Union)" in names


def chapter_text():
    """Chapter 4's markdown, in one line, where the stated figures and perspectives live."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "chapters" / "04_afghanistan_security.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return " ".join(" ".join("".join(c["source"]).split()) for c in cells if c["cell_type"] == "markdown")


def test_post_2014_central_asian_deaths_are_mostly_the_border_clashes(ucdp):
    """FACTS.md C3 #8: the 2021-22 deaths are the Kyrgyz-Tajik clashes; the chapter states their share."""
    later = ucdp[ucdp["country_name"].isin(CENTRAL_ASIA) & ucdp["year"].between(2015, 2022)]
    clashes = later["country_name"].isin(["Kyrgyz Republic", "Tajikistan"]) & later["year"].isin([2021, 2022])
    share = later.loc[clashes, "best"].sum() / later["best"].sum()
    assert later.loc[clashes, "best"].sum() == 208 and later["best"].sum() == 217
    text = chapter_text()
    assert f"About {share:.0%} of Central Asia's recorded battle deaths after 2014" in text, share
    assert "border clashes between Kyrgyzstan and Tajikistan of April 2021 and September 2022" in text
    # The press figures quoted next to the data are of the same size: 55+ (2021), 100+ (Sep 2022).
    by_year = later[clashes].groupby("year")["best"].sum()
    assert by_year[2021] >= 55 and by_year[2022] >= 100, by_year


def test_the_terrorism_charge_is_shown_as_contested():
    """FACTS.md C3 #9: Mullen's 2011 charge and Pakistan's rejection, citing its own losses, both appear."""
    text = chapter_text()
    for needed in ("Admiral Mike Mullen", "Senate Armed Services Committee", "Pakistan rejected the US charge",
                   "30,000", "The charge is therefore contested", "FACTS.md C3 #9"):
        assert needed in text, needed
    assert "No US statement on Russia and Pakistan appears" not in text
    assert "the fact sheet holds no Pakistani reply" not in text
