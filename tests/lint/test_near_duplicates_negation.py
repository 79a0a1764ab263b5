"""AM007 and negation: a claim and its denial are alike in their words, and opposite.

Imported Argdown maps (/work/shared/corpora: state-censorship, greenspan-schefczyk) were told
that 'Censorship is wrong in principle.' repeats 'Censorship is not wrong in principle.' (94%
similar), and to merge them, though one rebuts the other.
"""

from __future__ import annotations

from argmap.argument_map import ArgumentMap, Claim, Origin
from argmap.lint.context import LintConfig, LintContext
from argmap.lint.rules import am007_near_duplicate_claims as am007


def _messages(texts: list[str]) -> list[str]:
    claims = {f"c{i}": Claim(f"c{i}", t, Origin("m.yaml", i + 1, 3)) for i, t in enumerate(texts)}
    ctx = LintContext(ArgumentMap(path="m.yaml", title="m", claims=claims), LintConfig())
    return [f.message for f in am007.check(ctx)]


def test_a_claim_and_its_denial_are_not_duplicates() -> None:
    for pair in (
        ["Censorship is not wrong in principle.", "Censorship is wrong in principle."],
        ["Freedom of speech is an absolute right.", "Freedom of speech is not an absolute right."],
        [
            "Bubbles cannot occur in the real estate market.",
            "Bubbles can occur in the real estate market.",
        ],
        ["The plan wasn’t approved by the board.", "The plan was approved by the board."],
        [
            "If no speculative conflagration develops, prices do not rise significantly.",
            "If speculative conflagration can develop, prices can rise significantly.",
        ],
    ):
        assert _messages(pair) == [], pair


def test_a_repeat_with_its_negation_kept_is_still_found() -> None:
    assert _messages(
        ["Censorship is not wrong in principle.", "Censorship is not wrong, in principle!", "x y"]
    ) == ["claim 'c1' repeats claim 'c0' (100% similar)"]


def test_a_denial_does_not_hide_an_earlier_repeat() -> None:
    """c2 denies c1 but repeats c0: it is reported as repeating c0."""
    assert _messages(
        [
            "Censorship is wrong in principle.",
            "Censorship is not wrong in principle.",
            "Censorship is wrong in principle!",
        ]
    ) == ["claim 'c2' repeats claim 'c0' (100% similar)"]
