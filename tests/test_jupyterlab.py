"""A student's live path: the course opened in a real JupyterLab 4 (and once in Notebook 7).

The test starts ``jupyter lab`` itself on 127.0.0.1 (free port, random token) and stops
it at the end. The server's root is a COPY of the repository's files (tracked, or new and
not ignored), and the kernel imports the copy's ``coursekit`` (``PYTHONPATH``), so its
``ROOT``, data and quiz banks are the copy's: autosave, checkpoints and otter's log never
touch the working tree. Debian's Chromium (Playwright) at 1280x800 with the file
browser open, as a student on a laptop sees it:

* each chapter, opened from the file browser, is not marked modified and logs no console
  error; its saved (pre-run) quiz never submits, navigates or asks to leave the page; Run
  All leaves no error output and no widget error; one question of each kind is answered
  wrong by pointer and right by keyboard, with the bank's feedback; no option's radio
  button or checkbox is covered or clipped; one kernel at a time, shut down after;
* exercise 1's student notebook: ``grader.check("q1")`` for two common mistakes (a NumPy
  integer, all rows counted) and the right answer;
* a layout fixture (tests/fixtures/quiz_long_options.yml) whose options wrap over lines:
  still no control covered or clipped, so the check holds whatever the banks hold;
* Notebook 7 (``/tree``, ``/notebooks/...``): chapter 1 run and a question answered;
* ``jupyter labextension list`` reports no incompatible extension, and every extension
  loads in the page.

Keyboard: JupyterLab binds the arrow keys to moving between cells even while a radio
button in an output has focus, and ipywidgets' radio buttons share no ``name``, so each
option is its own Tab stop; a keyboard user reaches an option with Tab and chooses it
with Space, then Tab to "Check answer" and Enter. The test does exactly that.

Screenshots go to ``_build/screenshots/jupyterlab/`` and ``_build/screenshots/notebook7/``;
the folder and a line per chapter are printed at the end. One module is one
``--dist loadscope`` scope, so one xdist worker runs all of it with one server and one
browser.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clients import CHROMIUM, free_port, require_chromium
from coursekit.runtime.quiz import MESSAGES, Question, Quiz
from helpers import ROOT

SCREENSHOTS = ROOT / "_build" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
EXERCISE = "exercises/ex01_cancelled_visit/dist/student/ex01_cancelled_visit.ipynb"
WIDGET_ERRORS = ("Error displaying widget", "model not found")
RUN_TIMEOUT_S = 240

# Console errors accepted, as (pattern the whole message must match, why). Keep it to
# messages from code the course cannot change; everything else fails the chapter.
ACCEPTED_CONSOLE: list[tuple[re.Pattern, str]] = [
    (re.compile(r"(Cross reference target was not found: (term-[^\n]+|fig-ch\d\d-[\w-]+)\n?)+"),
     "jupyterlab-myst resolves references within the open notebook's markdown only: a {term} "
     "whose glossary is reference/glossary.md, or a {numref} to a figure labelled in a code cell's "
     "metadata (myst-nb), is logged each time a cell renders, while the text still shows"),
    (re.compile(r"uncaught: TypeError: Cannot read properties of undefined \(reading 'node'\)\s+"
                r"at \S+\._markdownOverlapsToolbar .*", re.S),
     "JupyterLab's cell toolbar measures a markdown cell that jupyterlab-myst has not rendered yet "
     "(no renderedInput) while Run All moves the active cell; nothing on the page changes"),
]

pytestmark = pytest.mark.browser

# -- the server ------------------------------------------------------------------
# JupyterLab's own settings for the run: no news or update check (a request to another
# host, and a toast that would cover the quiz); everything else is a student's default.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}


def copy_repository(dest: Path) -> Path:
    """Copy the files git knows (tracked, or untracked and not ignored) into ``dest``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    copied = 0
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is skipped
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
            copied += 1
    assert copied and (dest / "coursekit" / "__init__.py").is_file(), f"copying the repository into {dest} failed"
    return dest


