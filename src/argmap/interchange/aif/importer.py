"""AIF JSON -> argmap: AIFdb's bare ``{"nodes", "edges", ...}`` or OVA's ``{"AIF": {...}}``.

* I-nodes (information) become claims, their text as written (line breaks and runs of spaces
  included); their id is the slug of their first words;
* an RA-node (inference) becomes an argument: the I-nodes pointing at it are its linked
  premises, the I-node it points at its conclusion; its scheme name, when not the default,
  becomes the argument's label (as written);
* a CA-node (conflict) becomes an attack of each I-node pointing at it on what it points at:
  an I-node is rebutted (undermined when it is only ever a premise), an RA-node undercut;
* an MA-node (rephrase) becomes a support labelled "rephrase": argmap has no equivalence;
* locutions name the participant who asserted an I-node (L -> YA -> I): the participant
  becomes an actor and the claim's holder.

Reported as not carried over: PA (preference) and TA (transition) nodes, the text of
locutions, the scheme a conflict names, conflicts aimed at conflicts, inferences without
premises or conclusion, edges to unknown nodes, edges between kinds of node that no rule reads
(I -> I, RA -> RA, YA -> CA...). Each is located at its node or edge in the file. Errors (not
JSON, not AIF, too deep, too many nodes) stop the import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.interchange.aif.schemes import names_no_scheme
from argmap.interchange.draft import MapDraft
from argmap.interchange.importing import ImportOutcome
from argmap.interchange.jsontext import JsonPath, JsonPlaces, load_json
from argmap.interchange.limits import ImportLimits
from argmap.interchange.text import one_line, slugify, strip_hidden

_KINDS_READ = frozenset({"I", "L", "YA", "RA", "CA", "MA"})
# (from, to) of the edges the import reads; a conflict with a conflict (CA -> CA) is read to
# be reported as such
_EDGES_READ = frozenset(
    {
        *(("I", s) for s in ("RA", "MA", "CA")),
        *((s, "I") for s in ("RA", "MA", "CA")),
        *(("CA", s) for s in ("RA", "MA", "CA")),
        ("L", "YA"),
        ("YA", "I"),
    }
)
_EDGES_SAID = "argmap reads I -> RA, MA or CA -> I, CA -> RA or MA, L -> YA -> I"


@dataclass(slots=True)
class _Graph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)  # node -> its place in 'nodes'
    into: dict[str, list[str]] = field(default_factory=dict)  # node -> nodes with edges into it
    edges: list[tuple[int, str, str]] = field(default_factory=list)  # (index, from, to)
    out: dict[str, list[str]] = field(default_factory=dict)  # node -> nodes it points at

    def kind(self, node: str) -> str:
        return str(self.nodes[node].get("type", "")).upper()


def _structure(data: Any, shown: str) -> tuple[dict[str, Any], JsonPath, str | None] | Diagnostic:
    """The AIF object, its path in the file (inside OVA's wrapper or not), and a title."""
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        text = data.get("text")
        title = text.get("title") if isinstance(text, dict) else None
        return data["AIF"], ("AIF",), title if isinstance(title, str) else None
    if isinstance(data, dict) and "nodes" in data:
        return data, (), None
    return codes.IMPORT_INVALID.at(
        shown, None, "not AIF: expected an object with 'nodes' and 'edges' (or 'AIF': {...})"
    )


@dataclass(frozen=True, slots=True)
class _Places:
    """Where the values of the AIF object are in the file: ``at("nodes", 3)``."""

    places: JsonPlaces
    prefix: JsonPath

    def at(self, *path: str | int) -> Position | None:
        return self.places.at((*self.prefix, *path))


def _shape(aif: dict[str, Any], shown: str, places: _Places) -> Diagnostic | None:
    """Why the lists of ``aif`` cannot be read (lists of objects), or None."""
    nodes, edges = aif.get("nodes"), aif.get("edges", [])
    if not isinstance(nodes, list) or not isinstance(edges, list):
        wrong = "nodes" if not isinstance(nodes, list) else "edges"
        at = places.at(wrong) or places.at()  # a list that is not there: at the AIF object
        return codes.IMPORT_INVALID.at(shown, at, "'nodes' and 'edges' must be lists")
    for key in ("locutions", "participants"):
        items = aif.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            return codes.IMPORT_INVALID.at(shown, places.at(key), f"'{key}' must be a list")
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                return codes.IMPORT_INVALID.at(
                    shown, places.at(key, index), f"{key}[{index}]: not an object"
                )
    return None


def _node_problem(node: Any) -> tuple[str | None, str] | None:
    """Why ``node`` is no node (the key it is about, if any, and a message), or None."""
    if not isinstance(node, dict):
        return None, "not an object"
    for key in ("nodeID", "type"):
        if key not in node:
            return None, f"no {key}"
    node_id = node["nodeID"]
    if isinstance(node_id, bool) or not isinstance(node_id, str | int):  # true is an int
        return "nodeID", f"nodeID {json.dumps(node_id)} is neither text nor a whole number"
    if not isinstance(node["type"], str):
        return "type", f"type {json.dumps(node['type'])} is not text"
    return None


def _graph(aif: dict[str, Any], shown: str, places: _Places, out: list[Diagnostic]) -> _Graph:
    nodes, edges = aif["nodes"], aif.get("edges", [])
    g = _Graph()
    for index, node in enumerate(nodes):
        at = places.at("nodes", index)
        problem = _node_problem(node)
        if problem is not None:
            key, message = problem
            where = places.at("nodes", index, key) if key else at
            out.append(codes.IMPORT_INVALID.at(shown, where, f"nodes[{index}]: {message}"))
            continue
        node_id = str(node["nodeID"])
        if node_id in g.nodes:  # edges could not tell the two apart
            out.append(
                codes.NOT_CARRIED_OVER.at(
                    shown,
                    places.at("nodes", index, "nodeID"),
                    f"nodes[{index}]: nodeID {node_id} is given twice; this node is skipped",
                )
            )
            continue
        g.nodes[node_id] = node
        g.index[node_id] = index
    for index, edge in enumerate(edges):
        at = places.at("edges", index)
        if not isinstance(edge, dict):
            out.append(codes.IMPORT_INVALID.at(shown, at, f"edges[{index}]: not an object"))
            continue
        source, target = str(edge.get("fromID")), str(edge.get("toID"))
        if source not in g.nodes or target not in g.nodes:
            out.append(
                codes.NOT_CARRIED_OVER.at(
                    shown, at, f"edges[{index}]: joins an unknown node; skipped"
                )
            )
            continue
        g.out.setdefault(source, []).append(target)
        g.into.setdefault(target, []).append(source)
        g.edges.append((index, source, target))
    return g


@dataclass(slots=True)
class _Builder:
    g: _Graph
    aif: dict[str, Any]
    shown: str
    places: _Places
    draft: MapDraft = field(default_factory=MapDraft)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    claim: dict[str, str] = field(default_factory=dict)  # I-node -> claim id
    inferences: dict[str, list[str]] = field(default_factory=dict)  # RA-node -> argument ids

    def lost(self, message: str, node: str | None = None) -> None:
        """A loss, at ``node`` when it is about one (else at the file's start)."""
        at = None if node is None else self.places.at("nodes", self.g.index[node])
        self.diagnostics.append(codes.NOT_CARRIED_OVER.at(self.shown, at, message))

    def claims(self) -> None:
        for node_id, node in self.g.nodes.items():
            if self.g.kind(node_id) != "I":
                continue
            raw = node.get("text")
            # as written, line breaks and runs of spaces included: AIF's text and a claim's
            # hold any text, and a text made one line would come back changed
            text, hidden = strip_hidden(raw if isinstance(raw, str) else "")
            if hidden:
                self.lost(f"I-node {node_id}: invisible control characters removed", node_id)
            if not text.strip():
                self.lost(f"I-node {node_id} has no text; skipped", node_id)
                continue
            wanted = slugify(text, "claim", max_words=6)
            self.claim[node_id] = self.draft.add_claim(wanted, text)

    def holders(self) -> None:
        people, parts = _participants(self.aif)
        speaker: dict[str, str] = {}  # L-node -> participantID
        for loc in self.aif.get("locutions") or []:
            if isinstance(loc, dict) and str(loc.get("personID")) in people:
                speaker[str(loc.get("nodeID"))] = str(loc["personID"])
        asserted = {  # L-node -> the claims it asserts (L -> YA -> I)
            l_node: [
                self.claim[target]
                for ya in self.g.out.get(l_node, [])
                if self.g.kind(ya) == "YA"
                for target in self.g.out.get(ya, [])
                if target in self.claim
            ]
            for l_node in self.g.nodes
            if self.g.kind(l_node) == "L"
        }
        exact: dict[str, str] = {}  # participantID -> its name as argmap's locutions write it
        for l_node, claims in asserted.items():
            person = speaker.get(l_node)
            if person is not None and person not in exact:
                texts = [self.draft.claims[cid].text for cid in claims]
                found = _own_name(self.g.nodes[l_node].get("text"), texts, parts[person])
                if found is not None:
                    exact[person] = found
        actors: dict[str, str] = {}  # participantID -> actor id
        locutions: list[str] = []  # with a text of their own, which is lost
        for l_node, claims in asserted.items():
            person = speaker.get(l_node)
            who = None if person is None else exact.get(person, people[person])
            said = {one_line(f"{who}: {self.draft.claims[cid].text}") for cid in claims}
            text = self.g.nodes[l_node].get("text")
            if not (isinstance(text, str) and one_line(text) in said):  # argmap's own form
                locutions.append(l_node)
            if person is None or who is None:
                continue
            for cid in claims:
                if self.draft.claims[cid].holder is not None:
                    continue
                if person not in actors:
                    actors[person] = self.draft.add_actor(slugify(who, "actor"), who)
                self.draft.claims[cid].holder = actors[person]
        if locutions:  # at the first
            self.lost(
                f"{len(locutions)} locutions (L-nodes): their text is not carried over; "
                "only who asserted what is kept",
                locutions[0],
            )

    def inference_nodes(self) -> None:
        for node_id, node in self.g.nodes.items():
            kind = self.g.kind(node_id)
            if kind not in ("RA", "MA"):
                continue
            premises = [self.claim[n] for n in self.g.into.get(node_id, []) if n in self.claim]
            conclusions = [self.claim[n] for n in self.g.out.get(node_id, []) if n in self.claim]
            if not premises or not conclusions:
                self.lost(f"{kind}-node {node_id}: no premise or no conclusion; skipped", node_id)
                continue
            scheme = _scheme(node)
            label = "rephrase" if kind == "MA" else scheme
            if names_no_scheme(label):
                label = ""
            made = []
            for conclusion in conclusions:
                kept = [p for p in premises if p != conclusion]
                if not kept:
                    continue
                wanted = f"{conclusion}-{'rephrase' if kind == 'MA' else 'inference'}"
                made.append(
                    self.draft.add_argument(
                        wanted, conclusion, kept, at=node_id, label=label or None
                    )
                )
            self.inferences[node_id] = made
            if kind == "MA":
                self.diagnostics.append(
                    codes.IMPORT_NOTE.at(
                        self.shown,
                        self.places.at("nodes", self.g.index[node_id]),
                        f"MA-node {node_id} (rephrase) imported as a support",
                    )
                )

    def conflicts(self) -> None:
        premise_only = {p for a in self.draft.arguments.values() for p in a.premises} - {
            a.conclusion for a in self.draft.arguments.values()
        }
        schemes: list[tuple[str, str]] = []  # (CA-node, scheme) of conflicts that name one
        for node_id in self.g.nodes:
            if self.g.kind(node_id) != "CA":
                continue
            scheme = one_line(_scheme(self.g.nodes[node_id]))  # named in a message
            if not names_no_scheme(scheme):
                schemes.append((node_id, scheme))
            attackers = [self.claim[n] for n in self.g.into.get(node_id, []) if n in self.claim]
            targets = self.g.out.get(node_id, [])
            if not attackers or not targets:
                self.lost(f"CA-node {node_id}: no attacker or no target; skipped", node_id)
                continue
            for target in targets:
                for attacker in attackers:
                    self.attack(node_id, attacker, target, premise_only)
        if schemes:  # at the first
            first, name = schemes[0]
            self.lost(
                f"{len(schemes)} CA-nodes name a conflict scheme (the first, CA-node {first}: "
                f"'{name}'); not carried over: an attack has no scheme",
                first,
            )

    def attack(self, node_id: str, attacker: str, target: str, premise_only: set[str]) -> None:
        if target in self.claim:
            cid = self.claim[target]
            problem = self.draft.attack(
                attacker, cid, "undermine" if cid in premise_only else "rebut"
            )
        elif target in self.inferences:
            problem = None
            for aid in self.inferences[target]:
                problem = self.draft.attack(attacker, aid, "undercut") or problem
        else:
            problem = f"it attacks a {self.g.kind(target)}-node, which argmap cannot attack"
        if problem:
            self.lost(f"CA-node {node_id}: {problem}; not carried over", node_id)

    def others(self) -> None:
        found: dict[str, list[str]] = {}
        for node_id in self.g.nodes:
            kind = self.g.kind(node_id)
            if kind not in _KINDS_READ:
                found.setdefault(kind, []).append(node_id)
        for kind, nodes in sorted(found.items()):  # at the first of each kind
            message = f"{len(nodes)} {kind}-nodes not carried over (argmap has no {kind}-nodes)"
            self.lost(message, nodes[0])

    def unread_edges(self) -> None:
        """Edges between kinds of node that no rule of the import reads (an I-node straight
        to an I-node, an inference to an inference...): one loss for each pair of kinds, at
        its first edge. Edges of nodes of other kinds go with those nodes (:meth:`others`)."""
        found: dict[tuple[str, str], list[int]] = {}
        for index, source, target in self.g.edges:
            pair = (self.g.kind(source), self.g.kind(target))
            if pair not in _EDGES_READ and set(pair) <= _KINDS_READ:
                found.setdefault(pair, []).append(index)
        for (a, b), edges in found.items():
            message = (
                f"{len(edges)} edges from {_article(a)} {a}-node to {_article(b)} {b}-node "
                f"not carried over ({_EDGES_SAID})"
            )
            at = self.places.at("edges", edges[0])
            self.diagnostics.append(codes.NOT_CARRIED_OVER.at(self.shown, at, message))


def _scheme(node: dict[str, Any]) -> str:
    """The scheme an S-node names: its ``scheme``, else its ``text`` (as written: an
    inference's becomes its argument's label), or ''."""
    named = [v for v in (node.get("scheme"), node.get("text")) if isinstance(v, str) and v]
    return named[0] if named else ""


def _participants(aif: dict[str, Any]) -> tuple[dict[str, str], dict[str, tuple[Any, Any]]]:
    """participantID -> name (first name and surname, on one line, without AIFdb's "None"
    for a missing one), and participantID -> (first name, surname) as the file gives them."""
    people: dict[str, str] = {}
    parts: dict[str, tuple[Any, Any]] = {}
    for p in aif.get("participants") or []:
        if isinstance(p, dict) and "participantID" in p:
            pair = (p.get("firstname"), p.get("surname"))
            words = one_line(" ".join(x for x in pair if isinstance(x, str) and x != "None"))
            pid = str(p["participantID"])
            people[pid] = words or f"Participant {pid}"
            parts[pid] = pair
    return people, parts


def _own_name(text: Any, asserted: list[str], parts: tuple[Any, Any]) -> str | None:
    """The participant's name as argmap's export writes it, line breaks and spaces included:
    a locution ``Name: text`` of a claim it asserts, whose participant's first name and
    surname are that name split at its first space; else None (the name is then read from
    the participant)."""
    if not isinstance(text, str):
        return None
    for claim in asserted:
        if text.endswith(f": {claim}"):
            name = text[: len(text) - len(claim) - 2]
            first, _, rest = name.partition(" ")
            if (first, rest) == parts:
                return name
    return None


def _article(kind: str) -> str:
    return "an" if kind[:1] in ("I", "L", "R", "M") else "a"


def import_aif(text: str, shown: str, limits: ImportLimits, title: str) -> ImportOutcome:
    data = load_json(text, shown, limits.max_depth)
    if isinstance(data, Diagnostic):
        return ImportOutcome("aif", None, [data])
    found = _structure(data, shown)
    if isinstance(found, Diagnostic):
        return ImportOutcome("aif", None, [found])
    aif, prefix, found_title = found
    # paths up to a node's key: ("AIF", "nodes", 3, "nodeID")
    places = _Places(JsonPlaces(text, len(prefix) + 3), prefix)
    shape = _shape(aif, shown, places)
    if shape is not None:
        return ImportOutcome("aif", None, [shape])
    diagnostics: list[Diagnostic] = []
    size = len(aif["nodes"]) + len(aif.get("edges", []))
    if size > limits.max_elements:
        message = f"{size:,} nodes and edges: more than the limit of {limits.max_elements:,}"
        too_many = codes.IMPORT_TOO_MANY.at(shown, places.at("nodes"), message)
        return ImportOutcome("aif", None, [too_many])
    g = _graph(aif, shown, places, diagnostics)
    if any(d.code == codes.IMPORT_INVALID.code for d in diagnostics):
        return ImportOutcome("aif", None, diagnostics)
    builder = _Builder(g, aif, shown, places, diagnostics=diagnostics)
    builder.draft.title = found_title or title
    builder.claims()
    if not builder.claim:
        empty = codes.IMPORT_EMPTY.at(shown, None, "no I-nodes (claims) to import")
        return ImportOutcome("aif", None, [*diagnostics, empty])
    builder.holders()
    builder.inference_nodes()
    builder.conflicts()
    builder.others()
    builder.unread_edges()
    for message, at in builder.draft.break_support_cycles():
        builder.lost(message, at if isinstance(at, str) else None)
    return ImportOutcome("aif", builder.draft, builder.diagnostics)
