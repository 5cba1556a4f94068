"""One question bank, two renderings: live ipywidgets in a kernel, static HTML/JS in the book.

A chapter's questions live in ``chapters/quizzes/<name>.yml`` and are validated
against ``quiz_schema.json`` when loaded, so a typo in a bank fails the build with
the file and question named. Displaying a :class:`Quiz` offers both views in one
MIME bundle: Jupyter, Binder and Colab pick the widget (checked in Python by
:meth:`Question.check`); the published book is configured to drop the widget view
and shows the self-contained static HTML, whose script applies the same rules to
the same data (ids are derived from the bank, never random, so nbval can compare).

Options are shown in :attr:`Question.order`, a shuffle seeded from the quiz and
question ids (so where the author wrote the correct option gives nothing away, and
every rendering shows the same order). Responses are always *authoring* indices.
The static HTML is also the printed quiz: letters, no buttons, and an answer key
that only ``@media print`` shows.
"""
from __future__ import annotations

import hashlib
import html
import json
import math
import random
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import yaml

from coursekit import ROOT

__all__ = ["Quiz", "Question", "Option", "Result", "QuizError", "MESSAGES", "QUIZ_DIR", "display_order", "letter"]

QUIZ_DIR = ROOT / "chapters" / "quizzes"
SCHEMA_FILE = Path(__file__).with_name("quiz_schema.json")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

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


class Quiz:
    """A validated question bank that renders itself live (widgets) or static (HTML)."""

    def __init__(self, quiz_id: str, title: str, questions: Iterable[Question], path: Path | None = None):
        self.id = quiz_id
        self.title = title
        self.questions = tuple(questions)
        self.path = path

    # -- loading ---------------------------------------------------------
    @classmethod
    def load(cls, name: str | Path) -> "Quiz":
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
    def from_dict(cls, raw: Any, path: Path | None = None) -> "Quiz":
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

    # -- rendering ---------------------------------------------------------
    def __repr__(self) -> str:
        return f"Quiz {self.id!r}: {self.title} ({len(self.questions)} questions)"

    def widget(self):
        """A live ipywidgets view; each check runs :meth:`Question.check` in the kernel."""
        from coursekit.quiz_widget import QuizWidget

        return QuizWidget(self)

    def to_html(self) -> str:
        """Self-contained, keyboard-usable HTML with inline script (no other host); no form, so
        a saved copy in Jupyter never submits or navigates. Printed, it shows an answer key."""
        return _static_html(self)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/plain": repr(self), "text/html": self.to_html()}
        try:
            view = self.widget()._repr_mimebundle_()
        except Exception:  # no widget support here: the HTML form still works
            view = None
        if view and WIDGET_VIEW in view:
            bundle[WIDGET_VIEW] = view[WIDGET_VIEW]
        return bundle


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


