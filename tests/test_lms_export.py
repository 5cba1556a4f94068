"""Specification of `coursekit export`: a graded class and a roster in; Canvas and Moodle grade imports out.

The graded class is written by the grader's own writer (``gradebook.write_outputs``), not by running
the sandbox, so these tests take about a second. The files written are read back the way each LMS's
importer reads them (``canvas_import`` and ``moodle_import`` below follow canvas-lms
``app/models/gradebook_importer.rb`` and Moodle ``lib/csvlib.class.php`` with
``grade/import/csv/classes/load_data.php``), against the formats their documentation gives:
https://community.instructure.com/en/kb/articles/660862-how-do-i-import-grades-in-the-gradebook
and https://docs.moodle.org/en/Grade_import .
"""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit import ROOT
from coursekit.instructor.grading import gradebook, lms
from coursekit.instructor.grading.exercise import Question
from coursekit.instructor.grading.gradebook import Result, write_outputs
from coursekit.instructor.grading.submissions import student_of

EXERCISE = ROOT / "exercises" / "ex01_cancelled_visit"  # its committed autograder zip is hashed into results.json
QUESTIONS = [Question("q1", 1), Question("q2", 2), Question("q3", 2), Question("q4", 2),
             Question("q5", 3, manual=True)]  # the written question: marked by hand, not in the total
POINTS = {q.name: q.points for q in QUESTIONS if not q.manual}

ROSTER = """\
file_key,student_id,name,email,section
amina,S001,"Khan, Amina",Amina.Khan@example.edu,Section A
bilal,S002,Bilal Żółkiewski,bilal@example.edu,Section A
chen,S003,Chen Wei,chen@example.edu,Section B
dmitri,S004,Dmitri Ivanov,dmitri@example.edu,Section B
farah,S005,Farah Naz,farah@example.edu,Section B
"""


def result(file: str, scores: dict | None = None, status: str = "graded", reason: str = "",
           counted: bool = True) -> Result:
    questions = {q: {"score": s, "possible": POINTS[q], "cases": []} for q, s in (scores or {}).items()}
    return Result(student_of(file), file, status, reason, questions, sha256="0" * 64, counted=counted)


def graded_class(out: Path) -> Path:
    """amina resubmitted (the later file counts), bilal scored fractions, chen a graded 0, dmitri timed out,
    zed is on no roster, farah handed nothing in."""
    full = {"q1": 1, "q2": 2, "q3": 2, "q4": 2}
    results = [
        result("amina.ipynb", dict.fromkeys(full, 0), counted=False, reason="superseded by amina__2.ipynb"),
        result("amina__2.ipynb", full),
        result("bilal.ipynb", {"q1": 1, "q2": 4 / 3, "q3": 0.5, "q4": 0}),
        result("chen.ipynb", dict.fromkeys(full, 0)),
        result("dmitri.ipynb", status="timeout", reason="did not finish in 60 s"),
        result("zed.ipynb", {"q1": 1, "q2": 0, "q3": 0, "q4": 0}),
    ]
    write_outputs(results, QUESTIONS, EXERCISE, out)
    return out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    graded_class(tmp_path / "results")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return tmp_path


def export(folder: Path, *extra: str, roster: str = "roster.csv") -> int:
    return lms.main([str(folder / "results"), "--roster", str(folder / roster), "--canvas",
                     str(folder / "canvas.csv"), "--moodle", str(folder / "moodle.csv"), *extra])


# --------------------------------------------------------------------------- the LMSs' readers

CANVAS_NOT_ASSIGNMENT = re.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade"
                                   "|Override Score|Override Grade|Override Status")


