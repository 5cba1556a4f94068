"""The published book in a reader's browser: every page works offline.

The book is this run's one build (``built_book`` in ``conftest.py``, shared with
``test_book_build.py``, ``test_launch.py`` and the chapters' output check). pytest-xdist's
``--dist loadscope`` keeps this module on one worker. The tests share one local server and one Debian
Chromium. For every page in ``_toc.yml``: no failed request, no request to another
host, no console error; axe-core (``package-lock.json``, installed by ``npm ci``) finds
no serious or critical violation; every image has alt text; headings are in order; a
full-page screenshot goes to ``_build/screenshots/book/`` (with ``report.json``: sizes, load
times, axe counts; the folder is printed at the end of the run). Every quiz question
is answered wrong and right, by keyboard alone, and must show the bank's feedback
(:meth:`Question.check`). The built-in search finds each chapter by a word only it uses.
"""
from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import functools
import http.server
import json
import re
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from clients import CHROMIUM, require_chromium
from coursekit.runtime.quiz import Quiz
from coursekit.book.sitesize import TIMING_JS, local_file, page_weights
from helpers import BANKS, ROOT, TOC_PAGES, quiz_ids

LOCAL_HOSTS = {"127.0.0.1", "localhost"}

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MAX_SHOT_HEIGHT = 30_000  # pixels of a page's screenshot (a JPEG cannot be taller than 65,535)
SCREENSHOTS = ROOT / "_build" / "screenshots" / "book"  # jupyterlab/ and notebook7/ beside it are test_jupyterlab.py's
CONCURRENT_PAGES = 3
VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
BLOCKING = ("serious", "critical")
IMPACTS = ("critical", "serious", "moderate", "minor")

# axe-core violations accepted on named elements only, as
#   name: (rule id, CSS selector the offending element must match, reason).
# Keep it empty unless a violation comes from code the course cannot change. An entry
# that matches nothing any more fails test_every_accepted_axe_violation_still_occurs.
AXE_ACCEPTED: dict[str, tuple[str, str, str]] = {}