@dataclass
class Lab:
    """A running ``jupyter lab`` serving ``root``."""

    url: str
    token: str
    root: Path
    env: dict
    log: Path
    process: subprocess.Popen

    def api(self, method: str, path: str):
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """``jupyter lab`` on a free local port, serving a copy of the repository."""
    require_chromium("the JupyterLab test")
    base = tmp_path_factory.mktemp("jupyterlab")
    root = copy_repository(base / "course")
    for name, values in LAB_SETTINGS.items():
        path = base / "lab-settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("COURSEKIT_", "JUPYTER")) and key not in ("PYTHONPATH", "IPYTHONDIR")}
    env.update({
        "PYTHONPATH": str(root),  # the kernel's coursekit (and so ROOT, data, banks) is the copy's
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(base / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "IPYTHONDIR": str(base / "ipython"),
    })
    seen = subprocess.run([sys.executable, "-c", "import coursekit; print(coursekit.ROOT)"], env=env, cwd=root / "chapters",
                          capture_output=True, text=True, check=True).stdout.strip()
    assert Path(seen) == root, f"the kernel would import coursekit from {seen}, not from the copy {root}"
    token, port = secrets.token_hex(16), free_port()
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.token={token}",
           f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
           "--JupyterNotebookApp.expose_app_in_browser=True"]
    if os.getuid() == 0:
        cmd.append("--allow-root")
    log = base / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = Lab(f"http://127.0.0.1:{port}", token, root, env, log, process)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited with {process.returncode}:\n{server.log_tail()}")
            with contextlib.suppress(OSError, urllib.error.URLError):
                server.api("GET", "/api/status")
                break
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer on port {port} within 90 s:\n{server.log_tail()}")
            time.sleep(0.3)
        yield server
    finally:
        process.terminate()  # the server shuts its kernels down on SIGTERM
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


