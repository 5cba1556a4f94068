"""A notebook run on its own gets the course data over HTTP, validated as usual, or a clear message.

The data are served from a copy of ``data/`` by a server on 127.0.0.1 (nothing leaves the
machine); ``COURSEKIT_DATA`` points at a folder that does not exist, as it would on Colab
or beside a downloaded notebook.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from clients import free_port
from coursekit import data, launch, remote

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = ROOT / "chapters" / "01_cancelled_visit.ipynb"


class _Server:
    """A static server for a folder that records what was asked and answered."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.log: list[tuple[str, int]] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_request(self, code="-", size="-"):
                server.log.append((self.path, int(code) if str(code).isdigit() else code))

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def paths(self, status: int | None = None) -> list[str]:
        return [p for p, code in self.log if status is None or code == status]


@pytest.fixture
def served(tmp_path):
    copy = tmp_path / "served"
    shutil.copytree(ROOT / "data", copy)
    server = _Server(copy)
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def alone(tmp_path, monkeypatch):
    """No local data, a private cache, nothing remembered from earlier downloads."""
    monkeypatch.setattr(data, "DATA_DIR", tmp_path / "no-data-here")
    monkeypatch.setenv("COURSEKIT_DATA", str(tmp_path / "no-data-here"))
    monkeypatch.setenv(remote.ENV_CACHE, str(tmp_path / "cache"))
    monkeypatch.delenv(remote.ENV_URL, raising=False)
    monkeypatch.setattr(remote, "_checked", set())
    return tmp_path


def closed_port_url() -> str:
    return f"http://127.0.0.1:{free_port()}/data/"


