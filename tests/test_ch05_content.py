"""Chapter 5 (the politics of energy): the quiz's data-based answers agree with the data.

Each test recomputes an answer from the course datasets with ``coursekit.runtime.data`` and
pandas, the way the chapter does, and compares it with the answer in the question bank
``chapters/quizzes/ch05.yml``. A changed dataset or a mistyped answer makes them fail.
Where a numeric question's low/high feedback names a likely mistake, a test checks that
the mistake really lands on that side of the answer, so the diagnosis stays true.
"""
from __future__ import annotations

import pandas as pd
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import assert_accepted, assert_diagnosed, prose, section

HOURS_PER_YEAR = 365 * 24


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return Quiz.load("ch05")


@pytest.fixture(scope="module")
def owid_pakistan() -> pd.DataFrame:
    owid = data.load("owid_electricity")
    return owid[owid["Country"] == "Pakistan"].set_index("Year")


@pytest.fixture(scope="module")
def bp_pakistan() -> pd.DataFrame:
    bp = data.load("bp_energy")
    return bp[bp["Entity"] == "Pakistan"].set_index("Year")


def correct_texts(quiz: Quiz, question_id: str) -> list[str]:
    return [o.text for o in quiz.question(question_id).options if o.correct]


def average_load_mw(supplied: pd.Series, start: int, end: int) -> float:
    """The chapter's conversion: yearly growth in TWh as a load running all year, in MW."""
    twh_per_year = (supplied[end] - supplied[start]) / (end - start)
    return float(twh_per_year * 1_000_000 / HOURS_PER_YEAR)


def test_supply_growth_as_load_2012_2017(quiz, owid_pakistan):
    supplied = owid_pakistan["Electricity demand (TWh)"].astype(float)
    load = average_load_mw(supplied, 2012, 2017)
    assert_accepted(quiz, "supply-growth-as-load", load)
    # The feedback's figures: generation gives about 475 MW (also accepted), 2007-2012 about 53 MW.
    generation = owid_pakistan["Electricity generation (TWh)"].astype(float)
    assert quiz.question("supply-growth-as-load").check(average_load_mw(generation, 2012, 2017)).correct
    assert round(average_load_mw(supplied, 2007, 2012)) == 53
    # Forgetting the five years, or dividing by days instead of hours, is diagnosed as too high;
    # leaving the TWh unconverted is diagnosed as too low.
    assert_diagnosed(quiz, "supply-growth-as-load", load * 5, "high")
    assert_diagnosed(quiz, "supply-growth-as-load", load * 24, "high")
    assert_diagnosed(quiz, "supply-growth-as-load", load / 1_000_000, "low")


def test_gas_import_share_2019(quiz, bp_pakistan):
    def gap_share(year: int, base: str) -> float:
        row = bp_pakistan.loc[year]
        gap = row["Gas Consumption - Bcm"] - row["Gas Production - Bcm"]
        return float(gap / row[f"Gas {base} - Bcm"] * 100)

    assert_accepted(quiz, "gas-import-share-2019", gap_share(2019, "Consumption"))
    assert_diagnosed(quiz, "gas-import-share-2019", gap_share(2019, "Production"), "high")
    assert_diagnosed(quiz, "gas-import-share-2019", gap_share(2020, "Consumption"), "low")
    assert round(gap_share(2020, "Consumption"), 1) == 25.8  # quoted in the low feedback


def test_capacity_without_coordinates(quiz):
    plants = data.load("wri_pakistan_plants")
    located = plants["Latitude"].notna() & plants["Longitude"].notna()
    assert_accepted(quiz, "unlocated-capacity", float(plants.loc[~located, "Capacity (MW)"].sum()))


