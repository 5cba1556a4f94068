"""The published book as built: every page of the table of contents, nothing loaded from another
host, the static quiz (not the widget) on every chapter, alt text, a meta description on every page
and figures sized from their image files.

The book is this run's one build (``built_book`` in ``conftest.py``: the notebooks executed afresh,
``-W -n --keep-going``); these tests read its HTML without a browser. ``test_book_browser.py``
opens the same pages in Chromium.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from coursekit.book import sphinxext
from coursekit.runtime.quiz import Quiz
from helpers import BANKS, TOC_PAGES, quiz_ids


def pages(book: Path) -> list[Path]:
    return sorted(p for p in book.rglob("*.html") if "_static" not in p.parts)


def test_every_toc_page_is_built(book):
    for name in TOC_PAGES:
        assert (book / f"{name}.html").is_file(), name


def test_no_page_loads_anything_from_another_host(book):
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
            ref = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if ref:
                assert not urlparse(ref).netloc, f"{page.name}: {tag.name} loads {ref}"


def test_no_page_loads_the_icon_script(book):
    """fontawesome.js (1.5 MB) only adds custom icons; the theme's CSS draws its own icons."""
    for page in pages(book):
        assert "fontawesome.js" not in page.read_text(encoding="utf-8"), page.name


def test_chapter_pages_show_the_static_quiz_not_the_widget(book):
    soup = BeautifulSoup((book / "chapters" / "01_cancelled_visit.html").read_text(encoding="utf-8"), "html.parser")
    quiz = soup.find("div", class_="cq-quiz")
    assert quiz is not None and quiz["id"] == "cq-ch01"
    assert len(quiz.find_all("div", class_="cq-question")) == len(Quiz.load("ch01").questions)
    assert not quiz.find("form") and all(b.get("type") == "button" for b in quiz.find_all("button"))
    assert "application/vnd.jupyter.widget-view+json" not in str(soup)


def test_every_figure_has_alt_text(book):
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("main img, article img"):
            assert img.get("alt", "").strip(), f"{page.name}: image {img.get('src')} has no alt text"


def test_every_page_has_a_meta_description(book):
    """Search engines and link previews show it (Lighthouse's SEO audit asks for one)."""
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "Refresh"}) and not soup.find("body"):
            continue  # index.html: Jupyter Book's redirect to the first page, never shown
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta and meta.get("content", "").strip(), f"{page.relative_to(book)}: no <meta name=\"description\">"
    chapter = BeautifulSoup((book / "chapters" / "01_cancelled_visit.html").read_text(encoding="utf-8"), "html.parser")
    text = chapter.find("meta", attrs={"name": "description"})["content"]
    assert len(text) <= sphinxext.DESCRIPTION_CHARS and "cq-" not in text and "<" not in text


def test_every_figure_carries_its_image_files_width_and_height(book):
    """So the browser reserves a figure's place before it arrives (no layout shift)."""
    from PIL import Image

    sized = 0
    for page in pages(book):
        for img in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("main img, article img"):
            if "_images/" not in img["src"]:
                continue
            with Image.open((page.parent / img["src"]).resolve()) as im:
                assert (img.get("width"), img.get("height")) == tuple(map(str, im.size)), \
                    f"{page.relative_to(book)}: {img['src']} is not sized {im.size}"
            sized += 1
    assert sized >= 20  # the chapters' figures


def test_a_description_is_the_front_matter_else_the_first_prose_paragraph_cut_at_a_word():
    from docutils import nodes

    doc = nodes.document(None, None)
    note = nodes.note()
    note += nodes.paragraph(text="A note first, which is not the page's summary.")
    doc += note
    doc += nodes.paragraph(text="word " * 60)
    assert sphinxext.description(doc, {"description": "  Given  here. "}) == "Given here."
    text = sphinxext.description(doc, {})
    assert text.startswith("word word") and text.endswith("\u2026") and len(text) <= sphinxext.DESCRIPTION_CHARS
    assert "note" not in text


# -- the browser tests -----------------------------------------------------------
# One local server and one Debian Chromium serve every browser test. Playwright's
# asyncio API runs on a helper thread so that a few pages are worked on at once (the
# tests stay plain functions). Each page is visited once, with empty storage (as a
# first-time reader's), every request recorded and any request to another host
# aborted: load, headings and images, axe-core, a full-page screenshot, then its
# quizzes. The tests read what that visit recorded.


def test_every_question_bank_is_on_a_toc_page(book):
    shown = [quiz_id for name in TOC_PAGES for quiz_id in quiz_ids(book, name)]
    assert sorted(shown) == sorted(f"cq-{quiz_id}" for quiz_id in BANKS), "each bank must appear on exactly one page"
