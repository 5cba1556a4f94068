"""Sphinx extension for the course book: pages that make no request to other hosts and pass axe-core.

Jupyter Book 1 always loads sphinx-thebe, which writes a script pointing at a CDN
(and, under Sphinx 7, writes it twice, which throws a page error). The course
offers Binder and Colab launch links instead, so thebe's hooks are removed.

For the ``singlehtml`` builder (the page ``scripts/build-pdf`` prints) Jupyter Book
sets Sphinx's HTML assets policy to "always", which makes every such page load
MathJax from a CDN although the book has no equation. The policy is set back to
"per_page", so MathJax comes only with a page that has math (none does today).

docutils writes each bibliography entry as ``<div role="doc-biblioentry">`` inside
``<div role="list">``; a list may only hold list items, so axe-core reports a
critical ``aria-required-children`` violation on the bibliography page. The entries
are given ``role="listitem"``.

The ``quiz-objectives`` directive (used in the instructor guide) tabulates which
learning objective of its chapter each question of a bank checks; an objective that
the chapter does not list stops the build, naming the bank and the question.
"""
from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.errors import ExtensionError

BIBLIOENTRY = 'role="doc-biblioentry"'


def _drop_thebe(app) -> None:
    for listeners in app.events.listeners.values():
        listeners[:] = [l for l in listeners if getattr(l.handler, "__module__", "") != "sphinx_thebe"]


def _per_page_assets(app, pagename, templatename, context, doctree) -> None:
    # Runs before sphinx.ext.mathjax's handler (priority 500) on every page.
    app.registry.html_assets_policy = "per_page"


def _list_items(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and BIBLIOENTRY in body:
        context["body"] = body.replace(BIBLIOENTRY, 'role="listitem"')


def _table(header: list[str], rows: list[list], widths: list[int]) -> nodes.table:
    """A table node; a cell is a text, or a list of texts (one paragraph each)."""
    table = nodes.table(classes=["cq-objectives"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group += [nodes.colspec(colwidth=w) for w in widths]
    for part, content in ((nodes.thead(), [header]), (nodes.tbody(), rows)):
        for cells in content:
            row = nodes.row()
            for cell in cells:
                row += nodes.entry("", *(nodes.paragraph(text=t) for t in ([cell] if isinstance(cell, str) else cell)))
            part += row
        group += part
    return table


class QuizObjectives(Directive):
    """``{quiz-objectives} chNN``: question number, kind, prompt and objective(s) of a bank."""

    required_arguments = 1
    has_content = False

    def run(self):
        from coursekit.quiz import KINDS, Quiz, QuizError
        from coursekit.quiz_lint import learning_objectives, objective_problems

        env = self.state.document.settings.env
        root = Path(env.srcdir)
        bank = root / "chapters" / "quizzes" / f"{self.arguments[0]}.yml"
        try:
            quiz = Quiz.load(bank)
            notebook, objectives = learning_objectives(quiz.id, root / "chapters")
        except QuizError as exc:
            raise ExtensionError(f"{env.docname}: quiz-objectives {self.arguments[0]}: {exc}") from None
        env.note_dependency(str(bank))
        env.note_dependency(str(notebook))
        missing = objective_problems(quiz, objectives, notebook, require=False)
        if missing:
            raise ExtensionError(f"{env.docname}: quiz-objectives {quiz.id}:\n" + "\n".join(missing))
        rows = [[str(n), KINDS[q.kind], q.prompt,
                 [f"({k}) {objectives[k - 1]}" for k in q.objective] or "(none given)"]
                for n, q in enumerate(quiz.questions, start=1)]
        return [_table(["Question", "Kind", "Prompt", "Learning objective checked"], rows, [6, 10, 42, 42])]


def setup(app):
    app.connect("builder-inited", _drop_thebe, priority=900)
    app.connect("html-page-context", _per_page_assets, priority=100)
    app.connect("html-page-context", _list_items)
    app.add_directive("quiz-objectives", QuizObjectives)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
