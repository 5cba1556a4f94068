"""The GitHub Actions workflow builds the book with the project's own commands and publishes it to Pages.

actionlint (its binary pinned in requirements.txt, see README) checks the workflow's
syntax, expressions, action inputs and runner labels; the other tests check what
actionlint cannot know: that it runs the same scripts and deploys with the right permissions.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    if found.is_file():
        return str(found)
    on_path = shutil.which("actionlint")
    assert on_path, "actionlint is missing: it is pinned in requirements.txt (scripts/env.sh installs it)"
    return on_path


def lint(path: Path) -> subprocess.CompletedProcess:
    # No shellcheck/pyflakes on this machine: actionlint's own checks only, the same everywhere.
    return subprocess.run([actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_actionlint_passes():
    done = lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_mistakes(tmp_path):
    text = WORKFLOW.read_text(encoding="utf-8")
    broken = {
        "unknown permission": text.replace("pages: write", "pagez: write"),
        "undefined step output": text.replace("steps.deployment.outputs.page_url", "steps.deploy.outputs.page_url"),
        "missing required input": text.replace("          path: _build/html\n", ""),
    }
    for what, bad in broken.items():
        assert bad != text, what
        path = tmp_path / ".github" / "workflows" / "book.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(bad, encoding="utf-8")
        assert lint(path).returncode != 0, f"actionlint missed: {what}"


def test_it_builds_with_the_projects_own_commands(workflow):
    build = workflow["jobs"]["build"]
    runs = [s["run"] for s in steps(build) if "run" in s]
    assert any(r.strip() == "bash scripts/build-book" for r in runs)
    assert any("bash scripts/build-pdf" in r for r in runs)
    # The environment comes from requirements.txt through scripts/env.sh, nowhere else.
    assert not any("pip install" in r for r in runs)
    assert not any(s.get("uses", "").startswith("actions/setup-python") for s in steps(build))
    assert "python:3.11" in str(build.get("container", ""))


def test_it_publishes_the_html_to_pages_from_main_only(workflow):
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    upload = [s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "_build/html"
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "push" in deploy["if"] and "pull_request" not in deploy["if"]
    # Everything else gets read access only.
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in build
