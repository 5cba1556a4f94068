"""Find the cues that let a student pass a quiz without reading: ``python -m coursekit.book.quiz_lint [BANK ...]``.

A bank can be valid (``quiz_schema.json``) and still give its answers away: the
correct option always shown first, always the longest, the only hedged one, or the
correct options of a multiple-choice question always listed before the distractors.
This linter measures each of those cues in displayed order (:attr:`Question.order`),
per bank and over all banks, and fails (exit 1) when one is systematic. It also
checks that every question names the learning objective(s) it checks, and that each
objective exists in the chapter notebook's "## Learning objectives" list. The book
build runs it before executing any notebook; :func:`lint` is the same check for code.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coursekit import ROOT
from coursekit.runtime.quiz import QUIZ_DIR, Question, Quiz, QuizError

__all__ = ["lint", "Report", "BankStats", "learning_objectives", "objective_problems", "HEDGES",
           "MAX_FIRST_SHARE", "MAX_LONGEST_SHARE", "MAX_LENGTH_RATIO", "MIN_SINGLE_PER_BANK",
           "MAX_PREFIX_SHARE", "MAX_HEDGED_SHARE", "main"]

CHAPTERS = ROOT / "chapters"

# -- thresholds (each: why) -------------------------------------------------------
# With 3-4 options chance puts the correct one first in 1/4-1/3 of questions; more is a habit.
MAX_FIRST_SHARE = 1 / 3
# Chance makes the correct option the longest in about 1/4-1/3 of questions (ties count).
MAX_LONGEST_SHARE = 1 / 3
# A correct option typically a quarter longer than the mean distractor stands out to a skimmer.
MAX_LENGTH_RATIO = 1.25
# Below 3 single-choice questions, "all first" or "all longest" in one bank can be chance.
MIN_SINGLE_PER_BANK = 3
# Correct options shown as the first k more often than not teach "tick the top ones".
MAX_PREFIX_SHARE = 1 / 2
# A correct option that alone hedges ("may", "partly") is a well-known test-wise cue.
MAX_HEDGED_SHARE = 1 / 3

HEDGES = re.compile(r"\b(may|might|partly|in part|some|likely|suggests?|about|not necessarily|perhaps|possibly"
                    r"|probably|roughly|approximately|appears? to|seems? to)\b", re.IGNORECASE)
OBJECTIVES_HEADING = re.compile(r"^##\s+Learning objectives\s*$", re.MULTILINE)
ROLE = re.compile(r"\{[a-z:]+\}`([^`<]*?)\s*(?:<[^`>]*>)?`")


# -- learning objectives ----------------------------------------------------------
def _plain(markdown: str) -> str:
    """Objective text without MyST roles (``{term}`text <target>``` becomes ``text``)."""
    return re.sub(r"\s+", " ", ROLE.sub(lambda m: m.group(1), markdown)).strip().rstrip(";")


def chapter_notebook(quiz_id: str, chapters: Path = CHAPTERS) -> Path:
    """The chapter notebook ``chapters/NN_*.ipynb`` of bank ``chNN``."""
    match = re.fullmatch(r"ch(\d\d)", quiz_id)
    if not match:
        raise QuizError(f"bank {quiz_id!r} names no chapter (bank ids are chNN, for chapters/NN_*.ipynb)")
    found = sorted(Path(chapters).glob(f"{match.group(1)}_*.ipynb"))
    if len(found) != 1:
        raise QuizError(f"bank {quiz_id!r}: expected one notebook {chapters}/{match.group(1)}_*.ipynb, found {len(found)}")
    return found[0]


def learning_objectives(quiz_id: str, chapters: Path = CHAPTERS) -> tuple[Path, list[str]]:
    """The chapter notebook and the items of its "## Learning objectives" bulleted list, as plain text."""
    path = chapter_notebook(quiz_id, chapters)
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        heading = OBJECTIVES_HEADING.search(text) if cell["cell_type"] == "markdown" else None
        if not heading:
            continue
        items: list[str] = []
        for line in text[heading.end():].splitlines():
            if re.match(r"^[-*+]\s+", line):
                items.append(re.sub(r"^[-*+]\s+", "", line))
            elif items and line.startswith((" ", "\t")) and line.strip():
                items[-1] += " " + line.strip()
            elif items and (not line.strip() or line.startswith("#")):
                break
        if items:
            return path, [_plain(item) for item in items]
    raise QuizError(f"{path}: no bulleted list under a '## Learning objectives' heading")


def objective_problems(quiz: Quiz, objectives: list[str], notebook: Path, require: bool = True) -> list[str]:
    """One line per question of ``quiz`` with an objective that ``notebook`` does not list
    (or, if ``require``, with none)."""
    where = quiz.path or quiz.id
    problems = []
    for n, q in enumerate(quiz.questions, start=1):
        if require and not q.objective:
            problems.append(f"{where}: question {n} ({q.id!r}): no `objective` (which of the chapter's "
                            f"{len(objectives)} learning objectives does it check?)")
        for k in q.objective:
            if k > len(objectives):
                problems.append(f"{where}: question {n} ({q.id!r}): objective {k} does not exist: "
                                f"{notebook} lists {len(objectives)} learning objectives")
    return problems


# -- measuring --------------------------------------------------------------------
@dataclass(frozen=True)
class Facts:
    """What a skimmer could see in one choice question, in displayed order."""

    bank: str
    number: int
    question: Question
    first_correct: int  # displayed position (0-based) of the first correct option
    longest: bool  # a correct option at least as long as every distractor (single choice)
    ratio: float | None  # mean correct length / mean distractor length
    prefix: bool  # multiple choice: the correct options are exactly the first k shown (0 < k < n)
    hedged_only: bool  # a correct option hedges and no distractor does

    @property
    def label(self) -> str:
        return f"{self.bank}: question {self.number} ({self.question.id!r})"


def _facts(bank: str, number: int, q: Question) -> Facts:
    shown = [q.options[i] for i in q.order]
    right = [o for o in shown if o.correct]
    wrong = [o for o in shown if not o.correct]
    positions = [pos for pos, o in enumerate(shown) if o.correct]
    mean_wrong = statistics.mean(len(o.text) for o in wrong) if wrong else 0.0
    ratio = statistics.mean(len(o.text) for o in right) / mean_wrong if mean_wrong else None
    longest = bool(wrong) and max(len(o.text) for o in right) >= max(len(o.text) for o in wrong)
    prefix = q.kind == "multiple" and bool(wrong) and positions == list(range(len(right)))
    hedged_only = any(HEDGES.search(o.text) for o in right) and not any(HEDGES.search(o.text) for o in wrong)
    return Facts(bank, number, q, positions[0], longest, ratio, prefix, hedged_only)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class BankStats:
    """The cues of a set of questions (one bank, or all of them)."""

    name: str
    facts: list[Facts] = field(default_factory=list)
    questions: int = 0
    without_objective: list[str] = field(default_factory=list)

    @property
    def single(self) -> list[Facts]:
        return [f for f in self.facts if f.question.kind == "single"]

    @property
    def multiple(self) -> list[Facts]:
        return [f for f in self.facts if f.question.kind == "multiple"]

    @property
    def positions(self) -> Counter:
        """Single choice: how many correct options sit at each displayed position (1-based)."""
        return Counter(f.first_correct + 1 for f in self.single)

    @property
    def first_share(self) -> float:
        return _share(self.positions[1], len(self.single))

    @property
    def longest_share(self) -> float:
        return _share(sum(f.longest for f in self.single), len(self.single))

    @property
    def median_ratio(self) -> float | None:
        ratios = [f.ratio for f in self.single if f.ratio is not None]
        return statistics.median(ratios) if ratios else None

    @property
    def prefix_share(self) -> float:
        return _share(sum(f.prefix for f in self.multiple), len(self.multiple))

    @property
    def multiple_ratio(self) -> float | None:
        ratios = [f.ratio for f in self.multiple if f.ratio is not None]
        return statistics.median(ratios) if ratios else None

    @property
    def hedged_share(self) -> float:
        return _share(sum(f.hedged_only for f in self.facts), len(self.facts))

    def row(self) -> str:
        pos = self.positions
        spread = " ".join(str(pos[p]) for p in range(1, 6))
        ratio = "-" if self.median_ratio is None else f"{self.median_ratio:.2f}"
        mratio = "-" if self.multiple_ratio is None else f"{self.multiple_ratio:.2f}"
        return (f"{self.name:<8} {len(self.single):>6}  {spread:<12}  {self.first_share:>6.0%}  {self.longest_share:>7.0%}"
                f"  {ratio:>5}  {len(self.multiple):>8}  {self.prefix_share:>6.0%}  {mratio:>6}"
                f"  {self.hedged_share:>6.0%}  {len(self.without_objective):>12}")


HEADER = (f"{'bank':<8} {'single':>6}  {'at 1 2 3 4 5':<12}  {'first':>6}  {'longest':>7}  {'ratio':>5}"
          f"  {'multiple':>8}  {'prefix':>6}  {'mratio':>6}  {'hedged':>6}  {'no objective':>12}")
LEGEND = ("single: single-choice questions; at 1 2 3 4 5: how many of them show the correct option at each "
          "position; first / longest: share shown first / (tied) longest; ratio: median length of the correct "
          "option over the mean distractor's; multiple: multiple-choice questions; prefix: share whose correct "
          "options are exactly the first ones shown; mratio: their length ratio; hedged: share of choice "
          "questions where only correct options hedge")


@dataclass
class Report:
    banks: list[BankStats]
    overall: BankStats
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        lines = [HEADER, *(b.row() for b in self.banks), self.overall.row(), "", LEGEND]
        if self.problems:
            lines += ["", f"FAILED: {len(self.problems)} problem line(s)", *self.problems]
        else:
            lines += ["", "OK: no systematic cue"]
        return "\n".join(lines)


def _rule(problems: list[str], failing: bool, headline: str, offenders: list[Facts], what: str) -> None:
    if failing:
        problems.append(headline)
        problems += [f"  {f.label}: {what}" for f in offenders]


def lint(paths: list[Path] | None = None, chapters: Path = CHAPTERS) -> Report:
    """Measure the banks (default: every ``chapters/quizzes/*.yml``) and list every systematic cue."""
    paths = sorted(QUIZ_DIR.glob("*.yml")) if paths is None else [Path(p) for p in paths]
    problems: list[str] = []
    banks: list[BankStats] = []
    for path in paths:
        try:
            quiz = Quiz.load(path)
        except QuizError as exc:
            problems.append(str(exc))
            continue
        stats = BankStats(quiz.id, questions=len(quiz.questions))
        stats.facts = [_facts(str(path), n, q) for n, q in enumerate(quiz.questions, start=1) if q.kind != "numeric"]
        stats.without_objective = [q.id for q in quiz.questions if not q.objective]
        try:
            notebook, objectives = learning_objectives(quiz.id, chapters)
            problems += objective_problems(quiz, objectives, notebook)
        except QuizError as exc:
            problems.append(f"{path}: cannot check objectives: {exc}")
        banks.append(stats)
        single = stats.single
        if len(single) >= MIN_SINGLE_PER_BANK:
            _rule(problems, all(f.first_correct == 0 for f in single),
                  f"{path}: the correct option is shown first in all {len(single)} single-choice questions",
                  single, "correct option shown first")
            _rule(problems, all(f.longest for f in single),
                  f"{path}: the correct option is the longest in all {len(single)} single-choice questions",
                  single, "correct option is the longest")
    overall = BankStats("overall", [f for b in banks for f in b.facts], sum(b.questions for b in banks),
                        [q for b in banks for q in b.without_objective])
    single, multiple = overall.single, overall.multiple
    _rule(problems, overall.first_share > MAX_FIRST_SHARE,
          f"all banks: the correct option is shown first in {overall.positions[1]} of {len(single)} single-choice "
          f"questions ({overall.first_share:.0%} > {MAX_FIRST_SHARE:.0%})",
          [f for f in single if f.first_correct == 0], "correct option shown first")
    _rule(problems, overall.longest_share > MAX_LONGEST_SHARE,
          f"all banks: the correct option is the (tied) longest in {sum(f.longest for f in single)} of {len(single)} "
          f"single-choice questions ({overall.longest_share:.0%} > {MAX_LONGEST_SHARE:.0%})",
          [f for f in single if f.longest], "correct option is the longest")
    ratio = overall.median_ratio
    _rule(problems, ratio is not None and ratio > MAX_LENGTH_RATIO,
          f"all banks: the correct option is {ratio or 0:.2f} times as long as the mean distractor (median over "
          f"single-choice questions; limit {MAX_LENGTH_RATIO})",
          sorted((f for f in single if (f.ratio or 0) > MAX_LENGTH_RATIO), key=lambda f: -(f.ratio or 0)),
          "correct option much longer than the distractors")
    _rule(problems, overall.prefix_share > MAX_PREFIX_SHARE,
          f"all banks: the correct options are exactly the first ones shown in {sum(f.prefix for f in multiple)} of "
          f"{len(multiple)} multiple-choice questions ({overall.prefix_share:.0%} > {MAX_PREFIX_SHARE:.0%})",
          [f for f in multiple if f.prefix], "correct options shown first")
    _rule(problems, overall.hedged_share > MAX_HEDGED_SHARE,
          f"all banks: only the correct option hedges in {sum(f.hedged_only for f in overall.facts)} of "
          f"{len(overall.facts)} choice questions ({overall.hedged_share:.0%} > {MAX_HEDGED_SHARE:.0%})",
          [f for f in overall.facts if f.hedged_only], "only the correct option hedges")
    return Report(banks, overall, problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.book.quiz_lint", description=__doc__.splitlines()[0])
    parser.add_argument("banks", nargs="*", type=Path, help="question banks (default: chapters/quizzes/*.yml)")
    parser.add_argument("--chapters", type=Path, default=CHAPTERS,
                        help="folder of the chapter notebooks NN_*.ipynb (default: %(default)s)")
    args = parser.parse_args(argv)
    report = lint(args.banks or None, args.chapters)
    print(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
