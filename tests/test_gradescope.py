"""Specification of `coursekit gradescope`: the upload zip, and run_autograder in a simulated Gradescope container.

The zip is built twice for ex01 and read as Gradescope would. Then it is unpacked into an /autograder
layout (source/, run_autograder, submission/, results/) and run_autograder runs in a container made
with bubblewrap: a fresh root holding the host's /usr, /etc and Python, the repository's .venv
read-only where setup.sh puts the venv, and the zip's copy of coursekit where that venv's editable
install looks for it (what setup.sh's ``pip install --no-deps`` of the copy amounts to); nothing else of
the repository. Three containers, as Gradescope's could be:

* **nested**: root with all its capabilities, so the grader's own bubblewrap sandbox starts inside;
* **docker**: root with Docker's default capabilities only (no CAP_SYS_ADMIN), so bubblewrap cannot
  start and the notebook runs as the unprivileged user;
* **no-setuid**: Docker's capabilities without CAP_SETUID and CAP_SETGID: only root could run the
  notebook, so it must not run at all.

Ordinary and hostile notebooks are graded in them; scores must equal those of ``coursekit grade`` on
the same files with the same data (the zip's copy), and no hostile one may raise its score, leave a
process behind, replace results.json or get a hidden test into it. The cases run two at a time
(about a minute on the 2-core test machine). Without bubblewrap or root these container tests skip,
and fail in CI.
"""
from __future__ import annotations

import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import redteam_attacks as rt
from coursekit import ROOT
from coursekit.instructor import assign
from coursekit.instructor.grading import gradescope
from coursekit.instructor.grading.exercise import Question
from coursekit.instructor.grading.gradebook import Result
from coursekit.instructor.grading.submissions import Ungradable
from helpers import EXERCISE, PARTIAL_ANSWERS, POINTS, hidden_test_lines, submission

NAME = EXERCISE.name
BWRAP = Path("/usr/bin/bwrap")
DOCKER_CAPS = ["CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP",
               "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE"]  # Docker's defaults
CONTAINERS = {"nested": None, "docker": DOCKER_CAPS,  # None: all of root's capabilities
              "no-setuid": [c for c in DOCKER_CAPS if c not in ("SETUID", "SETGID")]}
LOOP_TIMEOUT = 5  # seconds: the zip the looping notebooks are graded with
CANARIES = "/grader-test/canaries"  # bound into the container, writable by anyone

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances:DeprecationWarning")


def build(*options: str) -> bytes:
    """The upload as `coursekit gradescope` writes it."""
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"gradescope-{secrets.token_hex(6)}.zip"
    try:
        assert gradescope.main([NAME, "--out", str(out), *options]) == 0
        return out.read_bytes()
    finally:
        out.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def upload() -> zipfile.ZipFile:
    first, second = build(), build()
    assert first == second, "two builds of the same exercise differ"
    return zipfile.ZipFile(io.BytesIO(first))


# --------------------------------------------------------------------------- the zip

def test_the_zip_has_setup_sh_and_run_autograder_at_its_root_and_what_grading_reads(upload):
    names = set(upload.namelist())
    dist = f"exercises/{NAME}/dist"
    required = {"setup.sh", "run_autograder", "requirements.txt", "pyproject.toml", "LICENSE",
                "coursekit/__init__.py", "coursekit/runtime/data.py", "coursekit/runtime/quiz_schema.json",
                f"{dist}/autograder/{NAME}-autograder.zip", f"{dist}/student/{NAME}.ipynb",
                *(f"coursekit/instructor/grading/{p.name}" for p in (ROOT / "coursekit" / "grading").glob("*.py")),
                *(f"{dist}/student/tests/{p.name}" for p in (EXERCISE / "dist" / "student" / "tests").glob("*.py")),
                *(f"data/{p.relative_to(ROOT / 'data').as_posix()}" for p in (ROOT / "data").rglob("*")
                  if p.is_file() and "/." not in f"/{p.relative_to(ROOT / 'data').as_posix()}")}
    assert required <= names, sorted(required - names)
    assert upload.read(f"{dist}/autograder/{NAME}-autograder.zip") == assign.autograder_zip(EXERCISE).read_bytes()


