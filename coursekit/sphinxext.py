"""Sphinx extension for the course book: keep every page free of requests to other hosts.

Jupyter Book 1 always loads sphinx-thebe, which writes a script pointing at a CDN
(and, under Sphinx 7, writes it twice, which throws a page error). The course
offers Binder and Colab launch links instead, so thebe's hooks are removed.
"""
from __future__ import annotations


def _drop_thebe(app) -> None:
    for listeners in app.events.listeners.values():
        listeners[:] = [l for l in listeners if getattr(l.handler, "__module__", "") != "sphinx_thebe"]


def setup(app):
    app.connect("builder-inited", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
