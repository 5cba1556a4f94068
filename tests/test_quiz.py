"""The quiz component: one validated bank, checked alike in Python, the widget and the page."""
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from coursekit.quiz import MESSAGES, QUIZ_DIR, Quiz, QuizError

SAMPLE = Path(__file__).parent / "fixtures" / "quiz_sample.yml"
BANKS = sorted(QUIZ_DIR.glob("*.yml"))


@pytest.fixture
def quiz() -> Quiz:
    return Quiz.load(SAMPLE)


def write_bank(tmp_path, raw) -> Path:
    path = tmp_path / "bank.yml"
    path.write_text(yaml.safe_dump(raw) if not isinstance(raw, str) else raw, encoding="utf-8")
    return path


def sample_raw() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


# -- checking in Python -------------------------------------------------------
def test_single_choice_gives_the_chosen_options_feedback(quiz):
    wrong, right = quiz.check("capital", 0), quiz.check("capital", 1)
    assert (wrong.correct, right.correct) == (False, True)
    assert wrong.text == "Not quite. Karachi is not the capital."
    assert right.text == "Correct. Islamabad is the capital."


def test_multiple_choice_needs_exactly_the_correct_set(quiz):
    assert quiz.check("summit", [0, 2]).correct
    partial = quiz.check("summit", [0])
    assert not partial.correct and partial.messages[-1] == MESSAGES["missed"]
    extra = quiz.check("summit", [0, 1, 2])
    assert not extra.correct and "India was not invited." in extra.messages
    assert MESSAGES["missed"] not in extra.messages


def test_numeric_answers_use_tolerance_and_say_which_side(quiz):
    assert quiz.check("days", "80").correct and quiz.check("days", 80.0).correct
    assert quiz.check("days", "79").messages == (quiz.question("days").feedback["low"],)
    assert quiz.check("days", "81").messages == (quiz.question("days").feedback["high"],)


@pytest.mark.parametrize("junk", ["", "eighty", "nan", "inf", "0x50", "8 0", None, True])
def test_numeric_junk_is_a_wrong_answer_with_a_clear_message(quiz, junk):
    result = quiz.check("days", junk)
    assert not result.correct and result.messages == (MESSAGES["not_a_number"],)


def test_no_selection_asks_for_one(quiz):
    assert quiz.check("capital", None).messages == (MESSAGES["choose_one"],)
    assert quiz.check("summit", []).messages == (MESSAGES["choose_some"],)


@pytest.mark.parametrize("question,response", [("capital", 5), ("capital", "x"), ("summit", [7]), ("capital", [0, 1])])
def test_impossible_responses_raise_naming_the_question(quiz, question, response):
    with pytest.raises(QuizError, match=question):
        quiz.check(question, response)


# -- validation at load time -----------------------------------------------------
@pytest.mark.parametrize("damage,expected", [
    (lambda r: r["questions"][0].pop("source"), r"question 1 \('capital'\): 'source' is a required property"),
    (lambda r: r["questions"][1]["options"][2].pop("feedback"), r"question 2 \('summit'\) field options.2: 'feedback'"),
    (lambda r: r["questions"][2].update(kind="essay"), r"question 3 \('days'\) field kind"),
    (lambda r: r["questions"][2].pop("tolerance"), r"question 3 \('days'\): 'tolerance' is a required property"),
    (lambda r: r["questions"][0]["options"][0].update(correct=True), r"question 1 \('capital'\): .*exactly one correct"),
    (lambda r: r["questions"][1].update(id="capital"), r"duplicate question id\(s\): capital"),
    (lambda r: r["questions"][0].update(answer=3), r"question 1 \('capital'\): has fields that do not belong"),
])
def test_a_malformed_bank_names_file_and_question(tmp_path, damage, expected):
    raw = sample_raw()
    damage(raw)
    path = write_bank(tmp_path, raw)
    with pytest.raises(QuizError, match=expected) as info:
        Quiz.load(path)
    assert str(path) in str(info.value)


