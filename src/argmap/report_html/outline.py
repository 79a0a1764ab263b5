"""The order in which a report tells a map: from the thesis down, and the two sides of it.

* :func:`outline` walks from each thesis to its reasons (the premises of its arguments) and
  its objections (the claims that rebut or undermine it, or undercut one of its arguments),
  depth first, with an explicit stack: no recursion, so a chain of any length is fine. A
  claim reached by a second path is listed there as a *repeat* (a reference), and its
  reasons are not walked again, which also ends attack cycles. Claims that no thesis reaches
  follow as further roots, top-level conclusions first, all in declaration order: every
  claim of the map appears exactly once in full.
* :func:`sides` splits the claims under the theses into *for* and *against*: a reason is on
  the side of the claim it supports, an objection on the other side. Breadth first, the
  first side found wins.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.argument_map import ArgumentMap, AttackKind, MapIndex, roots, top_level

ATTACK_VERB = {
    AttackKind.REBUT: "rebuts",
    AttackKind.UNDERMINE: "undermines",
    AttackKind.UNDERCUT: "undercuts an argument for",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One claim in the walk: how it is related to the claim above it."""

    claim: str
    depth: int
    relation: str  # "thesis", "root", "premise", "objection"
    relation_text: str
    parent: str | None
    repeat: bool = False


def children(m: ArgumentMap, index: MapIndex, claim: str) -> Iterator[tuple[str, str, str]]:
    """(claim, relation, relation text) for the reasons, then the objections, of ``claim``."""
    arguments = index.arguments_for.get(claim, [])
    for argument in arguments:
        text = "a linked premise of" if len(argument.premises) > 1 else "a reason for"
        for premise in argument.premises:
            yield premise, "premise", text
    for attack in index.attacks_on.get(claim, []):
        yield attack.attacker, "objection", ATTACK_VERB[attack.kind]
    for argument in arguments:
        for attack in index.attacks_on.get(argument.id, []):
            yield attack.attacker, "objection", ATTACK_VERB[attack.kind]


def outline(m: ArgumentMap, index: MapIndex | None = None) -> list[Step]:
    """Every claim once in full (and again as a repeat where reached twice), thesis first."""
    index = index or MapIndex.of(m)
    steps: list[Step] = []
    seen: set[str] = set()
    theses = set(roots(m))
    pending = list(roots(m))
    while True:
        for root in pending:
            if root in seen:
                continue
            relation = "thesis" if root in theses else "root"
            _walk(m, index, Step(root, 1, relation, relation, None), steps, seen)
        unseen = {cid for cid in m.claims if cid not in seen}
        if not unseen:
            return steps
        # Claims no root reached: their own top-level conclusions next, or (when they only
        # hang off each other in a circle of attacks) the first of them.
        pending = top_level(m, unseen) or [next(c for c in m.claims if c in unseen)]


def _walk(m: ArgumentMap, index: MapIndex, start: Step, steps: list[Step], seen: set[str]) -> None:
    stack = [start]
    while stack:
        step = stack.pop()
        if step.claim in seen:
            steps.append(
                Step(step.claim, step.depth, step.relation, step.relation_text, step.parent, True)
            )
            continue
        seen.add(step.claim)
        steps.append(step)
        below = [
            Step(child, step.depth + 1, relation, text, step.claim)
            for child, relation, text in children(m, index, step.claim)
        ]
        stack.extend(reversed(below))


def sides(m: ArgumentMap, index: MapIndex | None = None) -> tuple[list[Step], list[Step]]:
    """The claims for and against the theses (the theses themselves left out)."""
    index = index or MapIndex.of(m)
    start = roots(m)
    side: dict[str, bool] = dict.fromkeys(start, True)
    queue: deque[str] = deque(start)
    pro: list[Step] = []
    con: list[Step] = []
    while queue:
        here = queue.popleft()
        for child, relation, text in children(m, index, here):
            if child in side:
                continue
            side[child] = side[here] if relation == "premise" else not side[here]
            (pro if side[child] else con).append(Step(child, 0, relation, text, here))
            queue.append(child)
    return pro, con
