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

Lighthouse (``bash benchmarks/run lighthouse``) asks two things of every page that
Sphinx does not give. A ``<meta name="description">``, which search engines show under
the title: the page's front-matter ``description`` if it has one, else its first
paragraph of prose (a notebook's first Markdown paragraph), cut at a word near 160
characters; the pages Sphinx makes (search, index) get their name and the book's title.
And ``width``/``height`` on every figure's ``<img>``, so the browser keeps the figure's
place before the image arrives instead of pushing the text down (layout shift): the
sizes are read from the image files (myst-nb writes the notebooks' figures as PNG), and
``_static/course.css`` (Jupyter Book links every CSS file of ``_static/``) keeps the
figures' proportions when they scale down with the column.

The ``quiz-objectives`` directive (used in the instructor guide) tabulates which
learning objective of its chapter each question of a bank checks; an objective that
the chapter does not list stops the build, naming the bank and the question.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.errors import ExtensionError

BIBLIOENTRY = 'role="doc-biblioentry"'
DESCRIPTION_CHARS = 160
SPHINX_PAGES = {"search": "Search", "genindex": "Index"}
# Prose that is not the page's own opening: notes, boxes, tables, captions, code cells' output.
NOT_OPENING = (nodes.Admonition, nodes.sidebar, nodes.topic, nodes.table, nodes.caption, nodes.footnote,
               nodes.citation, nodes.field_list, nodes.container, nodes.block_quote)
IMG = re.compile(r'<img\b[^>]*>')
SRC = re.compile(r'\ssrc="([^"]+)"')


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


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def description(doctree, metadata: dict) -> str:
    """The page's summary: front matter ``description``, else its first paragraph of prose."""
    text = str(metadata.get("description", "")).strip()
    if not text and doctree is not None:
        text = next((para.astext() for para in doctree.findall(nodes.paragraph)
                     if para.astext().strip() and not any(isinstance(a, NOT_OPENING) for a in _ancestors(para))), "")
    text = " ".join(text.split())
    if len(text) > DESCRIPTION_CHARS:
        text = text[:DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return text


def _meta_description(app, pagename, templatename, context, doctree) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return  # the page's own (MyST front matter html_meta)
    text = description(doctree, app.env.metadata.get(pagename, {}) if pagename in app.env.all_docs else {})
    if not text:  # a page Sphinx makes (its template sets the title): its name and the book's title
        name = context.get("title") or SPHINX_PAGES.get(pagename, pagename)
        text = f"{name}: {context.get('docstitle') or app.config.project}"
    context["metatags"] = f'{metatags}\n<meta name="description" content="{html.escape(text)}" />'


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height in pixels of a PNG, JPEG or GIF (None for other files, e.g. SVG)."""
    try:
        from PIL import Image

        with Image.open(path) as image:
            return image.size
    except Exception:  # not an image Pillow reads: leave the tag as it is
        return None


def _image_sizes(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if not body or "<img" not in body:
        return
    # The builder's images: source file (relative to the source folder) -> name in _images/.
    sources = {name: Path(app.srcdir, src) for src, name in getattr(app.builder, "images", {}).items()}
    page_dir = posixpath.dirname(app.builder.get_target_uri(pagename))

    def sized(match: re.Match) -> str:
        tag = match.group(0)
        src = SRC.search(tag)
        if " width=" in tag or " height=" in tag or not src or "://" in src.group(1):
            return tag
        rel = posixpath.normpath(posixpath.join(page_dir, html.unescape(src.group(1))))
        images = app.builder.imagedir + "/"
        file = sources.get(rel[len(images):]) if rel.startswith(images) else Path(app.outdir, rel)
        size = image_size(file) if file and file.is_file() else None
        if not size:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return f'{tag[:-len(end)].rstrip()} width="{size[0]}" height="{size[1]}" {end}'

    context["body"] = IMG.sub(sized, body)


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
        from coursekit.runtime.quiz import KINDS, Quiz, QuizError
        from coursekit.book.quiz_lint import learning_objectives, objective_problems

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
    app.connect("html-page-context", _meta_description)
    app.connect("html-page-context", _image_sizes)
    app.add_directive("quiz-objectives", QuizObjectives)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