def test_the_zip_holds_nothing_else(upload):
    fixed = {"setup.sh", "run_autograder", "requirements.txt", "pyproject.toml", "LICENSE"}
    allowed = ("coursekit/", "data/", f"exercises/{NAME}/dist/student/",
               f"exercises/{NAME}/dist/autograder/{NAME}-autograder.zip")
    strays = [n for n in upload.namelist() if n not in fixed and not n.startswith(allowed)]
    assert strays == []
    assert not [n for n in upload.namelist() if "__pycache__" in n or "/." in n or n.startswith(".")]


def test_no_master_solutions_or_loose_hidden_tests_are_in_the_zip(upload):
    forbidden = {EXERCISE / f"{NAME}.ipynb", EXERCISE / "dist" / "autograder" / f"{NAME}.ipynb",
                 *(EXERCISE / "dist" / "autograder" / "tests").glob("*.py")}
    contents = {upload.read(n) for n in upload.namelist()}
    assert not [p.name for p in forbidden if p.read_bytes() in contents]
    hidden = f"exercises/{NAME}/dist/autograder/{NAME}-autograder.zip"
    loose = [n for n in upload.namelist() if n != hidden and b"'hidden': True" in upload.read(n)]
    assert loose == []  # hidden tests travel only inside otter's autograder zip


def test_the_zip_is_sorted_dated_1980_and_run_autograder_and_setup_are_executable(upload):
    infos = upload.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {assign.ZIP_DATE}
    modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in infos}
    assert modes["setup.sh"] == modes["run_autograder"] == 0o755
    assert {m for n, m in modes.items() if n not in ("setup.sh", "run_autograder")} == {0o644}


def test_its_requirements_are_the_course_pins_exactly(upload):
    assert upload.read("requirements.txt") == (ROOT / "requirements.txt").read_bytes()
    pins = [line for line in upload.read("requirements.txt").decode().splitlines() if "==" in line]
    assert len(pins) > 100 and all(line.count("==") == 1 for line in pins)


