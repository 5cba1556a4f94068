"""Chapter 7 (military cooperation): the quiz's numeric answers agree with the data."""
import pytest

from coursekit import data
from coursekit.quiz import Quiz


@pytest.fixture(scope="module")
def quiz():
    return Quiz.load("ch07")


@pytest.fixture(scope="module")
def register():
    return data.load("sipri_register")


@pytest.fixture(scope="module")
def tiv():
    return data.load("sipri_tiv_by_supplier")


def assert_answer(quiz, question_id, value):
    question = quiz.question(question_id)
    assert question.kind == "numeric"
    assert abs(value - question.answer) <= question.tolerance, (
        f"{question_id}: data give {value}, the quiz says {question.answer} +/- {question.tolerance}")


def russia_to_pakistan(register):
    return register[(register["Supplier"] == "Russia") & (register["Recipient"] == "Pakistan")]


def test_rd93_engines_delivered(quiz, register):
    rows = russia_to_pakistan(register)
    engines = rows[rows["Designation"] == "RD-33 (6200)"]
    assert_answer(quiz, "rd93-engines", int(engines["Numbers delivered"].sum()))


def test_engine_share_of_russian_deliveries(quiz, register):
    rows = russia_to_pakistan(register)
    engines = rows.loc[rows["Designation"] == "RD-33 (6200)", "TIV delivery values"].sum()
    assert_answer(quiz, "engine-share-of-russia", float(100 * engines / rows["TIV delivery values"].sum()))


def test_russia_share_of_pakistan_imports(quiz, tiv):
    pakistan = tiv[tiv["Recipient"] == "Pakistan"]
    russia = pakistan.loc[pakistan["Supplier"] == "Russia", "tiv_delivered_sum"].sum()
    assert_answer(quiz, "russia-share-pakistan", float(100 * russia / pakistan["tiv_delivered_sum"].sum()))


def test_russia_india_to_pakistan_ratio(quiz, tiv):
    russia = tiv[tiv["Supplier"] == "Russia"].groupby("Recipient")["tiv_delivered_sum"].sum()
    assert_answer(quiz, "russia-india-pakistan-ratio", float(russia["India"] / russia["Pakistan"]))


def test_russian_mi17_2000_2010(quiz, register):
    rows = russia_to_pakistan(register)
    mi17 = rows[(rows["Designation"] == "Mi-17") & rows["Delivery year"].between(2000, 2010)]
    assert_answer(quiz, "mi17-2000-2010", int(mi17["Numbers delivered"].sum()))


def test_every_numeric_question_is_tested(quiz):
    tested = {"rd93-engines", "engine-share-of-russia", "russia-share-pakistan",
              "russia-india-pakistan-ratio", "mi17-2000-2010"}
    numeric = {q.id for q in quiz.questions if q.kind == "numeric"}
    assert numeric == tested
