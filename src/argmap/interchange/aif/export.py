"""argmap -> AIF JSON, as AIFdb and OVA exchange it, in OVA's ``{"AIF": {...}}`` wrapper.

* each claim and each quote of evidence is an I-node (information);
* each argument (premises linked to a conclusion) is an RA-node: premise -> RA -> conclusion;
* each attack is a CA-node: attacker -> CA -> target, where the target is the attacked claim's
  I-node (rebut, undermine) or the attacked argument's RA-node (undercut); a quote that counts
  against a claim is a CA-node too;
* a claim's holder is a participant: the claim is asserted in a locution (an L-node, joined to
  the I-node by a YA-node "Asserting"), and the locution names the participant.

Node and edge ids are numbers written as text, given in the order ``argmap import`` reads the
nodes back, so that exporting the import of an export gives the same file: the I-nodes of the
claims, then of the quotes; the locutions; the inferences of arguments, then of quotes for a
claim; the conflicts (see :func:`_in_import_order`), then of quotes against a claim.

The map's title, question, authors and date are not written: AIF has no place for them (the
wrapper's ``text`` is the analysed text, not a title); see docs/interchange.md.
"""

from __future__ import annotations

from typing import Any

from argmap.argument_map import ArgumentMap, Attack, AttackKind, Stance
from argmap.indented_json import json_document
from argmap.interchange.aif.schemes import DEFAULT_INFERENCE, names_no_scheme
from argmap.repeats import attacks_once, premises_once


class _Graph:
    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []

    def node(self, text: str, kind: str) -> str:
        node_id = str(len(self.nodes) + 1)
        self.nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": ""})
        return node_id

    def edge(self, source: str, target: str) -> None:
        edge_id = str(len(self.edges) + 1)
        self.edges.append({"edgeID": edge_id, "fromID": source, "toID": target, "formEdgeID": None})


def aif_document(m: ArgumentMap) -> dict[str, Any]:
    g = _Graph()
    i_node: dict[str, str] = {}
    for cid, claim in m.claims.items():
        i_node[cid] = g.node(claim.text, "I")
    quote_node = {eid: g.node(e.quote, "I") for eid, e in m.evidence.items()}
    participants: dict[str, int] = {}
    locutions: list[dict[str, Any]] = []
    for cid, claim in m.claims.items():
        if claim.holder is None:
            continue
        actor = m.actors[claim.holder]
        person = participants.setdefault(claim.holder, len(participants) + 1)
        locution = g.node(f"{actor.name}: {claim.text}", "L")
        asserting = g.node("Asserting", "YA")
        g.edge(locution, asserting)
        g.edge(asserting, i_node[cid])
        locutions.append({"nodeID": locution, "personID": person})
    ra_node: dict[str, str] = {}
    for aid, arg in m.arguments.items():
        # a label the import reads as no scheme is written as the default (a loss, AM413)
        label = arg.label if arg.label and not names_no_scheme(arg.label) else None
        ra = g.node(label or DEFAULT_INFERENCE, "RA")
        ra_node[aid] = ra
        for premise in premises_once(arg.premises):  # a premise given twice, once (AM413)
            g.edge(i_node[premise], ra)
        g.edge(ra, i_node[arg.conclusion])
    for eid, e in m.evidence.items():
        if e.stance is Stance.SUPPORTS:
            relation = g.node(DEFAULT_INFERENCE, "RA")
            g.edge(quote_node[eid], relation)
            g.edge(relation, i_node[e.target])
    for attack in _in_import_order(m):
        ca = g.node("Default Conflict", "CA")
        g.edge(i_node[attack.attacker], ca)
        target = ra_node[attack.target] if attack.kind is AttackKind.UNDERCUT else None
        g.edge(ca, target or i_node[attack.target])
    for eid, e in m.evidence.items():
        if e.stance is not Stance.SUPPORTS:
            relation = g.node("Default Conflict", "CA")
            g.edge(quote_node[eid], relation)
            g.edge(relation, i_node[e.target])
    people = []
    for actor_id, number in participants.items():
        first, _, rest = m.actors[actor_id].name.partition(" ")
        people.append({"participantID": number, "firstname": first, "surname": rest})
    return {
        "AIF": {
            "nodes": g.nodes,
            "edges": g.edges,
            "locutions": locutions,
            "participants": people,
            "schemefulfillments": [],
            "descriptorfulfillments": [],
        }
    }


def _in_import_order(m: ArgumentMap) -> list[Attack]:
    """The attacks, each once (``argmap.repeats``), in the order ``argmap
    import`` lists them back: by attacker, in the order of the claims; an attacker's
    rebuttals, then its underminings (of a claim that is only ever a premise: what the
    import reads as one), then its undercuts; else in the map's order. The map's own order
    (attacks under claims, then under ``attacks:``) does not survive the import, which
    writes each attack under its attacker."""
    claims = {cid: index for index, cid in enumerate(m.claims)}
    premises = {p for a in m.arguments.values() for p in a.premises}
    concluded = {a.conclusion for a in m.arguments.values()} | {
        e.target for e in m.evidence.values() if e.stance is Stance.SUPPORTS
    }
    premise_only = premises - concluded

    def key(attack: Attack) -> tuple[int, int]:
        if attack.kind is AttackKind.UNDERCUT:
            return claims[attack.attacker], 2
        return claims[attack.attacker], 1 if attack.target in premise_only else 0

    return sorted(attacks_once(m), key=key)


def to_aif(m: ArgumentMap) -> str:
    return json_document(aif_document(m))
