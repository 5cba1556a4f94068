"""The published book: it builds strictly, and a reader's browser can use its quizzes offline.

One build (notebooks executed afresh, ``-W -n --keep-going``) serves every test in
this module; pytest-xdist's ``--dist loadscope`` keeps them on one worker.
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from coursekit.quiz import Quiz

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """Build the book from the working tree into a fresh folder; return its html/ folder."""
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(jupyter_book), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, f"book build failed:\n{done.stdout[-6000:]}\n{done.stderr[-4000:]}"
    html = out / "_build" / "html"
    assert (html / "index.html").is_file()
    return html


def pages(book: Path) -> list[Path]:
    return sorted(p for p in book.rglob("*.html") if "_static" not in p.parts)


def test_every_toc_page_is_built(book):
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for name in files:
        assert (book / f"{name}.html").is_file(), name


def test_no_page_loads_anything_from_another_host(book):
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
            ref = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if ref:
                assert not urlparse(ref).netloc, f"{page.name}: {tag.name} loads {ref}"


def test_chapter_pages_show_the_static_quiz_not_the_widget(book):
    soup = BeautifulSoup((book / "chapters" / "01_cancelled_visit.html").read_text(encoding="utf-8"), "html.parser")
    quiz = soup.find("div", class_="cq-quiz")
    assert quiz is not None and quiz["id"] == "cq-ch01"
    assert len(quiz.find_all("form", class_="cq-question")) == len(Quiz.load("ch01").questions)
    assert "application/vnd.jupyter.widget-view+json" not in str(soup)


def test_every_figure_has_alt_text(book):
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("main img, article img"):
            assert img.get("alt", "").strip(), f"{page.name}: image {img.get('src')} has no alt text"


# -- the browser test ----------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def served(book):
    handler = functools.partial(_QuietHandler, directory=str(book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: /usr/bin/chromium is missing (scripts/run-tests installs it)")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); scripts/run-tests installs it as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.mark.browser
def test_a_reader_answers_a_quiz_wrong_then_right_offline(served, browser):
    quiz = Quiz.load("ch01")
    question = next(q for q in quiz.questions if q.kind == "single")
    wrong = next(i for i, o in enumerate(question.options) if not o.correct)
    right = next(i for i, o in enumerate(question.options) if o.correct)
    requests, failures = [], []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: failures.append(str(e)))
    # Nothing may leave this machine: requests to other hosts are recorded, then refused.
    page.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).hostname in LOCAL_HOSTS
               else route.abort())
    page.goto(f"{served}/chapters/01_cancelled_visit.html", wait_until="networkidle")

    form = page.locator(f"#cq-ch01-{question.id}")
    feedback = form.locator(".cq-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    # Keyboard only: focus the wrong option, select it with Space, submit with Enter.
    form.locator(f"#cq-ch01-{question.id}-{wrong}").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert feedback.inner_text() == question.check(wrong).text
    assert feedback.inner_text().startswith("Not quite.")
    form.locator(f"label[for='cq-ch01-{question.id}-{right}']").click()
    form.locator("button.cq-check").click()
    assert feedback.inner_text() == question.check(right).text
    assert feedback.inner_text().startswith("Correct.")

    numeric = next((q for q in quiz.questions if q.kind == "numeric"), None)
    if numeric is not None:
        box = page.locator(f"#cq-ch01-{numeric.id}-answer")
        box.fill("not a number")
        box.press("Enter")
        out = page.locator(f"#cq-ch01-{numeric.id}-feedback")
        assert out.inner_text() == numeric.check("not a number").text
        box.fill(f"{numeric.answer:g}")
        box.press("Enter")
        assert out.inner_text() == numeric.check(numeric.answer).text

    page.close()
    assert not failures, failures
    elsewhere = sorted({u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS and not u.startswith("data:")})
    assert not elsewhere, f"the page asked other hosts: {elsewhere}"
    assert any(u.endswith("01_cancelled_visit.html") for u in requests)
