"""A notebook run on its own gets the course data over HTTP, checked against the sha256s
that ``datapackage.json`` records and validated as usual, or a clear message.

The data are served from a copy of ``data/`` by a server on 127.0.0.1 (nothing leaves the
machine); ``COURSEKIT_DATA`` points at a folder that does not exist, as it would on Colab
or beside a downloaded notebook.
"""
from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from clients import free_port
from coursekit.runtime import repository
from coursekit.runtime import data, remote
from helpers import ROOT

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
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def paths(self, status: int | None = None) -> list[str]:
        return [p for p, code in self.log if status is None or code == status]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served(tmp_path):
    copy = tmp_path / "served"
    shutil.copytree(ROOT / "data", copy)
    server = _Server(copy)
    server.thread.start()
    yield server
    server.stop()


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


def cached_files(cache: Path) -> list[str]:
    """Every file under the cache, relative to it (hidden and temporary ones included)."""
    return sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())


def new_session(monkeypatch) -> None:
    """What a fresh kernel starts with: no address checked yet."""
    monkeypatch.setattr(remote, "_checked", set())


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
        'from coursekit.runtime import data\ndata.load("timeline_2012")')])
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


def test_a_new_session_downloads_the_package_again_but_no_file_whose_hash_matches(alone, served, monkeypatch):
    """Replaces the ETag / If-None-Match check of every cached file (answered 304): the sha256
    that the package records says whether a cached file is current, so a matching file costs no
    request at all, and only datapackage.json, which has no recorded hash, is fetched again
    (once per process, as the validators were)."""
    monkeypatch.setenv(remote.ENV_URL, served.url)
    data.load("timeline_2012")
    data.load("timeline_2012")
    assert served.paths() == ["/datapackage.json", "/curated/timeline_2012.csv"]
    new_session(monkeypatch)
    data.load("timeline_2012")
    assert served.paths()[2:] == ["/datapackage.json"]
    # The published file changes and its recorded hash with it: the next session downloads it again.
    csv = served.folder / "curated" / "timeline_2012.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[:-1]), encoding="utf-8")
    assert remote.update_hashes(served.folder) == ["curated/timeline_2012.csv"]
    new_session(monkeypatch)
    assert len(data.load("timeline_2012")) == len(lines) - 2
    assert served.paths()[3:] == ["/datapackage.json", "/curated/timeline_2012.csv"]


