"""The live rendering of a :class:`~coursekit.quiz.Quiz`: ipywidgets checked in the kernel.

Kept apart from :mod:`coursekit.quiz` so that loading and checking a bank never
needs a widget library; only displaying it in a kernel does.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from coursekit.quiz import Question, Quiz, Result

__all__ = ["QuizWidget", "QuestionWidget"]


class QuestionWidget(widgets.VBox):
    """One question: prompt, answer control, a Check button and a feedback line."""

    def __init__(self, question: Question, number: int):
        self.question = question
        prompt = widgets.HTML(f"<b>{number}. {html.escape(question.prompt)}</b>")
        if question.kind == "single":
            self.control = widgets.RadioButtons(
                options=[(o.text, i) for i, o in enumerate(question.options)], value=None,
                layout=widgets.Layout(width="auto"))
        elif question.kind == "multiple":
            self.control = widgets.VBox([widgets.Checkbox(description=o.text, value=False, indent=False,
                                                          layout=widgets.Layout(width="auto"))
                                         for o in question.options])
        else:
            unit = f" ({question.unit})" if question.unit else ""
            self.control = widgets.Text(placeholder=f"a number{unit}", description="Answer:")
        self.button = widgets.Button(description="Check answer")
        self.button.on_click(lambda _: self.check())
        self.feedback = widgets.HTML("")
        source = widgets.HTML(f"<small>Source: {html.escape(question.source)}</small>")
        super().__init__([prompt, self.control, self.button, self.feedback, source],
                         layout=widgets.Layout(margin="0 0 1em 0"))

    def response(self):
        """The current answer in the form :meth:`Question.check` takes."""
        if self.question.kind == "single":
            return self.control.value
        if self.question.kind == "multiple":
            return [i for i, box in enumerate(self.control.children) if box.value]
        return self.control.value

    def check(self) -> Result:
        result = self.question.check(self.response())
        colour = "#009E73" if result.correct else "#D55E00"
        self.feedback.value = (f'<div role="status" style="border-left:4px solid {colour};padding-left:.5em">'
                               f"{html.escape(result.text)}</div>")
        return result


class QuizWidget(widgets.VBox):
    """All questions of a bank, under its title."""

    def __init__(self, quiz: Quiz):
        self.quiz = quiz
        self.items = [QuestionWidget(q, n) for n, q in enumerate(quiz.questions, start=1)]
        title = widgets.HTML(f"<h4>{html.escape(quiz.title)}</h4>")
        super().__init__([title, *self.items])

    def __getitem__(self, question_id: str) -> QuestionWidget:
        for item in self.items:
            if item.question.id == question_id:
                return item
        raise KeyError(question_id)
