"""The map as an argumentation framework, in the manner of ASPIC+.

Nodes of the framework (their names carry their kind, so an ICCMA export stays readable):

* ``claim:C`` for every claim;
* ``arg:A`` for every argument (the inference from its premises to its conclusion);
* ``ev:E`` for every evidence item that counts (a quote not found, or of strength 0, counts
  for nothing);
* ``need:A:P`` for every premise ``P`` of ``A``: attacked by ``claim:P``, it attacks ``arg:A``.
  So ``arg:A`` can be IN only when all its linked premises are IN, and is OUT as soon as one
  is OUT — linked premises are all needed;
* ``nobasis:C`` for every claim that has arguments or evidence for it: attacked by each of
  them, it attacks ``claim:C``. So the claim stands when one of its arguments stands and falls
  when all fall — convergent support, each enough alone.

Attacks: a rebuttal or undermining ``a -> t`` is ``claim:a -> claim:t`` unless the attacker is
weaker (see priorities.py); an undercut ``a -> A`` is always
``claim:a -> arg:A``; evidence against a claim is ``ev:E -> claim:C``.

For the gradual score, the same nodes form a bipolar graph: evidence and arguments support
their conclusions, attackers attack; ``need`` nodes (base 1) turn a premise's score ``s``
into ``1 - s`` so that an argument's score is the product of its premises' (DF-QuAD).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.argument_map import ArgumentMap, AttackKind, Stance
from argmap.evaluate.priorities import weaker_attacks
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
# A quote's base score is QUOTE_BASE x its strength x its STATUS_WEIGHT: a verified quote of
# strength 1 starts at 0.5, not 1, so that under DF-QuAD one such quote puts its claim at
# 0.75, two at 0.875, three at 0.9375. At 1, one quote put its claim at 1.00 and more could
# add nothing: 35 of the Montebello map's 42 claims scored 1.00.
QUOTE_BASE = 0.5
INFERENCE_BASE = 1.0  # an argument is as strong as its premises, unless undercut


@dataclass(slots=True)
class MapFramework:
    """The framework's nodes, attacks, and the bipolar graph for gradual scores."""

    names: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    attacks: list[tuple[int, int]] = field(default_factory=list)
    supports: list[tuple[int, int]] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    ignored_attacks: set[str] = field(default_factory=set)  # attacks from weaker attackers
    # The ``nobasis`` nodes and the attacks to and from them, which build_framework appends
    # in one block each: what :func:`scoring_graph` leaves out.
    nobasis_nodes: range = range(0)
    nobasis_attacks: range = range(0)

    def attack(self, attacker: str, target: str) -> None:
        self.attacks.append((self.index[attacker], self.index[target]))


def counts(status: QuoteStatus, strength: float) -> bool:
    """Whether a quote counts at all: one that is not in its source does not, nor one of
    ``strength: 0``, which bears on its claim not at all (its base score is 0 either way)."""
    return strength > 0.0 and STATUS_WEIGHT[status] > 0.0


def quote_base(status: QuoteStatus, strength: float) -> float:
    """A quote's base score for the gradual scores (both models use it)."""
    return QUOTE_BASE * strength * STATUS_WEIGHT[status]


def build_framework(
    m: ArgumentMap, quote_status: Mapping[str, QuoteStatus] | None = None
) -> MapFramework:
    status = quote_status or {}
    fw = MapFramework()
    # Nodes, attacks and supports appended in place, and claims found by their id:
    # a large map has hundreds of thousands of nodes.
    names, index, base = fw.names, fw.index, fw.base
    attacks, supports = fw.attacks, fw.supports

    def add_all(new_names: list[str], new_base: list[float]) -> None:
        start = len(names)
        index.update(zip(new_names, range(start, start + len(new_names)), strict=True))
        names.extend(new_names)
        base.extend(new_base)

    add_all([f"claim:{cid}" for cid in m.claims], [CLAIM_BASE] * len(m.claims))
    claim_node = dict(zip(m.claims, range(len(m.claims)), strict=True))  # claim:{cid}
    first_argument = len(names)
    add_all([f"arg:{aid}" for aid in m.arguments], [INFERENCE_BASE] * len(m.arguments))
    evidence = [
        e
        for e in m.evidence.values()
        if counts(status.get(e.id, QuoteStatus.UNCHECKED), e.strength)
    ]
    add_all(
        [f"ev:{e.id}" for e in evidence],
        [quote_base(status.get(e.id, QuoteStatus.UNCHECKED), e.strength) for e in evidence],
    )

    backers: dict[str, list[int]] = {}
    for node, arg in enumerate(m.arguments.values(), start=first_argument):
        for premise in dict.fromkeys(arg.premises) if len(arg.premises) > 1 else arg.premises:
            need = f"need:{arg.id}:{premise}"
            index[need] = need_node = len(names)
            names.append(need)
            base.append(1.0)
            attacks.append((claim_node[premise], need_node))
            attacks.append((need_node, node))
        supports.append((node, claim_node[arg.conclusion]))
        backing = backers.get(arg.conclusion)
        if backing is None:
            backers[arg.conclusion] = [node]
        else:
            backing.append(node)
    for e in evidence:
        node = index[f"ev:{e.id}"]
        target = claim_node[e.target]
        if e.stance is Stance.SUPPORTS:
            backers.setdefault(e.target, []).append(node)
            supports.append((node, target))
        else:
            attacks.append((node, target))
    first_nobasis, first_nobasis_attack = len(names), len(attacks)
    for cid, claim in claim_node.items():
        backing = backers.get(cid)
        if backing is not None:
            nobasis = f"nobasis:{cid}"
            index[nobasis] = nobasis_node = len(names)
            names.append(nobasis)
            base.append(0.0)  # only meaningful in the framework, not in the scores
            for backer in backing:
                attacks.append((backer, nobasis_node))
            attacks.append((nobasis_node, claim))
    fw.nobasis_nodes = range(first_nobasis, len(names))
    fw.nobasis_attacks = range(first_nobasis_attack, len(attacks))

    if not m.attacks:
        return fw
    weaker = weaker_attacks(m)
    for attack in m.attacks.values():
        attacker = f"claim:{attack.attacker}"
        if attack.kind is AttackKind.UNDERCUT:
            fw.attack(attacker, f"arg:{attack.target}")
            continue
        if attack.id in weaker:
            fw.ignored_attacks.add(attack.id)
            continue
        fw.attack(attacker, f"claim:{attack.target}")
    return fw


def scoring_graph(fw: MapFramework) -> tuple[list[float], list[tuple[int, int]], list[int]]:
    """The bipolar graph for gradual scores: ``nobasis`` nodes are framework-only, so their
    attacks are left out, and so are the nodes' supports into them. Both are a block of their
    own (see :class:`MapFramework`), cut out without looking at every attack."""
    cut = fw.nobasis_attacks
    attacks = fw.attacks[: cut.start] + fw.attacks[cut.stop :]
    return fw.base, attacks, list(fw.nobasis_nodes)