# -- the browser ------------------------------------------------------------------
@dataclass
class Console:
    """Everything a page reported: console errors, uncaught errors, dialogs, navigations."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    navigations: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        def on_console(message):
            if message.type == "error":
                self.errors.append(message.text)
            elif message.type == "warning":
                self.warnings.append(message.text)

        def on_dialog(dialog):
            self.dialogs.append(f"{dialog.type}: {dialog.message!r}")
            dialog.dismiss()  # "stay on this page"

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error.stack or error}"))
        page.on("dialog", on_dialog)
        page.on("framenavigated", lambda frame: self.navigations.append(frame.url) if frame == page.main_frame else None)

    def mark(self) -> tuple[int, int, int, int]:
        return len(self.errors), len(self.warnings), len(self.dialogs), len(self.navigations)

    def errors_since(self, mark) -> tuple[list[str], int]:
        """Console errors since ``mark`` that are not accepted, and how many were accepted."""
        fresh = self.errors[mark[0]:]
        bad = [e for e in fresh if not any(p.fullmatch(e.strip()) for p, _ in ACCEPTED_CONSOLE)]
        return bad, len(fresh) - len(bad)


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class ChapterRun:
    name: str
    run_s: float = 0.0
    total_s: float = 0.0
    answered: list[str] = field(default_factory=list)
    accepted_console: int = 0
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def report(request):
    """Collects what each chapter took; printed (with the screenshot folder) at the end."""
    runs: dict[str, ChapterRun] = {}
    yield runs
    lines = [f"JupyterLab test: screenshots in {SCREENSHOTS / 'jupyterlab'} and {SCREENSHOTS / 'notebook7'}",
             "  chapter                        Run All s  total s  answered (wrong by pointer, right by keyboard)"]
    for run in runs.values():
        state = "ok" if not run.problems else f"{len(run.problems)} problem(s)"
        lines.append(f"  {run.name:30} {run.run_s:9.1f}  {run.total_s:7.1f}  {', '.join(run.answered) or '-'}  [{state}]"
                     + (f" ({run.accepted_console} accepted console message(s))" if run.accepted_console else ""))
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        sys.stderr.write("\n" + "\n".join(lines) + "\n")
        sys.stderr.flush()


# JavaScript run in the page. ``jupyterapp`` is JupyterLab's application object
# (--LabApp.expose_app_in_browser); it is used to read the notebook's model (execution
# state, error outputs) and to tidy up between chapters, never to answer a question.
JS_KERNEL_IDLE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const s = w && w.sessionContext, k = s && s.session && s.session.kernel;
  return !!(s && s.isReady && k && k.status === 'idle' && k.connectionStatus === 'connected');
}"""
JS_RUNNING = """() => [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')].some(p => p.textContent.includes('*'))"""
JS_ERROR_OUTPUTS = """() => {
  const w = window.jupyterapp.shell.currentWidget, found = [];
  w.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    for (const out of cell.model.outputs.toJSON())
      if (out.output_type === 'error') found.push(`cell ${i + 1}: ${out.ename}: ${out.evalue}`);
  });
  return found;
}"""
JS_CLOSE_ALL = """async () => {
  for (const w of Array.from(window.jupyterapp.shell.widgets('main'))) {
    if (w.sessionContext) await w.sessionContext.shutdown();
    if (w.context) w.context.model.dirty = false;
    w.close();
  }
}"""
# Every radio button and checkbox of a quiz: visible, not covered (what the browser hits
# at its centre is the input or its label), not clipped, and no other option's text
# over it. Returns one line per problem.
JS_CONTROLS_VISIBLE = """(quiz) => {
  const problems = [];
  const inputs = [...quiz.querySelectorAll('input[type=radio], input[type=checkbox]')];
  const textRects = (label) => {
    const rects = [];
    for (const node of label.childNodes) {
      const range = document.createRange();
      if (node.nodeType === Node.TEXT_NODE) range.selectNodeContents(node);
      else if (node.nodeType === Node.ELEMENT_NODE && node.tagName !== 'INPUT') range.selectNodeContents(node);
      else continue;
      rects.push(...range.getClientRects());
    }
    return rects;
  };
  const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  inputs.forEach((input, n) => {
    const label = input.closest('label');
    const name = `${input.type} ${n + 1} (${(label ? label.textContent : '').trim().slice(0, 60)})`;
    input.scrollIntoView({block: 'center'});
    const r = input.getBoundingClientRect();
    if (r.width < 4 || r.height < 4) { problems.push(`${name}: ${r.width}x${r.height} px`); return; }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit !== input && hit !== label) problems.push(`${name}: covered by <${hit && hit.tagName.toLowerCase()} class="${hit && hit.className}"> "${(hit && hit.textContent || '').trim().slice(0, 60)}"`);
    if (label && (label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1))
      problems.push(`${name}: its label is clipped (${label.scrollWidth}x${label.scrollHeight} px of text in ${label.clientWidth}x${label.clientHeight})`);
    inputs.forEach((other, m) => {
      const otherLabel = other.closest('label');
      if (m === n || !otherLabel || otherLabel === label) return;
      if (textRects(otherLabel).some(t => overlaps(t, r))) problems.push(`${name}: under the text of option ${m + 1}`);
    });
  });
  return problems;
}"""


