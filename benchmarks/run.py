"""Run the benchmarks, print their figures, keep them in results/ and in the README's table.

    bash benchmarks/run [build] [grading] [tests] [pages] [lighthouse]     (default: all five)

Each benchmark compares the course with its floor or peer in one run on this machine
(see each module's docstring). Results go to ``benchmarks/results/NAME.json`` with the
machine they were measured on, and the table in ``benchmarks/README.md`` is regenerated.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from common import ROOT, machine, say

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
README = HERE / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
GOALS = {"build": "clean build at most 1.5x the floor; no-change rebuild under 3 s; one chapter changed re-runs only it",
         "grading": "at least 2.5x faster than sequential otter run, within 1.5x of the floor, identical scores, "
                    "at most 1.2 s per submission; on Dask (1 and 2 workers) byte-identical files",
         "tests": "under 240 s", "pages": "every page under 1000 ms, no external request",
         "lighthouse": "95+ in performance, accessibility, best practices and SEO on every page"}
LIGHTHOUSE = {"performance": "performance", "accessibility": "accessibility", "best-practices": "best practices",
              "seo": "SEO"}


def table() -> str:
    """The README's table, from the saved results."""
    r = {name: json.loads(p.read_text()) for name in GOALS for p in [RESULTS / f"{name}.json"] if p.is_file()}
    rows = ["| benchmark | measured | goal | met |", "|---|---|---|---|"]
    if "build" in r:
        b = r["build"]
        rows += [
            f"| clean executed build vs floor | {b['clean_build_s']} s vs {b['floor_s']} s = **{b['clean_ratio']}x** "
            f"| ≤ 1.5x | {'yes' if b['clean_ratio'] <= 1.5 else 'no'} |",
            f"| no-change rebuild | **{b['no_change_s']} s** | < 3 s | {'yes' if b['no_change_s'] < 3 else 'no'} |",
            f"| one chapter changed | {b['one_chapter_s']} s (that chapter alone: {b['one_chapter_floor_s']} s); "
            f"{b['one_chapter_log'].split('; ', 1)[-1]} | re-runs only that chapter "
            f"| {'yes' if b['one_chapter_log'].split('; ', 1)[-1].startswith('executed 1 notebook') else 'no'} |"]
    if "grading" in r:
        g = r["grading"]
        rows += [
            f"| grading {g['submissions']} submissions, {g['workers']} workers, vs sequential `otter run` "
            f"| {g['coursekit_s']} s vs {g['otter_sequential_s']} s = **{g['speedup_vs_otter']}x faster**; "
            f"scores identical: {g['identical_scores']} | ≥ 2.5x | "
            f"{'yes' if g['speedup_vs_otter'] >= 2.5 and g['identical_scores'] else 'no'} |",
            f"| grading vs floor (bare runs, {g['workers']} at a time) | {g['coursekit_s']} s vs {g['floor_s']} s = "
            f"**{g['ratio_to_floor']}x** | ≤ 1.5x | {'yes' if g['ratio_to_floor'] <= 1.5 else 'no'} |"]
        if "per_submission_s" in g:
            rows.append(f"| grading per submission, {g['workers']} workers (sandboxed, judged outside) "
                        f"| **{g['per_submission_s']} s** (the grader before the sandbox: 1.97 s on this machine) | ≤ 1.2 s "
                        f"| {'yes' if g['per_submission_s'] <= 1.2 else 'no'} |")
        for d in g.get("dask", []):
            same = d["identical_files"] and d["identical_scores"]
            rows.append(f"| grading {g['submissions']} submissions on Dask (`--scheduler`), {d['workers']} worker "
                        f"process{'es' if d['workers'] > 1 else ''} of 1 thread on this machine | {d['seconds']} s "
                        f"({d['per_submission_s']} s per submission; locally {g['coursekit_s']} s with "
                        f"{g['workers']} workers); gradebook, results, feedback byte-identical: {same} "
                        f"| identical files | {'yes' if same else 'no'} |")
    if "tests" in r:
        t = r["tests"]
        cpu = f"; {t['cpu_s']} CPU-seconds" if "cpu_s" in t else ""
        rows.append(f"| test suite (`bash scripts/run-tests`) | **{t['wall_s']} s** ({t['summary']}{cpu}) | < 240 s "
                    f"| {'yes' if t['wall_s'] < 240 and t['exit_code'] == 0 else 'no'} |")
    if "pages" in r:
        p = r["pages"]
        big = p["pages"][p["largest"]]
        rows.append(f"| published pages ({p['page_count']}), median of {p['runs_per_page']} cold loads | slowest "
                    f"{p['slowest']} **{p['max_load_ms']} ms**; largest {p['largest']} {big['total_kb']} kB "
                    f"(+ {p['shared_theme_kb']} kB theme shared by all pages); {p['foreign_requests']} external "
                    f"requests | < 1000 ms, 0 external | "
                    f"{'yes' if p['max_load_ms'] < 1000 and not p['foreign_requests'] else 'no'} |")
    if "lighthouse" in r:
        h = r["lighthouse"]
        low = ", ".join(f"{LIGHTHOUSE[c]} **{h['minimum'][c]}**" + (f" ({h['lowest_page'][c]})" if h["minimum"][c] < 100
                                                                    else "") for c in LIGHTHOUSE)
        rows.append(f"| Lighthouse {h['lighthouse']} ({h['preset']} preset), {h['page_count']} pages served as GitHub "
                    f"Pages serves them ({h['served']}) | lowest: {low} | ≥ 95 in each, every page "
                    f"| {'yes' if min(h['minimum'].values()) >= 95 else 'no'} |")
    scaling = []
    if "build" in r:
        scaling += ["", "Build cost by number of chapters (clean build; partial books built without -W -n):", "",
                    "| chapters | notebooks executed | floor (s) | build (s) | ratio |", "|---|---|---|---|---|"]
        scaling += [f"| {s['chapters']} | {s['notebooks']} | {s['floor_s']} | {s['build_s']} | "
                    f"{s['build_s'] / s['floor_s']:.2f} |" for s in sorted(r["build"]["scaling"], key=lambda s: s["chapters"])]
    if "grading" in r:
        scaling += ["", f"Grading cost by class size ({r['grading']['exercise']}, {r['grading']['workers']} workers):", "",
                    "| submissions | coursekit grade (s) | per submission (s) | floor (s) | ratio |", "|---|---|---|---|---|"]
        scaling += [f"| {s['submissions']} | {s['coursekit_s']} | {s['coursekit_s'] / s['submissions']:.2f} | "
                    f"{s['floor_s']} | {s['coursekit_s'] / s['floor_s']:.2f} |" for s in r["grading"]["scaling"]]
    if "pages" in r:
        scaling += ["", "Every page (kB: HTML + files not every page loads; ms: median cold load):", "",
                    "| page | HTML kB | own files kB | load ms |", "|---|---|---|---|"]
        scaling += [f"| {n} | {v['html_kb']} | {v['own_assets_kb']} | {v['load_ms_median']} |"
                    for n, v in r["pages"]["pages"].items()]
    if "lighthouse" in r:
        scaling += ["", "Lighthouse scores of every page (desktop preset):", "",
                    "| page | " + " | ".join(LIGHTHOUSE.values()) + " | audits below 0.9 |", "|---" * 6 + "|"]
        scaling += [f"| {n} | " + " | ".join(str(v[c]) for c in LIGHTHOUSE)
                    + f" | {', '.join(v['audits_below_0.9']) or 'none'} |" for n, v in r["lighthouse"]["pages"].items()]
    machines = sorted({json.dumps({k: x for k, x in v["machine"].items() if k != "load_average_at_start"},
                                  sort_keys=True) for v in r.values()})
    where = ["", "Measured on:", ""] + [
        f"- {m['cpu']}, {m['cores']} cores, {m['memory_mb']} MB; {m['os']}; Python {m['python']}; {m['chromium']}"
        for m in map(json.loads, machines)]
    when = ["", "Runs: " + ", ".join(f"{name} {v['measured_on']} (load average at start "
                                      f"{v['machine']['load_average_at_start'][0]})" for name, v in r.items())]
    return "\n".join(rows + scaling + where + when)