def text_outputs(nb) -> list[list[str]]:
    """What nbval compares, less images: the text of every output of every code cell."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for out in cell.outputs:
            if out.output_type == "stream":
                texts.append(out.text)
            elif "data" in out:
                texts.append(out.data.get("text/plain", ""))
        found.append(texts)
    return found


# -- a chapter, alone in an empty folder -------------------------------------------------------
def test_a_chapter_runs_alone_with_the_data_from_the_server(alone, served, monkeypatch):
    folder = alone / "downloads"
    folder.mkdir()
    shutil.copy(CHAPTER, folder)
    monkeypatch.setenv(remote.ENV_URL, served.url)
    nb = nbformat.read(folder / CHAPTER.name, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()

    assert text_outputs(nb) == text_outputs(nbformat.read(CHAPTER, as_version=4))
    assert sorted(p.name for p in folder.iterdir()) == [CHAPTER.name]  # nothing laid beside it
    asked = served.paths(200)
    assert "/datapackage.json" in asked
    assert {"/curated/timeline_2012.csv", "/cow_nmc/cow_nmc_v7_focus_1990_2022.csv"} <= set(asked)
    assert len(asked) == len(set(asked)), "a file was downloaded twice"
    assert len(asked) < len(data.names(ROOT / "data")), "only the files the chapter loads are downloaded"
    cached = next((alone / "cache" / "data").iterdir())
    assert (cached / "curated" / "timeline_2012.csv").read_bytes() == (ROOT / "data/curated/timeline_2012.csv").read_bytes()


def test_a_bad_address_fails_in_the_notebook_with_a_clear_message(alone, monkeypatch):
    url = closed_port_url()
    monkeypatch.setenv(remote.ENV_URL, url)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'from coursekit import data\ndata.load("timeline_2012")')])
    with pytest.raises(CellExecutionError) as error:
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(alone)}}).execute()
    message = str(error.value)
    assert "DataError" in message and f"{url}datapackage.json" in message and remote.ENV_URL in message


# -- the loader, in this process ---------------------------------------------------------------
def test_only_the_loaded_file_is_downloaded_and_it_is_validated_and_typed(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    frame = data.load("timeline_2012")
    assert frame.equals(data.load("timeline_2012", ROOT / "data"))
    assert served.paths(200) == ["/datapackage.json", "/curated/timeline_2012.csv"]
    assert data.names() == data.names(ROOT / "data")
    assert data.describe("cow_nmc")["path"] == "cow_nmc/cow_nmc_v7_focus_1990_2022.csv"
    assert len(served.paths()) == 2  # describing needs the package only


def test_the_cache_is_revalidated_once_per_process_and_refreshed_when_the_server_changes(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    data.load("timeline_2012")
    data.load("timeline_2012")
    assert len(served.paths()) == 2
    monkeypatch.setattr(remote, "_checked", set())  # a new session
    data.load("timeline_2012")
    assert served.paths(304) == ["/datapackage.json", "/curated/timeline_2012.csv"]
    # The published file changes: the next session downloads it again.
    csv = served.folder / "curated" / "timeline_2012.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[:-1]), encoding="utf-8")
    stamp = csv.stat().st_mtime + 10
    os.utime(csv, (stamp, stamp))
    monkeypatch.setattr(remote, "_checked", set())
    assert len(data.load("timeline_2012")) == len(lines) - 2


def test_offline_the_cached_copy_is_used_with_a_warning(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    expected = data.load("timeline_2012")
    served.httpd.shutdown()
    served.httpd.server_close()
    monkeypatch.setattr(remote, "_checked", set())
    with pytest.warns(UserWarning, match="using the cached copy"):
        assert data.load("timeline_2012").equals(expected)


def test_a_damaged_file_on_the_server_is_rejected_like_a_local_one(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    csv = served.folder / "curated" / "timeline_2012.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(data.DataError, match=rf"timeline_2012.csv, row {len(lines) + 1}.*primary-key"):
        data.load("timeline_2012")


def test_a_bad_address_names_itself_and_the_settings(alone, monkeypatch):
    url = closed_port_url()
    monkeypatch.setenv(remote.ENV_URL, url)
    with pytest.raises(data.DataError) as error:
        data.load("timeline_2012")
    message = str(error.value)
    assert f"could not download {url}datapackage.json" in message
    assert str(alone / "no-data-here" / "datapackage.json") in message
    assert remote.ENV_URL in message and "COURSEKIT_DATA" in message


def test_a_missing_file_on_the_server_is_named(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    (served.folder / "cow_nmc" / "cow_nmc_v7_focus_1990_2022.csv").unlink()
    with pytest.raises(data.DataError, match=rf"file of dataset 'cow_nmc' is missing, and could not download "
                                             rf"{served.url}cow_nmc/cow_nmc_v7_focus_1990_2022.csv: HTTP 404"):
        data.load("cow_nmc")
    monkeypatch.setenv(remote.ENV_URL, served.url + "nowhere/")
    with pytest.raises(data.DataError, match=rf"{served.url}nowhere/datapackage.json: HTTP 404"):
        data.names()


def test_a_package_cannot_write_outside_the_cache(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    package = json.loads((served.folder / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"][0]["path"] = "../../escaped.csv"
    (served.folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(Exception, match="is not safe"):  # Frictionless refuses the description itself
        data.load(package["resources"][0]["name"])
    for path in ("../../escaped.csv", "/tmp/escaped.csv", "a/../../escaped.csv"):  # and so does the download
        with pytest.raises(remote.FetchError, match="not a relative path inside the data folder"):
            remote.ensure(remote.mirror(served.url), path)
    assert not list(alone.rglob("escaped.csv")) and not Path("/tmp/escaped.csv").exists()


def test_local_data_never_touch_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the network was used although the data are local")

    monkeypatch.setattr(remote, "mirror", refuse)
    monkeypatch.setattr(remote, "_download", refuse)
    assert len(data.load("timeline_2012")) > 0


# -- where the data come from -------------------------------------------------------------------
def test_the_default_address_is_the_raw_data_folder_of_the_configured_repository(monkeypatch):
    monkeypatch.delenv(remote.ENV_URL, raising=False)
    repo = launch.repository()
    org, name = repo.org_repo
    assert remote.data_url() == f"https://raw.githubusercontent.com/{org}/{name}/{repo.branch}/data/"
    monkeypatch.setenv(remote.ENV_URL, "http://127.0.0.1:1/course-data")
    assert remote.data_url() == "http://127.0.0.1:1/course-data/"


def test_installed_from_git_the_address_follows_the_installed_commit(monkeypatch):
    import importlib.metadata

    commit = "0123456789abcdef0123456789abcdef01234567"

    class Dist:
        def read_text(self, name):
            assert name == "direct_url.json"
            return json.dumps({"url": "https://github.com/someone/course.git",
                               "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": commit}})

    def no_config():
        raise FileNotFoundError("no _config.yml")

    monkeypatch.delenv(remote.ENV_URL, raising=False)
    monkeypatch.setattr(launch, "repository", no_config)
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Dist())
    assert remote.data_url() == f"https://raw.githubusercontent.com/someone/course/{commit}/data/"
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: type("D", (), {"read_text": lambda s, n: None})())
    with pytest.raises(remote.FetchError, match=remote.ENV_URL):
        remote.data_url()


def test_repository_addresses():
    repo = launch.Repository("https://gitlab.com/team/course.git/", "")
    assert repo == ("https://gitlab.com/team/course", "main")
    assert repo.raw_url("data/") == "https://gitlab.com/team/course/-/raw/main/data/"
    with pytest.raises(ValueError, match="github.com and gitlab.com only"):
        launch.Repository("https://example.org/team/course").raw_url()
    assert launch.Repository("https://github.com/a/b", "dev").raw_url("x.csv") == \
        "https://raw.githubusercontent.com/a/b/dev/x.csv"
