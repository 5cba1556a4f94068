"""Print the book's single-page HTML to one PDF for offline reading, in Debian's Chromium.

``scripts/build-pdf`` builds the book with Sphinx's ``singlehtml`` builder, then runs
``python -m coursekit.book.pdf SINGLEHTML_PAGE OUT.pdf``. The page is opened from disk in
headless Chromium (driven by Playwright with ``executable_path``: no browser download),
every request that would leave the machine is refused, a print style sheet is added
(A4, code wrapped instead of cut off, each chapter on a new page) and the page is
printed with page numbers and a document outline (bookmarks) built from its headings.
Each quiz brings its own print style (``coursekit/runtime/quiz.py``): lettered options, no
buttons, and the chapter's answer key after its questions.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["CHROMIUM", "PRINT_CSS", "print_pdf", "page_count"]

CHROMIUM = Path(os.environ.get("COURSEKIT_CHROMIUM", "/usr/bin/chromium"))
TIMEOUT_MS = 300_000

PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
@media print {
  html { font-size: 10.5pt; }
  /* Code and outputs wrap instead of being cut at the right margin. */
  pre, pre code, .highlight pre, div.cell_output pre {
    white-space: pre-wrap !important; overflow-wrap: anywhere; overflow: visible !important;
    max-height: none !important;
  }
  div.cell_output, div.output, .bd-article-container, .bd-content { overflow: visible !important; }
  img { max-width: 100% !important; height: auto !important; break-inside: avoid; }
  figure, table, div.cell_output img { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  /* Each chapter, exercise and appendix starts on a new page. */
  span[id^="document-"] + * { break-before: page; }
  /* Screen-only controls (a quiz's own style prints it: letters, no buttons, its answer key). */
  .headerlink, .copybtn, .bd-header, .bd-sidebar-primary, .bd-sidebar-secondary,
  .header-article, .bd-header-article, .prev-next-area, .bd-footer, .bd-footer-article { display: none !important; }
}
"""

FOOTER = ('<div style="font-size:8pt;color:#555;width:100%;padding:0 15mm;display:flex;justify-content:space-between">'
          '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def print_pdf(html: Path, pdf: Path, chromium: Path = CHROMIUM) -> int:
    """Print ``html`` (a file) to ``pdf``; return the number of pages written."""
    from urllib.parse import urlparse

    from playwright.sync_api import sync_playwright

    html, pdf = Path(html).resolve(), Path(pdf)
    if not html.is_file():
        raise FileNotFoundError(f"{html}: no such page (build the single-page HTML first)")
    if not Path(chromium).exists():
        raise FileNotFoundError(f"{chromium}: Chromium is missing (Debian package 'chromium')")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    refused = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)

            def route(r):
                if urlparse(r.request.url).scheme in ("file", "data", "blob"):
                    r.continue_()
                else:
                    refused.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(html.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.add_style_tag(content=PRINT_CSS)
            page.evaluate("document.fonts.ready.then(() => true)")
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True,
                     display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
                     outline=True, tagged=True)
        finally:
            browser.close()
    if refused:
        print(f"note: printed offline; refused {len(refused)} request(s) to other hosts, e.g. {refused[0]}",
              file=sys.stderr)
    return page_count(pdf)


def page_count(pdf: Path) -> int:
    """Pages of a PDF written by Chromium (its page objects are not compressed)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", Path(pdf).read_bytes()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.book.pdf", description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the single-page HTML of the book")
    parser.add_argument("pdf", type=Path, help="the PDF to write")
    args = parser.parse_args(argv)
    try:
        pages = print_pdf(args.html, args.pdf)
    except FileNotFoundError as exc:
        print(f"build-pdf: {exc}", file=sys.stderr)
        return 2
    print(f"pdf: {args.pdf} ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