class LabPage:
    """One JupyterLab tab in Chromium, shared by the chapters (reloaded if a chapter broke it)."""

    def __init__(self, lab: Lab, browser):
        self.lab = lab
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.set_default_timeout(60_000)
        self.page = self.context.new_page()
        self.console = Console()
        self.console.watch(self.page)
        self.start: tuple[list[str], list[str]] | None = None  # console errors, warnings of the first start

    def load(self) -> None:
        """Open JupyterLab with its file browser on chapters/ and a fresh workspace (``reset``)."""
        mark = self.console.mark()
        self.page.goto(f"{self.lab.url}/lab/tree/chapters?reset&token={self.lab.token}")
        self.page.wait_for_function("() => !!window.jupyterapp")
        self.page.evaluate("async () => { await window.jupyterapp.restored; }")
        self.page.locator(".jp-DirListing-item").first.wait_for()
        self.page.evaluate("() => { window.__cqSameDocument = true; }")
        if self.start is None:
            self.page.wait_for_timeout(1000)  # extensions that fail log it right after the start
            self.start = (self.console.errors[mark[0]:], self.console.warnings[mark[1]:])

    def ensure(self) -> None:
        """Close every document and shut its kernel down; reload if the last chapter left the page."""
        alive = False
        with contextlib.suppress(Exception):
            alive = self.page.evaluate("() => window.__cqSameDocument === true")
        if alive:
            self.page.evaluate(JS_CLOSE_ALL)
        else:
            self.load()
        self.lab.shut_down_kernels()
        # Let what closing a notebook and its kernel logs arrive before the next step's mark.
        self.page.wait_for_timeout(500)
        sidebar = self.page.locator(".jp-FileBrowser")
        assert sidebar.is_visible() and sidebar.bounding_box()["width"] > 150, "the file browser sidebar is not open"

    def open(self, path: str):
        """Open ``path`` by double-clicking through the file browser; return the notebook panel."""
        self.page.locator(".jp-FileBrowser .jp-BreadCrumbs-home").click()
        for part in path.split("/"):
            item = self.page.locator(".jp-FileBrowser .jp-DirListing-item").filter(
                has=self.page.locator(".jp-DirListing-itemText", has_text=re.compile(f"^{re.escape(part)}$")))
            item.dblclick()
        panel = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        panel.locator(".jp-Cell").first.wait_for()
        self.page.wait_for_function(JS_KERNEL_IDLE, timeout=90_000)
        self.page.wait_for_timeout(800)  # JupyterLab compares the kernelspec once the kernel is up
        return panel

    def tab_is_dirty(self, name: str) -> bool:
        tab = self.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter(has_text=name)
        return "jp-mod-dirty" in (tab.get_attribute("class") or "")

    def menu(self, menu: str, command: str) -> None:
        """Pick a menu item by pointer, e.g. Run > Run All Cells (``runmenu:run-all``)."""
        self.page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{menu}$")).click()
        self.page.locator(f".lm-Menu-item[data-command='{command}']").click()

    def wait_until_run(self, started_by) -> float:
        """Do ``started_by()`` (which queues cells), wait until no cell is queued or running."""
        start = time.monotonic()
        started_by()
        self.page.wait_for_function(JS_RUNNING, timeout=15_000)
        self.page.wait_for_function(f"() => !({JS_RUNNING})() && ({JS_KERNEL_IDLE})()", timeout=RUN_TIMEOUT_S * 1000)
        return time.monotonic() - start

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def lab_page(lab, browser):
    page = LabPage(lab, browser)
    page.load()
    try:
        yield page
    finally:
        with contextlib.suppress(Exception):
            page.page.evaluate(JS_CLOSE_ALL)
        page.close()
        lab.shut_down_kernels()


