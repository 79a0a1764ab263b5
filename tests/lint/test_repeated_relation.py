"""AM015: a premise listed twice, or a support or an attack written twice, each named where it
stands."""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic

MAP = """\
argmap: 1
claims:
  t: {text: T., kind: thesis}
  c: {text: C., kind: assumption}
  d: {text: D., kind: assumption, rebuts: c}
  e: {text: E., kind: assumption, supports: t}
arguments:
  x: {conclusion: t, premises: [c, d, c]}
  y: {conclusion: t, premises: [e]}
attacks:
  again: {from: d, rebuts: c}
  other: {from: e, undermines: c}
"""


def test_each_repeat_is_named_at_the_copy(checked: Callable[[str], list[Diagnostic]]) -> None:
    found = [(d.line, d.col, d.message, d.hint) for d in checked(MAP) if d.code == "AM015"]
    assert found == [
        (
            8,
            3,
            "argument 'x' lists the premise 'c' twice",
            "list each premise once: the copy counts once, and an export writes it once",
        ),
        (
            9,
            3,
            "argument 'y' repeats 'e->t': the same premises for 't'",
            "keep one of the two: a second copy counts twice in the score of 't'",
        ),
        (
            11,
            3,
            "attack 'again' repeats 'd-/->c': 'd' rebuts 'c' twice",
            "keep one of the two: the copy counts once, and an export writes it once",
        ),
    ]


def test_without_the_copies_there_is_no_finding(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    once = MAP.replace("[c, d, c]", "[c, d]").replace("  y: {conclusion: t, premises: [e]}\n", "")
    once = once.replace("  again: {from: d, rebuts: c}\n", "")
    assert [d for d in checked(once) if d.code == "AM015"] == []


def test_a_repeated_argument_counts_twice_in_the_score_as_its_hint_says(
    checked_scores: Callable[[str], dict[str, float]],
) -> None:
    twice = "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"
    twice += "  e: {text: E., kind: assumption, supports: t}\n"
    once = twice
    twice += "arguments:\n  y: {conclusion: t, premises: [e]}\n"
    assert (checked_scores(once)["t"], checked_scores(twice)["t"]) == (0.75, 0.875)
