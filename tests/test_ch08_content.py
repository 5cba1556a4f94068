"""Chapter 8: the numeric quiz answers are recomputed from the course data."""
import pandas as pd
import pytest

from coursekit import data
from coursekit.quiz import Quiz


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch08")


@pytest.fixture(scope="module")
def full_memberships():
    igo = data.load("cow_igo_memberships")
    return igo.loc[igo["status"] == 1, ["state", "year", "ioname_lower"]]


def shared(full, a, b, year):
    pick = lambda s: set(full.loc[(full["state"] == s) & (full["year"] == year), "ioname_lower"])
    return len(pick(a) & pick(b))


def assert_matches(quiz, question_id, value):
    question = quiz.question(question_id)
    assert abs(value - question.answer) <= question.tolerance, (question_id, value, question.answer)


def test_shared_pakistan_russia_2012(quiz, full_memberships):
    assert_matches(quiz, "shared-2012", shared(full_memberships, "pakistan", "russia", 2012))


def test_india_lead_2012(quiz, full_memberships):
    india = shared(full_memberships, "india", "russia", 2012)
    pakistan = shared(full_memberships, "pakistan", "russia", 2012)
    assert india == 52  # quoted in the question's feedback
    assert_matches(quiz, "india-lead", india - pakistan)


def test_invisible_observer_years(quiz):
    events = data.load("sco_membership")
    cow = data.load("cow_igo_sco")
    count = 0
    for year in range(1996, 2015):
        upto = events[events["year"] <= year].sort_values(["year", "date", "country"])
        status = upto.groupby("country")["status_after_event"].last()
        for country in status[status == "observer"].index:
            code = cow.loc[(cow["state"] == country.lower()) & (cow["year"] == year), "status"]
            assert len(code) == 1, (country, year)
            count += int(code.iloc[0] == 0)
    assert_matches(quiz, "invisible-observers", count)


def test_observer_wait(quiz):
    events = data.load("sco_membership")
    pak = events[events["country"] == "Pakistan"].set_index("event")["year"]
    assert_matches(quiz, "observer-wait", pak["full membership"] - pak["observer status granted"])


def test_facts_b3_dates_match_dataset():
    # FACTS.md B3: full membership of India and Pakistan on 9 June 2017.
    events = data.load("sco_membership")
    full = events[(events["event"] == "full membership") & events["country"].isin(["India", "Pakistan"])]
    assert sorted(full["country"]) == ["India", "Pakistan"]
    assert (full["date"] == pd.Timestamp("2017-06-09")).all()


def test_cow_codes_no_sco_observers():
    cow = data.load("cow_igo_sco")
    observers = cow[cow["state"].isin(["pakistan", "india", "iran", "mongolia", "afghanistan"])]
    assert (observers["status"] == 0).all()
    assert set(cow["status"].unique()) == {0, 1}