def test_published_summary_equals_located_rows_except_solar():
    """The chapter's claim behind 'unlocated-capacity': removing unlocated rows gives the summary."""
    plants = data.load("wri_pakistan_plants")
    located = plants[plants["Latitude"].notna() & plants["Longitude"].notna()]
    by_fuel = located.groupby("Fuel")["Capacity (MW)"].sum() / 1000
    summary = data.load("gppd_capacity_summary").set_index("iso_code").loc["PAK"]
    for fuel, short in {"Coal": "coal", "Natural Gas": "gas", "Oil": "oil", "Hydro": "hydro",
                        "Nuclear": "nuclear", "Wind": "wind"}.items():
        assert by_fuel[fuel] == pytest.approx(summary[f"capacity_gw_fuel_{short}"], abs=1e-3), fuel
    assert summary["capacity_gw_fuel_solar"] > by_fuel["Solar"]


def test_wri_dates_fourteen_plants_to_2009_2012():
    """The projects-counterexample distractor: 14 plants first commissioned 2009-2012 (no start dates)."""
    plants = data.load("wri_pakistan_plants")
    first = plants["Commissioning Date"].str.extract(r"^(\d{4})(?:-\d{4})?$")[0].astype("Int64")
    assert int(first.between(2009, 2012).sum()) == 14
    assert not [c for c in plants.columns if "start" in c.lower() or "construction" in c.lower()]


def test_no_russian_money_in_the_articles_projects(quiz):
    projects = data.load("energy_projects")
    in_article = projects[projects["article_paragraph"].notna()]
    assert len(in_article) == 5
    invested = (~in_article["russian_outcome"].isin(["none found", "proposals only"])).sum()
    assert invested == 0
    assert [t.split(":")[0] for t in correct_texts(quiz, "russian-money")] == ["None"]


def test_india_imports_net_imports_have_no_partner(owid_pakistan):
    """The distractor's data claim: OWID shows net imports in 2012 but no partner column."""
    assert 0 < float(owid_pakistan.loc[2012, "Net imports (TWh)"]) < 0.5
    assert not [c for c in owid_pakistan.columns if "India" in c]


def test_database_problems_are_in_the_data(quiz):
    plants = data.load("wri_pakistan_plants")
    assert plants["Power Plant ID"].duplicated().sum() == 2
    kot_addu = plants[plants["Name"].str.startswith("Kot Addu")].iloc[0]
    assert kot_addu["Fuel"] == "Hydro" and kot_addu["Commissioning Date"] == "1997-1995"
    guddu = plants[plants["Name"] == "Guddu"]
    assert len(guddu) == 1 and guddu.iloc[0]["Owner"] == "Government RPP"
    engro, tapal = (plants.set_index("Name").loc[n, "Latitude"]
                    for n in ("Engro Energy Ltd. Karachi", "Tapal Energy Limited Karachi"))
    assert abs(engro - tapal) > 2.5
    # The distractor on the published summary is false: it counts fewer plants than the list has rows.
    summary = data.load("gppd_capacity_summary").set_index("iso_code").loc["PAK"]
    assert (len(plants), int(summary["count"])) == (84, 62)
    right = correct_texts(quiz, "database-problems")
    assert [t.split()[0] for t in right] == ["Two", "Kot", "A"], right


def test_every_numeric_question_is_tested(quiz):
    numeric = {q.id for q in quiz.questions if q.kind == "numeric"}
    assert numeric == {"supply-growth-as-load", "gas-import-share-2019", "unlocated-capacity"}


# --- FACTS.md Part C (issue 12): Chashma-2's two start dates; sourced US view -----------------------------


CH05 = "chapters/05_energy_politics.ipynb"


def test_chashma2_start_is_given_with_both_dates():
    """C4 #2: April 2005 is a groundbreaking report; the IAEA dates first concrete to 28 December 2005."""
    text = prose(CH05)
    assert "construction began in April 2005" not in text and "Chashma-2's in April 2005" not in text
    assert "groundbreaking was reported in April 2005" in text and "28 December 2005" in text
    evidence = data.load("claims").set_index("id").loc["p08-no-projects", "evidence"]
    assert "28 December 2005" in evidence and "groundbreaking" in evidence and "IAEA" in evidence, evidence


def test_perspectives_quote_the_us_on_the_iran_pakistan_pipeline_with_a_source():
    text = section(CH05, "Perspectives")
    assert "No US statement on these projects appears" not in text
    assert "Matthew Miller" in text and "english.aaj.tv" in text
