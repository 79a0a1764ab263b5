"""Independent, deliberately naive definitions to test the semantics against.

Everything here follows the textbook definitions (Dung 1995) literally, over sets and by
brute force, sharing no code with ``argmap.semantics`` beyond reading the framework's
attack pairs. Only usable on small frameworks.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from hypothesis import strategies as st

from argmap.semantics import ArgumentationFramework, Label

Extension = frozenset[int]


def attack_set(af: ArgumentationFramework) -> set[tuple[int, int]]:
    return set(af.attacks())


def attackers(af: ArgumentationFramework) -> list[set[int]]:
    result: list[set[int]] = [set() for _ in range(af.num_arguments)]
    for a, b in af.attacks():
        result[b].add(a)
    return result


def attacked_by(af: ArgumentationFramework, s: Extension) -> set[int]:
    return {b for a, b in af.attacks() if a in s}


def conflict_free(af: ArgumentationFramework, s: Extension) -> bool:
    return not any(a in s and b in s for a, b in af.attacks())


def characteristic(af: ArgumentationFramework, s: Extension) -> Extension:
    """F(S) = {a | every attacker of a is attacked by S}."""
    hit = attacked_by(af, s)
    return frozenset(a for a, atts in enumerate(attackers(af)) if atts <= hit)


def admissible(af: ArgumentationFramework, s: Extension) -> bool:
    return conflict_free(af, s) and s <= characteristic(af, s)


def grounded_by_fixpoint(af: ArgumentationFramework) -> Extension:
    """The least fixed point of F, by iterating it from the empty set."""
    current: Extension = frozenset()
    while True:
        following = characteristic(af, current)
        if following == current:
            return current
        current = following


def subsets(n: int) -> Iterator[Extension]:
    for size in range(n + 1):
        for combo in combinations(range(n), size):
            yield frozenset(combo)


def brute_preferred(af: ArgumentationFramework) -> list[Extension]:
    adm = [s for s in subsets(af.num_arguments) if admissible(af, s)]
    return sorted((s for s in adm if not any(s < t for t in adm)), key=sorted)


def brute_stable(af: ArgumentationFramework) -> list[Extension]:
    everything = frozenset(range(af.num_arguments))
    return sorted(
        (
            s
            for s in subsets(af.num_arguments)
            if conflict_free(af, s) and attacked_by(af, s) == everything - s
        ),
        key=sorted,
    )


def skeptical_labels(af: ArgumentationFramework, exts: list[Extension]) -> tuple[Label, ...]:
    """IN if in every extension, OUT if attacked by every extension, else UNDEC."""
    labels = []
    for a in range(af.num_arguments):
        if all(a in e for e in exts):
            labels.append(Label.IN)
        elif all(a in attacked_by(af, e) for e in exts):
            labels.append(Label.OUT)
        else:
            labels.append(Label.UNDEC)
    return tuple(labels)


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 12) -> ArgumentationFramework:
    """Random small frameworks, sparse to dense, self-attacks and duplicates included."""
    n = draw(st.integers(0, max_arguments))
    if n == 0:
        return ArgumentationFramework([], [])
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    attacks = draw(st.lists(pair, max_size=3 * n))
    return ArgumentationFramework([f"a{i}" for i in range(n)], attacks)


def framework(names: str, attacks: str) -> ArgumentationFramework:
    """A framework from compact notation: ``framework("abc", "ab bc")``."""
    return ArgumentationFramework.from_named_attacks(
        list(names), [(pair[0], pair[1]) for pair in attacks.split()]
    )