# -- answering a quiz -----------------------------------------------------------------
def _text(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def _number(x: float) -> str:
    return format(x, ".12g")


def expect_feedback(question_el, expected: str | None = None, *, starts: str = "", contains=(), absent=()) -> str:
    """Wait for the question's feedback line to settle and check it; return it."""
    feedback = question_el.locator(".cq-feedback")
    page = question_el.page
    deadline = time.monotonic() + 15
    while True:
        shown = _text(feedback)
        ok = (shown == expected) if expected is not None else (
            shown.startswith(starts) and all(c in shown for c in contains) and not any(a in shown for a in absent))
        if ok:
            return shown
        if time.monotonic() > deadline:
            want = repr(expected) if expected is not None else f"starting {starts!r}, with {list(contains)}, without {list(absent)}"
            raise AssertionError(f"feedback shown: {shown!r}; expected {want}")
        page.wait_for_timeout(100)


def option_labels(question_el, question: Question):
    """The option labels in display order, checked against the bank (by their text)."""
    labels = question_el.locator("label:has(input)")
    labels.first.wait_for()
    shown = [" ".join(t.split()) for t in labels.all_text_contents()]
    expected = [" ".join(question.options[i].text.split()) for i in question.order]
    assert shown == expected, f"question {question.id!r}: options shown {shown}, expected in display order {expected}"
    return labels


def tab_to(page, target, most: int) -> None:
    """Press Tab until ``target`` has focus (at most ``most`` times)."""
    for _ in range(most):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    assert target.evaluate("el => el === document.activeElement"), \
        f"Tab did not reach {target} (focus is on {page.evaluate('document.activeElement.outerHTML.slice(0, 120)')})"


def answer_single(page, question_el, question: Question) -> None:
    labels = option_labels(question_el, question)
    shown = list(question.order)
    wrong = next(i for i in shown if not question.options[i].correct)
    right = next(i for i in shown if question.options[i].correct)
    # Pointer: click the wrong option's text, then the button.
    labels.nth(shown.index(wrong)).click()
    question_el.locator(".cq-check").click()
    expect_feedback(question_el, f"{MESSAGES['wrong']} {question.options[wrong].feedback}")
    # Keyboard only: into the first option, Tab to the right one, Space, Tab to the button, Enter.
    radios = question_el.locator("input[type=radio]")
    radios.first.focus()
    tab_to(page, radios.nth(shown.index(right)), len(shown))
    page.keyboard.press("Space")
    assert radios.nth(shown.index(right)).is_checked(), f"question {question.id!r}: Space did not choose the option"
    tab_to(page, question_el.locator(".cq-check"), len(shown) + 1)
    page.keyboard.press("Enter")
    expect_feedback(question_el, f"{MESSAGES['right']} {question.options[right].feedback}")


def answer_multiple(page, question_el, question: Question) -> None:
    labels = option_labels(question_el, question)
    shown = list(question.order)
    wrong = next(i for i in shown if not question.options[i].correct)
    # Pointer: tick one wrong option only: its feedback, then the "missed" reminder.
    labels.nth(shown.index(wrong)).click()
    question_el.locator(".cq-check").click()
    expect_feedback(question_el, f"{MESSAGES['wrong']} {question.options[wrong].feedback} {question.missed}")
    # Keyboard only: walk the boxes with Tab, Space where the tick must change.
    boxes = question_el.locator("input[type=checkbox]")
    boxes.first.focus()
    for position, index in enumerate(shown):
        box = boxes.nth(position)
        tab_to(page, box, 1)
        if box.is_checked() != question.options[index].correct:
            page.keyboard.press("Space")
    assert [boxes.nth(p).is_checked() for p in range(len(shown))] == [question.options[i].correct for i in shown]
    tab_to(page, question_el.locator(".cq-check"), 2)
    page.keyboard.press("Enter")
    expect_feedback(question_el, starts=MESSAGES["right"],
                    contains=[o.feedback for o in question.options if o.correct],
                    absent=[o.feedback for o in question.options if not o.correct])


def answer_numeric(page, question_el, question: Question) -> None:
    box = question_el.locator("input[type=text]")
    # Pointer: click the box, type a number too high, click the button.
    box.click()
    page.keyboard.type(_number(question.answer + 2 * question.tolerance + max(1.0, abs(question.answer))))
    question_el.locator(".cq-check").click()
    expect_feedback(question_el, f"{MESSAGES['wrong']} {question.feedback['high']}")
    # Keyboard only: empty the box (select all, delete), type the number, Tab to the button, Enter.
    # A loaded machine can drop the select-all while the feedback above re-renders; a student
    # would see the old number still there and do it again, so the test does too (three tries).
    for _ in range(3):
        box.focus()
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        if box.input_value() == "":
            break
    assert box.input_value() == "", f"question {question.id!r}: Ctrl+A, Backspace did not empty the box"
    page.keyboard.type(_number(question.answer))
    assert box.input_value() == _number(question.answer), f"question {question.id!r}: typed {box.input_value()!r}"
    tab_to(page, question_el.locator(".cq-check"), 2)
    page.keyboard.press("Enter")
    expect_feedback(question_el, f"{MESSAGES['right']} {question.feedback['correct']}")


ANSWER = {"single": answer_single, "multiple": answer_multiple, "numeric": answer_numeric}


def click_saved_quiz(lab_page: LabPage, panel) -> list[str]:
    """Click the saved (pre-run) quiz's first "Check answer": nothing may submit, navigate or ask."""
    saved = panel.locator(".jp-OutputArea-output .cq-quiz").first
    # JupyterLab renders a long notebook's cells lazily: bring the last cell into view first.
    with contextlib.suppress(Exception):
        panel.locator(".jp-Cell").last.scroll_into_view_if_needed(timeout=10_000)
    with contextlib.suppress(Exception):
        saved.wait_for(state="attached", timeout=20_000)
    if not saved.count():
        return ["the notebook has no saved quiz output (run scripts/build-book or coursekit.book.notebooks to refresh it)"]
    button = saved.locator("button", has_text="Check answer").first
    if not button.count():
        return []  # a printed-style saved quiz has no button at all: nothing to submit
    mark = lab_page.console.mark()
    url = lab_page.page.url
    button.scroll_into_view_if_needed()
    button.click(no_wait_after=True)
    lab_page.page.wait_for_timeout(1500)
    problems = [f"the saved quiz's Check answer opened a dialog: {d}" for d in lab_page.console.dialogs[mark[2]:]]
    moved = lab_page.console.navigations[mark[3]:]
    if moved:
        problems.append(f"the saved quiz's Check answer navigated to {moved}")
    same = False
    with contextlib.suppress(Exception):
        same = lab_page.page.evaluate("() => window.__cqSameDocument === true") and lab_page.page.url == url
    if not same:
        problems.append("the saved quiz's Check answer reloaded or left the page")
    return problems


# -- the tests --------------------------------------------------------------------
@pytest.mark.parametrize("name", CHAPTERS, ids=[n[:2] for n in CHAPTERS])
def test_chapter_runs_and_its_quiz_answers_in_jupyterlab(lab, lab_page, report, name):
    chapter = f"ch{name[:2]}"
    bank = Quiz.load(lab.root / "chapters" / "quizzes" / f"{chapter}.yml")
    run = report[name] = ChapterRun(name)
    start = time.monotonic()
    lab_page.ensure()
    page = lab_page.page
    mark = lab_page.console.mark()
    try:
        panel = lab_page.open(f"chapters/{name}")
        if lab_page.tab_is_dirty(name):
            run.problems.append("opens as modified (the tab shows the unsaved-changes dot before anything was done)")

        problems = click_saved_quiz(lab_page, panel)
        run.problems += problems
        if problems and not page.evaluate("() => window.__cqSameDocument === true"):
            # The page was reloaded: keep what the console said until then, start afresh.
            bad, run.accepted_console = lab_page.console.errors_since(mark)
            run.problems += [f"console error: {e[:300]}" for e in bad]
            lab_page.ensure()
            mark = lab_page.console.mark()
            panel = lab_page.open(f"chapters/{name}")

        run.run_s = lab_page.wait_until_run(lambda: lab_page.menu("Run", "runmenu:run-all"))
        run.problems += [f"error output in {e}" for e in page.evaluate(JS_ERROR_OUTPUTS)]
        text = panel.inner_text()
        run.problems += [f"the notebook shows {e!r}" for e in WIDGET_ERRORS if e in text]

        quiz_el = panel.locator(f".cq-widget.cq-quiz-{chapter}")
        quiz_el.wait_for(timeout=30_000)
        run.problems += [f"quiz control: {p}" for p in quiz_el.evaluate(JS_CONTROLS_VISIBLE)]
        for kind in ("single", "multiple", "numeric"):
            question = next((q for q in bank.questions if q.kind == kind), None)
            if question is None:
                continue
            question_el = quiz_el.locator(f".cq-q-{question.id}")
            question_el.scroll_into_view_if_needed()
            try:
                ANSWER[kind](page, question_el, question)
                run.answered.append(f"{question.id} ({kind})")
            except AssertionError as exc:
                run.problems.append(f"question {question.id!r} ({kind}): {exc}")
        first = quiz_el.locator(".cq-question").first
        first.evaluate("el => el.scrollIntoView({block: 'start'})")
        (SCREENSHOTS / "jupyterlab").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "jupyterlab" / f"{chapter}.png"))
    except Exception:
        (SCREENSHOTS / "jupyterlab").mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            page.screenshot(path=str(SCREENSHOTS / "jupyterlab" / f"{chapter}-failed.png"))
        raise
    finally:
        bad, accepted = lab_page.console.errors_since(mark)
        run.problems += [f"console error: {e[:300]}" for e in bad]
        run.accepted_console += accepted
        run.total_s = time.monotonic() - start
        with contextlib.suppress(Exception):
            lab_page.ensure()
    assert not run.problems, f"{name} in JupyterLab:\n  " + "\n  ".join(run.problems)
    assert len(run.answered) == len({q.kind for q in bank.questions})


