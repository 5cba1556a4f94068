"""Chapter 5 (the politics of energy): the quiz's data-based answers agree with the data.

Each test recomputes an answer from the course datasets with ``coursekit.data`` and
pandas, the way the chapter does, and compares it with the answer in the question bank
``chapters/quizzes/ch05.yml``. A changed dataset or a mistyped answer makes them fail.
"""
from __future__ import annotations

import pandas as pd
import pytest

from coursekit import data
from coursekit.quiz import Quiz


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return Quiz.load("ch05")


def assert_answer(quiz: Quiz, question_id: str, computed: float) -> None:
    question = quiz.question(question_id)
    assert question.kind == "numeric"
    assert abs(computed - question.answer) <= question.tolerance, (
        f"{question_id}: data give {computed!r}, the bank says {question.answer} ± {question.tolerance}")


def test_generation_growth_2007_2012(quiz):
    owid = data.load("owid_electricity")
    total = owid[owid["Country"] == "Pakistan"].set_index("Year")["Electricity generation (TWh)"]
    growth = (total[2012] / total[2007] - 1) * 100
    assert_answer(quiz, "generation-growth", float(growth))


def test_gas_gap_2020(quiz):
    bp = data.load("bp_energy")
    row = bp[(bp["Entity"] == "Pakistan") & (bp["Year"] == 2020)].iloc[0]
    gap = row["Gas Consumption - Bcm"] - row["Gas Production - Bcm"]
    assert_answer(quiz, "gas-gap-2020", float(gap))


def test_capacity_without_coordinates(quiz):
    plants = data.load("wri_pakistan_plants")
    located = plants["Latitude"].notna() & plants["Longitude"].notna()
    assert_answer(quiz, "unlocated-capacity", float(plants.loc[~located, "Capacity (MW)"].sum()))


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


def test_no_russian_money_in_the_articles_projects(quiz):
    projects = data.load("energy_projects")
    in_article = projects[projects["article_paragraph"].notna()]
    assert len(in_article) == 5
    invested = (~in_article["russian_outcome"].isin(["none found", "proposals only"])).sum()
    correct = [o.text for o in quiz.question("russian-money").options if o.correct]
    assert invested == 0 and correct == ["None of them."]


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
    assert all(o.correct for o in quiz.question("database-problems").options[:3])
