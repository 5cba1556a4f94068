"""Every citation in the quiz banks and curated tables points at something that exists.

Quiz sources and the ``source`` column of curated tables cite the article by paragraph
(P1-P15), the fact sheet by item ("FACTS.md A1 #7", "FACTS.md B3") or a dataset by name.
A citation of a paragraph, item or dataset that does not exist fails here.
"""
import re

import pytest

from coursekit.runtime import data
from coursekit.runtime.quiz import QUIZ_DIR, Quiz
from helpers import ROOT

FACTS = (ROOT / "sources" / "FACTS.md").read_text(encoding="utf-8")
PARAGRAPHS = 15  # the intro's numbering of the article body, P1-P15

PARA = re.compile(r"\bP(\d+)\b")
ITEM = re.compile(r"\b(A[1-6])\s*#\s*(\d+)(?:\s*[-–]\s*#?(\d+))?")
PART_B = re.compile(r"\bB(\d+)\b")
# The parts of the source text outside the numbered paragraphs.
REPRINT = re.compile(r"\b(reprint|reader comment|author line)\b", re.I)


def fact_sheet_items() -> dict[str, set[int]]:
    """Item numbers in each table of part A (A1..A6) of the fact sheet."""
    items, section = {}, None
    for line in FACTS.splitlines():
        heading = re.match(r"### (A\d)\.", line)
        if heading:
            section = heading.group(1)
            items[section] = set()
        elif line.startswith("## PART B"):
            section = None
        elif section and (row := re.match(r"\|\s*(\d+)\s*\|", line)):
            items[section].add(int(row.group(1)))
    return items


ITEMS = fact_sheet_items()
B_SECTIONS = {int(n) for n in re.findall(r"^\*\*B(\d+)\.", FACTS, flags=re.M)}


def citations_ok(text: str) -> list[str]:
    """The broken citations in one source string (empty when all resolve)."""
    problems = []
    for p in PARA.findall(text):
        if not 1 <= int(p) <= PARAGRAPHS:
            problems.append(f"P{p} is not a paragraph of the article (P1-P{PARAGRAPHS})")
    for section, first, last in ITEM.findall(text):
        for n in range(int(first), int(last or first) + 1):
            if n not in ITEMS.get(section, set()):
                problems.append(f"FACTS.md {section} #{n} does not exist")
    for b in PART_B.findall(text):
        if int(b) not in B_SECTIONS:
            problems.append(f"FACTS.md B{b} does not exist")
    return problems


def test_the_fact_sheet_parses():
    assert sorted(ITEMS) == ["A1", "A2", "A3", "A4", "A5", "A6"]
    assert set().union(*ITEMS.values()) == set(range(1, 34))
    assert B_SECTIONS == set(range(1, 9))


def test_citation_checker_catches_bad_references():
    assert citations_ok("Article P3; FACTS.md A1 #7; FACTS.md B3") == []
    assert citations_ok("FACTS.md A3 #21-22") == []
    assert len(citations_ok("P16; FACTS.md A1 #9; FACTS.md B9")) == 3


BANKS = sorted(QUIZ_DIR.glob("*.yml"))
DATASETS = set(data.names())


@pytest.mark.parametrize("bank", BANKS, ids=[b.stem for b in BANKS])
def test_every_quiz_source_resolves(bank):
    for q in Quiz.load(bank).questions:
        cites_something = bool(PARA.search(q.source) or "FACTS.md" in q.source or REPRINT.search(q.source)
                               or any(name in q.source for name in DATASETS) or "data/" in q.source)
        assert cites_something, f"{bank.name} {q.id}: source names no paragraph, fact-sheet item, dataset or part of the reprint"
        assert citations_ok(q.source) == [], f"{bank.name} {q.id}: {citations_ok(q.source)}"


CURATED = [n for n in data.names() if data.describe(n)["path"].startswith("curated/")]


@pytest.mark.parametrize("name", CURATED)
def test_every_curated_row_cites_something_that_exists(name):
    frame = data.load(name)
    for number, source in enumerate(frame["source"], start=2):
        assert source and source.strip(), f"{name} row {number}: no source"
        assert citations_ok(source) == [], f"{name} row {number}: {citations_ok(source)}"