def test_broken_yaml_and_missing_banks_are_reported_with_their_path(tmp_path):
    path = write_bank(tmp_path, "quiz: x\nquestions: [\n")
    with pytest.raises(QuizError, match=r"bank.yml: invalid YAML at line \d+"):
        Quiz.load(path)
    with pytest.raises(QuizError, match="no such question bank"):
        Quiz.load("no-such-chapter")


@pytest.mark.parametrize("bank", BANKS, ids=[b.stem for b in BANKS])
def test_every_chapter_bank_is_valid_and_sourced(bank):
    quiz = Quiz.load(bank)
    assert quiz.id == bank.stem
    assert len(quiz.questions) >= 5
    for q in quiz.questions:
        assert q.source.strip()
        if q.kind != "numeric":
            assert all(o.feedback.strip() for o in q.options)


# -- live widget -------------------------------------------------------------
def test_widget_checks_in_python_and_shows_the_banks_feedback(quiz):
    view = quiz.widget()
    single = view["capital"]
    single.control.value = 0
    single.button.click()
    assert "Not quite. Karachi is not the capital." in single.feedback.value
    single.control.value = 1
    single.button.click()
    assert "Correct. Islamabad is the capital." in single.feedback.value

    multiple = view["summit"]
    for box in multiple.control.children:
        box.value = True
    multiple.button.click()
    assert "Not quite." in multiple.feedback.value and "India was not invited." in multiple.feedback.value
    multiple.control.children[1].value = False
    multiple.button.click()
    assert multiple.feedback.value.count("Correct.") == 1

    numeric = view["days"]
    numeric.control.value = "eighty"
    numeric.button.click()
    assert MESSAGES["not_a_number"] in numeric.feedback.value
    numeric.control.value = "80"
    numeric.button.click()
    assert "Correct. 80 days" in numeric.feedback.value
    assert 'role="status"' in numeric.feedback.value


def test_the_mime_bundle_offers_widget_and_static_views(quiz):
    bundle = quiz._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"}
    assert bundle["text/plain"] == "Quiz 'sample': Sample quiz for the tests (3 questions)"


# -- static HTML ------------------------------------------------------------
def test_static_html_is_deterministic_and_self_contained(quiz):
    page = quiz.to_html()
    assert page == Quiz.load(SAMPLE).to_html()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "http" not in page


def test_static_html_is_accessible(quiz):
    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for control in soup.find_all("input"):
        assert soup.find("label", attrs={"for": control["id"]}), control
    forms = soup.find_all("form", class_="cq-question")
    assert len(forms) == 3
    for form in forms:
        assert form.find("legend")
        assert form.find("button", type="submit")
        feedback = form.find(class_="cq-feedback")
        assert feedback["aria-live"] == "polite" and feedback["role"] == "status"
        assert form.find(class_="cq-source").get_text().startswith("Source: ")


def test_static_data_gives_the_banks_feedback_for_wrong_and_right_answers(quiz):
    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    data = json.loads(soup.find("script", class_="cq-data").string)
    assert data["messages"] == MESSAGES
    by_id = {q["id"]: q for q in data["questions"]}
    form = soup.find("form", attrs={"data-question": "capital"})
    labels = [label.get_text() for label in form.find_all("label")]
    assert labels == ["Karachi", "Islamabad"]
    capital = by_id["capital"]["options"]
    assert capital[0] == {"correct": False, "feedback": "Karachi is not the capital."}
    assert capital[1] == {"correct": True, "feedback": "Islamabad is the capital."}
    days = by_id["days"]
    assert (days["answer"], days["tolerance"]) == (80.0, 0.0)
    assert days["feedback"]["low"].startswith("Too few")


def test_the_page_script_uses_the_same_number_pattern_as_python(quiz):
    from coursekit.quiz import NUMBER

    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    assert json.loads(soup.find("script", class_="cq-data").string)["number"] == NUMBER.pattern
    assert "new RegExp(bank.number)" in soup.find_all("script")[-1].string
