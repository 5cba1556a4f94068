"""Benchmarks 1 and 2: the clean executed build against its floor; rebuilds.

Floor: the sum of bare executions (fresh kernel, all cells, in the notebook's folder) of
the notebooks the build executes. The build is ``scripts/build-book`` run on a scratch
copy of the course (so a chapter can be edited), timed from the shell, set-up included.
Growth with the number of chapters: the same on copies whose table of contents keeps
only the first k chapters (built without -W -n, since cross-references then dangle).
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import nbformat
import yaml

from common import ROOT, Timer, bare_execute, say, scratch_copy
from coursekit.book import build


def floor(root: Path) -> dict[str, float]:
    return {nb.relative_to(root).as_posix(): round(bare_execute(nb), 2) for nb in build.executed_notebooks(root)}


def build_book(root: Path, *args: str) -> tuple[float, str]:
    """Seconds for ``bash scripts/build-book`` in ``root``, and the mode it reports."""
    with Timer() as t:
        done = subprocess.run(["bash", str(root / "scripts" / "build-book"), *args], cwd=root,
                              capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    mode = next((line.split("(", 1)[1].split(")", 1)[0] for line in done.stdout.splitlines()
                 if line.startswith("book (")), "up to date" if "up to date" in done.stdout else "?")
    executed = next((line for line in done.stdout.splitlines() if line.startswith("executed ")), "")
    return round(t.seconds, 2), f"{mode}; {executed}"


def keep_chapters(root: Path, k: int) -> None:
    toc_path = root / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text())
    for part in toc["parts"]:
        if part["chapters"][0]["file"].startswith("chapters/"):
            part["chapters"] = part["chapters"][:k]
    toc_path.write_text(yaml.safe_dump(toc, sort_keys=False))


def edit_chapter(path: Path) -> None:
    """A real edit: one more code cell, so the chapter must run again."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('print("edited for the rebuild benchmark")'))
    nbformat.write(nb, path)


def run(sizes: list[int]) -> dict:
    result: dict = {"scaling": []}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        copy = scratch_copy(Path(tmp) / "course")
        (copy / ".venv").symlink_to(ROOT / ".venv")  # same environment; the set-up check still runs
        say("floor: bare execution of each notebook the build executes ...")
        per_notebook = floor(copy)
        result["floor_per_notebook_s"] = per_notebook
        result["floor_s"] = round(sum(per_notebook.values()), 2)
        say(f"  {len(per_notebook)} notebooks, sum {result['floor_s']} s")
        say("clean build (scripts/build-book --clean) ...")
        result["clean_build_s"], result["clean_build_log"] = build_book(copy, "--clean")
        result["clean_ratio"] = round(result["clean_build_s"] / result["floor_s"], 2)
        say(f"  {result['clean_build_s']} s = {result['clean_ratio']}x the floor ({result['clean_build_log']})")
        say("no-change rebuild ...")
        runs = [build_book(copy) for _ in range(3)]
        result["no_change_s"] = sorted(s for s, _ in runs)[1]
        result["no_change_log"] = runs[0][1]
        say(f"  median of 3: {result['no_change_s']} s ({runs[0][1]})")
        chapter = "chapters/06_steel_trade.ipynb"
        edit_chapter(copy / chapter)
        say(f"one chapter changed ({chapter}) ...")
        result["one_chapter_s"], result["one_chapter_log"] = build_book(copy)
        result["one_chapter_floor_s"] = per_notebook[chapter]
        say(f"  {result['one_chapter_s']} s; that chapter's bare execution {per_notebook[chapter]} s "
            f"({result['one_chapter_log']})")
        result["scaling"].append({"chapters": len([n for n in per_notebook if n.startswith("chapters/")]),
                                  "notebooks": len(per_notebook), "floor_s": result["floor_s"],
                                  "build_s": result["clean_build_s"], "strict": True})
    for k in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-build-{k}-") as tmp:
            copy = scratch_copy(Path(tmp) / "course")
            keep_chapters(copy, k)
            nbs = build.executed_notebooks(copy)
            floor_s = round(sum(bare_execute(nb) for nb in nbs), 2)
            with Timer() as t:
                build.build(root=copy, clean=True, strict=False, log=lambda _: None, extra=["--quiet"])
            row = {"chapters": k, "notebooks": len(nbs), "floor_s": floor_s, "build_s": round(t.seconds, 2),
                   "strict": False}
            result["scaling"].append(row)
            say(f"  {k} chapters: floor {floor_s} s, build {row['build_s']} s")
    return result