def canvas_import(path: Path) -> dict:
    """Read a file as Canvas's GradebookImporter does; fail where it would reject or misread it."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # strict: Canvas expects UTF-8
    first = text.splitlines(keepends=True)[:3]
    counts = {}
    for sep in ";,":  # identify_delimiter: a separator counts if it splits the first lines consistently
        sizes = {len(next(csv.reader([line], delimiter=sep))) for line in first}
        counts[sep] = sizes.pop() if len(sizes) == 1 else 0
    sep = ";" if counts[";"] > counts[","] else ","
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=sep)
            if not re.fullmatch(r"[;, ]+", sep.join(row) or " ")]  # skip_lines: /^[;, ]+$/
    header, rows = rows[0], rows[1:]
    assert len(header) > 3 and "Student" in header[0] and "ID" in header[1], "Invalid header row"
    if re.search(r"SIS\s+Login\s+ID", header[2]):
        student_columns = 4
    elif re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]):
        student_columns = 5
    else:
        student_columns = 3
    assert "Section" in header[student_columns - 1], "Invalid header row"
    assignments = [(i, h) for i, h in enumerate(header) if i >= student_columns and not CANVAS_NOT_ASSIGNMENT.search(h)]
    titles = {}
    for i, h in assignments:  # Assignment.title_and_id
        found = re.fullmatch(r"(.*)\s\((\d+)\)", h, re.S)
        titles[i] = (found.group(1), found.group(2)) if found else (h, None)
    points, students = {}, []
    for row in rows:
        assert len(row) == len(header), f"ragged row {row}"
        if "Points Possible" in row[0]:
            points = {titles[i]: row[i] for i, _ in assignments}
            continue
        grades = {}
        for i, _ in assignments:
            grade = row[i].strip()
            # the decimal_comma_to_period converter would rewrite "1,5" or "1.234,5"; ours must pass unchanged
            assert grade == "" or re.fullmatch(r"\d+(\.\d{1,2})?", grade), grade
            grades[titles[i]] = grade
        students.append({"name": row[0], "id": row[1], "sis_user_id": row[2] if student_columns == 5 else "",
                         "sis_login_id": row[student_columns - 2], "section": row[student_columns - 1],
                         "grades": grades})
    return {"raw": raw, "header": header, "assignments": list(titles.values()), "points": points,
            "students": students}


def moodle_import(path: Path, map_from: str, users: dict[str, dict]) -> dict:
    """Read a file as Moodle's CSV grade import does (encoding UTF-8, separator comma), identifying users
    by column ``map_from`` against ``users`` (value -> user); fail where Moodle would abort the import."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    text = text.removeprefix("\ufeff")  # core_text::trim_utf8_bom
    text = re.sub(r"\r\n?", "\n", text).strip()  # newlines fixed, content trimmed
    assert text, "csvemptyfile"
    lines = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in lines[0]]  # trim_headers
    assert len(set(header)) == len(header), "a column can be mapped only once"
    rows = []
    for line in lines[1:]:
        assert len(line) == len(header), "csvweirdcolumns"
        if len(line) <= 1:
            continue
        row = dict(zip(header, (cell.strip() for cell in line)))
        # a blank identifier leaves the previous row's user in place; an unknown one aborts the import
        assert row[map_from], "blank user field"
        assert row[map_from] in users, f"usermappingerror: {row[map_from]}"
        rows.append(row)
    return {"raw": raw, "header": header, "rows": rows}


def roster_rows(text: str = ROSTER) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------- Canvas

def test_the_canvas_file_has_the_documented_header_a_points_possible_row_and_one_row_per_graded_student(folder):
    assert export(folder) == 0
    canvas = canvas_import(folder / "canvas.csv")
    assert canvas["header"] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "ex01_cancelled_visit"]
    assert canvas["points"] == {("ex01_cancelled_visit", None): "7"}  # auto-graded questions only: q5 is written
    by_sis = {s["sis_user_id"]: s for s in canvas["students"]}
    assert sorted(by_sis) == ["S001", "S002", "S003"]  # dmitri (timeout) and farah (nothing) are left out
    assert {k: s["grades"][("ex01_cancelled_visit", None)] for k, s in by_sis.items()} == \
        {"S001": "7", "S002": "2.83", "S003": "0"}  # the resubmission counts; a graded 0 is a grade
    assert by_sis["S001"]["name"] == "Khan, Amina" and by_sis["S001"]["section"] == "Section A"
    assert by_sis["S002"]["name"] == "Bilal Żółkiewski"  # UTF-8 read back as UTF-8


