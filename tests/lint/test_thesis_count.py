"""AM004: a map has a thesis, and its theses are related."""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic

HEADER = "argmap: 1\n"


def _am004(checked: Callable[[str], list[Diagnostic]], body: str) -> list[tuple[object, ...]]:
    return [(d.line, d.col, d.message, d.hint) for d in checked(HEADER + body) if d.code == "AM004"]


def test_a_map_without_a_thesis_is_told_at_its_start(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    assert _am004(checked, "claims:\n  a: {text: A.}\n") == [
        (1, 1, "the map has no thesis", "mark the claim the map is about with 'kind: thesis'")
    ]


def test_a_map_without_claims_needs_no_thesis(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    assert _am004(checked, "claims: {}\n") == []


def test_only_a_thesis_unrelated_to_the_first_is_reported(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    """t and u are related through p; v stands apart and is named against t, once."""
    body = (
        "claims:\n  t: {text: T., kind: thesis}\n  u: {text: U., kind: thesis}\n"
        "  p: {text: P., supports: [t, u]}\n  v: {text: V., kind: thesis}\n"
        "  w: {text: W., kind: thesis, supports: v}\n"
    )
    assert _am004(checked, body) == [
        (
            6,
            3,
            "thesis 'v' is unrelated to thesis 't'",
            "split the map into two files, or relate the theses",
        )
    ]
