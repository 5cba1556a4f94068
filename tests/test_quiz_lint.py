"""The bank linter: each systematic cue fails with a message naming the bank and the questions."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from coursekit.book import quiz_lint
from coursekit.runtime.quiz import QUIZ_DIR, display_order
from coursekit.book.quiz_lint import learning_objectives, lint

OBJECTIVES = ["read a table", "weigh a source", "compute a share"]


@pytest.fixture
def chapters(tmp_path) -> Path:
    """A chapters folder whose notebook 01 lists three learning objectives (MyST roles included)."""
    folder = tmp_path / "chapters"
    folder.mkdir()
    cell = {"cell_type": "markdown", "metadata": {}, "source": [
        "# 1. A chapter\n", "\n", "## Learning objectives\n", "\n", "You should be able to:\n", "\n",
        "- read a table;\n", "- weigh a {term}`source <primary source>`;\n", "- compute a\n", "  share.\n", "\n",
        "## Next\n", "\n", "- not an objective\n"]}
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (folder / "01_a_chapter.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    return folder


def choice(qid: str, shown: list[str], right: set[int], kind: str = "single", objective=1, quiz: str = "ch01") -> dict:
    """A question whose options are SHOWN as listed (authored so that the shuffle shows them so);
    ``right`` holds displayed positions."""
    order = display_order(quiz, qid, len(shown))
    options = [None] * len(shown)
    for pos, i in enumerate(order):
        options[i] = {"text": shown[pos], "correct": pos in right, "feedback": f"Why option {pos} is {pos in right}."}
    q = {"id": qid, "kind": kind, "prompt": f"Question {qid}?", "source": "P1", "options": options}
    if objective is not None:
        q["objective"] = objective
    return q


def bank(tmp_path: Path, questions: list[dict], name: str = "ch01") -> Path:
    path = tmp_path / f"{name}.yml"
    path.write_text(yaml.safe_dump({"quiz": name, "title": "T", "questions": questions}, sort_keys=False),
                    encoding="utf-8")
    return path


# Four options of similar length; the correct one is never the longest.
SHORT, MID, LONG, LONGER = "a short one", "a middle one", "a longer option", "the longest option here"


def balanced(n: int = 6) -> list[dict]:
    """Correct options shown second or third, never the longest, no hedging; one multiple, one numeric."""
    questions = [choice(f"s{k}", [SHORT, MID, LONG, LONGER], {1 + k % 2}) for k in range(n)]
    questions.append(choice("m1", [SHORT, MID, LONG, LONGER], {1, 3}, kind="multiple", objective=[1, 2]))
    questions.append({"id": "n1", "kind": "numeric", "prompt": "How many?", "source": "P1", "answer": 3,
                      "tolerance": 0, "feedback": {"correct": "Yes.", "low": "Low.", "high": "High."}, "objective": 3})
    return questions


def test_objectives_are_read_from_the_chapter_notebook_as_plain_text(chapters):
    path, objectives = learning_objectives("ch01", chapters)
    assert path.name == "01_a_chapter.ipynb"
    assert objectives == ["read a table", "weigh a source", "compute a share."]


def test_a_balanced_bank_passes(tmp_path, chapters):
    report = lint([bank(tmp_path, balanced())], chapters)
    assert report.ok, report.text()
    assert report.overall.first_share == 0 and report.overall.longest_share == 0
    assert "OK: no systematic cue" in report.text()


def _failed(tmp_path, chapters, questions) -> str:
    path = bank(tmp_path, questions)
    report = lint([path], chapters)
    assert not report.ok
    text = "\n".join(report.problems)
    assert str(path) in text
    return text


def test_correct_first_too_often_fails_naming_the_questions(tmp_path, chapters):
    questions = balanced(6)
    for k in (0, 1, 2):  # 3 of 6 single-choice questions: 50% > 33%
        questions[k] = choice(f"s{k}", [MID, SHORT, LONG, LONGER], {0})
    text = _failed(tmp_path, chapters, questions)
    assert "the correct option is shown first in 3 of 6 single-choice questions (50% > 33%)" in text
    assert re.search(r"ch01\.yml: question 1 \('s0'\): correct option shown first", text)
    assert "question 4 ('s3')" not in text


def test_correct_longest_too_often_fails(tmp_path, chapters):
    questions = balanced(6)
    for k in (0, 1, 2):
        questions[k] = choice(f"s{k}", [SHORT, "a lengthier middle", LONG, "a longer option!"], {1})
    text = _failed(tmp_path, chapters, questions)
    assert "the correct option is the (tied) longest in 3 of 6 single-choice questions (50% > 33%)" in text
    assert "question 2 ('s1'): correct option is the longest" in text


def test_a_long_correct_option_fails_on_the_median_length_ratio(tmp_path, chapters):
    # Correct option 40 characters, distractors 10, 10 and 60 (mean 26.7): ratio 1.5, yet not the longest.
    shown = ["x" * 10, "y" * 40, "z" * 10, "w" * 60]
    questions = [choice(f"s{k}", shown, {1}) for k in range(4)] + balanced(6)[4:]
    text = _failed(tmp_path, chapters, questions)
    assert "1.50 times as long as the mean distractor" in text
    assert "longest in" not in text


def test_one_bank_always_correct_first_or_longest_fails_per_bank(tmp_path, chapters):
    questions = [choice(f"s{k}", ["the right answer, longest", SHORT, MID, LONG], {0}) for k in range(3)]
    text = _failed(tmp_path, chapters, questions)
    assert "ch01.yml: the correct option is shown first in all 3 single-choice questions" in text
    assert "ch01.yml: the correct option is the longest in all 3 single-choice questions" in text


def test_multiple_choice_correct_options_listed_first_fails(tmp_path, chapters):
    questions = balanced(6)[:6] + [
        choice(f"m{k}", [SHORT, MID, LONG, LONGER], {0, 1}, kind="multiple") for k in range(3)] + [
        choice("m9", [SHORT, MID, LONG, LONGER], {1, 3}, kind="multiple")]
    text = _failed(tmp_path, chapters, questions)
    assert "the correct options are exactly the first ones shown in 3 of 4 multiple-choice questions (75% > 50%)" in text
    assert "question 7 ('m0'): correct options shown first" in text


def test_only_the_correct_option_hedging_fails(tmp_path, chapters):
    questions = balanced(6)
    for k in (0, 1, 2):
        questions[k] = choice(f"s{k}", [SHORT, "it may be so", LONG, LONGER], {1})
    text = _failed(tmp_path, chapters, questions)
    assert re.search(r"only the correct option hedges in 3 of 7 choice questions \(43% > 33%\)", text)
    assert "question 3 ('s2'): only the correct option hedges" in text


def test_a_hedge_in_a_distractor_too_is_no_cue(tmp_path, chapters):
    questions = balanced(6)
    for k in (0, 1, 2):
        questions[k] = choice(f"s{k}", [SHORT, "it may be so", "it might be", LONGER], {1})
    assert lint([bank(tmp_path, questions)], chapters).ok


def test_a_question_without_objective_or_with_one_the_chapter_lacks_fails(tmp_path, chapters):
    questions = balanced(6)
    questions[0] = choice("s0", [SHORT, LONG, MID, LONGER], {2}, objective=None)
    questions[1] = choice("s1", [SHORT, LONG, MID, LONGER], {2}, objective=[2, 4])
    text = _failed(tmp_path, chapters, questions)
    assert "question 1 ('s0'): no `objective`" in text
    assert re.search(r"question 2 \('s1'\): objective 4 does not exist: .*01_a_chapter\.ipynb lists 3", text)


def test_a_bank_without_a_chapter_notebook_fails(tmp_path, chapters):
    path = bank(tmp_path, balanced(), name="ch07")
    report = lint([path], chapters)
    assert not report.ok and "cannot check objectives" in report.problems[0] and "07_*.ipynb" in report.problems[0]


def test_the_command_line_prints_the_table_and_exits_1_on_a_cue(tmp_path, chapters, capsys):
    questions = [choice(f"s{k}", ["the right answer, longest", SHORT, MID, LONG], {0}) for k in range(3)]
    path = bank(tmp_path, questions)
    assert quiz_lint.main([str(path), "--chapters", str(chapters)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["bank", "single", "at"]
    assert re.search(r"^ch01 +3 +3 0 0 0 0 +100%", out, re.M)
    assert "FAILED" in out and f"{path}: question 2 ('s1'): correct option shown first" in out


def test_the_thresholds_are_what_the_course_promises():
    assert quiz_lint.MAX_FIRST_SHARE == pytest.approx(1 / 3)
    assert quiz_lint.MAX_LONGEST_SHARE == pytest.approx(1 / 3)
    assert quiz_lint.MAX_LENGTH_RATIO == 1.25
    assert quiz_lint.MAX_PREFIX_SHARE == 0.5 and quiz_lint.MAX_HEDGED_SHARE == pytest.approx(1 / 3)


def test_the_course_banks_pass_the_linter():
    """Fails until every bank is free of systematic cues and names its objectives."""
    report = lint(sorted(QUIZ_DIR.glob("*.yml")))
    chapters = sorted(QUIZ_DIR.parent.glob("[0-9][0-9]_*.ipynb"))
    assert chapters and len(report.banks) == len(chapters), "one bank per chapter"
    assert report.ok, report.text()


# -- the instructor guide's table (coursekit.book.sphinxext) ---------------------------------
def sphinx_project(tmp_path: Path, chapters: Path, questions: list[dict]) -> Path:
    """A minimal Sphinx project whose page holds ``quiz-objectives ch01`` over this bank."""
    src = chapters.parent
    (chapters / "quizzes").mkdir(exist_ok=True)
    bank(chapters / "quizzes", questions)
    (src / "conf.py").write_text('extensions = ["coursekit.book.sphinxext"]\nexclude_patterns = ["chapters"]\n',
                                 encoding="utf-8")
    (src / "index.rst").write_text("Guide\n=====\n\n.. quiz-objectives:: ch01\n", encoding="utf-8")
    return src


def sphinx_build(src: Path):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(src), str(src / "_out")],
                          capture_output=True, text=True, timeout=300)


def test_the_objectives_table_names_each_questions_objective(tmp_path, chapters):
    src = sphinx_project(tmp_path, chapters, balanced(2))
    done = sphinx_build(src)
    assert done.returncode == 0, done.stderr
    from bs4 import BeautifulSoup

    table = BeautifulSoup((src / "_out" / "index.html").read_text(encoding="utf-8"), "html.parser").find("table")
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]
    assert rows[0] == ["Question", "Kind", "Prompt", "Learning objective checked"]
    assert rows[1] == ["1", "single choice", "Question s0?", "(1) read a table"]
    assert rows[3] == ["3", "multiple choice", "Question m1?", "(1) read a table (2) weigh a source"]
    assert rows[4] == ["4", "numeric", "How many?", "(3) compute a share."]


def test_an_objective_the_chapter_lacks_stops_the_build_naming_bank_and_question(tmp_path, chapters):
    questions = balanced(2)
    questions[1]["objective"] = [1, 5]
    done = sphinx_build(sphinx_project(tmp_path, chapters, questions))
    assert done.returncode != 0
    assert re.search(r"ch01\.yml: question 2 \('s1'\): objective 5 does not exist: .*01_a_chapter\.ipynb lists 3",
                     done.stderr), done.stderr
