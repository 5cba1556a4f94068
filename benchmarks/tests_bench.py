"""Benchmark 4: wall time of the README's test command once the environment exists."""
from __future__ import annotations

import re
import subprocess

from common import ROOT, Timer, say


def run() -> dict:
    cmd = ["bash", str(ROOT / "scripts" / "run-tests"), "-q", "-p", "no:cacheprovider", "--durations=12"]
    say("bash scripts/run-tests ...")
    with Timer() as t:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    tail = done.stdout.strip().splitlines()
    summary = next((line for line in reversed(tail) if re.search(r"\d+ (passed|failed)", line)), "")
    slowest = [line.strip() for line in tail if re.match(r"\s*\d+\.\d+s (call|setup|teardown) ", line)]
    result = {"wall_s": round(t.seconds, 1), "exit_code": done.returncode, "summary": summary.strip("= "),
              "slowest": slowest[:12]}
    say(f"  {result['wall_s']} s, exit {done.returncode}: {result['summary']}")
    return result
