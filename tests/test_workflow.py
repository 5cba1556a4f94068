"""The GitHub Actions workflows: the student release publishes the book to Pages; this repository publishes nothing.

This repository is the instructor's (kept private: it holds the solutions). Its book workflow only
generates the student release and builds it with the release's own commands; its tests workflow
(tests.yml) runs the README's test command on pull requests and main, ruff on its own for a quick
answer, and every week the suite against the newest packages, reporting without failing. The release
carries its own workflow (``coursekit.instructor.release.workflow()``, from coursekit/instructor/release_files/book.yml),
which builds the book with the project's own commands and publishes it to GitHub Pages.

actionlint (its binary pinned in requirements/test.txt, see README) checks the workflows' syntax,
expressions, action inputs and runner labels; the other tests check what actionlint cannot
know: that they run the same scripts, and that only the release deploys, with the right permissions.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from coursekit.book import launch
from coursekit.instructor import release
from helpers import ROOT, pinned_tool

WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"
TESTS = ROOT / ".github" / "workflows" / "tests.yml"


def actionlint() -> str:
    return pinned_tool("actionlint")


def lint(path: Path) -> subprocess.CompletedProcess:
    # No shellcheck/pyflakes on this machine: actionlint's own checks only, the same everywhere.
    return subprocess.run([actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def write_workflow(folder: Path, text: str) -> Path:
    """``text`` as a repository's workflow file, where actionlint expects one."""
    path = folder / release.WORKFLOW
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def release_text() -> str:
    return release.workflow()


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tests_workflow() -> dict:
    return yaml.safe_load(TESTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def release_workflow(release_text) -> dict:
    return yaml.safe_load(release_text)


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def test_actionlint_passes_on_this_repositorys_workflow():
    done = lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_passes_on_the_tests_workflow():
    done = lint(TESTS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_passes_on_the_release_workflow(release_text, tmp_path):
    done = lint(write_workflow(tmp_path, release_text))
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_mistakes(release_text, tmp_path):
    broken = {
        "unknown permission": release_text.replace("pages: write", "pagez: write"),
        "undefined step output": release_text.replace("steps.deployment.outputs.page_url",
                                                      "steps.deploy.outputs.page_url"),
        "missing required input": release_text.replace("          path: _build/html\n", ""),
    }
    for what, bad in broken.items():
        assert bad != release_text, what
        assert lint(write_workflow(tmp_path, bad)).returncode != 0, f"actionlint missed: {what}"


def test_the_release_builds_with_the_projects_own_commands(release_workflow):
    build = release_workflow["jobs"]["build"]
    runs = [s["run"] for s in steps(build) if "run" in s]
    assert any(r.strip() == "bash scripts/build-book" for r in runs)
    assert any("bash scripts/build-pdf" in r for r in runs)
    # The environment comes from the lock files through scripts/env.sh, nowhere else.
    assert not any("pip install" in r for r in runs)
    assert not any(s.get("uses", "").startswith("actions/setup-python") for s in steps(build))
    assert "python:3.11" in str(build.get("container", ""))
    assert_pip_cache_follows_the_locks(build)


def test_the_release_publishes_the_html_to_pages_from_its_branch_only(release_workflow):
    assert triggers(release_workflow)["push"]["branches"] == [launch.repository().branch]
    build, deploy = release_workflow["jobs"]["build"], release_workflow["jobs"]["deploy"]
    upload = [s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "_build/html"
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "push" in deploy["if"] and "pull_request" not in deploy["if"]
    # Everything else gets read access only.
    assert release_workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in build


def test_this_repository_publishes_nothing(workflow):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "pages" not in str(workflow.get("permissions")) and "id-token" not in text
    assert "deploy-pages" not in text and "upload-pages-artifact" not in text
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())


def test_this_repository_checks_that_its_release_builds_with_the_releases_own_commands(workflow):
    assert triggers(workflow)["push"]["branches"] == ["main"] and "pull_request" in triggers(workflow)
    (job,) = workflow["jobs"].values()
    runs = [s["run"] for s in steps(job) if "run" in s]
    assert "python:3.11" in str(job.get("container", ""))
    generate = [i for i, r in enumerate(runs) if "coursekit release" in r]
    book = [i for i, r in enumerate(runs) if "bash scripts/build-book" in r]
    pdf = [i for i, r in enumerate(runs) if "bash scripts/build-pdf" in r]
    assert len(generate) == len(book) == len(pdf) == 1 and generate[0] < book[0] < pdf[0]
    # The release is built where it was generated, with its own scripts (its own .venv).
    folder = runs[generate[0]].split("coursekit release", 1)[1].strip()
    assert folder and all(f"cd {folder}" in runs[i] for i in book + pdf)
    assert "COURSEKIT_VENV" not in WORKFLOW.read_text(encoding="utf-8")
    assert_pip_cache_follows_the_locks(job)


def assert_pip_cache_follows_the_locks(job: dict) -> None:
    # The pip cache is saved under a key of every lock file: a changed pin in any of them is a new cache.
    (cache,) = [s for s in steps(job) if s.get("uses", "").startswith("actions/cache@")]
    assert "hashFiles('requirements.txt', 'requirements/*.txt', 'pyproject.toml')" in cache["with"]["key"]


def runs_of(job: dict) -> list[str]:
    return [s["run"] for s in steps(job) if "run" in s]


def test_pull_requests_and_main_run_the_readmes_test_command_in_the_courses_container(tests_workflow):
    assert "bash scripts/run-tests" in (ROOT / "README.md").read_text(encoding="utf-8")
    on = triggers(tests_workflow)
    assert on["push"]["branches"] == ["main"] and "pull_request" in on
    job = tests_workflow["jobs"]["tests"]
    assert "schedule" in job["if"] and "!=" in job["if"]  # the weekly run is the newest job's
    assert job["container"]["image"] == "python:3.11-bookworm"
    assert tests_workflow["env"]["CI"] == "true"  # sandbox and browser tests fail, never skip
    (suite,) = [r for r in runs_of(job) if "scripts/run-tests" in r]
    assert suite.startswith("bash scripts/run-tests ")
    # The environment comes from the lock files through scripts/env.sh, nowhere else.
    assert not any("pip install" in r for r in runs_of(job))
    assert not any(s.get("uses", "").startswith("actions/setup-python") for s in steps(job))
    assert_pip_cache_follows_the_locks(job)


def test_a_failing_suite_leaves_its_report_and_the_books_logs_as_an_artifact(tests_workflow):
    job = tests_workflow["jobs"]["tests"]
    reports = tests_workflow["env"]["REPORTS"]
    (suite,) = [r for r in runs_of(job) if "scripts/run-tests" in r]
    assert suite.endswith(' --junitxml="$REPORTS/junit.xml"')  # run-tests passes its arguments to pytest
    collect = [s for s in steps(job) if "run" in s and "reports/*.log" in s["run"]]
    upload = [s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(collect) == len(upload) == 1
    assert collect[0]["if"] == upload[0]["if"] == "failure()"
    assert steps(job).index(collect[0]) < steps(job).index(upload[0])
    assert upload[0]["with"]["path"] == "${{ env.REPORTS }}" and reports.startswith("/")


def test_every_upload_uses_upload_artifact_v6(tests_workflow, workflow):
    # v4 and v5 run on node20, which actionlint reports as deprecated.
    uses = [s["uses"] for w in (tests_workflow, workflow) for job in w["jobs"].values() for s in steps(job)
            if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uses and set(uses) == {"actions/upload-artifact@v6"}


def test_a_quick_job_runs_the_pinned_ruff_alone(tests_workflow):
    job = tests_workflow["jobs"]["lint"]
    (run,) = runs_of(job)
    assert "grep '^ruff==' requirements/test.txt" in run and "ruff check" in run
    assert re.search(r"^ruff==", (ROOT / "requirements" / "test.txt").read_text(encoding="utf-8"), re.M)
    assert job["timeout-minutes"] <= 10


def test_every_week_the_suite_runs_with_the_newest_packages_and_reports_without_failing(tests_workflow, tmp_path):
    (cron,) = [entry["cron"] for entry in triggers(tests_workflow)["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day == month == "*" and weekday.isdigit()  # once a week
    job = tests_workflow["jobs"]["newest"]
    assert "schedule" in job["if"] and "==" in job["if"]
    by_id = {s["id"]: s for s in steps(job) if "id" in s}
    install, suite = by_id["install"], by_id["suite"]
    # Every pin stripped from every lock (the -r lines that chain them left out), then the README's
    # command in that environment.
    assert "grep -hEv '^(#|-r )' requirements.txt requirements/*.txt" in install["run"]
    assert "sed -E 's/[=<>!~;].*$//'" in install["run"]
    # Run here, that line lists each package of the locks once, by name alone.
    (line,) = re.findall(r"^grep -hEv .*?unpinned\.txt\"$", install["run"], re.M | re.S)
    subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=ROOT, env={**os.environ, "REPORTS": str(tmp_path)},
                   check=True)
    names = (tmp_path / "unpinned.txt").read_text().split()
    locks = ["requirements.txt", "requirements/book.txt", "requirements/instructor.txt", "requirements/test.txt"]
    pinned = re.findall(r"^([A-Za-z0-9_.-]+)==", "".join((ROOT / lock).read_text() for lock in locks), re.M)
    assert sorted(names) == sorted(pinned) and len(names) > 150
    assert {"pandas", "jupyter-book", "dask", "ruff"} <= set(names)
    assert 'COURSEKIT_VENV="$NEWEST" bash scripts/run-tests' in suite["run"]
    assert install.get("continue-on-error") is True and suite.get("continue-on-error") is True
    (report,) = [s for s in steps(job) if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    assert report["if"] == "always()"


def test_the_tests_workflow_only_reads_the_repository(tests_workflow):
    assert tests_workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in tests_workflow["jobs"].values())
    text = TESTS.read_text(encoding="utf-8")
    assert "deploy-pages" not in text and "upload-pages-artifact" not in text and "secrets." not in text
