"""The map as an argumentation framework, in the manner of ASPIC+.

Nodes of the framework (their names carry their kind, so an ICCMA export stays readable):

* ``claim:C`` for every claim;
* ``arg:A`` for every argument (the inference from its premises to its conclusion);
* ``ev:E`` for every evidence item that counts (a quote not found counts for nothing);
* ``need:A:P`` for every premise ``P`` of ``A``: attacked by ``claim:P``, it attacks ``arg:A``.
  So ``arg:A`` can be IN only when all its linked premises are IN, and is OUT as soon as one
  is OUT — linked premises are all needed;
* ``nobasis:C`` for every claim that has arguments or evidence for it: attacked by each of
  them, it attacks ``claim:C``. So the claim stands when one of its arguments stands and falls
  when all fall — convergent support, each enough alone.

Attacks: a rebuttal or undermining ``a -> t`` is ``claim:a -> claim:t`` unless the attacker is
weaker (see ``_last_link``); an undercut ``a -> A`` is always
``claim:a -> arg:A``; evidence against a claim is ``ev:E -> claim:C``.

For the gradual score, the same nodes form a bipolar graph: evidence and arguments support
their conclusions, attackers attack; ``need`` nodes (base 1) turn a premise's score ``s``
into ``1 - s`` so that an argument's score is the product of its premises' (DF-QuAD).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.argument_map import ArgumentMap, AttackKind, Stance
from argmap.verdict import QuoteStatus

# How much a quote counts towards a claim's base score, by its verification status.
STATUS_WEIGHT: dict[QuoteStatus, float] = {
    QuoteStatus.VERIFIED: 1.0,
    QuoteStatus.VERIFIED_WITH_EDITS: 0.9,
    QuoteStatus.PARAPHRASE: 0.5,
    QuoteStatus.UNCHECKED: 0.5,
    QuoteStatus.NOT_FOUND: 0.0,
}
CLAIM_BASE = 0.5  # a claim on its own is neither backed nor doubted
INFERENCE_BASE = 1.0  # an argument is as strong as its premises, unless undercut


@dataclass(slots=True)
class MapFramework:
    """The framework's nodes, attacks, and the bipolar graph for gradual scores."""

    names: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    attacks: list[tuple[int, int]] = field(default_factory=list)
    supports: list[tuple[int, int]] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    # which map attack (or evidence) each framework attack stands for, for reasons
    attack_origin: dict[tuple[int, int], str] = field(default_factory=dict)
    ignored_attacks: set[str] = field(default_factory=set)  # attacks from weaker attackers

    def add(self, name: str, base: float) -> int:
        self.index[name] = len(self.names)
        self.names.append(name)
        self.base.append(base)
        return self.index[name]

    def attack(self, attacker: str, target: str, origin: str = "") -> None:
        pair = (self.index[attacker], self.index[target])
        self.attacks.append(pair)
        if origin:
            self.attack_origin.setdefault(pair, origin)

    def support(self, source: str, target: str) -> None:
        self.supports.append((self.index[source], self.index[target]))


def counts(status: QuoteStatus) -> bool:
    """Whether a quote counts at all: one that is not in its source does not."""
    return STATUS_WEIGHT[status] > 0.0


def build_framework(
    m: ArgumentMap, quote_status: Mapping[str, QuoteStatus] | None = None
) -> MapFramework:
    status = quote_status or {}
    fw = MapFramework()
    for cid in m.claims:
        fw.add(f"claim:{cid}", CLAIM_BASE)
    for aid in m.arguments:
        fw.add(f"arg:{aid}", INFERENCE_BASE)
    evidence = [e for e in m.evidence.values() if counts(status.get(e.id, QuoteStatus.UNCHECKED))]
    for e in evidence:
        weight = STATUS_WEIGHT[status.get(e.id, QuoteStatus.UNCHECKED)]
        fw.add(f"ev:{e.id}", e.strength * weight)

    for arg in m.arguments.values():
        for premise in dict.fromkeys(arg.premises):
            need = f"need:{arg.id}:{premise}"
            fw.add(need, 1.0)
            fw.attack(f"claim:{premise}", need)
            fw.attack(need, f"arg:{arg.id}")
        fw.support(f"arg:{arg.id}", f"claim:{arg.conclusion}")

    backers: dict[str, list[str]] = {}
    for arg in m.arguments.values():
        backers.setdefault(arg.conclusion, []).append(f"arg:{arg.id}")
    for e in evidence:
        if e.stance is Stance.SUPPORTS:
            backers.setdefault(e.target, []).append(f"ev:{e.id}")
            fw.support(f"ev:{e.id}", f"claim:{e.target}")
        else:
            fw.attack(f"ev:{e.id}", f"claim:{e.target}", e.id)
    for cid in m.claims:
        if cid in backers:
            nobasis = f"nobasis:{cid}"
            fw.add(nobasis, 0.0)  # only meaningful in the framework, not in the scores
            for backer in backers[cid]:
                fw.attack(backer, nobasis)
            fw.attack(nobasis, f"claim:{cid}")

    strength = _last_link(m)
    for attack in m.attacks.values():
        attacker = f"claim:{attack.attacker}"
        if attack.kind is AttackKind.UNDERCUT:
            fw.attack(attacker, f"arg:{attack.target}", attack.id)
            continue
        if strength[attack.attacker] < strength[attack.target]:
            fw.ignored_attacks.add(attack.id)
            continue
        fw.attack(attacker, f"claim:{attack.target}", attack.id)
    return fw


def _last_link(m: ArgumentMap) -> dict[str, int]:
    """A claim's strength in a conflict: its own priority, raised by the priority of the last
    inference of any written-out argument for it (last link). Short-form supports carry no
    priority of their own."""
    strength = {cid: c.priority for cid, c in m.claims.items()}
    for arg in m.arguments.values():
        if not arg.implicit:
            strength[arg.conclusion] = max(strength[arg.conclusion], arg.priority)
    return strength


def scoring_graph(fw: MapFramework) -> tuple[list[float], list[tuple[int, int]], list[int]]:
    """The bipolar graph for gradual scores: ``nobasis`` nodes are framework-only, so their
    attacks are left out, and so are the nodes' supports into them."""
    nobasis = {i for name, i in fw.index.items() if name.startswith("nobasis:")}
    attacks = [(a, t) for a, t in fw.attacks if a not in nobasis and t not in nobasis]
    return fw.base, attacks, sorted(nobasis)
