"""Connectivity of claims, shared by the rules that ask what a claim is connected to."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.argument_map import ArgumentMap


def claim_components(m: ArgumentMap) -> dict[str, int]:
    """Claim id -> component number, over supports, arguments and attacks (undirected).

    Union-find with path halving: linear in practice and free of recursion.
    """
    parent: dict[str, str] = {cid: cid for cid in m.claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb

    for arg in m.arguments.values():
        for premise in arg.premises:
            union(premise, arg.conclusion)
    for attack in m.attacks.values():
        target = m.arguments.get(attack.target)
        union(attack.attacker, target.conclusion if target is not None else attack.target)
    numbers: dict[str, int] = {}
    out: dict[str, int] = {}
    for cid in m.claims:
        root = find(cid)
        out[cid] = numbers.setdefault(root, len(numbers))
    return out


def support_cycles(m: ArgumentMap) -> list[tuple[list[str], str]]:
    """Each circle of support once: its claims in order, and the argument that closes it."""
    edges: dict[str, list[tuple[str, str]]] = {}
    for arg in m.arguments.values():
        for premise in arg.premises:
            edges.setdefault(premise, []).append((arg.conclusion, arg.id))
    return [([c for c, _ in cycle], cycle[-1][1]) for cycle in find_cycles(edges)]


def find_cycles(edges: dict[str, list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """Cycles as (node, label of the edge leaving it) lists, at most one per back edge.

    Iterative depth-first search with three colours: meeting a grey node closes a cycle.
    """
    white, grey, black = 0, 1, 2
    colour: dict[str, int] = {}
    cycles: list[list[tuple[str, str]]] = []
    for start in edges:
        if colour.get(start, white) != white:
            continue
        stack: list[tuple[str, Iterator[tuple[str, str]]]] = [(start, iter(edges[start]))]
        trail: list[str] = []  # label of the edge taken from each node on the stack but the top
        colour[start] = grey
        while stack:
            node, children = stack[-1]
            step = next(children, None)
            if step is None:
                colour[node] = black
                stack.pop()
                if trail:
                    trail.pop()
                continue
            child, label = step
            state = colour.get(child, white)
            if state == grey:
                names = [n for n, _ in stack]
                at = names.index(child)
                cycles.append(list(zip(names[at:], [*trail[at:], label], strict=True)))
            elif state == white:
                colour[child] = grey
                trail.append(label)
                stack.append((child, iter(edges.get(child, []))))
    return cycles
