"""Benchmark 4: wall time of the README's test command once the environment exists."""
from __future__ import annotations

import re
import resource
import subprocess

from common import ROOT, Timer, say


def run() -> dict:
    cmd = ["bash", str(ROOT / "scripts" / "run-tests"), "-q", "-p", "no:cacheprovider", "--durations=12"]
    say("bash scripts/run-tests ...")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with Timer() as t:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of pytest and everything it started (kernels, Sphinx, Chromium, graders), once reaped.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    tail = done.stdout.strip().splitlines()
    summary = next((line for line in reversed(tail) if re.search(r"\d+ (passed|failed)", line)), "")
    slowest = [line.strip() for line in tail if re.match(r"\s*\d+\.\d+s (call|setup|teardown) ", line)]
    failures = [line.strip() for line in tail if line.startswith(("FAILED ", "ERROR "))]  # -ra's summary
    result = {"wall_s": round(t.seconds, 1), "cpu_s": round(cpu, 1), "exit_code": done.returncode,
              "summary": summary.strip("= "), "slowest": slowest[:12], "failures": failures[:20]}
    say(f"  {result['wall_s']} s, exit {done.returncode}: {result['summary']}; {result['cpu_s']} CPU-seconds "
        f"(at least {result['cpu_s'] / 2:.0f} s of wall time on 2 cores)")
    return result