JS_WRAPPED_LINES = """(quiz) => [...quiz.querySelectorAll('label:has(input)')].map(label => {
  const tops = new Set();
  for (const node of label.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE && !(node.nodeType === Node.ELEMENT_NODE && node.tagName !== 'INPUT')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
  }
  return tops.size;
})"""


def test_long_options_wrap_without_hiding_another(lab, lab_page):
    """Whatever the banks hold today: options that wrap over lines (tests/fixtures/
    quiz_long_options.yml) keep every radio button and checkbox visible and usable."""
    fixture = "quiz_long_options.yml"
    notebook = lab.root / "layout_fixture.ipynb"
    notebook.write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
        "cells": [{"cell_type": "code", "id": "quiz", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": f'from coursekit.runtime.quiz import Quiz\n\nQuiz.load("tests/fixtures/{fixture}")'}],
    }), encoding="utf-8")
    bank = Quiz.load(lab.root / "tests" / "fixtures" / fixture)
    lab_page.ensure()
    page = lab_page.page
    try:
        panel = lab_page.open(notebook.name)
        lab_page.wait_until_run(lambda: lab_page.menu("Run", "runmenu:run-all"))
        quiz_el = panel.locator(f".cq-widget.cq-quiz-{bank.id}")
        quiz_el.wait_for(timeout=30_000)
        problems = quiz_el.evaluate(JS_CONTROLS_VISIBLE)
        (SCREENSHOTS / "jupyterlab").mkdir(parents=True, exist_ok=True)
        quiz_el.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(SCREENSHOTS / "jupyterlab" / "layout_long_options.png"))
        assert not problems, "long options at 1280x800 with the file browser open:\n  " + "\n  ".join(problems)
        lines = quiz_el.evaluate(JS_WRAPPED_LINES)
        assert sum(n >= 2 for n in lines) >= 4, f"the fixture's long options must wrap to test anything (lines per option: {lines})"
        for question in bank.questions:
            ANSWER[question.kind](page, quiz_el.locator(f".cq-q-{question.id}"), question)
    finally:
        lab_page.ensure()


