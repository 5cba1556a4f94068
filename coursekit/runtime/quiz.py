"""One question bank, two renderings: live ipywidgets in a kernel, static HTML/JS in the book.

This is what a chapter imports (``from coursekit.runtime.quiz import Quiz``). The bank itself
(loading, validation, the display order of options, checking) is
:mod:`coursekit.runtime.quiz_bank`, and both renderings build on it. Displaying a :class:`Quiz`
offers both views in one MIME bundle: Jupyter, Binder and Colab pick the widget
(:mod:`coursekit.runtime.quiz_widget`, checked in Python by :meth:`Question.check`); the
published book is configured to drop the widget view and shows the self-contained
static HTML, whose script applies the same rules to the same data (ids are derived
from the bank, never random, so nbval can compare).

The static HTML is also the printed quiz: letters, no buttons, and an answer key
that only ``@media print`` shows.
"""
from __future__ import annotations

import html
import json

from coursekit.runtime.quiz_bank import (EPSILON, MESSAGES, NUMBER, QUIZ_DIR, Option, Question, QuestionBank, QuizError, Result,
                                 display_order, letter)

# The bank's names are re-exported, so a notebook or tool needs only this module.
__all__ = ["Quiz", "Question", "Option", "Result", "QuizError", "MESSAGES", "NUMBER", "EPSILON", "QUIZ_DIR",
           "WIDGET_VIEW", "display_order", "letter", "numeric_answer"]

# The MIME type of a live widget's view: what the book and the committed notebooks drop.
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class Quiz(QuestionBank):
    """A validated question bank that renders itself live (widgets) or static (HTML)."""

    def widget(self):
        """A live ipywidgets view; each check runs :meth:`Question.check` in the kernel.

        Imported here, not at the top, so that loading or linting a bank never needs ipywidgets."""
        from coursekit.runtime.quiz_widget import QuizWidget

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
