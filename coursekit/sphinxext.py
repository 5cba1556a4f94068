"""Sphinx extension for the course book: pages that make no request to other hosts and pass axe-core.

Jupyter Book 1 always loads sphinx-thebe, which writes a script pointing at a CDN
(and, under Sphinx 7, writes it twice, which throws a page error). The course
offers Binder and Colab launch links instead, so thebe's hooks are removed.

docutils writes each bibliography entry as ``<div role="doc-biblioentry">`` inside
``<div role="list">``; a list may only hold list items, so axe-core reports a
critical ``aria-required-children`` violation on the bibliography page. The entries
are given ``role="listitem"``.
"""
from __future__ import annotations

BIBLIOENTRY = 'role="doc-biblioentry"'


def _drop_thebe(app) -> None:
    for listeners in app.events.listeners.values():
        listeners[:] = [l for l in listeners if getattr(l.handler, "__module__", "") != "sphinx_thebe"]


def _list_items(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and BIBLIOENTRY in body:
        context["body"] = body.replace(BIBLIOENTRY, 'role="listitem"')


def setup(app):
    app.connect("builder-inited", _drop_thebe, priority=900)
    app.connect("html-page-context", _list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