def _run_cell(lab_page: LabPage, cell) -> str:
    """Run one cell with Shift+Enter after clicking its prompt; return its output text."""
    before = cell.locator(".jp-InputPrompt").inner_text()
    cell.locator(".jp-InputPrompt").click()
    lab_page.page.keyboard.press("Shift+Enter")
    cell.page.wait_for_function(
        f"([el, before]) => !el.querySelector('.jp-InputPrompt').textContent.includes('*') "
        f"&& el.querySelector('.jp-InputPrompt').textContent !== before && ({JS_KERNEL_IDLE})()",
        arg=[cell.element_handle(), before], timeout=60_000)
    return " ".join(cell.locator(".jp-Cell-outputWrapper").inner_text().split())


def test_exercise_1_grader_says_what_is_wrong(lab_page):
    """A student's two common slips on question 1, then the right answer, as grader.check shows them."""
    lab_page.ensure()
    page = lab_page.page
    try:
        panel = lab_page.open(EXERCISE)
        assert not lab_page.tab_is_dirty(Path(EXERCISE).name), "the exercise opens as modified"
        cells = panel.locator(".jp-Notebook .jp-Cell")
        sources = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets"
                                ".map(c => c.model.sharedModel.getSource())")
        answer = next(i for i, s in enumerate(sources) if s.startswith("n_happened = ..."))
        check = next(i for i, s in enumerate(sources) if 'grader.check("q1")' in s)
        cells.nth(answer).locator(".jp-InputPrompt").click()
        lab_page.wait_until_run(lambda: lab_page.menu("Run", "notebook:run-all-above"))
        assert not page.evaluate(JS_ERROR_OUTPUTS), page.evaluate(JS_ERROR_OUTPUTS)
        (SCREENSHOTS / "jupyterlab").mkdir(parents=True, exist_ok=True)
        attempts = [  # (answer, what grader.check must say, what it must not say)
            ('n_happened = timeline["happened"].sum()', ("numpy.int64", "int("), ("passed!",)),
            ("n_happened = len(timeline)", ("planned",), ("passed!",)),
            # JupyterLab shows otter's HTML summary, "q1 passed! 🎉" (its plain-text form
            # says "q1 results: All test cases passed!").
            ('n_happened = int(timeline["happened"].sum())', ("q1 passed!",), ("results",)),
        ]
        for n, (code, wanted, unwanted) in enumerate(attempts, start=1):
            cells.nth(answer).locator(".cm-content").click()
            page.keyboard.press("Control+A")
            page.keyboard.insert_text(code)
            page.keyboard.press("Escape")
            _run_cell(lab_page, cells.nth(answer))
            shown = _run_cell(lab_page, cells.nth(check))
            cells.nth(check).evaluate("el => el.scrollIntoView({block: 'center'})")
            page.screenshot(path=str(SCREENSHOTS / "jupyterlab" / f"ex01_q1_attempt{n}.png"))
            wrong = [f"lacks {w!r}" for w in wanted if w not in shown] + [f"says {u!r}" for u in unwanted if u in shown]
            assert not wrong, f"{EXERCISE}: with `{code}`, grader.check('q1') shows {shown!r}: it {', '.join(wrong)}"
    finally:
        lab_page.ensure()


