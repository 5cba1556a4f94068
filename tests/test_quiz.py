"""The quiz component: one validated bank, checked alike in Python, the widget and the page."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from clients import CHROMIUM, require_chromium
from coursekit.runtime.quiz import MESSAGES, QUIZ_DIR, Quiz, QuizError, display_order
from helpers import ROOT

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
    # Untick India (authoring index 1) wherever the shuffle shows it.
    multiple.control.children[quiz.question("summit").order.index(1)].value = False
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
    assert bundle["text/plain"] == "Quiz 'quiz-sample': Sample quiz for the tests (3 questions)"


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
    forms = soup.find_all("div", class_="cq-question")
    assert len(forms) == 3
    for form in forms:
        assert form.find("fieldset").find("legend")
        assert form.find("button", type="button")
        feedback = form.find(class_="cq-feedback")
        assert feedback["aria-live"] == "polite" and feedback["role"] == "status"
        assert form.find(class_="cq-source").get_text().startswith("Source: ")


def test_static_data_gives_the_banks_feedback_for_wrong_and_right_answers(quiz):
    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    data = json.loads(soup.find("script", class_="cq-data").string)
    assert data["messages"] == MESSAGES
    by_id = {q["id"]: q for q in data["questions"]}
    form = soup.find("div", attrs={"data-question": "capital"})
    # Shown in displayed order (the sample's shuffle swaps the two); each input's value is
    # the option's authoring index, which is what the script and Question.check use.
    labels = [label.get_text() for label in form.find_all("label")]
    assert labels == ["Islamabad", "Karachi"]
    assert [i["value"] for i in form.find_all("input")] == ["1", "0"]
    capital = by_id["capital"]["options"]
    assert capital[0] == {"correct": False, "feedback": "Karachi is not the capital."}
    assert capital[1] == {"correct": True, "feedback": "Islamabad is the capital."}
    days = by_id["days"]
    assert (days["answer"], days["tolerance"]) == (80.0, 0.0)
    assert days["feedback"]["low"].startswith("Too few")


def test_the_page_script_uses_the_same_number_pattern_as_python(quiz):
    from coursekit.runtime.quiz import NUMBER

    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    assert json.loads(soup.find("script", class_="cq-data").string)["number"] == NUMBER.pattern
    assert "new RegExp(bank.number)" in soup.find_all("script")[-1].string


# -- displayed order ---------------------------------------------------------------
ALL_BANKS = [SAMPLE, *BANKS]


def test_the_sample_is_shuffled_so_the_tests_see_display_differ_from_authoring_order(quiz):
    assert quiz.question("capital").order == (1, 0)
    assert quiz.question("summit").order == (1, 2, 0)
    assert quiz.question("days").order == ()


@pytest.mark.parametrize("bank", ALL_BANKS, ids=[b.stem for b in ALL_BANKS])
def test_the_displayed_order_is_a_permutation_seeded_by_quiz_and_question(bank):
    quiz = Quiz.load(bank)
    for q in quiz.questions:
        assert q.quiz_id == quiz.id
        if q.kind == "numeric":
            assert q.order == ()
        else:
            assert sorted(q.order) == list(range(len(q.options))), q.id
            assert q.order == display_order(quiz.id, q.id, len(q.options))
    assert display_order("a", "b", 6) != display_order("a", "c", 6) or display_order("a", "b", 6) != display_order(
        "d", "b", 6), "the seed must depend on the quiz and question ids"


def test_most_questions_are_not_shown_in_authoring_order():
    shuffled = [q.order != tuple(range(len(q.options))) for b in BANKS for q in Quiz.load(b).questions
                if q.kind != "numeric"]
    assert sum(shuffled) > len(shuffled) / 2


def test_the_displayed_order_does_not_depend_on_the_hash_seed():
    """Two interpreters with different PYTHONHASHSEED (so different str hashes) agree with this one."""
    code = ("import json, sys\nfrom coursekit.runtime.quiz import Quiz\n"
            "print(json.dumps({p: [list(q.order) for q in Quiz.load(p).questions] for p in sys.argv[1:]}))")
    paths = [str(b) for b in ALL_BANKS]
    here = {p: [list(q.order) for q in Quiz.load(p).questions] for p in paths}
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code, *paths], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == here, f"PYTHONHASHSEED={seed} changed the displayed order"


@pytest.mark.parametrize("bank", ALL_BANKS, ids=[b.stem for b in ALL_BANKS])
def test_python_feedback_follows_the_chosen_option_not_its_position(bank):
    for q in Quiz.load(bank).questions:
        if q.kind == "numeric":
            continue
        for i, option in enumerate(q.options):
            result = q.check(i if q.kind == "single" else [i])
            assert result.messages[0] == option.feedback, (q.id, i)
            if q.kind == "single":
                assert result.correct == option.correct
        if q.kind == "multiple":
            # Several options: their feedback in the order the reader sees them.
            everything = q.check(list(range(len(q.options))))
            assert everything.messages[:len(q.options)] == tuple(q.options[i].feedback for i in q.order)


@pytest.mark.parametrize("bank", ALL_BANKS, ids=[b.stem for b in ALL_BANKS])
def test_static_html_shows_the_displayed_order_and_values_are_authoring_indices(bank):
    quiz = Quiz.load(bank)
    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    for q in quiz.questions:
        box = soup.find("div", attrs={"data-question": q.id})
        if q.kind == "numeric":
            assert [i["type"] for i in box.find_all("input")] == ["text"]
            continue
        inputs = box.find_all("input")
        assert [int(i["value"]) for i in inputs] == list(q.order)
        assert [soup.find("label", attrs={"for": i["id"]}).get_text() for i in inputs] == [
            q.options[k].text for k in q.order]
        assert [x.get_text() for x in box.find_all(class_="cq-letter")] == [f"{c}." for c in "abcdefgh"[:len(q.order)]]


@pytest.mark.parametrize("bank", ALL_BANKS, ids=[b.stem for b in ALL_BANKS])
def test_static_html_never_submits_or_navigates(bank):
    """A saved output in JupyterLab is shown before its cell runs; a <form> with a submit button
    there makes JupyterLab ask to reload. No form, every button type=button, no link."""
    page = Quiz.load(bank).to_html()
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.find("form") and "<form" not in page
    buttons = soup.find_all("button")
    assert buttons and all(b.get("type") == "button" for b in buttons)
    assert not soup.find("a") and not soup.find(attrs={"formaction": True})
    note = soup.find(class_="cq-static-note")
    assert "run this cell" in note.get_text() and note.get("hidden") is None  # shown until the script runs
    assert "note.hidden = true" in soup.find_all("script")[-1].string


def test_the_answer_key_is_hidden_on_screen_and_lists_letters_and_feedback(quiz):
    soup = BeautifulSoup(quiz.to_html(), "html.parser")
    key = soup.find(class_="cq-key")
    assert key.has_attr("hidden")  # hidden even where the <style> is stripped (an untrusted notebook)
    style = soup.find("style").string
    assert re.search(r"@media print\{.*\.cq-key\[hidden\]\{display:block!important\}", style, re.S)
    assert re.search(r"@media print\{.*\.cq-quiz button[^{]*\{display:none!important\}", style, re.S)
    items = key.find("ol").find_all("li", recursive=False)
    assert len(items) == 3
    capital, summit, days = (" ".join(i.get_text(" ").split()) for i in items)
    # capital: Islamabad is shown first (a); summit shows India, Afghanistan, Tajikistan.
    assert capital.startswith("Answer: a.") and "a (right): Islamabad is the capital." in capital
    assert "b (wrong): Karachi is not the capital." in capital
    assert summit.startswith("Answer: b, c.") and "a (wrong): India was not invited." in summit
    assert days.startswith("Answer: 80 days (exactly).") and "If lower: Too few" in days
    assert all(q.prompt not in key.get_text() for q in quiz.questions)  # the key does not repeat the prompts


def test_a_bank_objective_must_be_a_positive_number_or_list(tmp_path):
    raw = sample_raw()
    raw["questions"][0]["objective"] = 0
    with pytest.raises(QuizError, match=r"question 1 \('capital'\) field objective"):
        Quiz.load(write_bank(tmp_path, raw))
    raw["questions"][0]["objective"] = [2, 3]
    assert Quiz.load(write_bank(tmp_path, raw)).question("capital").objective == (2, 3)


# -- the page's script in Chromium ---------------------------------------------------------
# Set a question's inputs (by value: the authoring index), press Check (or Enter in the
# numeric field) and read the feedback box.
_ANSWER_JS = """([id, response, enter]) => {
  const question = document.getElementById(id);
  const inputs = [...question.querySelectorAll('input')];
  if (typeof response === 'string') inputs[0].value = response;
  else inputs.forEach(el => { el.checked = response.includes(Number(el.value)); });
  if (enter) inputs[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
  else question.querySelector('button.cq-check').click();
  const box = question.querySelector('.cq-feedback');
  return [box.textContent, box.className];
}"""


def _chromium():
    require_chromium("the browser tests")
    from playwright.sync_api import sync_playwright

    return sync_playwright()


def test_the_page_script_gives_the_feedback_python_gives_for_each_chosen_option(tmp_path):
    """The static HTML of every bank, opened from a file: each option alone, all options and the
    right set (and numbers, by Check and by Enter) show what :meth:`Question.check` says."""
    with _chromium() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            navigations, errors = [], []
            page.on("framenavigated", lambda frame: navigations.append(frame.url))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            for bank in ALL_BANKS:
                quiz = Quiz.load(bank)
                path = tmp_path / f"{quiz.id}.html"
                path.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{quiz.id}</title>'
                                f"</head><body>{quiz.to_html()}</body></html>", encoding="utf-8")
                page.goto(path.as_uri())
                navigations.clear()
                assert page.locator(".cq-static-note").is_hidden(), "the script must hide the note for Jupyter users"
                assert page.locator(".cq-key").is_hidden()
                for q in quiz.questions:
                    qid = f"cq-{quiz.id}-{q.id}"
                    if q.kind == "numeric":
                        cases = [("", False), ("x", True), (format(q.answer, ".12g"), True),
                                 (format(q.answer - q.tolerance - 1, ".12g"), False)]
                    else:
                        right = [i for i, o in enumerate(q.options) if o.correct]
                        cases = [([i], False) for i in range(len(q.options))] + [([], False), (right, True)]
                        if q.kind == "multiple":
                            cases.append((list(range(len(q.options))), False))
                    for response, enter in cases:
                        shown = page.evaluate(_ANSWER_JS, [qid, response, enter])
                        python = q.check(response if q.kind != "single" else (response[0] if response else None))
                        expected = [python.text, "cq-feedback " + ("cq-right" if python.correct else "cq-wrong")]
                        assert shown == expected, f"{bank.name} {q.id} {response!r}"
                assert not navigations, f"{bank.name}: the page navigated: {navigations}"
            assert not errors, errors
        finally:
            browser.close()
