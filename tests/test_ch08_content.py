"""Chapter 8: the numeric quiz answers are recomputed from the course data."""
import pandas as pd
import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import Quiz
from helpers import assert_accepted, assert_diagnosed, section


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


def test_shared_pakistan_russia_2012(quiz, full_memberships):
    assert_accepted(quiz, "shared-2012", shared(full_memberships, "pakistan", "russia", 2012))


def memberships(full, state, year):
    return int(((full["state"] == state) & (full["year"] == year)).sum())


def test_shared_share_of_pakistans_memberships(quiz, full_memberships):
    pakistan_russia = shared(full_memberships, "pakistan", "russia", 2012)
    india_russia = shared(full_memberships, "india", "russia", 2012)
    assert (india_russia, memberships(full_memberships, "pakistan", 2012),
            memberships(full_memberships, "india", 2012), memberships(full_memberships, "russia", 2012)) == (
        52, 72, 90, 89)  # quoted in the prompt and feedback
    assert_accepted(quiz, "shared-share-pakistan",
                   100 * pakistan_russia / memberships(full_memberships, "pakistan", 2012))
    # The feedback's point: on this base Pakistan is ahead of India (57.8%).
    india_share = 100 * india_russia / memberships(full_memberships, "india", 2012)
    assert round(india_share, 1) == 57.8 and india_share < quiz.question("shared-share-pakistan").answer
    # Dividing by Russia's memberships is diagnosed as too low, using India's count as too high.
    assert_diagnosed(quiz, "shared-share-pakistan",
                     100 * pakistan_russia / memberships(full_memberships, "russia", 2012), "low")
    assert_diagnosed(quiz, "shared-share-pakistan",
                     100 * india_russia / memberships(full_memberships, "pakistan", 2012), "high")


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
    assert_accepted(quiz, "invisible-observers", count)


def test_observer_wait_from_dates(quiz):
    events = data.load("sco_membership")
    pak = events[events["country"] == "Pakistan"].set_index("event")
    days = (pak.loc["full membership", "date"] - pak.loc["observer status granted", "date"]).days
    assert days == 4357  # quoted in the feedback
    assert_accepted(quiz, "observer-wait-dates", days / 365.25)
    # Subtracting the years alone gives 12, which the high feedback explains.
    years = int(pak.loc["full membership", "year"] - pak.loc["observer status granted", "year"])
    assert_diagnosed(quiz, "observer-wait-dates", years, "high")


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


def test_cow_misses_claims():
    """The data behind the cow-misses options: Shanghai Five years, the 2014 end, non-state rows."""
    cow = data.load("cow_igo_sco")
    members = cow[cow["status"] == 1].groupby("state")["year"].min()
    assert sorted(members[members == 1996].index) == ["china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"]
    assert cow["year"].max() == 2014
    not_states = cow[cow["state"].isin(["dead", "integrated", "replaced"])]
    assert set(not_states["state"]) == {"dead", "integrated", "replaced"} and (not_states["status"] == 0).all()


def test_accession_distractor_2023_is_iran():
    events = data.load("sco_membership")
    full_2023 = events[(events["event"] == "full membership") & (events["year"] == 2023)]
    assert full_2023["country"].tolist() == ["Iran"]


def test_every_numeric_question_is_tested(quiz):
    numeric = {q.id for q in quiz.questions if q.kind == "numeric"}
    assert numeric == {"shared-2012", "shared-share-pakistan", "invisible-observers", "observer-wait-dates"}


# --- FACTS.md Part C (issue 12): SCO meetings as top-level contact, with their count ----------------------


def test_perspectives_give_the_sco_contacts_with_their_count():
    """C1 #1-#3: Ufa, Samarkand and Astana were meetings abroad; Mishustin's Islamabad trip a visit to the country."""
    text = section("chapters/08_sco_multilateral.ipynb", "Perspectives")
    for fact in ("Ufa", "Samarkand", "Astana", "Mishustin", "visits to the country", "not an official bilateral one"):
        assert fact in text, fact