# -- static rendering -------------------------------------------------------
# Each control sits beside its label's first line however narrow the page (flex, the
# control never shrinks). In print: letters instead of buttons and feedback, and the
# answer key; the key and the letters carry the ``hidden`` attribute as well, so a saved
# copy whose <style> is stripped (JupyterLab sanitises untrusted outputs) still hides them
# (printed, "!important" and a longer selector beat the theme's "[hidden]{display:none!important}").
_STYLE = """
.cq-quiz{border:1px solid #8a8a8a;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.cq-quiz .cq-title{font-weight:700;margin:0 0 .5rem}
.cq-quiz .cq-static-note{font-size:.9em;font-style:italic;margin:0 0 .75rem}
.cq-quiz .cq-question{margin:0 0 1rem}
.cq-quiz fieldset{border:0;margin:0;padding:0;min-width:0}
.cq-quiz legend{font-size:1rem;font-weight:600;line-height:1.4;padding:0;margin-bottom:.35rem;float:none;width:auto}
.cq-quiz .cq-hint{margin:0 0 .25rem;font-size:.9em}
.cq-quiz .cq-option{display:flex;align-items:baseline;gap:.5rem;margin:.3rem 0;line-height:1.4}
.cq-quiz .cq-option input[type=radio],.cq-quiz .cq-option input[type=checkbox]{flex:0 0 auto;margin:0}
.cq-quiz .cq-option label{flex:1 1 auto;min-width:0}
.cq-quiz .cq-number{flex-wrap:wrap}
.cq-quiz .cq-number label{flex:0 0 auto}
.cq-quiz button{margin-top:.35rem;padding:.2rem .8rem;border:1px solid #555;border-radius:4px;background:transparent;color:inherit;cursor:pointer}
.cq-quiz button:focus-visible,.cq-quiz input:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
.cq-quiz .cq-feedback{margin-top:.35rem;padding-left:.5rem;border-left:4px solid transparent}
.cq-quiz .cq-feedback.cq-right{border-left-color:#009E73}
.cq-quiz .cq-feedback.cq-wrong{border-left-color:#D55E00}
.cq-quiz .cq-source{font-size:.85em;opacity:.8;margin:.25rem 0 0}
.cq-quiz .cq-key-title{font-weight:700;margin:1rem 0 .25rem}
.cq-quiz .cq-key li{margin:.15rem 0}
@media print{
.cq-quiz{border:0;padding:0}
.cq-quiz button,.cq-quiz .cq-feedback,.cq-quiz .cq-static-note{display:none!important}
.cq-quiz .cq-letter[hidden]{display:inline!important;font-weight:600;flex:0 0 auto}
.cq-quiz .cq-key[hidden]{display:block!important}
.cq-quiz .cq-key{break-before:auto;border-top:1px solid #8a8a8a;padding-top:.5rem}
.cq-quiz .cq-question{break-inside:avoid}
}
""".strip()

_SCRIPT = """
(function () {
  var root = document.currentScript.parentElement;
  var bank = JSON.parse(root.querySelector('script.cq-data').textContent);
  var NUMBER = new RegExp(bank.number);
  var byId = {};
  bank.questions.forEach(function (q) { byId[q.id] = q; });
  root.querySelectorAll('.cq-static-note').forEach(function (note) { note.hidden = true; });
  function check(q, box) {
    if (q.kind === 'numeric') {
      var raw = box.querySelector('input').value.trim();
      if (!NUMBER.test(raw) || !isFinite(Number(raw))) return [false, [bank.messages.not_a_number]];
      var x = Number(raw);
      if (Math.abs(x - q.answer) <= q.tolerance + 1e-9) return [true, [q.feedback.correct]];
      return [false, [x < q.answer ? q.feedback.low : q.feedback.high]];
    }
    // Each input's value is its option's authoring index; the inputs come in displayed order.
    var chosen = [];
    box.querySelectorAll('input').forEach(function (el) { if (el.checked) chosen.push(Number(el.value)); });
    if (!chosen.length) return [false, [q.kind === 'single' ? bank.messages.choose_one : bank.messages.choose_some]];
    var messages = chosen.map(function (i) { return q.options[i].feedback; });
    if (q.kind === 'single') return [q.options[chosen[0]].correct, messages];
    var ok = q.options.every(function (o, i) { return o.correct === (chosen.indexOf(i) >= 0); });
    var missed = q.options.some(function (o, i) { return o.correct && chosen.indexOf(i) < 0; });
    if (!ok && missed) messages.push(q.missed);
    return [ok, messages];
  }
  root.querySelectorAll('.cq-question').forEach(function (box) {
    var q = byId[box.dataset.question];
    function show() {
      var r = check(q, box);
      var out = box.querySelector('.cq-feedback');
      out.className = 'cq-feedback ' + (r[0] ? 'cq-right' : 'cq-wrong');
      out.textContent = [r[0] ? bank.messages.right : bank.messages.wrong].concat(r[1]).join(' ');
    }
    box.querySelector('button.cq-check').addEventListener('click', show);
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && event.target.tagName === 'INPUT') { event.preventDefault(); show(); }
    });
  });
})();
""".strip()

STATIC_NOTE = ("A saved copy of the quiz, which cannot check answers here. In Jupyter, run this cell "
               "(Shift+Enter) to answer the questions live; in the book's web pages they work as they are.")
KEY_TITLE = "Answer key"
KINDS = {"single": "single choice", "multiple": "multiple choice", "numeric": "numeric"}


def _number(x: float) -> str:
    return format(x, ".12g")


