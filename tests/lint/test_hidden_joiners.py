"""AM012 and the joiners: a Persian claim spelt with its zero-width non-joiner, or a claim
with an emoji sequence, was an error (``hidden character U+200C``), so a map in Persian could
not pass ``argmap check``. A joiner that spells the text is no finding; one between Latin
letters, or written as a YAML escape, still is."""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic

PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u0631\u0648\u0645"
CODER = "\U0001f469\u200d\U0001f4bb"


def _map(text: str) -> str:
    return (
        "argmap: 1\nclaims:\n"
        f'  a: {{text: "{text}", kind: thesis}}\n'
        "  b: {text: A reason., kind: assumption, supports: a}\n"
    )


def _hidden(found: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in found if d.code == "AM012"]


def test_a_persian_claim_spelt_with_its_non_joiner_passes(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    assert _hidden(checked(_map(PERSIAN))) == []


def test_an_emoji_sequence_passes(checked: Callable[[str], list[Diagnostic]]) -> None:
    assert _hidden(checked(_map(f"Remote work suits the {CODER} best."))) == []


def test_a_joiner_that_spells_nothing_is_still_found(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    found = checked(_map(f"pay\u200cpal and {CODER}\u200d and \\u200d"))
    assert _hidden(found) == [
        (3, 17, "hidden character U+200C ZERO WIDTH NON-JOINER"),
        (3, 29, "hidden character U+200D ZERO WIDTH JOINER"),
        (3, 35, "hidden character U+200D ZERO WIDTH JOINER"),
    ]
