"""Priorities: which rebuttals and underminings fail because the attacker is weaker.

A claim's strength in a conflict is its own ``priority``, raised by the priority of the last
inference of any written-out argument for it (last link). A rebuttal or an undermining from
a weaker claim does not succeed; an undercut always does. The framework leaves such attacks
out (build.py), and the drawing shows them faint (render/dot.py): one rule for both.
"""

from __future__ import annotations

from argmap.argument_map import ArgumentMap, AttackKind


def last_link(m: ArgumentMap) -> dict[str, int]:
    """Each claim's strength in a conflict. Short-form supports carry no priority of their
    own."""
    strength = {cid: c.priority for cid, c in m.claims.items()}
    for arg in m.arguments.values():
        if not arg.implicit:
            strength[arg.conclusion] = max(strength[arg.conclusion], arg.priority)
    return strength


def weaker_attacks(m: ArgumentMap) -> dict[str, tuple[int, int]]:
    """The attacks that fail because the attacker is weaker, by id, each with the strengths
    of its attacker and of its target, in the map's order."""
    if not m.attacks:
        return {}
    strength = last_link(m)
    weaker: dict[str, tuple[int, int]] = {}
    for attack in m.attacks.values():
        if attack.kind is AttackKind.UNDERCUT:
            continue
        ours, theirs = strength[attack.attacker], strength[attack.target]
        if ours < theirs:
            weaker[attack.id] = (ours, theirs)
    return weaker
