"""Committed notebooks are clean: what nbval compares is all that varies between runs; each carries
the kernelspec the installed kernel reports (so it opens unmodified); `bash scripts/lab` opens them."""
import json
import os
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from clients import free_port
from coursekit.book.build import toc_pages
from coursekit.book.notebooks import KERNELSPEC, WIDGET_VIEW, clean
from helpers import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
APPENDICES = sorted((ROOT / "reference").glob("*.ipynb"))
MASTERS = sorted(p for p in (ROOT / "exercises").glob("*/*.ipynb"))
NOTEBOOKS = CHAPTERS + APPENDICES + MASTERS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebook_is_executed_and_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert "widgets" not in nb.metadata
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert code and all(c.execution_count for c in code), "run `coursekit execute` on it"
    for cell in nb.cells:
        assert "execution" not in cell.metadata
        for output in cell.get("outputs", []):
            assert WIDGET_VIEW not in output.get("data", {})
            assert output.get("output_type") != "error", f"{path.name}: a cell raised"
    assert clean(nbformat.read(path, as_version=4)) == nb


def committed_notebooks() -> list[str]:
    """Every .ipynb git tracks (generated student and autograder notebooks included)."""
    out = subprocess.run(["git", "ls-files", "-z", "*.ipynb"], cwd=ROOT, capture_output=True, check=True).stdout
    return sorted(name for name in out.decode().split("\0") if name)


def test_every_committed_notebook_carries_the_installed_kernels_spec():
    """JupyterLab marks a notebook modified on opening when its kernelspec differs from the kernel's."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(KERNELSPEC["name"])
    assert {"display_name": spec.display_name, "language": spec.language, "name": KERNELSPEC["name"]} == KERNELSPEC
    paths = committed_notebooks()
    assert len(paths) >= len(NOTEBOOKS)
    wrong = {p: json.loads((ROOT / p).read_text(encoding="utf-8"))["metadata"].get("kernelspec") for p in paths}
    assert {p: k for p, k in wrong.items() if k != KERNELSPEC} == {}, f"each should carry {KERNELSPEC}"


def test_money_in_markdown_is_never_read_as_maths():
    """jupyterlab-myst reads "$542 million ... $500 million" as a formula: a dollar sign outside code is escaped."""
    import re

    code = re.compile(r"```.*?```|`[^`\n]*`", re.S)
    bare = {}
    for name in committed_notebooks():
        nb = json.loads((ROOT / name).read_text(encoding="utf-8"))
        for n, cell in enumerate(nb["cells"], start=1):
            text = code.sub("", "".join(cell["source"])) if cell["cell_type"] == "markdown" else ""
            if re.search(r"(?<!\\)\$", text):
                bare.setdefault(name, []).append(n)
    assert bare == {}, "unescaped $ (write \\$) in markdown cells, by notebook and cell number"


def test_clean_sets_the_kernelspec():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    assert clean(nb).metadata.kernelspec == KERNELSPEC


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


@pytest.mark.parametrize("option, page", [(None, "lab"), ("--notebook", "tree")])
def test_scripts_lab_serves_the_repository(option, page, tmp_path):
    """`bash scripts/lab` (JupyterLab; `--notebook`: Notebook 7) starts a server whose root is the
    repository, from any working directory, passing Jupyter's own options through."""
    port, token = free_port(), secrets.token_hex(16)
    command = ["bash", str(ROOT / "scripts" / "lab"), "--no-browser", f"--ServerApp.port={port}",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.token={token}"] + ([option] if option else [])
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline, status = time.monotonic() + 90, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status = _get(f"{base}/api/status?token={token}")
                break
            except OSError:
                time.sleep(0.3)
        logged = (tmp_path / "server.log").read_text(errors="replace")
        assert status is not None and status[0] == 200, f"no answer on {base}/api/status:\n{logged[-3000:]}"
        assert _get(f"{base}/api/status")[0] == 403, "the server must require the token"
        code, body = _get(f"{base}/api/contents/chapters?token={token}")
        assert code == 200, logged[-3000:]
        listed = {item["name"] for item in json.loads(body)["content"]}
        assert {p.name for p in CHAPTERS} <= listed
        assert _get(f"{base}/{page}?token={token}")[0] == 200, f"/{page} is not served:\n{logged[-3000:]}"
        code, body = _get(f"{base}/api/kernelspecs?token={token}")
        specs = json.loads(body)
        assert specs["default"] == KERNELSPEC["name"]
        assert specs["kernelspecs"][KERNELSPEC["name"]]["spec"]["display_name"] == KERNELSPEC["display_name"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_every_chapter_is_in_the_table_of_contents():
    listed = set(toc_pages(ROOT))
    assert {f"chapters/{p.stem}" for p in CHAPTERS} | {f"reference/{p.stem}" for p in APPENDICES} <= listed


def test_clean_drops_widget_views_and_timestamps():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("quiz", execution_count=7)
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "q", WIDGET_VIEW: {"model_id": "abc"}},
                                           execution_count=7)]
    nb.cells = [nbformat.v4.new_markdown_cell("# t"), cell]
    nb.metadata["widgets"] = {"state": {}}
    clean(nb)
    assert "widgets" not in nb.metadata and "execution" not in cell.metadata
    assert cell.execution_count == 1 and cell.outputs[0]["execution_count"] == 1
    assert cell.outputs[0]["data"] == {"text/plain": "q"}
