"""What an instructor reads: the gradebook CSV, the machine-readable results and each student's feedback.

Files are written atomically; the same results always give the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.runtime.atomic import sha256_of, write_atomic
from coursekit.instructor.grading.exercise import Question
from coursekit.instructor.grading.submissions import mask_addresses

STATUSES = ("graded", "timeout", "kernel-died", "error", "invalid", "wrong-exercise")


@dataclass
class Result:
    """The outcome of one submitted file, as written to the gradebook, results and feedback."""

    student: str
    file: str
    status: str
    reason: str = ""
    questions: dict = field(default_factory=dict)  # name -> {score, possible, cases: [...]}
    sha256: str = ""
    counted: bool = True
    seconds: float = 0.0
    started: float = 0.0  # seconds after the start of the run (timings.json: when workers overlapped)
    peak_mb: int | None = None  # largest resident size of all the run's processes


# --------------------------------------------------------------------------- inputs

def hint(message: str) -> str:
    """The useful tail of a doctest failure (example, expected, got), without the verbose replay."""
    start = message.find("Failed example:")
    message = (message[start:] if start >= 0 else message).strip()
    head, sep, tail = message.partition("Exception raised:")
    if sep:  # keep the exception itself, not the grader's traceback (internal paths, noise)
        last = [line.strip() for line in tail.splitlines() if line.strip()][-1:]
        message = head.rstrip() + "\n" + sep + "\n    " + "".join(last)
    return mask_addresses(message)

def fmt(x: float) -> str:
    """A score as people and importers read it: a dot, at most two decimals, nothing trailing (3, 2.5, 2.83).

    Rounded first, so a sum of thirds that lands on 2.9999999999999996 prints ``3``, not ``3.``.
    """
    x = round(float(x), 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    return str(int(x)) if x.is_integer() else f"{x:.2f}".rstrip("0")


def total(result: Result) -> float:
    return sum(q.get("score", 0.0) for q in result.questions.values()) if result.status == "graded" else 0.0


def gradebook_csv(results: list[Result], questions: list[Question]) -> str:
    auto = [q for q in questions if not q.manual]
    maximum = sum(q.points for q in auto)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "file", *(q.name for q in auto), "total", "max", "status", "counted", "reason"])
    for r in results:
        scores = [r.questions.get(q.name, {}).get("score") for q in auto]
        cells = ["" if r.status != "graded" or s is None else fmt(s) for s in scores]
        writer.writerow([r.student, r.file, *cells, fmt(total(r)), fmt(maximum), r.status,
                         "true" if r.counted else "false", r.reason])
    return buffer.getvalue()


def results_json(results: list[Result], questions: list[Question], exercise: Path) -> str:
    auto = [q for q in questions if not q.manual]
    from coursekit.instructor.assign import autograder_zip  # here: nbformat is slow to import for write_atomic's users

    zip_sha = sha256_of(autograder_zip(exercise))
    payload = {
        "exercise": exercise.name,
        "autograder_sha256": zip_sha,
        "max": sum(q.points for q in auto),
        "questions": {q.name: q.points for q in auto},
        "submissions": [{
            "student": r.student, "file": r.file, "sha256": r.sha256, "status": r.status, "reason": r.reason,
            "counted": r.counted, "total": total(r),
            # score is null where there is none: a file that was not graded, a test that could not run
            "questions": {q.name: {"score": r.questions.get(q.name, {}).get("score") if r.status == "graded"
                                   else None, "possible": q.points} for q in auto},
        } for r in results],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def feedback_md(result: Result, questions: list[Question], exercise: str, others: list[Result] = ()) -> str:
    auto = [q for q in questions if not q.manual]
    maximum = sum(q.points for q in auto)
    lines = [f"# Feedback on {exercise}: {result.student}", "", f"Graded file: `{result.file}`", ""]
    if result.status != "graded":
        explain = {
            "timeout": "Grading stopped because the notebook did not finish in time.",
            "kernel-died": "Grading stopped because the notebook's Python kernel died.",
            "error": "The notebook could not be graded.",
            "invalid": "The file is not a notebook that can be graded.",
            "wrong-exercise": "The file is a notebook for another exercise.",
        }[result.status]
        lines += [f"**Not graded ({result.status}).** {explain}", "", f"Details: {result.reason}", "",
                  "Restart the kernel and run every cell from the top, fix what fails or never ends, "
                  "save, and hand in the `.ipynb` file of this exercise again.", ""]
    else:
        lines += [f"**Auto-graded score: {fmt(total(result))} / {fmt(maximum)}**", ""]
        if result.reason:
            lines += [f"Notes: {result.reason}", ""]
        for q in auto:
            info = result.questions.get(q.name)
            lines.append(f"## {q.name}: {fmt(info.get('score', 0)) if info else '0'} / {fmt(q.points)}")
            lines.append("")
            if info is None or "cases" not in info:
                lines += ["No result for this question.", ""]
                continue
            public = [c for c in info["cases"] if not c["hidden"]]
            failed = [c for c in public if not c["passed"]]
            if public:
                lines.append(f"Public checks: {len(public) - len(failed)} of {len(public)} passed "
                             "(the same checks as `grader.check` in your notebook).")
            for case in failed:
                lines += ["", "```", hint(case["message"]), "```"]
            hidden = [c for c in info["cases"] if c["hidden"]]
            if hidden:
                lines += ["", f"Hidden tests: {sum(c['passed'] for c in hidden)} of {len(hidden)} passed."]
            lines.append("")
    for q in questions:
        if q.manual:
            lines += [f"## {q.name} (written, {fmt(q.points)} points)", "",
                      "Marked by hand; not included in the score above.", ""]
    for other in others:
        lines += [f"Also received `{other.file}` ({other.status}); not counted: superseded by `{result.file}`.", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_outputs(results: list[Result], questions: list[Question], exercise: Path, out: Path) -> None:
    feedback = out / "feedback"
    written = set()
    for r in results:
        if r.counted:
            others = [o for o in results if o.student == r.student and not o.counted]
            write_atomic(feedback / f"{r.student}.md", feedback_md(r, questions, exercise.name, others))
            written.add(f"{r.student}.md")
    for stale in feedback.glob("*.md"):  # from an earlier run with other submissions
        if stale.name not in written:
            stale.unlink()
    write_atomic(out / "results.json", results_json(results, questions, exercise))
    write_atomic(out / "gradebook.csv", gradebook_csv(results, questions))
