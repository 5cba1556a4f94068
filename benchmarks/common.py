"""Shared pieces of the benchmarks: timing, the bare-execution floor, a scratch copy of the course."""
from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Never part of a scratch copy: environments, outputs, caches.
SKIP = {".venv", "_build", "node_modules", ".git", ".pytest_cache", "__pycache__", "results", ".jupyter_cache"}


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds``."""

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def bare_execute(path: Path, extra_cells: list[str] = (), timeout: int = 300) -> float:
    """Seconds to run a notebook top to bottom in a fresh kernel, in its folder: the floor.

    Nothing else: no Sphinx, no cache, no sandbox. ``extra_cells`` are appended first
    (e.g. the exercise's tests, for the grading floor).
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells += [nbformat.v4.new_code_cell(src) for src in extra_cells]
    with Timer() as t:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    return t.seconds


def scratch_copy(target: Path) -> Path:
    """A copy of the course's sources (no environment, no build output) to change freely."""
    shutil.copytree(ROOT, target, ignore=lambda d, names: [n for n in names if n in SKIP or n == ".OTTER_LOG"],
                    symlinks=True)
    return target


def machine() -> dict:
    """What the figures were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip() \
        if Path("/usr/bin/chromium").exists() else "absent"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": mem, "os": platform.platform(),
            "python": platform.python_version(), "chromium": chromium,
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def say(*parts) -> None:
    print(*parts, flush=True)
