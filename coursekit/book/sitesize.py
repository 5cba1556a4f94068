"""How heavy each page of the built book is, for the browser tests and the page benchmark.

A page's weight is its HTML plus the files it loads that not every page loads (its
figures, notebook styles, search index...): the theme's CSS, JavaScript and fonts,
which every page shares and a reader's browser caches once, are left out.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlparse

from coursekit.book.build import toc_pages  # re-exported: the pages a reader can open

__all__ = ["local_file", "page_weights", "toc_pages", "TIMING_JS"]

# Milliseconds from navigation start to DOMContentLoaded and to the end of the load event.
TIMING_JS = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  return {dom_content_loaded_ms: Math.round(n.domContentLoadedEventEnd), load_ms: Math.round(n.loadEventEnd)};
}"""


def local_file(book: Path, url: str) -> Path | None:
    """The file of the built book that a URL of the local server serves, if any."""
    path = unquote(urlparse(url).path).lstrip("/")
    file = book / path
    return file if path and file.is_file() else None


def page_weights(book: Path, requested: dict[str, Iterable[str]]) -> dict[str, tuple[int, list[Path]]]:
    """Per page (name -> URLs it requested): bytes of its HTML and own files, and those files."""
    files = {name: {f for f in (local_file(book, u) for u in urls) if f} for name, urls in requested.items()}
    shared = set.intersection(*files.values()) if len(files) > 1 else set()
    weights = {}
    for name in files:
        own = sorted(files[name] - shared - {book / f"{name}.html"})
        weights[name] = ((book / f"{name}.html").stat().st_size + sum(f.stat().st_size for f in own), own)
    return weights