def numeric_answer(q: Question) -> str:
    """The accepted answer as printed in the key, e.g. ``80 days (exactly)`` or ``12 % (within ± 0.5)``."""
    unit = f" {q.unit}" if q.unit else ""
    accepted = f"within ± {_number(q.tolerance)}" if q.tolerance else "exactly"
    return f"{_number(q.answer)}{unit} ({accepted})"


def _answer_key(quiz: Quiz, base: str) -> list[str]:
    e = html.escape
    parts = [f'<div class="cq-key" id="{base}-key" hidden>',
             f'<p class="cq-key-title">{KEY_TITLE}: {e(quiz.title)}</p>', "<ol>"]
    for q in quiz.questions:
        if q.kind == "numeric":
            parts.append(f"<li><p>Answer: {e(numeric_answer(q))}.</p><ul>"
                         f"<li>If right: {e(q.feedback['correct'])}</li><li>If lower: {e(q.feedback['low'])}</li>"
                         f"<li>If higher: {e(q.feedback['high'])}</li></ul></li>")
            continue
        right = [letter(pos) for pos, i in enumerate(q.order) if q.options[i].correct]
        parts.append(f"<li><p>Answer: {', '.join(right)}.</p><ul>")
        for pos, i in enumerate(q.order):
            option = q.options[i]
            verdict = "right" if option.correct else "wrong"
            parts.append(f"<li>{letter(pos)} ({verdict}): {e(option.feedback)}</li>")
        parts.append("</ul></li>")
    parts += ["</ol>", "</div>"]
    return parts


def _static_html(quiz: Quiz) -> str:
    e = html.escape
    base = f"cq-{quiz.id}"
    parts = [f'<div class="cq-quiz" id="{base}" role="group" aria-labelledby="{base}-title">',
             f"<style>{_STYLE}</style>",
             f'<p class="cq-title" id="{base}-title">{e(quiz.title)}</p>',
             f'<p class="cq-static-note">{e(STATIC_NOTE)}</p>']
    for n, q in enumerate(quiz.questions, start=1):
        qid = f"{base}-{q.id}"
        parts.append(f'<div class="cq-question" id="{qid}" '
                     f'data-question="{e(q.id)}" data-kind="{q.kind}">')
        parts.append(f'<fieldset><legend id="{qid}-prompt">{n}. {e(q.prompt)}</legend>')
        if q.kind == "numeric":
            unit = f" ({e(q.unit)})" if q.unit else ""
            parts.append(f'<div class="cq-option cq-number"><label for="{qid}-answer">Your answer{unit}</label> '
                         f'<input type="text" inputmode="decimal" autocomplete="off" id="{qid}-answer" '
                         f'name="{qid}-answer" size="10"></div>')
        else:
            kind = "radio" if q.kind == "single" else "checkbox"
            if q.kind == "multiple":
                parts.append('<p class="cq-hint">Tick every option that applies.</p>')
            # Displayed order; the id and value name the option's authoring index.
            for pos, i in enumerate(q.order):
                oid = f"{qid}-{i}"
                parts.append(f'<div class="cq-option"><span class="cq-letter" hidden>{letter(pos)}.</span>'
                             f'<input type="{kind}" id="{oid}" name="{qid}" value="{i}">'
                             f'<label for="{oid}">{e(q.options[i].text)}</label></div>')
        parts.append("</fieldset>")
        parts.append(f'<button type="button" class="cq-check" aria-describedby="{qid}-prompt">Check answer</button>')
        parts.append(f'<div class="cq-feedback" id="{qid}-feedback" role="status" aria-live="polite"></div>')
        parts.append(f'<p class="cq-source">Source: {e(q.source)}</p>')
        parts.append("</div>")
    parts += _answer_key(quiz, base)
    data = {"quiz": quiz.id, "messages": MESSAGES, "number": NUMBER.pattern, "questions": [q.to_data() for q in quiz.questions]}
    blob = json.dumps(data, ensure_ascii=True, sort_keys=True).replace("</", "<\\/")
    parts.append(f'<script type="application/json" class="cq-data">{blob}</script>')
    parts.append(f"<script>{_SCRIPT}</script>")
    parts.append("</div>")
    return "\n".join(parts)
