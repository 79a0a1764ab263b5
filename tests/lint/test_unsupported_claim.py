"""AM002: a claim with neither evidence for it nor premises, unless it is an assumption."""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic


def test_only_supporting_evidence_backs_a_claim(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    """b's quote counts against it, which backs nothing; a's quote backs a."""
    body = (
        "argmap: 1\nsources:\n  s: {title: A source}\n"
        "claims:\n  a:\n    text: A.\n    kind: thesis\n    evidence:\n"
        "      - {quote: q, source: s}\n"
        "  b: {text: B., kind: assumption, attacks: a}\n  c: {text: C., attacks: a}\n"
        "evidence:\n  e: {quote: r, source: s, attacks: c}\n"
    )
    found = [(d.line, d.col, d.message, d.hint) for d in checked(body) if d.code == "AM002"]
    assert found == [
        (
            11,
            3,
            "claim 'c' has neither evidence nor premises",
            "add a quote under 'evidence:', a premise with 'supports:', or mark it "
            "'kind: assumption'",
        )
    ]