def test_setup_installs_python_and_bubblewrap_then_the_pins_then_coursekit_without_dependencies(upload):
    setup = upload.read("setup.sh").decode()
    assert setup.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in setup
    assert "apt-get install -y --no-install-recommends python3.11" in setup and " bubblewrap " in setup
    pins = setup.index('"$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -r '
                       '"$SOURCE/requirements.txt"')
    itself = setup.index('"$VENV/bin/python" -m pip install --disable-pip-version-check --no-input --no-deps "$SOURCE"')
    assert pins < itself
    assert f"VENV={gradescope.VENV}" in setup and f"useradd --uid {gradescope.STUDENT_UID}" in setup
    assert 'chmod 700 "$SOURCE/exercises"' in setup
    syntax = subprocess.run(["bash", "-n"], input=setup, capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr


def test_run_autograder_grades_this_exercise_with_the_given_limits(upload):
    script = upload.read("run_autograder").decode()
    assert script.startswith("#!/bin/sh\n")
    assert (f"exec {gradescope.VENV}/bin/python -m coursekit.instructor.grading.gradescope --run {NAME} "
            f"--timeout {gradescope.DEFAULT_TIMEOUT} --memory {gradescope.DEFAULT_MEMORY_MB}") in script
    assert "export COURSEKIT_DATA=/autograder/source/data" in script
    other = zipfile.ZipFile(io.BytesIO(build("--timeout", "30", "--memory", "2048"))).read("run_autograder").decode()
    assert f"--run {NAME} --timeout 30 --memory 2048" in other


@pytest.mark.parametrize("argv, message", [
    (["ex99_nothing"], "ex99_nothing: no such exercise"),
    ([NAME, "--timeout", "0"], "--timeout must be positive"),
    ([NAME, "--out", "/"], "/: is a folder"),
])
def test_bad_input_is_a_one_line_error_with_exit_status_2(capsys, argv, message):
    assert gradescope.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("coursekit gradescope: ")


# --------------------------------------------------------------------------- results.json, as data

QUESTIONS = [Question("q1", 1.0), Question("q2", 2.0), Question("q5", 3.0, manual=True)]


def _graded() -> Result:
    case = lambda hidden, passed, message="": {"hidden": hidden, "passed": passed, "message": message}  # noqa: E731
    return Result("alice", "alice.ipynb", "graded", questions={
        "q1": {"score": 1.0, "possible": 1.0, "cases": [case(False, True), case(True, True)]},
        "q2": {"score": 0.0, "possible": 2.0, "cases": [
            case(False, False, "Failed example:\n    gap_days\nExpected nothing\nGot:\n    'gap_days is 61'"),
            case(True, False), case(True, False)]}})


def test_public_checks_are_visible_at_once_and_scores_after_grades_are_published():
    payload = gradescope.gradescope_results(_graded(), QUESTIONS, NAME)
    tests = {t["name"]: t for t in payload["tests"]}
    assert list(tests) == ["q1: public checks", "q1", "q2: public checks", "q2"]  # q5 is marked by hand
    assert tests["q2: public checks"] == {
        "name": "q2: public checks", "visibility": "visible", "status": "failed",
        "output": "Public checks: 0 of 1 passed (the same checks as grader.check in your notebook).\n\n"
                  "Failed example:\n    gap_days\nExpected nothing\nGot:\n    'gap_days is 61'"}
    assert tests["q1: public checks"]["status"] == "passed" and "score" not in tests["q1: public checks"]
    assert (tests["q2"]["score"], tests["q2"]["max_score"], tests["q2"]["visibility"]) == (0.0, 2.0, "after_published")
    assert tests["q2"]["output"].endswith("\n\nHidden tests: 0 of 2 passed.")
    assert payload["score"] == 1.0 and payload["output"].startswith("Graded.")
    assert "stdout_visibility" not in payload  # the log stays the instructor's


def test_only_entries_shown_after_publication_mention_hidden_tests_and_only_as_counts():
    payload = gradescope.gradescope_results(_graded(), QUESTIONS, NAME)
    for test in payload["tests"]:
        assert ("Hidden tests" in test["output"]) == (test["visibility"] == "after_published")
    assert "Hidden" not in payload["output"]


@pytest.mark.parametrize("status, reason", [
    ("timeout", "no result within 120 s (still running in cell 7; does it loop forever?)"),
    ("invalid", "empty file"),
    ("wrong-exercise", "this notebook is for ex02_india_factor, not ex01_cancelled_visit"),
    ("error", "the notebook cannot be isolated here; tell your instructor"),
])
def test_a_file_not_graded_gets_zero_and_one_visible_line_saying_why(status, reason):
    payload = gradescope.gradescope_results(Result("bob", "bob.ipynb", status, reason), QUESTIONS, NAME)
    assert payload["score"] == 0 and payload["tests"] == []
    assert payload["output"].startswith(f"Not graded ({status}): {reason}.") and "\n" not in payload["output"]
    assert ("submit the .ipynb file of this exercise again" in payload["output"]) == (status != "error")
    assert payload["extra_data"]["status"] == status and payload["extra_data"]["reason"] == reason


def test_the_one_notebook_of_the_submission_is_graded(tmp_path):
    sub = tmp_path / "submission"
    (sub / ".ipynb_checkpoints").mkdir(parents=True)
    (sub / ".ipynb_checkpoints" / f"{NAME}-checkpoint.ipynb").write_text("{}")
    (sub / "notes.txt").write_text("")
    with pytest.raises(Ungradable, match=r"no \.ipynb notebook in the submission \(found: notes.txt\)"):
        gradescope.find_submission(sub, NAME)
    (sub / "work").mkdir()
    (sub / "work" / "mine.ipynb").write_text("{}")
    assert gradescope.find_submission(sub, NAME) == sub / "work" / "mine.ipynb"
    (sub / "draft.ipynb").write_text("{}")
    with pytest.raises(Ungradable, match=rf"2 notebooks in the submission .*; submit only {NAME}\.ipynb"):
        gradescope.find_submission(sub, NAME)
    (sub / f"{NAME}.ipynb").write_text("{}")
    assert gradescope.find_submission(sub, NAME) == sub / f"{NAME}.ipynb"


# --------------------------------------------------------------------------- in a simulated container

def require_container() -> None:
    """Fail in CI, skip elsewhere, when bubblewrap or root (to build the container) is missing."""
    missing = "bubblewrap (/usr/bin/bwrap)" if not BWRAP.exists() else "root" if os.geteuid() != 0 else ""
    if not missing:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run run_autograder in a simulated container: {missing} is missing")
    pytest.skip(f"the simulated Gradescope container needs {missing}")


def unpack(payload: bytes, layout: Path, files: dict[str, bytes]) -> None:
    """/autograder as Gradescope lays it out: source/ (the zip, modes kept), run_autograder, submission/, results/."""
    with zipfile.ZipFile(io.BytesIO(payload)) as zf:
        for info in zf.infolist():
            target = layout / "source" / info.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
            target.chmod((info.external_attr >> 16) & 0o777)
    shutil.copy2(layout / "source" / "run_autograder", layout / "run_autograder")
    (layout / "submission").mkdir()
    (layout / "results").mkdir()
    for name, data in files.items():
        (layout / "submission" / name).write_bytes(data)


def container(layout: Path, canaries: Path, caps: list[str] | None) -> list[str]:
    """bwrap: a fresh root with the OS, Python, the venv and the copy of coursekit, /autograder bound;
    root keeps all its capabilities, or only ``caps``."""
    python = Path(sys.base_prefix)
    cmd = [str(BWRAP), "--die-with-parent", "--unshare-pid", "--tmpfs", "/"]
    for top in ("bin", "sbin", "lib", "lib32", "lib64"):
        if os.path.islink(f"/{top}"):
            cmd += ["--symlink", os.readlink(f"/{top}"), f"/{top}"]
    # /tmp first: the checkout (and so the copy of coursekit bound over it) may itself live under /tmp.
    cmd += ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc", "--tmpfs", "/tmp"]
    made = {Path("/tmp")}
    for target in (python, Path(gradescope.VENV), ROOT / "coursekit", Path(CANARIES)):
        for parent in reversed(target.parents[:-1]):
            if parent not in made:
                made.add(parent)
                cmd += ["--perms", "0755", "--dir", str(parent)]
    cmd += ["--ro-bind", str(python), str(python), "--ro-bind", str(ROOT / ".venv"), gradescope.VENV,
            "--ro-bind", str(layout / "source" / "coursekit"), str(ROOT / "coursekit"),
            "--bind", str(canaries), CANARIES, "--bind", str(layout), "/autograder",
            "--proc", "/proc", "--dev", "/dev", "--chdir", "/autograder"]
    if caps is not None:
        cmd += ["--cap-drop", "ALL"] + [arg for cap in caps for arg in ("--cap-add", f"CAP_{cap}")]
    # After grading: wait a moment, then count what is left of the two unprivileged users.
    count = (f"import psutil; print(sum(p.uids().real in ({gradescope.STUDENT_UID}, {gradescope.JUDGE_UID}) "
             "for p in psutil.process_iter()))")
    return cmd + ["--", "/bin/sh", "-c", f"/autograder/run_autograder; echo exit=$?; sleep 1; "
                                         f"echo left=$({gradescope.VENV}/bin/python -c '{count}')"]


@dataclass
class Run:
    results: dict
    stdout: str
    exit: int
    left: int
    canaries: list[str]


def run_in_container(base: Path, payload: bytes, file: str, data: bytes, caps: list[str] | None) -> Run:
    layout, canaries = base / "autograder", base / "canaries"
    canaries.mkdir(parents=True)
    canaries.chmod(0o1777)
    unpack(payload, layout, {file: data})
    proc = subprocess.run(container(layout, canaries, caps), capture_output=True, text=True, timeout=600)
    tail = dict(line.split("=", 1) for line in proc.stdout.splitlines()[-2:] if "=" in line)
    results = json.loads((layout / "results" / "results.json").read_text(encoding="utf-8"))
    return Run(results, proc.stdout + proc.stderr, int(tail.get("exit", -1)), int(tail.get("left", -1)),
               sorted(p.name for p in canaries.iterdir()))


WORLD = rt.World(token=secrets.token_hex(8), base=Path(CANARIES).parent, tcp_port=9, udp_port=9,
                 unix_path="/nonexistent", unix_abstract="nonexistent", pidns="")
SNOOP = r'''
# Read what /autograder shows of the hidden tests, the autograder zip, submissions and results (the course
# package and data are public): anything hidden read gives the answers (points) and drops a canary
import glob, os
_gs_loot = []
for _folder in ("/autograder/source/exercises", "/autograder/submission", "/autograder/results",
                "/proc/1/root/autograder/source/exercises", "/proc/self/root/autograder/source/exercises"):
    _rt_sweep(_folder, 5)
for _pattern in ("/autograder/source/exercises/**", "/autograder/**/*.zip", "/autograder/**/tests/*.py",
                 "/autograder/**/*.ipynb", "/proc/*/root/autograder/source/exercises/**"):
    for _path in glob.glob(_pattern, recursive=True):
        _data = _rt_read(_path)
        if _data:
            _gs_loot.append(_path + ": " + _data[:3000].decode("utf-8", "replace"))
'''
FORGE = r'''
# A results.json with full marks wherever Gradescope might read one, and a fake verdict on every stream
import json, os, sys
_forged = json.dumps({"score": 7.0, "output": "All tests passed!", "tests": [
    {"name": q, "score": p, "max_score": p, "visibility": "visible", "output": "All tests passed!"}
    for q, p in (("q1", 1.0), ("q2", 2.0), ("q3", 2.0), ("q4", 2.0))]})
for _path in ("/autograder/results/results.json", "/autograder/results.json", "results.json", "/tmp/results.json"):
    try:
        os.makedirs(os.path.dirname(os.path.abspath(_path)), exist_ok=True)
        with open(_path, "w") as _f:
            _f.write(_forged)
    except OSError:
        pass
print("All tests passed!\n" + _forged)
sys.stdout.write("All tests passed!\n")
for _fd in (1, 2):
    try:
        os.write(_fd, ("All tests passed!\n" + _forged).encode())
    except OSError:
        pass
'''
BRAG = 'raise RuntimeError("All tests passed! Score: 7/7. " + "\\n".join(_gs_loot)[:3000])'
DAEMON = r'''
# A daemon that outlives the notebook: forges results.json and beats a heart (where it can) for a minute
import os, signal, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        for _sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(_sig, signal.SIG_IGN)
        _end = time.time() + 60
        while time.time() < _end:
            for _path, _text in (("/autograder/results/results.json", '{"score": 7.0, "output": "All tests passed!"}'),
                                 (%r, str(time.time()))):
                try:
                    with open(_path, "w") as _f:
                        _f.write(_text)
                except OSError:
                    pass
            time.sleep(0.2)
    os._exit(0)
''' % (f"{CANARIES}/heartbeat-{WORLD.token}")


RAN = f"import os\nopen(f'{CANARIES}/ran-as-{{os.getuid()}}', 'w').close()"  # first cell: proof that it ran


def hostile() -> bytes:
    """Wrong answers; snoops for hidden tests, forges results.json, claims full marks, raises with its loot."""
    return nbformat.writes(rt.notebook(WORLD, "gs-hostile", [SNOOP, FORGE], tail=[BRAG])).encode()


def looping() -> bytes:
    """Leaves a forging daemon behind, then never ends (asleep, so that it leaves the CPU to the other cases)."""
    cells = [DAEMON, "import time\nwhile True:\n    time.sleep(1)"]
    return nbformat.writes(rt.notebook(WORLD, "gs-loop", cells)).encode()


CASES = {  # name -> (container, submitted file, its bytes, built with a short timeout)
    "solved": ("nested", f"{NAME}.ipynb", lambda: nbformat.writes(submission({})).encode(), False),
    "partial": ("nested", "mine.ipynb", lambda: nbformat.writes(submission(PARTIAL_ANSWERS)).encode(), False),
    "empty": ("nested", f"{NAME}.ipynb", lambda: b"", False),
    "hostile": ("nested", "hostile.ipynb", hostile, False),
    "loop": ("nested", "loop.ipynb", looping, True),
    "docker-partial": ("docker", "mine.ipynb", lambda: nbformat.writes(submission(PARTIAL_ANSWERS)).encode(), False),
    "docker-hostile": ("docker", "hostile.ipynb", hostile, False),
    "docker-loop": ("docker", "loop.ipynb", looping, True),
    "refused": ("no-setuid", f"{NAME}.ipynb", lambda: nbformat.writes(submission({}, RAN)).encode(), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every case in its own container, plus `coursekit grade` on the solved and partial files (same data)."""
    require_container()
    base = tmp_path_factory.mktemp("gradescope")
    zips = {False: build(), True: build("--timeout", str(LOOP_TIMEOUT))}
    subs = base / "class"
    subs.mkdir()
    for name in ("solved", "partial"):
        (subs / f"{name}.ipynb").write_bytes(CASES[name][2]())

    data = base / "data"  # the zip's copy of the course data, for `coursekit grade` too
    with zipfile.ZipFile(io.BytesIO(zips[False])) as zf:
        zf.extractall(data, [n for n in zf.namelist() if n.startswith("data/")])

    def local():
        env = dict(os.environ, COURSEKIT_DATA=str(data / "data"))
        proc = subprocess.run([sys.executable, "-m", "coursekit.instructor.grading", NAME, str(subs), "--out", str(base / "out"),
                               "--workers", "1"], env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        return json.loads((base / "out" / "results.json").read_text(encoding="utf-8"))

    def one(name):
        where, file, make, short = CASES[name]
        return run_in_container(base / name, zips[short], file, make(), CONTAINERS[where])

    with ThreadPoolExecutor(max_workers=2) as pool:
        graded = pool.submit(local)
        futures = {name: pool.submit(one, name) for name in CASES}
        found = {name: future.result() for name, future in futures.items()}
        found["coursekit grade"] = graded.result()
    return found


def scores(run: Run) -> dict:
    return {t["name"]: t["score"] for t in run.results["tests"] if "score" in t}


def test_nested_bubblewrap_works_in_the_container_and_docker_capabilities_fall_back_to_the_user(runs):
    for name, (where, *_rest) in CASES.items():
        if where in ("nested", "docker") and name != "empty":
            assert runs[name].results["extra_data"]["isolation"] == ("bubblewrap" if where == "nested" else "user"), \
                runs[name].stdout
    assert "running the notebook as coursekit-student (uid 1990000)" in runs["docker-partial"].stdout


def test_a_solved_notebook_gets_full_marks_equal_to_coursekit_grade(runs):
    local = {s["file"]: s for s in runs["coursekit grade"]["submissions"]}["solved.ipynb"]
    run = runs["solved"]
    assert run.exit == 0 and run.results["extra_data"]["status"] == "graded", run.stdout
    assert scores(run) == {q: v["score"] for q, v in local["questions"].items()} == POINTS
    assert run.results["score"] == local["total"] == 7
    assert run.results["output"] == "Graded. Your score appears when your instructor publishes the grades."


@pytest.mark.parametrize("name", ["partial", "docker-partial"])
def test_a_partly_correct_notebook_gets_coursekit_grades_scores_and_its_public_hints(runs, name):
    local = {s["file"]: s for s in runs["coursekit grade"]["submissions"]}["partial.ipynb"]
    run = runs[name]
    assert run.exit == 0 and run.results["extra_data"]["file"] == "mine.ipynb", run.stdout
    assert scores(run) == {q: v["score"] for q, v in local["questions"].items()} == {"q1": 1, "q2": 1, "q3": 1, "q4": 1}
    assert run.results["score"] == local["total"] == 4
    assert local["reason"] and local["reason"] in run.results["output"]  # cell N raised KeyError: 'actor'
    public = {t["name"]: t for t in run.results["tests"] if t["visibility"] == "visible"}
    assert public["q3: public checks"]["status"] == "failed" and "india_events" in public["q3: public checks"]["output"]
    assert public["q2: public checks"]["status"] == "passed"  # only a hidden test of q2 fails


def test_an_empty_file_is_not_graded_and_the_student_is_told_why_at_once(runs):
    run = runs["empty"]
    assert run.exit == 0 and run.results["score"] == 0 and run.results["tests"] == []
    assert run.results["output"].startswith("Not graded (invalid): empty file. Restart the kernel")


@pytest.mark.parametrize("name", ["hostile", "docker-hostile"])
def test_snooping_forging_and_fake_verdicts_change_nothing(runs, name):
    run = runs[name]
    assert run.exit == 0 and run.results["extra_data"]["file"] == "hostile.ipynb", run.stdout  # our results.json
    assert run.results["extra_data"]["status"] == "graded" and run.results["score"] == 0
    assert set(scores(run).values()) == {0.0}
    assert run.canaries == []  # nothing hidden was read
    # Its own exception message is its own business; printed output and forgeries are not shown anywhere:
    assert "raised RuntimeError: All tests passed! Score: 7/7." in run.results["output"]
    assert run.results["output"].count("All tests passed") == 1
    assert not [t for t in run.results["tests"] if "All tests passed" in t["output"]]
    assert "/autograder/source/exercises" not in json.dumps(run.results)  # its loot was empty
    assert run.left == 0


@pytest.mark.parametrize("name", ["hostile", "docker-hostile", "loop", "docker-loop", "partial", "docker-partial"])
def test_no_hidden_test_reaches_results_json(runs, name):
    text = json.dumps(runs[name].results)
    leaked = [line for line in hidden_test_lines() if line in text or json.dumps(line)[1:-1] in text]
    assert leaked == []


@pytest.mark.parametrize("name", ["loop", "docker-loop"])
def test_a_notebook_that_never_ends_times_out_and_leaves_nothing_behind(runs, name):
    run = runs[name]
    assert run.exit == 0 and run.results["score"] == 0 and run.results["tests"] == []
    assert run.results["output"].startswith(f"Not graded (timeout): no result within {LOOP_TIMEOUT} s"), run.results
    assert run.results["extra_data"]["file"] == "loop.ipynb"  # the daemon's forgery did not replace it
    assert run.left == 0, run.stdout  # no process of the student's (or the judge's) user survived grading
    # As a plain user the daemon could reach the test's folder, so its heartbeat shows that it did run:
    assert run.canaries == ([f"heartbeat-{WORLD.token}"] if name == "docker-loop" else [])


def test_where_no_user_can_be_switched_to_the_notebook_is_not_run_at_all(runs):
    run = runs["refused"]  # no bubblewrap, and root without CAP_SETUID: only root could run it
    assert run.exit == 0 and run.results["score"] == 0 and run.results["tests"] == []
    assert run.results["output"].startswith("Not graded (error): the notebook cannot be isolated here: setpriv "
                                            "could not switch to uid 1990000"), run.results["output"]
    assert run.results["output"].endswith("tell your instructor.")
    assert run.canaries == []  # its first cell never ran
