"""docs/security.md's "The corpus, in figures" counts the cases of cases.toml: how many, how
many must fail and how many are inert, how many are generated, how many runs one corpus run
makes, and the cases of each category. A case added or moved without the figures fails here."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .corpus import load_cases

SECURITY = Path(__file__).parents[2] / "docs" / "security.md"

# The category names the table gives, for the names cases.toml uses.
SHOWN = {
    "YAML syntax": "yaml-syntax",
    "sources (`file:`)": "sources",
    "includes": "includes",
    "tags": "tags",
    "text (hidden characters, escapes, numbers)": "text",
    "encodings and bytes": "encoding",
    "duplicate keys and identifiers": "duplicate-keys",
    "special files (FIFOs, devices, links)": "special-files",
    "render (SVG and DOT)": "render",
    "references": "references",
    "size": "size",
    "nesting": "nesting",
    "scale (100,000 claims, a 100,000-deep chain)": "scale",
    "report and handout (HTML)": "report",
    "expansion (aliases, merge keys)": "expansion",
    "imports": "imports",
    "inert content": "inert",
    "configuration": "config",
}


def _figures() -> str:
    text = SECURITY.read_text(encoding="utf-8")
    return text.split("## The corpus, in figures\n")[1].split("\n## ")[0]


def test_the_counts_of_docs_security_are_those_of_the_corpus() -> None:
    cases = load_cases()
    figures = " ".join(_figures().split())
    found = re.search(
        r"(\d+) cases: (\d+) must end with exit 1 or 2 and a located message, (\d+) are valid "
        r"content that must stay inert \(drawn, reported or checked as text\); (\d+) of them "
        r"are generated at test time",
        figures,
    )
    assert found is not None
    assert [int(n) for n in found.groups()] == [
        len(cases),
        sum(1 for c in cases if c.exit != 0),
        sum(1 for c in cases if c.exit == 0),
        sum(1 for c in cases if c.generator is not None),
    ]
    runs = re.search(r"(\d+) runs in about", figures)
    assert runs is not None and int(runs.group(1)) == len(cases)  # one run a case


def test_the_category_table_of_docs_security_counts_every_case() -> None:
    table: dict[str, int] = {}
    for row in re.findall(r"^\|(.*)\|$", _figures(), re.MULTILINE):
        cells = [cell.strip() for cell in row.split("|")]
        for name, count in zip(cells[0::3], cells[1::3], strict=False):
            if count.isdigit():
                table[SHOWN[name]] = int(count)
    assert table == dict(Counter(case.category for case in load_cases()))
