"""The outline from the thesis down, and the sides for and against."""

from __future__ import annotations

from argmap.argument_map import (
    Argument,
    ArgumentMap,
    Attack,
    AttackKind,
    Claim,
    Origin,
    roots,
)
from argmap.model import ClaimKind
from argmap.outcome import CheckOutcome
from argmap.report_html.outline import outline, sides

HERE = Origin("test.yaml", 1, 1)


def chain(length: int) -> ArgumentMap:
    """c0 <- c1 <- c2 ... : each claim supports the one before it."""
    claims = {f"c{i}": Claim(f"c{i}", f"Claim {i}.", HERE) for i in range(length)}
    arguments = {
        f"a{i}": Argument(f"a{i}", f"c{i}", (f"c{i + 1}",), HERE) for i in range(length - 1)
    }
    return ArgumentMap(path="chain.yaml", title="Chain", claims=claims, arguments=arguments)


def test_starts_at_the_thesis_and_lists_every_claim_once_in_full(
    montebello: CheckOutcome,
) -> None:
    m = montebello.map
    assert m is not None
    steps = outline(m)
    assert steps[0].claim == "spp-fails" and steps[0].relation == "thesis"
    full = [s.claim for s in steps if not s.repeat]
    assert sorted(full) == sorted(m.claims)
    assert len(full) == len(set(full))


def test_a_claim_reached_twice_is_a_repeat_without_children(montebello: CheckOutcome) -> None:
    m = montebello.map
    assert m is not None
    steps = outline(m)
    # spp-opaque is a premise of two arguments (opacity-flaw and speculation-argument).
    places = [s for s in steps if s.claim == "spp-opaque"]
    assert [s.repeat for s in places].count(False) == 1
    assert any(s.repeat for s in places)
    for index, step in enumerate(steps[:-1]):
        if step.repeat:  # nothing is walked below a repeat
            assert steps[index + 1].depth <= step.depth


def test_reasons_come_before_objections_and_depth_grows_by_one() -> None:
    claims = {
        "t": Claim("t", "Thesis.", HERE, kind=ClaimKind.THESIS),
        "r": Claim("r", "Reason.", HERE),
        "o": Claim("o", "Objection.", HERE),
        "u": Claim("u", "Undercutter.", HERE),
    }
    arguments = {"r->t": Argument("r->t", "t", ("r",), HERE, implicit=True)}
    attacks = {
        "o-/->t": Attack("o-/->t", "o", "t", AttackKind.REBUT, HERE),
        "u-/->r->t": Attack("u-/->r->t", "u", "r->t", AttackKind.UNDERCUT, HERE),
    }
    m = ArgumentMap("m.yaml", "M", claims=claims, arguments=arguments, attacks=attacks)
    steps = outline(m)
    assert [(s.claim, s.depth, s.relation, s.parent) for s in steps] == [
        ("t", 1, "thesis", None),
        ("r", 2, "premise", "t"),
        ("o", 2, "objection", "t"),
        ("u", 2, "objection", "t"),
    ]
    assert steps[3].relation_text == "undercuts an argument for"
    pro, con = sides(m)
    assert [s.claim for s in pro] == ["r"]
    assert [s.claim for s in con] == ["o", "u"]


def test_a_very_long_chain_needs_no_recursion() -> None:
    m = chain(5000)
    steps = outline(m)
    assert len(steps) == 5000
    assert steps[-1].depth == 5000
    assert roots(m) == ["c0"]


def test_attack_cycles_end_and_unreached_claims_follow() -> None:
    claims = {
        "t": Claim("t", "Thesis.", HERE, kind=ClaimKind.THESIS),
        "a": Claim("a", "A.", HERE),
        "b": Claim("b", "B.", HERE),
        "x": Claim("x", "Unrelated X.", HERE),
        "y": Claim("y", "Y attacks X.", HERE),
    }
    attacks = {
        "a-/->t": Attack("a-/->t", "a", "t", AttackKind.REBUT, HERE),
        "b-/->a": Attack("b-/->a", "b", "a", AttackKind.REBUT, HERE),
        "a-/->b": Attack("a-/->b", "a", "b", AttackKind.REBUT, HERE),
        "y-/->x": Attack("y-/->x", "y", "x", AttackKind.REBUT, HERE),
        "x-/->y": Attack("x-/->y", "x", "y", AttackKind.REBUT, HERE),
    }
    m = ArgumentMap("m.yaml", "M", claims=claims, attacks=attacks)
    steps = outline(m)
    assert [(s.claim, s.repeat) for s in steps] == [
        ("t", False),
        ("a", False),
        ("b", False),
        ("a", True),
        ("x", False),  # x and y only attack each other: the first declared starts
        ("y", False),
        ("x", True),
    ]
    assert steps[4].relation == "root"
    pro, con = sides(m)
    assert [s.claim for s in pro] == ["b"]  # b attacks a, which attacks the thesis
    assert [s.claim for s in con] == ["a"]
