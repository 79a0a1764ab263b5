"""What a map may give twice and an exchange format reads once: an attack by the same claim
on the same target (whatever its kind), a premise of one argument. AIF shows the two as one
conflict or one edge, Argdown as one relation or one premise, and ``argmap import`` reads
one: the exports write each once, so that importing an export and exporting again gives the
same file, and say what they leave out (``AM413``, in ``argmap.interchange.losses``)."""

from __future__ import annotations

from argmap.argument_map import ArgumentMap, Attack


def attacks_once(m: ArgumentMap) -> list[Attack]:
    """The attacks of ``m`` in its order, but those that repeat an earlier one's attacker
    and target."""
    seen: dict[tuple[str, str], Attack] = {}
    for attack in m.attacks.values():
        seen.setdefault((attack.attacker, attack.target), attack)
    return list(seen.values())


def repeated_attacks(m: ArgumentMap) -> list[Attack]:
    """The attacks :func:`attacks_once` leaves out."""
    kept = {a.id for a in attacks_once(m)}
    return [a for a in m.attacks.values() if a.id not in kept]


def premises_once(premises: tuple[str, ...]) -> list[str]:
    """The premises in their order, each once."""
    return list(dict.fromkeys(premises))
