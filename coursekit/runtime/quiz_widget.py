"""The live rendering of a question bank: ipywidgets checked in the kernel.

Kept apart from :mod:`coursekit.runtime.quiz_bank` so that loading and checking a bank never
needs a widget library; only displaying it in a kernel does. It imports the bank
only, never :mod:`coursekit.runtime.quiz`, which creates this widget when a notebook shows a quiz.

Options appear in the question's display order (``Question.order``, the same
shuffled order as the static page), while every response handed to
:meth:`Question.check` is in authoring indices, so the feedback always belongs to
the option the student chose.

ipywidgets gives each radio label a fixed height and each checkbox label a single
ellipsised line; in a notebook narrowed by JupyterLab's sidebar a long option then
wraps over the radio button below it (or is cut off). :data:`STYLE`, shipped inside
the widget output itself so it works wherever the widget renders, lets those labels
grow and keeps every control on the first line of its own text.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from coursekit.runtime.quiz_bank import Question, QuestionBank, Result

__all__ = ["QuizWidget", "QuestionWidget", "STYLE"]

# Scoped to the quiz's own class, so no other widget on the page changes.
STYLE = """<style>
.cq-widget .widget-html-content{line-height:1.45}
.cq-widget .widget-radio-box{margin-bottom:.25em!important}
.cq-widget .widget-radio-box label{display:flex;align-items:flex-start;gap:.5em;height:auto;
  line-height:1.45;white-space:normal;overflow-wrap:anywhere;padding:.2em 0}
.cq-widget .widget-radio-box input{order:-1;float:none;flex:none;height:auto;margin:.25em 0 0 1px}
.cq-widget .widget-checkbox{width:auto;height:auto;line-height:1.45}
.cq-widget .widget-checkbox .widget-label-basic{display:flex;align-items:flex-start;gap:.5em;
  white-space:normal;overflow:visible;overflow-wrap:anywhere;line-height:1.45;padding:.2em 0}
.cq-widget .widget-checkbox input[type=checkbox]{flex:none;align-self:flex-start;margin:.25em 0 0 1px}
.cq-widget input:focus-visible,.cq-widget button:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
</style>"""


class QuestionWidget(widgets.VBox):
    """One question: prompt, answer control, a Check button and a feedback line.

    ``control`` holds the options in display order; :meth:`response` translates the
    student's choice back to authoring indices.
    """

    def __init__(self, question: Question, number: int):
        self.question = question
        self.order = question.order
        prompt = widgets.HTML(f"<b>{number}. {html.escape(question.prompt)}</b>")
        if question.kind == "single":
            # Each radio's value is the authoring index of the option it shows.
            self.control = widgets.RadioButtons(
                options=[(question.options[i].text, i) for i in self.order], value=None,
                layout=widgets.Layout(width="auto"))
        elif question.kind == "multiple":
            self.control = widgets.VBox([widgets.Checkbox(description=question.options[i].text, value=False,
                                                          indent=False, layout=widgets.Layout(width="auto"))
                                         for i in self.order])
        else:
            unit = f" ({question.unit})" if question.unit else ""
            # Synced when the box loses focus (or on Enter), not per keystroke: ipywidgets holds
            # back a model's later updates until the kernel acknowledges the first, while the
            # button's click goes out at once, so a quick click could be checked against a
            # half-typed number.
            self.control = widgets.Text(placeholder=f"a number{unit}", description="Answer:",
                                        continuous_update=False)
        self.control.add_class("cq-control")
        self.button = widgets.Button(description="Check answer", tooltip=f"Check your answer to question {number}")
        self.button.add_class("cq-check")
        self.button.on_click(lambda _: self.check())
        self.feedback = widgets.HTML("")
        self.feedback.add_class("cq-feedback")
        source = widgets.HTML(f"<small>Source: {html.escape(question.source)}</small>")
        super().__init__([prompt, self.control, self.button, self.feedback, source],
                         layout=widgets.Layout(margin="0 0 1em 0"))
        for name in ("cq-widget", "cq-question", f"cq-kind-{question.kind}", f"cq-q-{question.id}"):
            self.add_class(name)

    def box(self, option: int) -> widgets.Checkbox:
        """The checkbox of authoring option ``option`` (multiple choice), wherever it is shown."""
        return self.control.children[self.order.index(option)]

    def response(self):
        """The current answer in the form :meth:`Question.check` takes (authoring indices)."""
        if self.question.kind == "single":
            return self.control.value
        if self.question.kind == "multiple":
            return sorted(self.order[k] for k, box in enumerate(self.control.children) if box.value)
        return self.control.value

    def check(self) -> Result:
        result = self.question.check(self.response())
        colour = "#009E73" if result.correct else "#D55E00"
        self.feedback.value = (f'<div role="status" style="border-left:4px solid {colour};padding-left:.5em">'
                               f"{html.escape(result.text)}</div>")
        return result


class QuizWidget(widgets.VBox):
    """All questions of a bank, under its title, with the layout rules they need."""

    def __init__(self, quiz: QuestionBank):
        self.quiz = quiz
        self.items = [QuestionWidget(q, n) for n, q in enumerate(quiz.questions, start=1)]
        title = widgets.HTML(f"<h4>{html.escape(quiz.title)}</h4>")
        style = widgets.HTML(STYLE, layout=widgets.Layout(display="none"))
        super().__init__([style, title, *self.items])
        self.add_class("cq-widget")
        self.add_class(f"cq-quiz-{quiz.id}")

    def __getitem__(self, question_id: str) -> QuestionWidget:
        for item in self.items:
            if item.question.id == question_id:
                return item
        raise KeyError(question_id)
