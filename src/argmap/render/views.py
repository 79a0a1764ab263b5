"""Views: which elements of a map a render shows. Pure; linear in the size of the map.

The neighbourhood of a claim (``--focus ID --depth N``) counts steps between claims: a
premise and its conclusion are one step apart, and so are the premises of one argument, an
attacker and the claim it attacks, and an undercutter and the conclusion (or the premises) of
the argument it undercuts. An argument is shown whole or not at all: the view never cuts a
linked argument in half. It is a breadth-first search with a queue (0-1 BFS: entering an
argument costs a step, leaving it costs none), never recursion, so any map size is fine.

The top levels of a map (``--depth N`` without ``--focus``) are the same search started from
every thesis at once (without one, from the top-level conclusions): the claims within N
steps of a thesis, depth 0 the theses alone.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.argument_map import ArgumentMap, AttackKind, Meant, meant, roots
from argmap.render.backends import RenderError
from argmap.render.options import FOCUS_DEPTH, RenderOptions
from argmap.wording import counted, no_claim


@dataclass(frozen=True, slots=True)
class NodeCount:
    """The nodes a view draws, by kind: what ``--max-nodes`` limits."""

    claims: int
    quotes: int
    junctions: int

    @property
    def total(self) -> int:
        return self.claims + self.quotes + self.junctions

    @property
    def parts(self) -> str:
        """``42 claims, 45 quotes, 10 inference junctions``."""
        return (
            f"{counted(self.claims, 'claim')}, {counted(self.quotes, 'quote')}, "
            f"{counted(self.junctions, 'inference junction')}"
        )


class TooLarge(RenderError):
    """The view has more nodes than ``RenderOptions.max_nodes``: Graphviz would take minutes
    on it (and fails outright on a chain 100,000 deep), so argmap refuses before it starts.
    ``view`` is the options that chose the view (``--focus ID --depth N``; empty for the
    whole map), ``nodes`` what it would draw, ``limit`` the --max-nodes it is over."""

    def __init__(self, message: str, view: str, nodes: NodeCount, limit: int) -> None:
        super().__init__(message)
        self.view, self.nodes, self.limit = view, nodes, limit

    @property
    def count(self) -> int:
        return self.nodes.total


class UnknownFocus(ValueError):
    """The focus is not a claim of the map; ``meant`` is what it stands for instead, and
    ``suggestion`` the claim id meant first (None when none is)."""

    def __init__(self, focus: str, meant: Meant) -> None:
        super().__init__(no_claim(focus, meant))
        self.focus = focus
        self.meant = meant
        self.suggestion = meant.claim


@dataclass(frozen=True, slots=True)
class Selection:
    """The ids of the elements to draw; the builder keeps the map's declaration order."""

    claims: frozenset[str]
    arguments: frozenset[str]
    attacks: frozenset[str]
    evidence: frozenset[str]
    focus: str | None = None


def select(
    argument_map: ArgumentMap,
    *,
    focus: str | None = None,
    depth: int | None = None,
    evidence: bool = True,
) -> Selection:
    """The elements a view shows: the whole map; the neighbourhood of ``focus``, ``depth``
    steps (:data:`FOCUS_DEPTH` when None); or, with a ``depth`` and no ``focus``, the top
    levels of the map: the claims within ``depth`` steps of a thesis (:func:`starts`).

    Raises :class:`UnknownFocus` when ``focus`` is not a claim of the map.
    """
    if focus is not None:
        if focus not in argument_map.claims:
            raise UnknownFocus(focus, meant(argument_map, focus))
        steps = FOCUS_DEPTH if depth is None else depth
        claims, arguments = _neighbourhood(argument_map, [focus], steps)
    elif depth is not None:
        claims, arguments = _neighbourhood(argument_map, starts(argument_map), depth)
    else:
        claims = frozenset(argument_map.claims)
        arguments = frozenset(argument_map.arguments)
    attacks = frozenset(
        a.id
        for a in argument_map.attacks.values()
        if a.attacker in claims
        and (a.target in arguments if a.kind is AttackKind.UNDERCUT else a.target in claims)
    )
    shown_evidence = frozenset(
        e.id for e in argument_map.evidence.values() if evidence and e.target in claims
    )
    return Selection(claims, arguments, attacks, shown_evidence, focus)


