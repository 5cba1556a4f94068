"""A chapter's question bank: loaded, validated and checked, with no rendering.

A bank lives in ``chapters/quizzes/<name>.yml`` and is validated against
``quiz_schema.json`` when loaded, so a typo fails the build with the file and question
named. Options are shown in :attr:`Question.order`, a shuffle seeded from the quiz and
question ids (so where the author wrote the correct option gives nothing away, and
every rendering shows the same order). Responses are always *authoring* indices.

Both renderings build on this module and it imports neither: the live widget
(:mod:`coursekit.runtime.quiz_widget`) and the static page (:mod:`coursekit.runtime.quiz`, which is
also what a notebook imports).
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Self

import yaml

from coursekit import ROOT

__all__ = ["QuestionBank", "Question", "Option", "Result", "QuizError", "MESSAGES", "NUMBER", "EPSILON", "QUIZ_DIR",
           "display_order", "letter"]

QUIZ_DIR = ROOT / "chapters" / "quizzes"
SCHEMA_FILE = Path(__file__).with_name("quiz_schema.json")

# The verdict words and prompts, shared by the Python check and the page's script.
MESSAGES = {
    "right": "Correct.",
    "wrong": "Not quite.",
    "choose_one": "Choose one option, then check.",
    "choose_some": "Tick at least one option, then check.",
    "not_a_number": "Please type a number, for example 12 or 3.5.",
    "missed": "At least one correct option is still unticked.",
}
# A plain decimal number; the same pattern is used by the page's script.
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
EPSILON = 1e-9


class QuizError(ValueError):
    """A question bank is malformed, or a response is not of the question's kind."""


def display_order(quiz_id: str, question_id: str, n: int) -> tuple[int, ...]:
    """The authoring indices of ``n`` options in the order they are shown.

    Seeded from SHA-256 of ``quiz_id/question_id`` (never ``hash()``, which depends on
    PYTHONHASHSEED), so the widget, the page and the printed quiz agree on every run.
    """
    seed = int.from_bytes(hashlib.sha256(f"{quiz_id}/{question_id}".encode()).digest()[:8], "big")
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return tuple(order)


def letter(position: int) -> str:
    """The printed label of the option shown at ``position`` (0-based): a, b, c ..."""
    return "abcdefghijklmnopqrstuvwxyz"[position]


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Result:
    """The outcome of checking one response: a verdict and the bank's feedback."""

    correct: bool
    messages: tuple[str, ...]

    @property
    def text(self) -> str:
        verdict = MESSAGES["right"] if self.correct else MESSAGES["wrong"]
        return " ".join((verdict, *self.messages))


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    source: str
    options: tuple[Option, ...] = ()
    missed: str = MESSAGES["missed"]
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    feedback: dict | None = None
    quiz_id: str = ""
    objective: tuple[int, ...] = ()  # 1-based positions in the chapter's learning objectives

    @cached_property
    def order(self) -> tuple[int, ...]:
        """Authoring indices of the options in displayed order (empty for numeric questions)."""
        return display_order(self.quiz_id, self.id, len(self.options))

    def check(self, response: Any) -> Result:
        """Check a response: an AUTHORING option index (single), indices (multiple) or a number/text (numeric).

        The options' feedback comes in displayed order, as a reader sees the options.
        """
        if self.kind == "numeric":
            return self._check_numeric(response)
        chosen = sorted(self._indices(response), key=self.order.index)
        if not chosen:
            return Result(False, (MESSAGES["choose_one" if self.kind == "single" else "choose_some"],))
        messages = tuple(self.options[i].feedback for i in chosen)
        if self.kind == "single":
            return Result(self.options[chosen[0]].correct, messages)
        right = {i for i, option in enumerate(self.options) if option.correct}
        correct = set(chosen) == right
        if not correct and right - set(chosen):
            messages += (self.missed,)
        return Result(correct, messages)

    def _indices(self, response: Any) -> list[int]:
        if response is None:
            return []
        if self.kind == "single":
            response = [response]
        try:
            chosen = sorted({int(i) for i in response})
        except (TypeError, ValueError):
            raise QuizError(f"question {self.id!r}: expected option numbers, got {response!r}") from None
        if self.kind == "single" and len(chosen) > 1:
            raise QuizError(f"question {self.id!r}: choose a single option, got {response!r}")
        for i in chosen:
            if not 0 <= i < len(self.options):
                raise QuizError(f"question {self.id!r}: no option {i} (options are 0-{len(self.options) - 1})")
        return chosen

    def _check_numeric(self, response: Any) -> Result:
        if isinstance(response, bool):
            response = None
        if isinstance(response, (int, float)):
            value = float(response)
        else:
            raw = "" if response is None else str(response).strip()
            if not NUMBER.match(raw):
                return Result(False, (MESSAGES["not_a_number"],))
            value = float(raw)
        if not math.isfinite(value):
            return Result(False, (MESSAGES["not_a_number"],))
        if abs(value - self.answer) <= self.tolerance + EPSILON:
            return Result(True, (self.feedback["correct"],))
        return Result(False, (self.feedback["low" if value < self.answer else "high"],))

    def to_data(self) -> dict:
        """What the page's script needs to check this question (mirrors :meth:`check`)."""
        if self.kind == "numeric":
            return {"id": self.id, "kind": self.kind, "answer": self.answer,
                    "tolerance": self.tolerance, "feedback": dict(self.feedback)}
        return {"id": self.id, "kind": self.kind, "missed": self.missed,
                "options": [{"correct": o.correct, "feedback": o.feedback} for o in self.options]}


