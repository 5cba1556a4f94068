"""Benchmark 5: each published page's weight and its load time in headless Chromium.

The built book (``_build/html``, built first if missing) is served from 127.0.0.1. Each
page of ``_toc.yml`` is loaded cold (a new browser context: empty cache) three times,
alone; the figure is the median time to the end of the load event. Requests to any
other host are counted (and refused). Weights as in the browser tests
(:mod:`coursekit.book.sitesize`): the HTML plus the files not every page loads.
"""
from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from pathlib import Path

from common import ROOT, median, say
from coursekit.book.sitesize import TIMING_JS, local_file, page_weights, toc_pages

CHROMIUM = "/usr/bin/chromium"
RUNS = 3


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run(book: Path) -> dict:
    from playwright.sync_api import sync_playwright

    if not (book / "index.html").is_file():
        say("building the book first (scripts/build-book) ...")
        subprocess.run(["bash", str(ROOT / "scripts" / "build-book")], check=True, capture_output=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(book)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    names = toc_pages(ROOT)
    requested: dict[str, list[str]] = {}
    loads: dict[str, list[int]] = {}
    foreign: dict[str, list[str]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for name in names:
                for run_no in range(RUNS):
                    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
                    page = context.new_page()
                    urls, away = [], []
                    page.on("request", lambda r, urls=urls: urls.append(r.url))

                    def refuse(route, away=away):
                        away.append(route.request.url)
                        route.abort("blockedbyclient")

                    page.route(lambda url: not url.startswith(origin + "/") and not url.startswith(("data:", "blob:")),
                               refuse)
                    page.goto(f"{origin}/{name}.html", wait_until="load")
                    loads.setdefault(name, []).append(page.evaluate(TIMING_JS)["load_ms"])
                    if run_no == 0:
                        requested[name], foreign[name] = urls, away
                    context.close()
            browser.close()
    finally:
        httpd.shutdown()
    weights = page_weights(book, requested)
    pages = {}
    for name in names:
        html = (book / f"{name}.html").stat().st_size
        pages[name] = {"html_kb": round(html / 1000), "own_assets_kb": round((weights[name][0] - html) / 1000),
                       "total_kb": round(weights[name][0] / 1000), "load_ms_median": round(median(loads[name])),
                       "load_ms_runs": loads[name], "requests": len(requested[name]),
                       "foreign_requests": len(foreign[name])}
        say(f"  {name:76} {pages[name]['total_kb']:5} kB  {pages[name]['load_ms_median']:5} ms")
    slowest = max(pages, key=lambda n: pages[n]["load_ms_median"])
    largest = max(pages, key=lambda n: pages[n]["total_kb"])
    loaded = [{f for f in (local_file(book, u) for u in urls) if f} for urls in requested.values()]
    shared = sum(f.stat().st_size for f in set.intersection(*loaded))
    return {"pages": pages, "page_count": len(pages), "slowest": slowest, "largest": largest,
            "shared_theme_kb": round(shared / 1000), "max_load_ms": pages[slowest]["load_ms_median"],
            "foreign_requests": sum(p["foreign_requests"] for p in pages.values()), "runs_per_page": RUNS}