def test_the_canvas_file_is_plain_utf8_csv_with_nothing_after_the_last_row(folder):
    assert export(folder) == 0
    raw = (folder / "canvas.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    assert len(raw.decode("utf-8").splitlines()) == 2 + 3  # header, points possible, three students


def test_a_canvas_assignment_column_named_with_its_id_is_matched_by_that_id(folder):
    assert export(folder, "--assignment", "Exercise 1: the visit (4567)") == 0
    canvas = canvas_import(folder / "canvas.csv")
    assert canvas["header"][-1] == "Exercise 1: the visit (4567)"
    assert canvas["assignments"] == [("Exercise 1: the visit", "4567")]
    assert canvas["points"] == {("Exercise 1: the visit", "4567"): "7"}
    moodle = moodle_import(folder / "moodle.csv", "ID number", {r["student_id"]: r for r in roster_rows()})
    assert "Exercise 1: the visit" in moodle["header"]  # Moodle has no use for Canvas's id


def test_canvas_finds_each_student_by_the_ids_the_roster_gives(folder):
    roster = ROSTER.replace("file_key,student_id,name,email,section",
                            "File key,Student ID,Name,Email,Section,Login ID,Canvas ID")
    lines = roster.splitlines()
    lines[1:] = [line + f",login{i},{1000 + i}" for i, line in enumerate(lines[1:], 1)]
    (folder / "roster2.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert export(folder, roster="roster2.csv") == 0
    rows = list(csv.reader(io.StringIO((folder / "canvas.csv").read_text(encoding="utf-8"))))
    assert [row[:4] for row in rows[2:]] == [["Bilal Żółkiewski", "1002", "S002", "login2"],
                                             ["Chen Wei", "1003", "S003", "login3"],
                                             ["Khan, Amina", "1001", "S001", "login1"]]
    moodle = moodle_import(folder / "moodle.csv", "Username", {f"login{i}": {} for i in range(1, 6)})
    assert [r["Username"] for r in moodle["rows"]] == ["login2", "login3", "login1"]


# --------------------------------------------------------------------------- Moodle

def test_the_moodle_file_identifies_students_by_id_number_or_email_exactly_as_the_roster_has_them(folder):
    assert export(folder) == 0
    users = roster_rows()
    by_id = moodle_import(folder / "moodle.csv", "ID number", {u["student_id"]: u for u in users})
    by_email = moodle_import(folder / "moodle.csv", "Email address", {u["email"]: u for u in users})
    assert by_id["header"] == ["ID number", "Email address", "Full name", "ex01_cancelled_visit", "Feedback"]
    assert [r["ID number"] for r in by_id["rows"]] == ["S002", "S003", "S001"]  # by name: Bilal, Chen, Khan
    assert by_email["rows"][2]["Email address"] == "Amina.Khan@example.edu"  # Moodle compares case-sensitively
    assert [r["ex01_cancelled_visit"] for r in by_id["rows"]] == ["2.83", "0", "7"]
    for row in by_id["rows"]:
        float(row["ex01_cancelled_visit"])  # a number with a dot, as unformat_float reads it
        assert float(row["ex01_cancelled_visit"]) <= 100  # Moodle's default gradepointmax


def test_the_moodle_feedback_is_a_short_per_question_summary_that_points_to_the_feedback_file(folder):
    assert export(folder) == 0
    rows = moodle_import(folder / "moodle.csv", "ID number", {u["student_id"]: u for u in roster_rows()})["rows"]
    feedback = {r["ID number"]: r["Feedback"] for r in rows}
    assert feedback["S002"] == ("auto-graded 2.83/7: q1 1/1; q2 1.33/2; q3 0.5/2; q4 0/2; "
                                "details in your feedback file")
    assert feedback["S003"].startswith("auto-graded 0/7: q1 0/1;")
    assert all(len(text) < 200 and "\n" not in text for text in feedback.values())


def test_a_moodle_file_with_a_user_moodle_does_not_know_is_refused_by_moodle(folder):
    """The reader above is strict where Moodle is: this is why only roster students are written."""
    assert export(folder) == 0
    known = {u["student_id"]: u for u in roster_rows() if u["student_id"] != "S002"}
    with pytest.raises(AssertionError, match="usermappingerror"):
        moodle_import(folder / "moodle.csv", "ID number", known)


# --------------------------------------------------------------------------- who is left out, and the report

def test_the_report_names_students_without_a_submission_those_not_graded_and_submissions_of_no_roster_student(
        folder, capsys):
    assert export(folder) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("coursekit export: 1 roster student without a submission (not exported; "
                      "the LMS keeps their grade):")
    assert err[1] == "  Farah Naz (S005, farah@example.edu; file key farah)"
    assert err[2].startswith("coursekit export: 1 roster student whose submission was not graded (not exported")
    assert err[3] == ("  Dmitri Ivanov (S004, dmitri@example.edu; file key dmitri): dmitri.ipynb timeout: "
                      "did not finish in 60 s")
    assert err[4].startswith("coursekit export: 1 counted submission of no roster student (not exported")
    assert err[5] == "  zed.ipynb (student zed)"
    assert err[6] == (f"coursekit export: wrote {folder / 'canvas.csv'} and {folder / 'moodle.csv'}: 3 of 5 roster "
                      "students with their auto-graded total (max 7; questions marked by hand are not in it); "
                      "1 without a submission, 1 not graded, 1 submission of no roster student")
    assert len(err) == 7


def test_missing_zero_gives_students_without_a_submission_0_but_never_a_submission_that_was_not_graded(
        folder, capsys):
    assert export(folder, "--missing", "zero") == 0
    canvas = canvas_import(folder / "canvas.csv")
    grades = {s["sis_user_id"]: s["grades"][("ex01_cancelled_visit", None)] for s in canvas["students"]}
    assert grades == {"S001": "7", "S002": "2.83", "S003": "0", "S005": "0"}  # dmitri still needs a look
    rows = moodle_import(folder / "moodle.csv", "ID number", {u["student_id"]: u for u in roster_rows()})["rows"]
    assert {r["ID number"]: r["Feedback"] for r in rows}["S005"] == "no submission"
    assert "1 without a submission (exported as 0)" in capsys.readouterr().err


def test_the_same_inputs_give_the_same_bytes_whatever_the_roster_order(folder):
    assert export(folder) == 0
    first = [(folder / name).read_bytes() for name in ("canvas.csv", "moodle.csv")]
    lines = ROSTER.splitlines()
    (folder / "shuffled.csv").write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")
    assert export(folder, roster="shuffled.csv") == 0
    assert [(folder / name).read_bytes() for name in ("canvas.csv", "moodle.csv")] == first


def test_only_canvas_or_only_moodle_can_be_written(folder):
    assert lms.main([str(folder / "results"), "--roster", str(folder / "roster.csv"),
                     "--moodle", str(folder / "m.csv")]) == 0
    assert (folder / "m.csv").is_file() and not (folder / "canvas.csv").exists()


@pytest.mark.parametrize("score, text", [(7, "7"), (2.5, "2.5"), (4 / 3, "1.33"), (2.9999999999999996, "3"),
                                         (0.1 + 0.2, "0.3"), (0, "0"), (-0.0, "0"), (100, "100"), (1e-9, "0")])
def test_scores_are_written_with_a_dot_at_most_two_decimals_and_nothing_trailing(score, text):
    """One formatter for the gradebook, the feedback files and both imports."""
    assert gradebook.fmt(score) == text


# --------------------------------------------------------------------------- bad input

ERRORS = [
    # (roster text, the one line expected after "coursekit export: <path>")
    ("file_key,student_id,name\namina,S001,A\n", ", row 1: no column email (the header needs"),
    ("file_key,student_id,name,email\namina,S001,A,a@x.edu\nbilal,,B,b@x.edu\n", ", row 3: empty student_id"),
    ("file_key,student_id,name,email\namina,S001,A,a@x.edu\n\nbilal,S002,B,\n", ", row 4: empty email"),
    ("file_key,student_id,name,email\namina,S001,A,a@x.edu\namina,S002,B,b@x.edu\n",
     ", row 3: file_key 'amina' is also on row 2"),
    ("file_key,student_id,name,email\namina,S001,A,a@x.edu\nbilal,S001,B,b@x.edu\n",
     ", row 3: student_id 'S001' is also on row 2"),
    ("file_key,student_id,name,email\namina,S001,A,a@x.edu\nbilal,S002,B,a@x.edu\n",
     ", row 3: email 'a@x.edu' is also on row 2"),
    ("file_key,student_id,name,email\namina__2,S001,A,a@x.edu\n", ", row 2: file_key 'amina__2' must be the part"),
    ("file_key,student_id,name,email\namina,S001,A,amina\n", ", row 2: email 'amina' is not an address"),
    ("file_key,student_id,name,email,email\namina,S001,A,a@x.edu,a@x.edu\n", ", row 1: column email appears twice"),
    ("file_key,student_id,name,email\n", ": the roster has a header but no students"),
    ("", ": empty roster"),
]


@pytest.mark.parametrize("roster, message", ERRORS)
def test_a_bad_roster_is_one_line_naming_the_file_and_row_and_nothing_is_written(folder, capsys, roster, message):
    (folder / "bad.csv").write_text(roster, encoding="utf-8")
    assert export(folder, roster="bad.csv") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"coursekit export: {folder / 'bad.csv'}{message}") and err.count("\n") == 1
    assert not (folder / "canvas.csv").exists() and not (folder / "moodle.csv").exists()


def test_a_roster_with_excels_byte_order_mark_or_semicolons_reads_like_a_plain_one(folder):
    assert export(folder) == 0
    plain = [(folder / name).read_bytes() for name in ("canvas.csv", "moodle.csv")]
    (folder / "bom.csv").write_bytes(b"\xef\xbb\xbf" + ROSTER.replace("\n", "\r\n").encode("utf-8"))
    assert export(folder, roster="bom.csv") == 0
    assert [(folder / name).read_bytes() for name in ("canvas.csv", "moodle.csv")] == plain
    semicolons = "\n".join(";".join(f'"{c}"' for c in row) for row in csv.reader(io.StringIO(ROSTER))) + "\n"
    (folder / "semi.csv").write_text(semicolons, encoding="utf-8")
    assert export(folder, roster="semi.csv") == 0
    assert [(folder / name).read_bytes() for name in ("canvas.csv", "moodle.csv")] == plain


def test_a_roster_that_is_not_utf8_is_refused_with_the_offset_of_the_first_bad_byte(folder, capsys):
    (folder / "latin1.csv").write_bytes(ROSTER.encode("cp1250"))
    assert export(folder, roster="latin1.csv") == 2
    err = capsys.readouterr().err
    assert "latin1.csv: not UTF-8 (first bad byte at offset" in err and err.count("\n") == 1


def test_a_gradebook_edited_by_hand_is_reported_not_silently_overruled(folder, capsys):
    path = folder / "results" / "gradebook.csv"
    edited = path.read_text(encoding="utf-8").replace("bilal.ipynb,1,1.33,0.5,0,2.83", "bilal.ipynb,1,2,0.5,0,3.5")
    path.write_text(edited, encoding="utf-8")
    assert export(folder) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"coursekit export: {path}, row 4 (bilal.ipynb): q2 is '2' here but '1.33' in results.json")
    assert err.count("\n") == 1 and not (folder / "canvas.csv").exists()