class QuestionBank:
    """A validated question bank: its questions, and a check of a response to each."""

    def __init__(self, quiz_id: str, title: str, questions: Iterable[Question], path: Path | None = None):
        self.id = quiz_id
        self.title = title
        self.questions = tuple(questions)
        self.path = path

    # -- loading ---------------------------------------------------------
    @classmethod
    def load(cls, name: str | Path) -> Self:
        """Load ``chapters/quizzes/<name>.yml`` (or a path) and validate it."""
        path = Path(name)
        if path.suffix not in (".yml", ".yaml", ".json"):
            path = QUIZ_DIR / f"{name}.yml"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QuizError(f"{path}: no such question bank") from None
        except UnicodeDecodeError as exc:
            raise QuizError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise QuizError(f"{path}: invalid YAML{where}: {getattr(exc, 'problem', exc)}") from None
        return cls.from_dict(raw, path)

    @classmethod
    def from_dict(cls, raw: Any, path: Path | None = None) -> Self:
        where = str(path) if path else "<quiz>"
        _validate(raw, where)
        questions = []
        for n, q in enumerate(raw["questions"]):
            label = f"{where}: question {n + 1} ({q['id']!r})"
            options = tuple(Option(**o) for o in q.get("options", ()))
            n_right = sum(o.correct for o in options)
            if q["kind"] == "single" and n_right != 1:
                raise QuizError(f"{label}: a single-choice question needs exactly one correct option, found {n_right}")
            if q["kind"] == "multiple" and n_right < 1:
                raise QuizError(f"{label}: a multiple-choice question needs at least one correct option")
            questions.append(Question(
                id=q["id"], kind=q["kind"], prompt=q["prompt"], source=q["source"], options=options,
                missed=q.get("missed", MESSAGES["missed"]),
                answer=float(q["answer"]) if "answer" in q else None,
                tolerance=float(q.get("tolerance", 0.0)), unit=q.get("unit", ""), feedback=q.get("feedback"),
                quiz_id=raw["quiz"], objective=_objectives(q.get("objective")),
            ))
        ids = [q.id for q in questions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise QuizError(f"{where}: duplicate question id(s): {', '.join(duplicates)}")
        return cls(raw["quiz"], raw["title"], questions, path)

    # -- checking ----------------------------------------------------------
    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise QuizError(f"quiz {self.id!r} has no question {question_id!r}")

    def check(self, question_id: str, response: Any) -> Result:
        return self.question(question_id).check(response)

    def __repr__(self) -> str:
        return f"Quiz {self.id!r}: {self.title} ({len(self.questions)} questions)"


# -- validation -------------------------------------------------------------
def _objectives(value: Any) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else tuple(value)


def _schema_validator():
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _validate(raw: Any, where: str) -> None:
    errors = sorted(_schema_validator().iter_errors(raw), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    lines = []
    for error in errors[:10]:
        path = list(error.absolute_path)
        place = "top level"
        if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
            q = raw["questions"][path[1]]
            qid = q.get("id") if isinstance(q, dict) else None
            place = f"question {path[1] + 1}" + (f" ({qid!r})" if qid else "")
            rest = path[2:]
            if rest:
                place += " field " + ".".join(str(p) for p in rest)
        elif path:
            place = "field " + ".".join(str(p) for p in path)
        message = error.message
        if error.validator == "not":
            message = "has fields that do not belong to its kind"
        lines.append(f"{where}: {place}: {message}")
    raise QuizError("\n".join(lines))