def write_readme() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{table()}\n{END}{tail}", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"some of: {' '.join(GOALS)} (default: all)")
    parser.add_argument("--exercise", default="ex01_cancelled_visit", help="exercise of the grading class")
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chapter-sizes", default="4,8", help="partial books for the build scaling (comma list)")
    parser.add_argument("--class-sizes", default="10,20", help="smaller classes for the grading scaling")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in GOALS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(GOALS)}")
    RESULTS.mkdir(exist_ok=True)
    for name in args.names or list(GOALS):
        say(f"== {name}: {GOALS[name]}")
        info = machine()
        if name == "build":
            import build_bench
            result = build_bench.run([int(k) for k in args.chapter_sizes.split(",") if k])
        elif name == "grading":
            import grading_bench
            result = grading_bench.run(args.exercise, args.submissions,
                                       [int(k) for k in args.class_sizes.split(",") if k], args.workers)
        elif name == "tests":
            import tests_bench
            result = tests_bench.run()
        elif name == "pages":
            import pages_bench
            result = pages_bench.run(ROOT / "_build" / "html")
        else:
            import lighthouse_bench
            result = lighthouse_bench.run(ROOT / "_build" / "html")
        result["machine"] = info
        result["measured_on"] = datetime.date.today().isoformat()
        (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        write_readme()
    say(table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
