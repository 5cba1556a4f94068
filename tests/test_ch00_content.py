"""Chapter 0: the background table keeps its contract and the fact sheet's dates, and the quiz's numbers are recomputed.

``background_events`` is read by chapter 0 and by exercise 0, so its columns and
vocabularies are pinned here. Its dates are checked against the wording of FACTS.md
(Part C wins over Parts A-B), and its visit rows against the three counts of top-level
contacts. Each numeric answer of chapters/quizzes/ch00.yml is recomputed from the data
with pandas, independently of the notebook, together with every wrong result its
feedback names; the figures the chapter's prose quotes are recomputed too.
"""
import re

import nbformat
import pandas as pd
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import ROOT

CHAPTER = ROOT / "chapters" / "00_background.ipynb"
FACTS = (ROOT / "sources" / "FACTS.md").read_text(encoding="utf-8")

COLUMNS = ["id", "date", "precision", "event", "kind", "actors", "source", "confidence"]
KINDS = {"alliance", "crisis", "war", "visit", "treaty", "economic", "diplomacy"}
COUNTRIES = {"PAK", "SUN", "RUS", "IND", "USA", "AFG", "CHN", "UKR", "GBR", "FRA", "AUS", "NZL", "PHL",
             "THA", "TUR", "IRQ", "IRN", "SAU"}
# The official bilateral visits the sources name as such: C2 #1 (Kosygin 1968), C1 #5 with B1
# (Nawaz Sharif 1999), A2 #8 with C2 #2 (Musharraf 2003), A2 #11 (Zardari 2011).
OFFICIAL = {"kosygin-1968", "sharif-1999", "musharraf-2003", "zardari-2011"}
# id: (date in the table, precision, the fact sheet's wording of that date, FACTS.md item)
FACT_SHEET_DATES = {
    "kosygin-1968": ("1968-04-17", "day", "17–21 Apr 1968", "C2 #1"),
    "zia-brezhnev-funeral": ("1982-11-01", "month", "Brezhnev (Nov 1982)", "C2 #2"),
    "zia-chernenko-funeral": ("1985-03-01", "month", "Chernenko (Mar 1985)", "C2 #2"),
    "tashkent": ("1966-01-10", "day", "10 Jan 1966", "C3 #2"),
    "indo-soviet-treaty": ("1971-08-09", "day", "9 Aug 1971", "C3 #3"),
    "psm-agreement": ("1971-01-01", "month", "agreement Jan 1971", "C3 #4"),
    "psm-foundation": ("1973-12-30", "day", "foundation stone 30 Dec 1973", "C3 #4"),
    "psm-full-operation": ("1985-01-01", "year", "full operation 1985", "C3 #4"),
    "geneva-accords": ("1988-04-14", "day", "Geneva Accords April 1988", "C3 #5"),
    "soviet-withdrawal": ("1989-02-15", "day", "withdrawal completed Feb 1989", "C3 #5"),
    "rcp-consultations": ("2016-12-27", "day", "27 Dec 2016", "C3 #6"),
    "musharraf-2003": ("2003-02-04", "day", "arrived **4 Feb 2003**", "A2 #8"),
    "fradkov-2007": ("2007-04-11", "day", "late on **11 Apr 2007**", "A2 #9"),
    "zardari-2011": ("2011-05-11", "day", "**11–14 May 2011**", "A2 #11"),
}
PERIODS = {"1947-1970": (1947, 1970), "1971-1979": (1971, 1979), "1980-1989": (1980, 1989),
           "1990-2001": (1990, 2001), "2002-2011": (2002, 2011)}


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return data.load("background_events")


@pytest.fixture(scope="module")
def visits(events) -> pd.DataFrame:
    return events[events["kind"] == "visit"].set_index("id")


@pytest.fixture(scope="module")
def agreement() -> dict[str, pd.DataFrame]:
    """Yearly agreement in % with the USSR/Russia ("russia") and the US ("us"), by country code."""
    ideal = data.load("unga_ideal_points")
    frames = {}
    for code in ("PAK", "IND"):
        rows = ideal[ideal["CountryAbb"] == code].set_index("Year")
        frames[code] = pd.DataFrame({"russia": rows["PctAgreeRUSSIA"].astype(float) * 100,
                                     "us": rows["PctAgreeUS"].astype(float) * 100})
    return frames


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return Quiz.load("ch00")


@pytest.fixture(scope="module")
def notebook() -> nbformat.NotebookNode:
    return nbformat.read(CHAPTER, as_version=4)


def mean(series: pd.Series, first: int, last: int) -> float:
    """The mean of the yearly values first..last inclusive, each year with data counting once."""
    return float(series.loc[first:last].mean())