CHAPTERS = [name for name in TOC_PAGES if name.startswith("chapters/")]
browser_test = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def log_request(self, code="-", size="-"):
        # Every answer the browser got an error for, including requests it makes on its own
        # (a page's favicon), which Playwright does not report.
        if isinstance(code, int) and code >= 400:
            self.server.errors.append(f"{self.path} (HTTP {int(code)})")


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser closed a page mid-answer
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def server(book):
    httpd = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(book)))
    httpd.errors = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def served(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


_FIELDS = ("requests", "foreign", "failed", "console_errors", "page_errors")


@dataclass
class Traffic:
    """What one page asked for and reported."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        parts = urlparse(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.origin and parts.hostname in LOCAL_HOSTS

    def watch(self, page) -> None:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("websocket", lambda ws: self.foreign.append(ws.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})") if self.is_local(r.url) else None)
        page.on("response", lambda r: self.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
        page.on("console", lambda m: self.console_errors.append(f"{m.text} [{m.location.get('url', '')}]")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def copy(self) -> Traffic:
        return Traffic(self.origin, *(list(getattr(self, f)) for f in _FIELDS))

    def since(self, earlier: Traffic) -> Traffic:
        return Traffic(self.origin, *(getattr(self, f)[len(getattr(earlier, f)):] for f in _FIELDS))

    def errors(self) -> list[str]:
        return [f"console error: {m}" for m in self.console_errors] + [f"page error: {m}" for m in self.page_errors]

    def request_problems(self) -> list[str]:
        return ([f"asked another host: {u}" for u in sorted(set(self.foreign))]
                + [f"failed request: {u}" for u in self.failed])


@dataclass
class QuizRun:
    quizzes: list[str]
    responses: int
    traffic: Traffic
    violations: list[dict]


@dataclass
class PageAudit:
    name: str
    traffic: Traffic  # while loading, auditing and taking the screenshot
    timing: dict
    axe: dict
    dom: dict
    screenshot: Path
    quiz: QuizRun | None = None
    quiz_error: BaseException | None = None


@dataclass
class SearchRun:
    term: str
    summary: str
    results: list[str]
    traffic: Traffic


# Keyboard focus, logged as it moves: an element's id, or "<question id>:check" for a Check button.
_FOCUS_LOG_JS = """() => {
  if (window.cqFocusLog) return;
  window.cqFocusLog = [];
  document.addEventListener('focusin', event => {
    const e = event.target;
    const question = e.closest('.cq-question');
    window.cqFocusLog.push(e.id || (e.classList.contains('cq-check') && question ? question.id + ':check'
      : e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')));
  });
}"""

_TAKE_FOCUS_LOG_JS = """id => {
  const box = document.getElementById(id).querySelector('.cq-feedback');
  return {log: window.cqFocusLog.splice(0), feedback: [box.textContent, box.className]};
}"""

_FEEDBACK_JS = """id => { const box = document.getElementById(id).querySelector('.cq-feedback');
                          return [box.textContent, box.className]; }"""

# Set a question's inputs as a response would, press its Check button, and read the
# feedback; cases are [question id, ticked options (authoring indices: each input's value)
# or typed text].
_SUBMIT_JS = """cases => cases.map(([id, response]) => {
  const question = document.getElementById(id);
  const inputs = [...question.querySelectorAll('input')];
  if (typeof response === 'string') inputs[0].value = response;
  else inputs.forEach(el => { el.checked = response.includes(Number(el.value)); });
  const box = question.querySelector('.cq-feedback');
  box.textContent = '';
  box.className = 'cq-feedback';
  question.querySelector('button.cq-check').click();
  return [box.textContent, box.className];
})"""

_QUIZ_QUESTIONS_JS = """id => [...document.getElementById(id).querySelectorAll('.cq-question')].map(f => {
  const box = f.querySelector('.cq-feedback');
  return {id: f.id, kind: f.dataset.kind, inputs: f.querySelectorAll('input').length,
          live: box && box.getAttribute('aria-live'), role: box && box.getAttribute('role')};
})"""

# What the page shows a reader: headings and images as assistive technology meets them
# (a heading that is not rendered, or is aria-hidden, is not announced), the quizzes, and
# the words of the article (without scripts and styles) and of its prose paragraphs.
_DOM_JS = """() => {
  const shown = e => e.checkVisibility({visibilityProperty: true}) && !e.closest('[aria-hidden="true"]');
  const level = h => /^H[1-6]$/.test(h.tagName) && !h.hasAttribute('aria-level') ? Number(h.tagName[1])
                                                                                  : Number(h.getAttribute('aria-level') || 2);
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(shown).map(h => ({
    level: level(h), text: h.textContent.replace(/[\\s#¶]+$/, '').replace(/\\s+/g, ' ').trim().slice(0, 80),
    id: (h.closest('[id]') || {}).id || ''}));
  const images = [...document.querySelectorAll('img')].map(i => ({src: i.getAttribute('src'), alt: i.getAttribute('alt')}));
  const article = document.querySelector('article.bd-article') || document.querySelector('[role="main"]') || document.body;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT,
    {acceptNode: t => t.parentElement.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const text = [];
  while (walker.nextNode()) text.push(walker.currentNode.data);
  const prose = [...article.querySelectorAll('p')].filter(p => !p.closest('.cell_output, .cq-quiz')).map(p => p.textContent);
  return {title: document.title, headings, images, quizzes: [...document.querySelectorAll('.cq-quiz')].map(q => q.id),
          text: text.join(' '), prose: prose.join(' ')};
}"""

_TIMING_JS = TIMING_JS

# Every radio button and checkbox of the page's quizzes: its box, its label's box and the
# label's first line (the first box of the label's text).
_OPTION_LAYOUT_JS = """() => [...document.querySelectorAll('.cq-quiz .cq-option')].flatMap(option => {
  const input = option.querySelector('input[type=radio], input[type=checkbox]');
  if (!input) return [];
  const label = option.querySelector('label');
  const text = document.createRange();
  text.selectNodeContents(label);
  const box = r => [r.left, r.top, r.right, r.bottom].map(x => Math.round(x * 10) / 10);
  const first = text.getClientRects()[0] || label.getBoundingClientRect();
  return [{id: input.id, text: label.textContent.slice(0, 50), input: box(input.getBoundingClientRect()),
           label: box(label.getBoundingClientRect()), line: box(first), lines: text.getClientRects().length}];
})"""

# Run axe-core (the rules it enables by default) and list every offending node, with its
# own impact and the AXE_ACCEPTED entry (if any) that covers it.
_AXE_JS = """async ([scope, accepted]) => {
  const result = await axe.run(scope ? {include: [scope]} : document, {resultTypes: ['violations']});
  const nodes = [];
  for (const v of result.violations) for (const n of v.nodes) {
    const el = n.target.length === 1 && typeof n.target[0] === 'string' ? document.querySelector(n.target[0]) : null;
    const hit = accepted.find(([name, rule, selector]) => rule === v.id && el && el.matches(selector));
    nodes.push({rule: v.id, impact: n.impact || v.impact, help: v.help, target: n.target.map(String).join(' >>> '),
                html: n.html.replace(/\\s+/g, ' ').slice(0, 160), accepted: hit ? hit[0] : null});
  }
  return {version: axe.version, nodes};
}"""

_SEARCH_DONE_JS = """() => {
  const s = document.querySelector('#search-results .search-summary');
  return !!s && /^(Search finished|Your search did not match)/.test(s.textContent.trim());
}"""


class _Loop:
    """An asyncio event loop on a helper thread; the synchronous tests hand it coroutines."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="browser-tests", daemon=True)
        self.thread.start()

    def submit(self, coro) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro, timeout: float = 600):
        return self.submit(coro).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        self.loop.close()


class Site:
    """The served book in one Chromium; each page is visited (audited) once."""

    def __init__(self, book: Path, origin: str, wanted: set[str]):
        self.book, self.origin, self.wanted = book, origin, wanted
        self.runner = _Loop()
        self.audits: dict[str, concurrent.futures.Future] = {}
        self.searches: dict[str, concurrent.futures.Future] = {}
        self.measured: dict = {}
        self.browser = self.playwright = None

    def start(self) -> None:
        from playwright.async_api import async_playwright

        async def launch():
            self.playwright = await async_playwright().start()
            self.browser = await self.playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            self.pool = asyncio.Queue()
            for _ in range(CONCURRENT_PAGES):
                self.pool.put_nowait(await self.new_context())

        self.runner.run(launch())

    def stop(self) -> None:
        for future in [*self.audits.values(), *self.searches.values()]:
            future.cancel()

        async def close():
            if self.browser is not None:
                await self.browser.close()
            if self.playwright is not None:
                await self.playwright.stop()

        try:
            self.runner.run(close(), timeout=60)
        finally:
            self.runner.close()

    def url(self, name: str) -> str:
        return f"{self.origin}/{name}.html"

    def run(self, coro, timeout: float = 600):
        return self.runner.run(coro, timeout)

    def visit_wanted_pages(self) -> None:
        """Start the visits of every page the session's tests want (a few run at once)."""
        for name in TOC_PAGES:
            if name in self.wanted and name not in self.audits:
                self.audits[name] = self.runner.submit(self._audit(name))

    def audit(self, name: str) -> PageAudit:
        """The page's visit (started now if no test was known to want it)."""
        if name not in self.audits:
            self.audits[name] = self.runner.submit(self._audit(name))
        return self.audits[name].result(timeout=600)

    def all_audits(self) -> dict[str, PageAudit]:
        for name in TOC_PAGES:
            if name not in self.audits:
                self.audits[name] = self.runner.submit(self._audit(name))
        return {name: self.audit(name) for name in TOC_PAGES}

    def finished_audits(self) -> dict[str, PageAudit]:
        return {name: f.result() for name, f in self.audits.items()
                if f.done() and not f.cancelled() and f.exception() is None}

    def search(self, name: str) -> SearchRun:
        """Search for the chapter's own word (the first call starts every wanted chapter's search)."""
        if name not in self.searches:
            words = {other: audit.dom for other, audit in self.all_audits().items()}
            for other in CHAPTERS:
                if (other in self.wanted or other == name) and other not in self.searches:
                    self.searches[other] = self.runner.submit(self._search(search_term(words, other)))
        return self.searches[name].result(timeout=600)

    # -- visits ------------------------------------------------------------------
    async def new_context(self, viewport: dict = VIEWPORT):
        context = await self.browser.new_context(viewport=viewport, color_scheme="light", reduced_motion="reduce",
                                                 service_workers="block")
        context.set_default_timeout(30_000)
        # Every page starts with empty storage, as on a first visit (the theme keeps state there).
        await context.add_init_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
        return context

    async def watch(self, page) -> Traffic:
        traffic = Traffic(self.origin)

        async def elsewhere(route):
            # Nothing may leave this machine: requests to other hosts are recorded, then refused.
            traffic.foreign.append(route.request.url)
            await route.abort("blockedbyclient")

        await page.route(re.compile(rf"^(?!{re.escape(self.origin)}/|data:|blob:|about:)"), elsewhere)
        traffic.watch(page)
        return traffic

    @contextlib.asynccontextmanager
    async def visit(self):
        """A page in one of a few contexts that take one page at a time (and keep their HTTP
        cache, which makes the visits cheaper); its traffic recorded."""
        context = await self.pool.get()
        try:
            page = await context.new_page()
            try:
                yield page, await self.watch(page)
            finally:
                await page.close()
        finally:
            self.pool.put_nowait(context)

    async def open(self, viewport: dict = VIEWPORT):
        """A page in a context of its own (nothing cached), its traffic recorded."""
        context = await self.new_context(viewport)
        page = await context.new_page()
        return context, page, await self.watch(page)

    async def axe(self, page, scope: str | None = None) -> dict:
        if not await page.evaluate("() => typeof axe !== 'undefined'"):
            await page.add_script_tag(path=str(AXE_JS))  # its text goes into the page: no request
        accepted = [[name, rule, selector] for name, (rule, selector, _) in AXE_ACCEPTED.items()]
        return await page.evaluate(_AXE_JS, [scope, accepted])

    async def _audit(self, name: str) -> PageAudit:
        async with self.visit() as (page, traffic):
            await page.goto(self.url(name), wait_until="load")
            timing = await page.evaluate(_TIMING_JS)
            dom = await page.evaluate(_DOM_JS)
            axe = await self.axe(page)
            shot = SCREENSHOTS / f"{name}.jpg"
            shot.parent.mkdir(parents=True, exist_ok=True)
            # JPEG holds at most 65,535 rows, and the instructor guide is taller than that: keep the top.
            width, height = await page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            clip = {"x": 0, "y": 0, "width": width, "height": MAX_SHOT_HEIGHT} if height > MAX_SHOT_HEIGHT else None
            await page.screenshot(path=shot, full_page=True, clip=clip, type="jpeg", quality=85,
                                  animations="disabled", caret="hide")
            await page.wait_for_load_state("networkidle")
            audit = PageAudit(name, traffic.copy(), timing, axe, dom, shot)
            if dom["quizzes"]:
                try:
                    audit.quiz = await self._answer_quizzes(page, name, dom["quizzes"], traffic)
                except Exception as exc:  # reported by the quiz test; the audit stands
                    audit.quiz_error = exc
        return audit

    async def _answer_quizzes(self, page, name: str, ids: list[str], traffic: Traffic) -> QuizRun:
        before = traffic.copy()
        violations, checked = [], 0
        for quiz_id in ids:
            bank, where = BANKS[quiz_id.removeprefix("cq-")], f"{name}.html #{quiz_id}"
            # Following a link to the quiz (same page, new fragment) puts the keyboard's
            # starting point there; from then on only keys are pressed.
            await page.evaluate("() => document.activeElement && document.activeElement.blur()")
            await page.goto(f"{self.url(name)}#{quiz_id}")
            await check_quiz_markup(page, bank, where)
            await answer_by_keyboard(page, bank, where)
            checked += await answer_every_response(page, bank, where)
            await answer_by_pointer(page, bank, where)
            # With feedback showing, the quiz must still pass axe.
            violations += (await self.axe(page, f"#{quiz_id}"))["nodes"]
        return QuizRun(ids, checked, traffic.since(before), violations)

    async def _search(self, term: str) -> SearchRun:
        async with self.visit() as (page, traffic):
            await page.goto(f"{self.origin}/search.html?q={quote(term)}", wait_until="load")
            await page.wait_for_function(_SEARCH_DONE_JS)
            summary = (await page.text_content("#search-results .search-summary")).strip()
            results = await page.evaluate(
                "() => [...document.querySelectorAll('#search-results ul.search li a')].map(a => new URL(a.href).pathname)")
        return SearchRun(term, summary, results, traffic)

    async def time_load(self, name: str) -> float:
        """Seconds from navigation start to the load event, for a first-time reader (no cache)."""
        context, page, _ = await self.open()
        try:
            await page.goto(self.url(name), wait_until="load")
            return (await page.evaluate(_TIMING_JS))["load_ms"] / 1000
        finally:
            await context.close()


@pytest.fixture(scope="module")
def site(book, served, request):
    require_chromium("the browser test")
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci --no-audit --no-fund` "
                    "(scripts/run-tests does it when node_modules/axe-core is missing)")
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    here = request.node.path
    selected = [item for item in request.session.items if getattr(item, "path", None) == here]
    wanted = {item.callspec.params["name"] for item in selected
              if "name" in getattr(getattr(item, "callspec", None), "params", {})}
    site = Site(book, served, wanted)
    site.start()
    site.visit_wanted_pages()
    try:
        yield site
    finally:
        try:
            report = write_report(site)
        finally:
            site.stop()
        _tell(request.config, report)


# -- what a reader's keyboard and pointer do with a quiz ----------------------------
def _number(x: float) -> str:
    return format(x, ".12g")


def _shown(result) -> list[str]:
    """The feedback box's text and class for a :class:`Result`."""
    return [result.text, "cq-feedback " + ("cq-right" if result.correct else "cq-wrong")]


def responses(q) -> list:
    """Every response worth checking: each option alone, wrong and right sets, numbers around the range."""
    n = len(q.options)
    right = [i for i, o in enumerate(q.options) if o.correct]
    wrong = [i for i, o in enumerate(q.options) if not o.correct]
    if q.kind == "single":
        return [None, *range(n)]
    if q.kind == "multiple":
        cases = [[], *([i] for i in range(n)), right, right[:-1], sorted(right + wrong[:1]), list(range(n))]
        return [c for k, c in enumerate(cases) if c not in cases[:k]]
    step = abs(q.answer) * 0.5 or 1.0
    return ["", "about twelve", _number(q.answer - q.tolerance - step), _number(q.answer + q.tolerance + step),
            _number(q.answer), _number(q.answer - q.tolerance), _number(q.answer + q.tolerance)]


async def check_quiz_markup(page, bank: Quiz, where: str) -> None:
    forms = await page.evaluate(_QUIZ_QUESTIONS_JS, f"cq-{bank.id}")
    assert [f["id"] for f in forms] == [f"cq-{bank.id}-{q.id}" for q in bank.questions], f"{where}: questions differ"
    for form, q in zip(forms, bank.questions):
        assert form["kind"] == q.kind, f"{where}: {form['id']} is {form['kind']}, the bank says {q.kind}"
        assert form["inputs"] == (1 if q.kind == "numeric" else len(q.options)), f"{where}: {form['id']} inputs"
        assert (form["live"], form["role"]) == ("polite", "status"), f"{where}: {form['id']} feedback is not announced"


async def answer_by_keyboard(page, bank: Quiz, where: str) -> None:
    """The whole quiz with keys alone (Tab, arrows, Space, typing, Enter), each question answered right.

    Focus must move in reading order: a question's options (a radio group is one stop;
    its arrow keys move and select), then its Check button, then the next question;
    after the last question, Tab leaves the quiz.
    """
    await page.evaluate(_FOCUS_LOG_JS)
    for q in bank.questions:
        fid = f"cq-{bank.id}-{q.id}"
        right = [i for i, o in enumerate(q.options) if o.correct]
        if q.kind == "single":
            # Options in displayed order; each option's id ends with its authoring index.
            response, position = right[0], q.order.index(right[0])
            keys = ["Tab", *(["ArrowDown"] * position or ["Space"]), "Tab", "Enter"]
            focus = [f"{fid}-{i}" for i in q.order[:position + 1]] + [f"{fid}:check"]
        elif q.kind == "multiple":
            response, keys, focus = right, [], []
            for i in q.order:
                keys += ["Tab", "Space"] if i in right else ["Tab"]
                focus.append(f"{fid}-{i}")
            keys += ["Tab", "Enter"]
            focus.append(f"{fid}:check")
        else:
            response = _number(q.answer)
            keys = ["Tab", *response, "Enter", "Tab"]  # type the number, submit, move on to Check
            focus = [f"{fid}-answer", f"{fid}:check"]
        for key in keys:
            await page.keyboard.press(key)
        state = await page.evaluate(_TAKE_FOCUS_LOG_JS, fid)
        here = f"{where} question {q.id!r} (keyboard: {' '.join(keys)})"
        assert state["log"] == focus, f"{here}: the focus went {state['log']}, expected {focus}"
        assert state["feedback"] == _shown(q.check(response)), f"{here}: feedback {state['feedback']}"
    await page.keyboard.press("Tab")
    left = await page.evaluate("id => !document.getElementById(id).contains(document.activeElement)", f"cq-{bank.id}")
    assert left, f"{where}: Tab after the last question keeps the focus inside the quiz"


async def answer_every_response(page, bank: Quiz, where: str) -> int:
    """Each question, wrong and right (see :func:`responses`), through its own Check button."""
    cases = [(q, r) for q in bank.questions for r in responses(q)]
    shown = await page.evaluate(_SUBMIT_JS, [
        [f"cq-{bank.id}-{q.id}", r if isinstance(r, str) else [] if r is None else [r] if isinstance(r, int) else r]
        for q, r in cases])
    wrong = [f"question {q.id!r}, response {r!r}: shows {got}, expected {_shown(q.check(r))}"
             for (q, r), got in zip(cases, shown) if got != _shown(q.check(r))]
    assert not wrong, f"{where}:\n  " + "\n  ".join(wrong)
    return len(cases)


def option_label(question, text: str):
    """The label whose whole text is ``text`` inside a question (a Playwright locator)."""
    return question.locator("label").filter(has_text=re.compile(r"^\s*" + re.escape(text) + r"\s*$"))


async def answer_by_pointer(page, bank: Quiz, where: str) -> None:
    """The first question of each kind with the pointer: clicks on labels (found by the option's
    text), then on Check."""
    for kind in ("single", "multiple", "numeric"):
        q = next((q for q in bank.questions if q.kind == kind), None)
        if q is None:
            continue
        fid = f"cq-{bank.id}-{q.id}"
        button = f'[id="{fid}"] button.cq-check'
        right = [i for i, o in enumerate(q.options) if o.correct]
        tries = []
        if kind == "single":
            wrong = next(i for i, o in enumerate(q.options) if not o.correct)
            for choice in (wrong, right[0]):
                await option_label(page.locator(f'[id="{fid}"]'), q.options[choice].text).click()
                await page.click(button)
                tries.append((choice, await page.evaluate(_FEEDBACK_JS, fid)))
        elif kind == "multiple":
            for i in range(len(q.options)):
                if await page.is_checked(f'[id="{fid}"] input[value="{i}"]') != (i in right):
                    await option_label(page.locator(f'[id="{fid}"]'), q.options[i].text).click()
            await page.click(button)
            tries.append((right, await page.evaluate(_FEEDBACK_JS, fid)))
        else:
            text = _number(q.answer)
            await page.click(f'label[for="{fid}-answer"]')
            await page.fill(f'[id="{fid}-answer"]', text)
            await page.click(button)
            tries.append((text, await page.evaluate(_FEEDBACK_JS, fid)))
        for response, got in tries:
            assert got == _shown(q.check(response)), f"{where} question {q.id!r} (pointer, {response!r}): {got}"


# -- the search term --------------------------------------------------------------------
def search_term(pages: dict[str, dict], name: str) -> str:
    """A word of this chapter's prose that no other page uses, not even in another form.

    `pages` maps every page to its visit's text (the article as built, without scripts
    and styles). Sphinx's search stems words (Porter, as ``snowballstemmer`` does), so the
    word's stem must be unique to the chapter too.
    """
    import snowballstemmer

    stem = snowballstemmer.stemmer("porter").stemWord
    elsewhere = set().union(*(re.findall(r"[a-z]+", dom["text"].lower()) for other, dom in pages.items()
                              if other != name))
    prose = collections.Counter(re.findall(r"\b[a-z]{7,}\b", pages[name]["prose"].lower()))

    def unique(word: str) -> bool:
        if word in elsewhere:
            return False
        root = stem(word)  # a word with the same stem starts with most of it (Porter rewrites endings only)
        return all(stem(w) != root for w in elsewhere if w.startswith(root[:max(3, len(root) - 4)]))

    for word in sorted(prose, key=lambda w: (-prose[w], w)):
        if unique(word):
            return word
    raise AssertionError(f"{name}: no word of its prose is unique to it")


# -- the report -------------------------------------------------------------------------
def loaded_files(book: Path, audit: PageAudit) -> set[Path]:
    return {f for f in (local_file(book, u) for u in audit.traffic.requests) if f}


def weights_of(book: Path, audits: dict[str, PageAudit]) -> dict[str, tuple[int, list[Path]]]:
    return page_weights(book, {name: a.traffic.requests for name, a in audits.items()})


def write_report(site: Site) -> dict:
    """Sizes, load times and axe counts of the pages visited, to report.json beside the screenshots."""
    audits = site.finished_audits()
    report = {"screenshots": str(SCREENSHOTS), "pages": {}}
    if not audits:
        return report
    weights = weights_of(site.book, audits)
    for name in [n for n in TOC_PAGES if n in audits]:
        a, html = audits[name], site.book / f"{name}.html"
        report["pages"][name] = {
            "html_bytes": html.stat().st_size,
            "own_asset_bytes": weights[name][0] - html.stat().st_size,
            "own_assets": [str(f.relative_to(site.book)) for f in weights[name][1]],
            "all_bytes": sum(f.stat().st_size for f in loaded_files(site.book, a)),
            "requests": len(a.traffic.requests),
            "load_ms_while_visiting": a.timing["load_ms"],
            "axe": {impact: {"rules": len({n["rule"] for n in a.axe["nodes"] if n["impact"] == impact}),
                             "nodes": sum(n["impact"] == impact for n in a.axe["nodes"])} for impact in IMPACTS},
            "axe_violations": [{k: n[k] for k in ("rule", "impact", "target", "accepted")} for n in a.axe["nodes"]],
            "quiz_responses_checked": a.quiz.responses if a.quiz else 0,
            "screenshot": str(a.screenshot),
        }
    report.update(axe_core=next(iter(audits.values())).axe["version"], viewport=VIEWPORT,
                  largest=site.measured.get("largest"))
    (SCREENSHOTS / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _tell(config, report: dict) -> None:
    """Print where the screenshots are, and the measurements, past pytest's output capture."""
    pages = report["pages"]
    lines = [f"browser tests: {len(pages)} page screenshots and report.json in {report['screenshots']}"]
    if pages:
        width = max(len(name) for name in pages)
        lines.append(f"  {'page':{width}}  HTML kB  own assets kB  load ms  axe nodes critical/serious/moderate/minor")
        for name, p in pages.items():
            axe = "/".join(str(p["axe"][i]["nodes"]) for i in IMPACTS)
            lines.append(f"  {name:{width}}  {p['html_bytes'] / 1000:7.0f}  {p['own_asset_bytes'] / 1000:13.0f}  "
                         f"{p['load_ms_while_visiting']:7}  {axe}")
        lines.append("  (load ms: while up to %d pages were being visited at once)" % CONCURRENT_PAGES)
    largest = report.get("largest")
    if largest:
        lines.append(f"  largest page: {largest['name']}, {largest['bytes'] / 1000:.0f} kB (HTML and its own assets); "
                     f"load event after {largest['load_ms']} ms (median of {largest['runs']} cold loads, alone)")
    capture = config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        sys.stderr.write("\n" + "\n".join(lines) + "\n")
        sys.stderr.flush()


# -- the tests ---------------------------------------------------------------------------
@browser_test
def test_a_reader_answers_a_quiz_wrong_then_right_offline(site):
    quiz = Quiz.load("ch01")
    question = next(q for q in quiz.questions if q.kind == "single")
    wrong = next(i for i, o in enumerate(question.options) if not o.correct)
    right = next(i for i, o in enumerate(question.options) if o.correct)
    numeric = next((q for q in quiz.questions if q.kind == "numeric"), None)

    async def reader():
        context, page, traffic = await site.open()
        try:
            await page.goto(site.url("chapters/01_cancelled_visit"), wait_until="networkidle")
            form = page.locator(f"#cq-ch01-{question.id}")
            feedback = form.locator(".cq-feedback")
            assert await feedback.get_attribute("aria-live") == "polite"
            # Options are found by value (the authoring index) and by text, never by position.
            # Keyboard only: focus the wrong option, select it with Space, check with Enter.
            await form.locator(f"input[value='{wrong}']").focus()
            await page.keyboard.press("Space")
            await page.keyboard.press("Enter")
            assert await feedback.inner_text() == question.check(wrong).text
            assert (await feedback.inner_text()).startswith("Not quite.")
            assert page.url.endswith("01_cancelled_visit.html"), page.url  # nothing submitted or navigated
            await option_label(form, question.options[right].text).click()
            await form.locator("button.cq-check").click()
            assert await feedback.inner_text() == question.check(right).text
            assert (await feedback.inner_text()).startswith("Correct.")
            if numeric is not None:
                box = page.locator(f"#cq-ch01-{numeric.id}-answer")
                out = page.locator(f"#cq-ch01-{numeric.id}-feedback")
                await box.fill("not a number")
                await box.press("Enter")
                assert await out.inner_text() == numeric.check("not a number").text
                await box.fill(f"{numeric.answer:g}")
                await box.press("Enter")
                assert await out.inner_text() == numeric.check(numeric.answer).text
        finally:
            await context.close()
        return traffic

    traffic = site.run(reader())
    assert not traffic.page_errors, traffic.page_errors
    elsewhere = sorted({u for u in traffic.requests + traffic.foreign if not traffic.is_local(u)})
    assert not elsewhere, f"the page asked other hosts: {elsewhere}"
    assert any(u.endswith("01_cancelled_visit.html") for u in traffic.requests)


@browser_test
def test_quiz_controls_sit_beside_their_labels_on_a_phone(site):
    """At a 390x844 viewport each radio button and checkbox is left of its label and level with
    the label's first line (not alone on a line above a wrapped label)."""
    async def measure(name):
        context, page, _ = await site.open(PHONE)
        try:
            await page.goto(site.url(name), wait_until="load")
            return await page.evaluate(_OPTION_LAYOUT_JS)
        finally:
            await context.close()

    problems, wrapped, seen = [], 0, 0
    for name in CHAPTERS:
        for o in site.run(measure(name)):
            seen += 1
            wrapped += o["lines"] > 1
            (_, it, ir, ib), (ll, _, _, _), (_, ft, _, fb) = o["input"], o["label"], o["line"]
            where = f"{name}.html #{o['id']} ({o['text']!r}): control {o['input']}, label {o['label']}, first line {o['line']}"
            if ir > ll + 0.5:
                problems.append(f"{where}: the control is not left of its label")
            if it < ft - 2 or ib > fb + 2:
                problems.append(f"{where}: the control is not level with the label's first line")
    assert seen >= sum(len(q.options) for b in BANKS.values() for q in b.questions if q.kind != "numeric")
    assert wrapped, "no label wrapped at 390 px: the test would not catch a control pushed above its label"
    assert not problems, _listed(f"quiz options at {PHONE['width']}x{PHONE['height']}", problems)


@browser_test
def test_the_theme_icons_are_drawn_without_the_icon_script(site):
    """Launch, download, full-screen and colour-mode buttons show their icons from the webfont."""
    async def icons():
        context, page, _ = await site.open()
        try:
            await page.goto(site.url("chapters/01_cancelled_visit"), wait_until="load")
            await page.evaluate("document.fonts.ready")
            return await page.evaluate("""() => [...document.querySelectorAll('.article-header-buttons i[class*="fa-"]')]
              .filter(i => i.checkVisibility()).map(i => {
                const before = getComputedStyle(i, '::before');
                return {cls: i.className, content: before.content, font: before.fontFamily,
                        loaded: document.fonts.check('900 16px "' + before.fontFamily.split(',')[0].replace(/"/g, '') + '"'),
                        width: i.getBoundingClientRect().width};
              })""")
        finally:
            await context.close()

    found = site.run(icons())
    assert len(found) >= 3, found
    for icon in found:
        assert icon["content"] not in ("none", "normal", '""') and "Font Awesome" in icon["font"], icon
        assert icon["loaded"] and icon["width"] > 0, icon


def _listed(title: str, problems: list[str]) -> str:
    return f"{title}:\n  " + "\n  ".join(problems)


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_loads_everything_from_this_server(site, name):
    problems = site.audit(name).traffic.request_problems()
    assert not problems, _listed(f"{name}.html", problems)


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_logs_no_console_error(site, name):
    errors = site.audit(name).traffic.errors()
    assert not errors, _listed(f"{name}.html", errors)


def _blocking(nodes: list[dict]) -> list[str]:
    return [f"{n['rule']} ({n['impact']}: {n['help']}) at {n['target']}: {n['html']}"
            for n in nodes if n["impact"] in BLOCKING and not n["accepted"]]


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_has_no_serious_or_critical_axe_violation(site, name):
    found = _blocking(site.audit(name).axe["nodes"])
    assert not found, _listed(f"{name}.html, axe-core", found)


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_images_have_alt_text(site, name):
    missing = [i["src"] for i in site.audit(name).dom["images"] if not (i["alt"] or "").strip()]
    assert not missing, f"{name}.html: images without alt text: {missing}"


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_headings_are_in_order(site, name):
    """Exactly one h1; going down, no level is skipped (h2 may follow h4, h4 may not follow h2)."""
    headings = site.audit(name).dom["headings"]
    outline = "\n  ".join(f"{'  ' * (h['level'] - 1)}h{h['level']} {h['text']}" for h in headings)
    ones = [h["text"] for h in headings if h["level"] == 1]
    assert len(ones) == 1, f"{name}.html has {len(ones)} h1 headings {ones}:\n  {outline}"
    level = 1
    for h in headings:
        assert h["level"] <= level + 1, (
            f"{name}.html: h{level} is followed by h{h['level']} ({h['text']!r}, in #{h['id']}):\n  {outline}")
        level = h["level"]


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_screenshot_is_written(site, name):
    shot = site.audit(name).screenshot
    assert shot.is_file() and shot.stat().st_size > 10_000, shot


@browser_test
@pytest.mark.parametrize("name", TOC_PAGES)
def test_every_quiz_on_the_page_answers_wrong_and_right(site, name):
    """Every quiz on the page: by keyboard alone (each question answered right, focus order
    checked); every question's wrong and right responses (each option alone, wrong and right
    sets, numbers below, above and within the range) through its Check button; one question of each
    kind by pointer. Each shows the bank's exact feedback (Question.check)."""
    audit = site.audit(name)
    if audit.quiz_error is not None:
        raise audit.quiz_error
    assert audit.dom["quizzes"] == quiz_ids(site.book, name)
    if audit.quiz is None:
        return  # no quiz on this page (test_every_question_bank_is_on_a_toc_page covers every bank)
    run = audit.quiz
    assert run.responses >= 3 * sum(len(BANKS[i.removeprefix("cq-")].questions) for i in run.quizzes)
    problems = run.traffic.errors() + run.traffic.request_problems() + _blocking(run.violations)
    assert not problems, _listed(f"{name}.html while its quizzes were answered", problems)


@browser_test
@pytest.mark.parametrize("name", CHAPTERS)
def test_search_finds_the_chapter_by_a_word_only_it_uses(site, name):
    run = site.search(name)
    problems = run.traffic.errors() + run.traffic.request_problems()
    assert not problems, _listed(f"search.html?q={run.term}", problems)
    assert f"/{name}.html" in run.results, f"searching {run.term!r}: {run.summary!r}, results {run.results}"


@browser_test
def test_every_accepted_axe_violation_still_occurs(site):
    used = {n["accepted"] for audit in site.all_audits().values() for n in audit.axe["nodes"]}
    stale = sorted(set(AXE_ACCEPTED) - used)
    assert not stale, f"AXE_ACCEPTED entries that match nothing any more (remove them): {stale}"


@browser_test
def test_the_server_had_every_file_the_browser_asked_for(site, server):
    """Also the requests the browser makes on its own, which the pages' tests cannot see."""
    site.all_audits()
    missing = sorted(set(server.errors))
    hint = (" (no page names an icon, so the browser asks for /favicon.ico: set html.favicon in _config.yml)"
            if any(m.startswith("/favicon.ico") for m in missing) else "")
    assert not missing, f"the server answered with an error{hint}: {missing}"


@browser_test
def test_largest_page_loads_within_a_few_seconds(site, book):
    """The heaviest page (its HTML and the files only it and a few others load), loaded cold three times."""
    weights = weights_of(book, site.all_audits())
    name = max(weights, key=lambda n: weights[n][0])
    loads = sorted(site.run(site.time_load(name)) for _ in range(3))
    site.measured["largest"] = {"name": name, "bytes": weights[name][0], "load_ms": round(loads[1] * 1000), "runs": 3}
    assert loads[1] < 10, f"{name}.html took {loads[1]:.1f} s to load from a local server"
