"""What a map may give twice: an attack by the same claim on the same target (whatever its
kind), a premise of one argument. Each counts once in the verdicts and the scores; rule AM015
warns of it. AIF shows the two as one conflict or one edge, Argdown as one relation or one
premise, and ``argmap import`` reads one: the exports write each once, so that importing an
export and exporting again gives the same file, and say what they leave out (``AM413``, in
``argmap.interchange.losses``)."""

from __future__ import annotations

from argmap.argument_map import ArgumentMap, Attack


def first_attacks(m: ArgumentMap) -> dict[str, Attack]:
    """Each attack of ``m`` by id, mapped to the first attack (in the map's order) with its
    attacker and target: itself, or the one it repeats."""
    firsts: dict[tuple[str, str], Attack] = {}
    return {a.id: firsts.setdefault((a.attacker, a.target), a) for a in m.attacks.values()}


def attacks_once(m: ArgumentMap) -> list[Attack]:
    """The attacks of ``m`` in its order, but those that repeat an earlier one's attacker
    and target."""
    firsts = first_attacks(m)
    return [a for a in m.attacks.values() if firsts[a.id] is a]


def repeated_attacks(m: ArgumentMap) -> list[Attack]:
    """The attacks :func:`attacks_once` leaves out."""
    firsts = first_attacks(m)
    return [a for a in m.attacks.values() if firsts[a.id] is not a]


def premises_once(premises: tuple[str, ...]) -> list[str]:
    """The premises in their order, each once."""
    return list(dict.fromkeys(premises))