def markdown(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def assert_feedback_names(quiz: Quiz, question_id: str, side: str, wrong: dict[str, float]) -> None:
    """Each named mistake gives the value the feedback quotes, on the side it is filed under, outside tolerance."""
    q = quiz.question(question_id)
    text = q.feedback[side]
    for mistake, value in wrong.items():
        shown = f"{value:.1f}"
        assert shown in text, f"ch00.yml {question_id}: feedback[{side!r}] should quote {shown} for {mistake}"
        assert abs(value - q.answer) > q.tolerance, f"ch00.yml {question_id}: {mistake} ({shown}) would be accepted"
        assert (value < q.answer) == (side == "low"), f"ch00.yml {question_id}: {mistake} ({shown}) is not {side}"


# -- the table ------------------------------------------------------------------------
def test_columns_and_vocabularies_are_the_contract_exercise_0_relies_on(events):
    header = (ROOT / "data" / "curated" / "background_events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == COLUMNS
    fields = {f["name"]: f for f in data.describe("background_events")["schema"]["fields"]}
    assert set(fields["kind"]["constraints"]["enum"]) == KINDS
    assert set(fields["precision"]["constraints"]["enum"]) == {"day", "month", "year"}
    assert set(events["kind"]) == KINDS, "every kind is used at least once"
    assert events["id"].is_unique and events["date"].is_monotonic_increasing


def test_dates_are_padded_as_their_precision_says(events):
    for row in events.itertuples():
        if row.precision in ("month", "year"):
            assert row.date.day == 1, f"background_events {row.id}: precision {row.precision} but day {row.date.day}"
        if row.precision == "year":
            assert row.date.month == 1, f"background_events {row.id}: precision year but month {row.date.month}"


def test_actors_are_iso_codes_and_the_soviet_union_ends_in_1991(events):
    for row in events.itertuples():
        codes = row.actors.split(";")
        assert set(codes) <= COUNTRIES and len(codes) == len(set(codes)), f"background_events {row.id}: {row.actors}"
        if "SUN" in codes:
            assert row.date.year <= 1991, f"background_events {row.id}: the Soviet Union after 1991"
        if "RUS" in codes:
            assert row.date.year >= 1992, f"background_events {row.id}: Russia before 1992 (use SUN)"


def test_every_row_cites_a_fact_sheet_item_that_exists(events):
    part_c = FACTS[FACTS.index("## PART C"):]
    c_items = {(m.group(1), int(n)) for m in re.finditer(r"^### (C\d)\.(.*?)(?=^### |\Z)", part_c, re.M | re.S)
               for n in re.findall(r"^\|\s*(\d+)\s*\|", m.group(0), re.M)}
    assert ("C2", 2) in c_items and ("C3", 9) in c_items
    for row in events.itertuples():
        assert "FACTS.md" in row.source, f"background_events {row.id}: no fact-sheet item"
        for section, n in re.findall(r"\b(C\d) #(\d+)", row.source):
            assert (section, int(n)) in c_items, f"background_events {row.id}: FACTS.md {section} #{n} does not exist"


@pytest.mark.parametrize("event_id", sorted(FACT_SHEET_DATES))
def test_dates_match_the_fact_sheet(events, event_id):
    date, precision, wording, item = FACT_SHEET_DATES[event_id]
    assert wording in FACTS, f"FACTS.md no longer says {wording!r}"
    row = events.set_index("id").loc[event_id]
    assert (row["date"], row["precision"]) == (pd.Timestamp(date), precision), event_id
    assert item in row["source"], f"background_events {event_id}: should cite FACTS.md {item}"


def test_each_visit_names_its_count_and_only_sourced_visits_are_official(visits):
    official = set()
    for visit_id, event in visits["event"].items():
        says_official = "(an official bilateral visit" in event
        says_country = "visit to the country" in event
        assert says_official != says_country, f"background_events {visit_id}: name exactly one count"
        if says_official:
            official.add(visit_id)
    assert official == OFFICIAL
    assert "not an official bilateral visit" in visits.loc["zia-brezhnev-funeral", "event"]
    assert "not an official bilateral visit" in visits.loc["zia-chernenko-funeral", "event"]


# -- the quiz ---------------------------------------------------------------------------
def test_official_visit_count_and_the_mistakes_its_feedback_names(quiz, visits):
    q = quiz.question("official-visits-count")
    to_2011 = visits[visits["date"].dt.year <= 2011]
    official = to_2011.index.isin(sorted(OFFICIAL))
    by_pakistan = to_2011["actors"].str.startswith("PAK")
    assert (q.answer, q.tolerance) == (int(official.sum()), 0) == (4, 0)
    assert f"{int((official & by_pakistan).sum())} means" in q.feedback["low"]  # 3: Pakistani visits only
    assert f"{len(to_2011)} is every visit row" in q.feedback["high"]  # 10: the wider count


def test_musharraf_first_holds_only_for_official_visits(quiz, visits):
    """Pakistani presence in Moscow between Ayub (1967) and Musharraf (2003) exists, but none of it official."""
    between = visits[visits["actors"].str.startswith("PAK") & visits["date"].dt.year.between(1968, 2002)]
    zia = between.loc[["zia-brezhnev-funeral", "zia-chernenko-funeral"]]
    assert not zia.index.isin(sorted(OFFICIAL)).any()
    q = quiz.question("musharraf-first")
    (correct,) = [o.text for o in q.options if o.correct]
    assert correct.startswith("Only for official visits")


def test_mean_agreement_of_the_1980s(quiz, agreement):
    q = quiz.question("mean-1980s")
    russia = agreement["PAK"]["russia"]
    value = mean(russia, 1980, 1989)
    assert abs(value - q.answer) <= q.tolerance and round(value, 1) == q.answer == 80.2
    assert len(russia.loc[1980:1989]) == 10
    assert_feedback_names(quiz, "mean-1980s", "low", {
        "1979-1989": mean(russia, 1979, 1989), "1980-1988": mean(russia, 1980, 1988),
        "the median": float(russia.loc[1980:1989].median()),
        "agreement with the US": mean(agreement["PAK"]["us"], 1980, 1989)})
    assert_feedback_names(quiz, "mean-1980s", "high", {
        "1980-1990": mean(russia, 1980, 1990), "India's mean": mean(agreement["IND"]["russia"], 1980, 1989)})


def test_rise_from_the_1990s_to_the_2000s(quiz, agreement):
    q = quiz.question("rise-2000s")
    pak = agreement["PAK"]
    rise = lambda s, first=1990, last=2011: mean(s, 2002, last) - mean(s, first, 2001)  # noqa: E731
    value = rise(pak["russia"])
    assert abs(value - q.answer) <= q.tolerance and round(value, 1) == q.answer == 14.6
    assert_feedback_names(quiz, "rise-2000s", "low", {
        "running to 2012": rise(pak["russia"], last=2012), "the US series": rise(pak["us"])})
    assert_feedback_names(quiz, "rise-2000s", "high", {
        "from 1992": rise(pak["russia"], first=1992), "from 1991": rise(pak["russia"], first=1991),
        "medians": float(pak["russia"].loc[2002:2011].median() - pak["russia"].loc[1990:2001].median()),
        "the Russia-US gap": mean(pak["russia"], 2002, 2011) - mean(pak["us"], 2002, 2011)})


# -- the chapter ------------------------------------------------------------------------
def test_the_chapter_has_the_course_structure(notebook):
    first = notebook.cells[0].source
    assert first.startswith("# 0. Pakistan, the USSR and Russia, 1947-2011\n")
    objectives = re.search(r"## Learning objectives\n(.*?)(?=\n## |\Z)", first, re.S).group(1)
    assert len(re.findall(r"^- ", objectives, re.M)) == 5
    text = markdown(notebook)
    perspectives = text[text.index("## Perspectives"):text.index("## Check your understanding")]
    for side in ("**Pakistan.**", "**Soviet Union and Russia.**", "**India.**", "**United States.**",
                 "**A contested charge, both sides.**"):
        assert side in perspectives, side
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code[-1].source == 'from coursekit.runtime.quiz import Quiz\n\nQuiz.load("ch00")'
    sources = "\n".join(c.source for c in code)
    assert 'data.load("background_events")' in sources and 'data.load("unga_ideal_points")' in sources
    figures = [c.metadata["mystnb"] for c in code if "mystnb" in c.metadata]
    assert [f["figure"]["name"] for f in figures] == ["fig-ch00-unga-events"]
    assert all(len(f["figure"]["caption"]) > 100 and len(f["image"]["alt"]) > 200 for f in figures)


def test_the_figures_the_prose_quotes_match_the_data(notebook, agreement, visits):
    text = re.sub(r"\s+", " ", markdown(notebook))
    pak, ind = agreement["PAK"], agreement["IND"]
    early = pak.loc[1947:1970]
    closer_to_us = early.index[early["us"] > early["russia"]]
    assert len(closer_to_us) == 10 and max(closer_to_us) < 1964
    assert "in ten years of 1947-1970, all of them before 1964" in text
    assert mean(pak["russia"], 1947, 1970) > mean(pak["us"], 1947, 1970)  # "slightly more often"
    assert round(mean(pak["russia"], 1947, 1970)) == 50 and round(mean(pak["russia"], 1980, 1989)) == 80
    assert "from about 50% in 1947-1970 to about 80% in 1980-1989" in text
    assert abs(mean(pak["russia"], 1980, 1989) - mean(ind["russia"], 1980, 1989)) < 1  # "as often as India's"
    assert pak["russia"].loc[1947:2011].idxmax() == 1988 and "single highest year" in text
    to_2011 = visits[visits["date"].dt.year <= 2011]
    assert len(to_2011) == 10 and int(to_2011["actors"].str.startswith("PAK").sum()) == 7
    assert "ten top-level visits between 1965 and 2011, seven of them by Pakistani leaders" in text
    for period, (first, last) in PERIODS.items():  # the period table has every year the data hold
        assert len(pak.loc[first:last]) == last - first + 1 - (1964 in range(first, last + 1)), period