def test_notebook7_runs_chapter_1_and_answers_a_question(lab, browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    page = context.new_page()
    console = Console()
    console.watch(page)
    try:
        page.goto(f"{lab.url}/tree?token={lab.token}")
        page.locator(".jp-DirListing-item", has_text="chapters").first.wait_for()
        name = CHAPTERS[0]
        page.goto(f"{lab.url}/notebooks/chapters/{name}")
        panel = page.locator(".jp-NotebookPanel")
        panel.locator(".jp-Cell").first.wait_for()
        page.wait_for_function(JS_KERNEL_IDLE, timeout=90_000)
        page.locator(".lm-MenuBar-item", has_text=re.compile("^Run$")).click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        page.wait_for_function(JS_RUNNING, timeout=15_000)
        page.wait_for_function(f"() => !({JS_RUNNING})() && ({JS_KERNEL_IDLE})()", timeout=RUN_TIMEOUT_S * 1000)
        assert not page.evaluate(JS_ERROR_OUTPUTS), page.evaluate(JS_ERROR_OUTPUTS)
        text = panel.inner_text()
        assert not [e for e in WIDGET_ERRORS if e in text], f"Notebook 7 shows a widget error in {name}"
        bank = Quiz.load(lab.root / "chapters" / "quizzes" / f"ch{name[:2]}.yml")
        question = next(q for q in bank.questions if q.kind == "single")
        question_el = panel.locator(f".cq-widget .cq-q-{question.id}")
        question_el.scroll_into_view_if_needed()
        labels = option_labels(question_el, question)
        for index in (next(i for i in question.order if not question.options[i].correct),
                      next(i for i in question.order if question.options[i].correct)):
            labels.nth(question.order.index(index)).click()
            question_el.locator(".cq-check").click()
            verdict = MESSAGES["right" if question.options[index].correct else "wrong"]
            expect_feedback(question_el, f"{verdict} {question.options[index].feedback}")
        (SCREENSHOTS / "notebook7").mkdir(parents=True, exist_ok=True)
        question_el.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(SCREENSHOTS / "notebook7" / f"ch{name[:2]}.png"))
        assert not console.dialogs, console.dialogs
    finally:
        context.close()
        lab.shut_down_kernels()


def test_jupyterlab_loads_every_extension_without_console_error(lab_page):
    """The app's own start: every extension loads (``jupyter labextension list`` can say OK
    for an extension whose code then fails in the browser)."""
    assert lab_page.start is not None
    loaded, warnings = lab_page.start
    failed = [w for w in warnings if re.search(r"Failed to (create|load) (module|extension)", w)]
    bad = [e for e in loaded if not any(p.fullmatch(e.strip()) for p, _ in ACCEPTED_CONSOLE)]
    assert not failed and not bad, "JupyterLab's start:\n  " + "\n  ".join(
        [f"warning: {w[:300]}" for w in failed] + [f"console error: {e[:300]}" for e in bad])


def test_no_incompatible_lab_extension(lab):
    done = subprocess.run([sys.executable, "-m", "jupyter", "labextension", "list"], env=lab.env, cwd=lab.root,
                          capture_output=True, text=True, timeout=120)
    listing = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    assert done.returncode == 0, listing
    assert "jupyterlab-myst" in listing and "@jupyter-widgets/jupyterlab-manager" in listing, listing
    bad = [line for line in listing.splitlines() if line.rstrip().endswith(" X") or " X " in line
           or "is not compatible" in line]
    assert not bad, "incompatible JupyterLab extensions:\n" + "\n".join(bad)
