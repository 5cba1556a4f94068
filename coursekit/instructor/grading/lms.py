"""Grades into the LMS: Canvas and Moodle grade-import files from a graded class and a roster.

``coursekit export RESULTS --roster ROSTER.csv [--canvas OUT.csv] [--moodle OUT.csv] [--assignment NAME]
[--missing skip|zero]``

RESULTS is the folder ``coursekit grade --out`` wrote. Scores are read from its ``results.json``
(the counted submission of each student); ``gradebook.csv`` must agree with it, so a gradebook
edited by hand is reported instead of being silently ignored. The grade exported is the
auto-graded total: questions marked by hand (the written question) are not in it.

The roster is a CSV file in UTF-8 (with or without the byte-order mark Excel writes), comma or
semicolon separated, one student a row, with a header naming the columns (case, spaces and
hyphens do not matter: ``Student ID`` is ``student_id``; other columns are ignored):

* ``file_key`` (required): the student's part of the submission file name, as ``coursekit grade``
  reports it in its ``student`` column (``amina_khan`` for ``amina_khan.ipynb`` and
  ``amina_khan__2.ipynb``); matched exactly;
* ``student_id`` (required): the institution's id, Canvas's "SIS User ID" and Moodle's "ID number";
* ``name`` (required), ``email`` (required; written as it is: Moodle's import compares emails
  case-sensitively, so give them as Moodle has them);
* ``section``, ``login_id`` (Canvas "SIS Login ID", Moodle "Username"), ``canvas_id`` (Canvas's
  numeric user id, the "ID" column of a Canvas gradebook export): optional.

Keys, ids and emails must be unique, required cells not empty.

Formats written, as the LMSs' own documentation describes them (and as their importers read
them; the source files are named where the documentation is silent):

* **Canvas**, Gradebook > Import, "How do I import grades in the Gradebook?"
  https://community.instructure.com/en/kb/articles/660862-how-do-i-import-grades-in-the-gradebook
  (formerly https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807):
  header ``Student,ID,SIS User ID,SIS Login ID,Section`` then one column per assignment, named
  ``Assignment Name (assignment id)`` as in a Canvas export, or a bare name (Canvas then matches
  the assignment by its exact title, or creates a new one); a second row starting ``Points
  Possible`` (read for an assignment the file creates); one row per student. Canvas matches a row
  by ``ID``, then ``SIS User ID``, then ``SIS Login ID``, then the name, and lists rows it cannot
  match at import (canvas-lms ``app/models/gradebook_importer.rb``).
* **Moodle**, Grades > Import > CSV file, https://docs.moodle.org/en/Grade_import : any header;
  at import, "Identify user by" maps one column (here ``ID number``, ``Email address`` or, if every
  roster row has a login, ``Username``) to the user field (``useridnumber``, ``useremail``,
  ``username``), and each other column to a grade item, its feedback, or nothing. A row whose user
  Moodle cannot find aborts the whole import (``grade/import/csv/classes/load_data.php``), so only
  roster students are written.

Both files: UTF-8 without byte-order mark, comma separated, ``\\n`` line ends, numbers with a dot
and at most two decimals, sorted by name then id, byte-identical for the same inputs.

Who gets no row, and why: a blank grade cell is not "leave it alone" in either LMS. Canvas posts
the blank over an existing score (``ProcessGradebookUpload``: any cell that differs from the
current grade is sent), and Moodle stores a blank or ``-`` as "no grade" (``update_grade_item``);
only a student absent from the file keeps what the LMS has. So these students are left out and
listed instead: roster students without a submission (``--missing zero`` gives them 0, as a
deadline policy may require), students whose submission was not graded (timeout, kernel-died,
error, invalid, wrong-exercise: an instructor must look before anyone gets a grade, so they are
never exported as 0; a *graded* 0 is exported), and submissions of no roster student. A graded
submission always gets its score, even 0.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.instructor.grading.gradebook import fmt, write_atomic
from coursekit.instructor.grading.submissions import GradingError, one_line

REQUIRED = ("file_key", "student_id", "name", "email")
OPTIONAL = ("section", "login_id", "canvas_id")
CANVAS_STUDENT_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
# Header cells Canvas's importer takes as student or total columns, never as an assignment.
CANVAS_NOT_ASSIGNMENT = re.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade"
                                   "|Override Score|Override Grade|Override Status")
CANVAS_TITLE_AND_ID = re.compile(r"\A(.*)\s\((\d+)\)\Z", re.S)  # canvas-lms Assignment.title_and_id
MOODLE_COLUMNS = ("ID number", "Email address", "Username", "Full name", "Feedback")
PROG = "coursekit export"


@dataclass(frozen=True)
class Student:
    """One roster row."""

    file_key: str
    student_id: str
    name: str
    email: str
    section: str = ""
    login_id: str = ""
    canvas_id: str = ""


@dataclass(frozen=True)
class Submission:
    """The counted submission of one student, as results.json holds it."""

    student: str
    file: str
    status: str
    reason: str
    total: float
    scores: dict  # question -> score or None


@dataclass
class Results:
    exercise: str
    maximum: float
    questions: dict  # question -> possible points, auto-graded ones only
    counted: dict  # student -> Submission


@dataclass
class Export:
    """What goes to the LMS (``rows``: student, grade, feedback) and what is only reported."""

    rows: list = field(default_factory=list)
    no_submission: list = field(default_factory=list)  # [Student]
    not_graded: list = field(default_factory=list)  # [(Student, Submission)]
    unmatched: list = field(default_factory=list)  # [Submission]


# --------------------------------------------------------------------------- inputs

def _column(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def read_roster(path: Path) -> list[Student]:
    """The roster's students, or :class:`GradingError` naming the file and row of the first problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GradingError(f"{path}: cannot read the roster ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GradingError(f"{path}: not UTF-8 (first bad byte at offset {exc.start}); "
                           "save the roster as \"CSV UTF-8\"") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:  # blank lines, and the ",,,," rows spreadsheets leave, are skipped
        rows = [(n, row) for n, row in enumerate(reader, 1) if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise GradingError(f"{path}, row {reader.line_num}: {exc}") from None
    if not rows:
        raise GradingError(f"{path}: empty roster")
    header = [_column(cell) for cell in rows[0][1]]
    twice = sorted(c for c in set(header) if c and header.count(c) > 1)
    if twice:
        raise GradingError(f"{path}, row {rows[0][0]}: column {twice[0]} appears twice")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise GradingError(f"{path}, row {rows[0][0]}: no column {', '.join(missing)} (the header needs "
                           f"{', '.join(REQUIRED)}; optional: {', '.join(OPTIONAL)})")
    where = {c: header.index(c) for c in REQUIRED + OPTIONAL if c in header}
    students, seen = [], {}
    for row_number, row in rows[1:]:
        cells = {c: row[i].strip() if i < len(row) else "" for c, i in where.items()}
        at = f"{path}, row {row_number}"
        for c in REQUIRED:
            if not cells[c]:
                raise GradingError(f"{at}: empty {c}")
        if "__" in cells["file_key"] or cells["file_key"].lower().endswith(".ipynb"):
            raise GradingError(f"{at}: file_key {cells['file_key']!r} must be the part of the file name before "
                               "'__' and '.ipynb' (what `coursekit grade` reports as the student)")
        if "@" not in cells["email"] or any(ch.isspace() for ch in cells["email"]):
            raise GradingError(f"{at}: email {cells['email']!r} is not an address")
        if cells.get("canvas_id") and not cells["canvas_id"].isdigit():
            raise GradingError(f"{at}: canvas_id {cells['canvas_id']!r} is not a Canvas user id (digits)")
        for c in ("file_key", "student_id", "email"):
            previous = seen.setdefault((c, cells[c]), row_number)
            if previous != row_number:
                raise GradingError(f"{at}: {c} {cells[c]!r} is also on row {previous}")
        students.append(Student(**cells))
    if not students:
        raise GradingError(f"{path}: the roster has a header but no students")
    return students


def read_results(folder: Path) -> Results:
    """The counted submissions of a ``coursekit grade`` output folder, checked against its gradebook.csv."""
    path = folder / "results.json"
    if not folder.is_dir():
        raise GradingError(f"{folder}: no such results folder (give the folder `coursekit grade --out` wrote)")
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GradingError(f"{path}: missing (give the folder `coursekit grade --out` wrote)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GradingError(f"{path}: unreadable ({one_line(exc, 120)})") from None
    try:
        questions = {str(q): float(p) for q, p in payload["questions"].items()}
        results = Results(str(payload["exercise"]), float(payload["max"]), questions, {})
        for entry in payload["submissions"]:
            if not entry["counted"]:
                continue
            sub = Submission(str(entry["student"]), str(entry["file"]), str(entry["status"]), str(entry["reason"]),
                             float(entry["total"]), {q: entry["questions"][q]["score"] for q in questions})
            if sub.student in results.counted:
                raise GradingError(f"{path}: two counted submissions of {sub.student!r}: "
                                   f"{results.counted[sub.student].file} and {sub.file}")
            results.counted[sub.student] = sub
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise GradingError(f"{path}: not a results file of `coursekit grade` ({type(exc).__name__}: "
                           f"{one_line(exc, 80)})") from None
    _check_gradebook(folder / "gradebook.csv", results)
    return results


def _check_gradebook(path: Path, results: Results) -> None:
    """gradebook.csv is what the instructor reads: refuse to export anything it does not show."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GradingError(f"{path}: missing (give the folder `coursekit grade --out` wrote)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GradingError(f"{path}: unreadable ({one_line(exc, 120)})") from None
    by_file = {s.file: s for s in results.counted.values()}
    shown = set()
    for row_number, row in enumerate(csv.DictReader(io.StringIO(text)), 2):
        if row.get("counted") != "true":
            continue
        at = f"{path}, row {row_number}"
        sub = by_file.get(row.get("file"))
        if sub is None:
            raise GradingError(f"{at}: {row.get('file')!r} counts here but not in results.json; "
                               "the two files are from different runs")
        cells = {"status": (row.get("status"), sub.status)}
        cells.update({q: (row.get(q), sub.scores[q] if sub.status == "graded" else None) for q in results.questions})
        cells["total"] = (row.get("total"), sub.total)
        for column, (cell, value) in cells.items():
            if not _same(cell, value):
                was = repr(value if value is None or isinstance(value, str) else fmt(value))
                raise GradingError(f"{at} ({sub.file}): {column} is {cell!r} here but {was} in results.json; "
                                   "export reads results.json, so restore the gradebook or grade again, "
                                   "and change grades in the LMS")
        shown.add(sub.file)
    absent = sorted(set(by_file) - shown)
    if absent:
        raise GradingError(f"{path}: {absent[0]!r} counts in results.json but not here; the two files are from "
                           "different runs")


def _same(cell: str | None, value) -> bool:
    if cell is None:
        return False
    if value is None or isinstance(value, str):
        return cell == (value or "")
    try:
        return abs(float(cell) - float(value)) < 0.006  # the gradebook rounds to two decimals
    except ValueError:
        return False


# --------------------------------------------------------------------------- matching

def feedback(sub: Submission, results: Results) -> str:
    """A short text for the LMS; the feedback file has the details."""
    parts = [f"{q} {fmt(sub.scores.get(q) or 0)}/{fmt(p)}" for q, p in results.questions.items()]
    return (f"auto-graded {fmt(sub.total)}/{fmt(results.maximum)}: " + "; ".join(parts)
            + "; details in your feedback file")


def match(roster: list[Student], results: Results, missing: str = "skip") -> Export:
    export = Export()
    keys = {s.file_key for s in roster}
    for student in roster:
        sub = results.counted.get(student.file_key)
        if sub is None:
            export.no_submission.append(student)
            if missing == "zero":
                export.rows.append((student, 0.0, "no submission"))
        elif sub.status != "graded":
            export.not_graded.append((student, sub))
        else:
            export.rows.append((student, sub.total, feedback(sub, results)))
    export.unmatched = [s for key, s in sorted(results.counted.items()) if key not in keys]
    export.rows.sort(key=lambda r: (r[0].name.casefold(), r[0].name, r[0].student_id))
    return export


# --------------------------------------------------------------------------- outputs

def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def canvas_csv(export: Export, assignment: str, maximum: float) -> str:
    header = CANVAS_STUDENT_COLUMNS + [assignment]
    points = ["Points Possible", "", "", "", "", fmt(maximum)]
    rows = [[s.name, s.canvas_id, s.student_id, s.login_id, s.section, fmt(grade)]
            for s, grade, _ in export.rows]
    return _csv([header, points, *rows])


def moodle_csv(export: Export, assignment: str, usernames: bool) -> str:
    title = canvas_title(assignment)
    header = ["ID number", "Email address", *(["Username"] if usernames else []), "Full name", title, "Feedback"]
    rows = [[s.student_id, s.email, *([s.login_id] if usernames else []), s.name, fmt(grade), text]
            for s, grade, text in export.rows]
    return _csv([header, *rows])


def canvas_title(assignment: str) -> str:
    """The assignment's name without the Canvas id that may end it ("Exercise 1 (4567)")."""
    found = CANVAS_TITLE_AND_ID.match(assignment)
    return found.group(1) if found else assignment


def check_assignment(name: str) -> None:
    if not name.strip() or any(not ch.isprintable() for ch in name):
        raise GradingError(f"--assignment {name!r}: give a name on one line")
    if name in CANVAS_STUDENT_COLUMNS or CANVAS_NOT_ASSIGNMENT.search(name):
        raise GradingError(f"--assignment {name!r}: Canvas reads a column of this name as a student or total "
                           "column, not an assignment; choose another name")
    if canvas_title(name) in MOODLE_COLUMNS:
        raise GradingError(f"--assignment {name!r}: the Moodle file has a column of this name already; "
                           "choose another name")


# --------------------------------------------------------------------------- command

def _shown(text: str) -> str:
    """File names come from students: no control characters reach the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _who(s: Student) -> str:
    return _shown(f"{s.name} ({s.student_id}, {s.email}; file key {s.file_key})")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def report(export: Export, missing: str, log) -> None:
    def say(line: str) -> None:
        print(f"{PROG}: {line}", file=log)

    if export.no_submission:
        fate = "exported as 0 (--missing zero)" if missing == "zero" else "not exported; the LMS keeps their grade"
        say(f"{_n(len(export.no_submission), 'roster student')} without a submission ({fate}):")
        for s in sorted(export.no_submission, key=lambda s: (s.name.casefold(), s.student_id)):
            print(f"  {_who(s)}", file=log)
    if export.not_graded:
        say(f"{_n(len(export.not_graded), 'roster student')} whose submission was not graded (not exported; "
            "look at their feedback file and grade by hand):")
        for s, sub in sorted(export.not_graded, key=lambda p: (p[0].name.casefold(), p[0].student_id)):
            print(f"  {_who(s)}: {_shown(sub.file)} {sub.status}: {_shown(one_line(sub.reason, 160))}", file=log)
    if export.unmatched:
        say(f"{_n(len(export.unmatched), 'counted submission')} of no roster student (not exported; add them to "
            "the roster, or correct the file_key):")
        for sub in export.unmatched:
            status = "" if sub.status == "graded" else f" ({sub.status})"
            print(f"  {_shown(sub.file)} (student {_shown(sub.student)}){status}", file=log)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other input error
        print(f"{PROG}: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog=PROG, description=__doc__.splitlines()[0], epilog=(
        "Roster columns: file_key, student_id, name, email (required); section, login_id, canvas_id (optional). "
        "Students without a submission, with a submission that was not graded, and submissions of no roster "
        "student are listed, not exported, so the LMS keeps the grades it has. The grade is the auto-graded "
        "total: questions marked by hand are not in it. See the docstring of coursekit/instructor/grading/lms.py."))
    parser.add_argument("results", type=Path, help="folder written by `coursekit grade --out`")
    parser.add_argument("--roster", type=Path, required=True, help="CSV of the class (see below)")
    parser.add_argument("--canvas", type=Path, help="write a Canvas Gradebook import file here")
    parser.add_argument("--moodle", type=Path, help="write a Moodle \"Import grades from CSV\" file here")
    parser.add_argument("--assignment", help="the grade column's name (default: the exercise's); for Canvas, "
                                             "the column header of a Canvas export, e.g. 'Exercise 1 (4567)'")
    parser.add_argument("--missing", choices=("skip", "zero"), default="skip",
                        help="roster students without a submission: leave them out, so the LMS keeps their grade "
                             "(default), or give them 0")
    args = parser.parse_args(argv)
    try:
        if not args.canvas and not args.moodle:
            raise GradingError("nothing to write: give --canvas OUT.csv, --moodle OUT.csv or both")
        if args.canvas and args.moodle and args.canvas.resolve() == args.moodle.resolve():
            raise GradingError(f"--canvas and --moodle are the same file ({args.canvas})")
        for out in (args.canvas, args.moodle):
            if out is not None and out.is_dir():
                raise GradingError(f"{out}: is a folder; give a file name")
        results = read_results(args.results)
        assignment = args.assignment if args.assignment is not None else results.exercise
        check_assignment(assignment)
        roster = read_roster(args.roster)
    except GradingError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    export = match(roster, results, args.missing)
    report(export, args.missing, sys.stderr)
    if not export.rows:
        print(f"{PROG}: nothing to export: none of the {_n(len(roster), 'roster student')} has a graded submission "
              f"in {args.results} (do the roster's file_key values match the file names?)", file=sys.stderr)
        return 2
    outputs = []
    if args.canvas:
        outputs.append((args.canvas, canvas_csv(export, assignment, results.maximum)))
    if args.moodle:
        outputs.append((args.moodle, moodle_csv(export, assignment, usernames=all(s.login_id for s in roster))))
    for path, text in outputs:
        try:
            write_atomic(path, text)
        except OSError as exc:
            print(f"{PROG}: {path}: cannot write ({exc.strerror or exc})", file=sys.stderr)
            return 2
    zeros = len(export.no_submission) if args.missing == "zero" else 0
    print(f"{PROG}: wrote " + " and ".join(str(path) for path, _ in outputs)
          + f": {len(export.rows) - zeros} of {_n(len(roster), 'roster student')} with their auto-graded total "
          f"(max {fmt(results.maximum)}; questions marked by hand are not in it); "
          f"{len(export.no_submission)} without a submission" + (" (exported as 0)" if zeros else "")
          + f", {len(export.not_graded)} not graded, {_n(len(export.unmatched), 'submission')} of no roster student",
          file=sys.stderr)
    return 0