def starts(argument_map: ArgumentMap) -> list[str]:
    """Where the top levels of a map are counted from: its theses, else its top-level
    conclusions, else (every claim a premise or an attacker: a cycle) its first claim."""
    return roots(argument_map) or list(argument_map.claims)[:1]


def _neighbourhood(
    argument_map: ArgumentMap, start: list[str], depth: int
) -> tuple[frozenset[str], frozenset[str]]:
    # Ids are unique across a map whatever their kind, so claims and arguments share one
    # graph. Edges: claim -> argument costs 1, argument -> claim costs 0 (its undercutters too),
    # claim -> claim 1.
    edges: dict[str, list[tuple[str, int]]] = {}

    def link(a: str, b: str, cost: int) -> None:
        edges.setdefault(a, []).append((b, cost))

    for argument in argument_map.arguments.values():
        for claim in (argument.conclusion, *argument.premises):
            link(claim, argument.id, 1)
            link(argument.id, claim, 0)
    for attack in argument_map.attacks.values():
        link(attack.attacker, attack.target, 1)
        # back from an undercut argument costs nothing: entering it from one of its claims
        # was the step, as entering it from the undercutter is
        link(attack.target, attack.attacker, 0 if attack.kind is AttackKind.UNDERCUT else 1)

    distance = dict.fromkeys(start, 0)
    queue: deque[str] = deque(distance)
    while queue:
        here = queue.popleft()
        reached = distance[here]
        for there, cost in edges.get(here, ()):
            step = reached + cost
            if step > depth or distance.get(there, depth + 1) <= step:
                continue
            distance[there] = step
            if cost == 0:
                queue.appendleft(there)
            else:
                queue.append(there)
    claims = frozenset(c for c in distance if c in argument_map.claims)
    arguments = {a for a in distance if a in argument_map.arguments}
    # An argument whose claims are all in view is shown too, though reached at depth + 1.
    arguments.update(
        a.id for a in argument_map.arguments.values() if _all_in(claims, a.conclusion, a.premises)
    )
    return claims, frozenset(arguments)


def _all_in(claims: frozenset[str], conclusion: str, premises: Iterable[str]) -> bool:
    return conclusion in claims and all(p in claims for p in premises)


def drawable(argument_map: ArgumentMap, options: RenderOptions) -> Selection:
    """The selection ``options`` asks for, once it is known to be small enough to lay out.

    Raises :class:`UnknownFocus` for a bad focus and :class:`TooLarge` for a view of more
    than ``options.max_nodes`` nodes (claims, quotes and inference junctions).
    """
    selection = select(
        argument_map,
        focus=options.focus,
        depth=options.depth,
        evidence=options.show_evidence,
    )
    nodes = NodeCount(
        len(selection.claims), len(selection.evidence), len(junctions(argument_map, selection))
    )
    if nodes.total > options.max_nodes:
        # a view without quotes (--no-evidence, a handout's) cannot leave them out
        quotes = " leave the quotes out with --no-evidence," if selection.evidence else ""
        view = view_options(options)
        raise TooLarge(
            f"{view_name(view)} has {nodes.total:,} nodes to draw ({nodes.parts}), "
            f"more than --max-nodes {options.max_nodes:,}; draw a part of it with --focus "
            f"CLAIM --depth N,{quotes} or raise --max-nodes",
            view,
            nodes,
            options.max_nodes,
        )
    return selection


def view_options(options: RenderOptions) -> str:
    """The options that choose the view ``options`` draw, as the command line gives them:
    ``--focus ID --depth N`` (the depth a focus has by default said too), ``--depth N``,
    or nothing for the whole map."""
    if options.focus is not None:
        depth = FOCUS_DEPTH if options.depth is None else options.depth
        return f"--focus {options.focus} --depth {depth}"
    return "" if options.depth is None else f"--depth {options.depth}"


def view_name(view: str) -> str:
    """What a message calls the view chosen by ``view`` (:func:`view_options`)."""
    return f"the view {view}" if view else "the map"


def junctions(argument_map: ArgumentMap, selection: Selection) -> set[str]:
    """Arguments drawn with a junction: linked premises, a name (its ``label``, shown in the
    junction), or an inference that is undercut."""
    undercut = {
        attack.target
        for attack_id, attack in argument_map.attacks.items()
        if attack_id in selection.attacks and attack.kind is AttackKind.UNDERCUT
    }
    return {
        a.id
        for a in argument_map.arguments.values()
        if a.id in selection.arguments and (len(a.premises) > 1 or a.label or a.id in undercut)
    }