def test_a_cached_file_that_matches_its_hash_needs_no_request_and_a_damaged_one_is_replaced(
        alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    folder = remote.mirror()
    cached = remote.ensure(folder, "curated/visits.csv")
    asked = len(served.paths())
    for _ in range(3):
        assert remote.ensure(folder, "curated/visits.csv") == cached
    assert len(served.paths()) == asked
    cached.write_bytes(cached.read_bytes()[:-10])  # damaged on this machine
    remote.ensure(folder, "curated/visits.csv")
    assert served.paths()[asked:] == ["/curated/visits.csv"]
    assert cached.read_bytes() == (ROOT / "data" / "curated" / "visits.csv").read_bytes()


def test_a_tampered_file_on_the_server_is_refused_and_no_copy_of_it_is_cached(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    csv = served.folder / "curated" / "timeline_2012.csv"
    expected = remote.file_sha256(csv)
    text = csv.read_text(encoding="utf-8")
    assert "2012-09-27" in text
    csv.write_text(text.replace("2012-09-27", "2012-09-28", 1), encoding="utf-8")  # still a valid table
    actual = "sha256:" + hashlib.sha256(csv.read_bytes()).hexdigest()
    with pytest.raises(data.DataError) as error:
        data.load("timeline_2012")
    message = str(error.value)
    assert (f"{served.url}curated/timeline_2012.csv does not match the sha256 recorded in datapackage.json: "
            f"expected {expected}, got {actual}; the download was discarded") in message
    folder = next((alone / "cache" / "data").iterdir())
    assert cached_files(folder) == [".coursekit-source", "datapackage.json"]
    with pytest.raises(data.DataError, match="does not match the sha256"):  # and again: nothing was kept
        data.load("timeline_2012")


def test_offline_the_cached_copy_is_used_with_a_warning(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    expected = data.load("timeline_2012")
    served.stop()
    new_session(monkeypatch)
    with pytest.warns(UserWarning, match=rf"could not download {served.url}datapackage.json: .*Connection refused"
                                         rf".*; using the cached copy"):
        assert data.load("timeline_2012").equals(expected)


def test_offline_a_file_not_yet_cached_names_its_address_and_the_settings(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    assert "cow_nmc" in data.names()  # the package is cached, no data file yet
    served.stop()
    new_session(monkeypatch)
    with pytest.warns(UserWarning, match="using the cached copy"), pytest.raises(data.DataError) as error:
        data.load("cow_nmc")
    message = str(error.value)
    assert f"could not download {served.url}cow_nmc/cow_nmc_v7_focus_1990_2022.csv: " in message
    assert "Connection refused" in message and remote.ENV_URL in message and "COURSEKIT_DATA " in message


def test_a_file_changed_on_the_server_with_its_hash_is_validated_like_a_local_one(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    csv = served.folder / "curated" / "timeline_2012.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    remote.update_hashes(served.folder)
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
    monkeypatch.setattr(remote, "_refresh_package", refuse)
    monkeypatch.setattr(remote, "_download", refuse)
    assert len(data.load("timeline_2012")) > 0


def test_importing_the_loader_and_loading_local_data_import_neither_pooch_nor_requests():
    code = ("import sys\nfrom coursekit.runtime import data\ndata.load('timeline_2012')\n"
            "print(sorted(m for m in ('pooch', 'requests') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_without_pooch_the_message_says_how_to_install_it(alone, served, monkeypatch):
    monkeypatch.setenv(remote.ENV_URL, served.url)
    monkeypatch.setitem(sys.modules, "pooch", None)  # what `import pooch` meets when it is not installed
    with pytest.raises(data.DataError, match=r"needs pooch, which is not installed: pip install pooch==1\.9\.0"):
        data.load("timeline_2012")
    assert remote.POOCH_PIN in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()


def test_the_cache_holds_one_folder_per_address_with_the_files_at_their_package_paths(alone, served, monkeypatch):
    shutil.copytree(ROOT / "data", served.folder / "v2")
    addresses = [served.url, served.url + "v2/"]
    for url in addresses:
        remote.ensure(remote.mirror(url), "curated/timeline_2012.csv")
    cache = alone / "cache" / "data"
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        hashlib.sha256(url.encode()).hexdigest()[:16] for url in addresses)
    for url in addresses:
        folder = cache / hashlib.sha256(url.encode()).hexdigest()[:16]
        assert (folder / ".coursekit-source").read_text(encoding="utf-8") == url
        assert cached_files(folder) == [".coursekit-source", "curated/timeline_2012.csv", "datapackage.json"]
        assert (folder / "datapackage.json").read_bytes() == (ROOT / "data" / "datapackage.json").read_bytes()
    assert remote.mirror(addresses[1].rstrip("/")) == folder  # the same address with or without its slash


def test_only_files_whose_sha256_the_package_records_are_downloaded(alone, served, monkeypatch):
    """PROVENANCE.md and LICENSES.md are named by sources and licences, which record no hash:
    they stay on the repository for people to read, and nothing unverified enters the cache."""
    package = json.loads((served.folder / "datapackage.json").read_text(encoding="utf-8"))
    del package["resources"][1]["hash"]
    (served.folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    folder = remote.mirror(served.url)
    for relpath in ("curated/PROVENANCE.md", "LICENSES.md", package["resources"][1]["path"]):
        with pytest.raises(remote.FetchError, match=rf"refusing to download {served.url}{relpath}: "
                                                    rf".*datapackage.json records no sha256 hash for it"):
            remote.ensure(folder, relpath)
    assert served.paths() == ["/datapackage.json"]


# -- the recorded hashes --------------------------------------------------------------------------
def test_updating_the_hashes_records_an_edited_file_and_keeps_the_package_layout(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    package_path = copy / "datapackage.json"
    committed = package_path.read_text(encoding="utf-8")
    assert remote.update_hashes(copy) == []
    # Without any hash, the update writes back the committed file byte for byte.
    package = json.loads(committed)
    for resource in package["resources"]:
        del resource["hash"]
    package_path.write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    assert len(remote.update_hashes(copy)) == len(package["resources"])
    assert package_path.read_text(encoding="utf-8") == committed
    # An edited file: only its hash line changes.
    csv = copy / "curated" / "visits.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert remote.update_hashes(copy) == ["curated/visits.csv"]
    before, after = committed.splitlines(), package_path.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after) if a != b] == [
        (f'      "hash": "{remote.file_sha256(ROOT / "data/curated/visits.csv")}",',
         f'      "hash": "{remote.file_sha256(csv)}",')]


def test_the_hash_command_updates_a_data_folder_and_names_a_bad_one(tmp_path, capsys):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    (copy / "curated" / "visits.csv").write_text("id\n", encoding="utf-8")
    assert remote.main(["--update-hashes", str(copy)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "updated the sha256 of curated/visits.csv", f"{copy / 'datapackage.json'}: 1 hash(es) updated"]
    assert remote.main(["--update-hashes", str(tmp_path / "nowhere")]) == 2
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1 and str(tmp_path / "nowhere" / "datapackage.json") in error
    with pytest.raises(SystemExit) as usage:
        remote.main([])
    assert usage.value.code == 2


# -- where the data come from -------------------------------------------------------------------
def test_the_default_address_is_the_raw_data_folder_of_the_configured_repository(monkeypatch):
    monkeypatch.delenv(remote.ENV_URL, raising=False)
    repo = repository.repository()
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
    monkeypatch.setattr(repository, "repository", no_config)
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Dist())
    assert remote.data_url() == f"https://raw.githubusercontent.com/someone/course/{commit}/data/"
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: type("D", (), {"read_text": lambda s, n: None})())
    with pytest.raises(remote.FetchError, match=remote.ENV_URL):
        remote.data_url()


def test_repository_addresses():
    repo = repository.Repository("https://gitlab.com/team/course.git/", "")
    assert repo == ("https://gitlab.com/team/course", "main")
    assert repo.raw_url("data/") == "https://gitlab.com/team/course/-/raw/main/data/"
    with pytest.raises(ValueError, match="github.com and gitlab.com only"):
        repository.Repository("https://example.org/team/course").raw_url()
    assert repository.Repository("https://github.com/a/b", "dev").raw_url("x.csv") == \
        "https://raw.githubusercontent.com/a/b/dev/x.csv"
