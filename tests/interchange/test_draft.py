"""The map every importer builds: what it keeps once, what it refuses, what it drops."""

from __future__ import annotations

from typing import Any

from argmap.interchange.draft import MapDraft
from argmap.interchange.text import IdAllocator


def _draft(*ids: str) -> MapDraft:
    draft = MapDraft(title="Draft")
    for cid in ids:
        draft.add_claim(cid, f"Claim {cid}.")
    return draft


def test_a_claim_attacks_a_target_once_whatever_the_kind() -> None:
    draft = _draft("a", "b", "c")
    assert draft.attack("a", "b", "rebut") is None
    assert draft.attack("a", "b", "undermine") is None
    assert draft.attack("a", "b", "rebut") is None
    assert draft.attack("a", "c", "undermine") is None
    assert draft.attack("a", "a", "rebut") == "a claim cannot attack itself"
    a = draft.claims["a"]
    assert (a.rebuts, a.undermines, a.undercuts) == (["b"], ["c"], [])


def test_a_claim_supports_a_conclusion_once() -> None:
    draft = _draft("a", "b", "c")
    for target in ("b", "c", "b"):
        assert draft.support("a", target) is None
    assert draft.support("a", "a") == "a claim cannot support itself"
    assert draft.claims["a"].supports == ["b", "c"]


def test_a_dropped_support_and_its_undercuts_can_be_made_again() -> None:
    draft = _draft("a", "b", "x", "y")
    draft.support("a", "b")
    draft.support("b", "a")
    draft.attack("x", "b->a", "undercut")
    draft.attack("y", "b->a", "undercut")
    draft.attack("y", "a->b", "undercut")
    dropped = [d.message for d in draft.break_support_cycles()]
    assert dropped == [
        "support 'b->a' dropped: it closes a circle of support (a -> b -> a)",
        "undercut of 'b->a' by 'x' dropped with it",
        "undercut of 'b->a' by 'y' dropped with it",
    ]
    assert draft.claims["b"].supports == []
    assert draft.claims["y"].undercuts == ["a->b"]
    draft.support("b", "x")
    draft.attack("x", "b->x", "undercut")
    assert draft.claims["b"].supports == ["x"]
    assert draft.claims["x"].undercuts == ["b->x"]
    draft.attack("y", "b->a", "undercut")  # refused before, for it was there
    assert draft.claims["y"].undercuts == ["a->b", "b->a"]


def test_one_claim_attacking_many_keeps_them_in_order() -> None:
    targets = [f"t{i}" for i in range(2000)]
    draft = _draft("a", *targets)
    for kind, target in zip(("rebut", "undermine") * 1000, targets, strict=True):
        draft.attack("a", target, kind)
    for target in reversed(targets):
        draft.attack("a", target, "rebut")
    assert draft.claims["a"].rebuts == targets[0::2]
    assert draft.claims["a"].undermines == targets[1::2]


class _CountedArguments(dict[str, Any]):
    """The draft's arguments, counting how often the whole table is walked."""

    walks = 0

    def values(self) -> Any:
        _CountedArguments.walks += 1
        return super().values()


def test_the_inferences_from_a_claim_are_found_without_walking_every_argument() -> None:
    # an Argdown file undercutting 4,000 described arguments walked every argument for each
    # undercut: 0.9 s, and minutes near the element limit
    draft = _draft("a", "b", "c", *(f"p{i}" for i in range(50)))
    draft.arguments = _CountedArguments()
    draft.support("a", "b")
    draft.add_argument("a-c", "c", ["a"])
    draft.add_argument("ab-c", "c", ["a", "b"])
    for i in range(50):
        draft.add_argument(f"p{i}-c", "c", [f"p{i}"])
    _CountedArguments.walks = 0
    assert draft.support_arguments("a") == ["a->b", "a-c"]
    assert draft.support_arguments("p7") == ["p7-c"]
    assert _CountedArguments.walks == 0
    del draft.arguments["a-c"]  # a circle of support can drop an argument
    assert draft.support_arguments("a") == ["a->b"]


class _CountedSet(set[str]):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        _CountedSet.lookups += 1
        return super().__contains__(item)


def test_ids_wanted_many_times_are_numbered_without_trying_every_number() -> None:
    # 20,000 statements with the same first words tried 1, 2, ... each time: 24 s
    ids = IdAllocator()
    ids._used = _CountedSet()
    taken = [ids.take("yes") for _ in range(2_000)]
    assert taken[:3] == ["yes", "yes-2", "yes-3"] and taken[-1] == "yes-2000"
    ids.reserve("other-3")
    assert [ids.take("other") for _ in range(4)] == ["other", "other-2", "other-4", "other-5"]
    assert _CountedSet.lookups < 5 * 2_000


def test_what_is_dropped_is_said_where_the_importer_found_it() -> None:
    """A support, an argument and the undercuts of either are dropped at the place the
    importer gave when it added them (an offset, a line, a node), or at none."""
    draft = _draft("a", "b", "c", "x")
    draft.support("a", "b", at=10)
    draft.support("b", "a", at=20)
    draft.add_argument("b-c", "c", ["b"], at="node-7")
    draft.add_argument("c-b", "b", ["c"], at="node-8")
    draft.attack("x", "b->a", "undercut")
    assert draft.break_support_cycles() == [
        ("support 'b->a' dropped: it closes a circle of support (a -> b -> a)", 20),
        ("support 'c-b' dropped: it closes a circle of support (b -> c -> b)", "node-8"),
        ("undercut of 'b->a' by 'x' dropped with it", 20),
    ]