@pytest.mark.parametrize("args, message", [
    ([], "nothing to write: give --canvas OUT.csv, --moodle OUT.csv or both"),
    (["--canvas", "same.csv", "--moodle", "same.csv"], "--canvas and --moodle are the same file"),
    (["--canvas", "c.csv", "--assignment", "Final Score"], "--assignment 'Final Score': Canvas reads a column"),
    (["--canvas", "c.csv", "--assignment", "Feedback"], "--assignment 'Feedback': the Moodle file has a column"),
    (["--canvas", "c.csv", "--missing", "maybe"], "argument --missing: invalid choice"),
])
def test_bad_options_are_one_line_and_exit_2(folder, capsys, monkeypatch, args, message):
    monkeypatch.chdir(folder)
    try:
        code = lms.main(["results", "--roster", "roster.csv", *args])
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"coursekit export: {message}") and err.count("\n") == 1


def test_a_results_folder_without_results_json_is_refused(folder, capsys):
    (folder / "results" / "results.json").unlink()
    assert export(folder) == 2
    assert capsys.readouterr().err == (f"coursekit export: {folder / 'results' / 'results.json'}: missing (give the "
                                       "folder `coursekit grade --out` wrote)\n")


def test_a_roster_that_matches_no_graded_submission_exports_nothing(folder, capsys):
    (folder / "other.csv").write_text("file_key,student_id,name,email\nnobody,X1,No Body,no@x.edu\n",
                                      encoding="utf-8")
    assert export(folder, roster="other.csv") == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("coursekit export: nothing to export: none of the 1 roster student has a graded")
    assert "  No Body (X1, no@x.edu; file key nobody)" in err
    assert not (folder / "canvas.csv").exists()


# --------------------------------------------------------------------------- the command

def test_coursekit_export_runs_end_to_end_as_a_command(folder):
    command = [sys.executable, "-m", "coursekit.cli", "export", str(folder / "results"),
               "--roster", str(folder / "roster.csv"), "--canvas", str(folder / "canvas.csv"),
               "--moodle", str(folder / "moodle.csv"), "--assignment", "Exercise 1 (4567)"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "Farah Naz" in done.stderr and "zed.ipynb" in done.stderr and "Dmitri Ivanov" in done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"coursekit export: wrote {folder / 'canvas.csv'} and ")
    assert canvas_import(folder / "canvas.csv")["assignments"] == [("Exercise 1", "4567")]
    bad = subprocess.run(command[:6] + [str(folder / "missing.csv"), "--canvas", str(folder / "c2.csv")],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith(f"coursekit export: {folder / 'missing.csv'}: cannot read the roster")
    assert not (folder / "c2.csv").exists()
