"""A map under construction: what every importer builds, and what becomes the YAML file.

Importers add claims, supports, attacks and arguments by their own ids; the draft keeps ids
unique across the whole map (as the format requires), drops what argmap refuses (a claim
supporting itself, the same support twice, circles of support) and says why, and finally gives
the file as a plain dict in the format's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from argmap.interchange.text import IdAllocator, strip_hidden
from argmap.lint.graph import find_cycles

ATTACK_KEYS = ("rebuts", "undermines", "undercuts")

# Where an importer found an element, in its own terms: an offset into an Argdown text, a line
# of a Kialo file, the node of an AIF graph. The draft keeps it only to hand it back.
Place = int | str | None


class Dropped(NamedTuple):
    """What the draft dropped, and where the importer found it (None: nowhere in particular)."""

    message: str
    at: Place = None


def _closed_by(cycle: list[tuple[str, str]], rank: Mapping[str, int]) -> list[tuple[str, str]]:
    """``cycle`` turned so that the support to drop is its last step: the latest of its
    shortcuts (by ``rank``), else the step that closed it in the search."""
    steps = [k for k, (_, label) in enumerate(cycle) if label in rank]
    if not steps:
        return cycle
    last = max(steps, key=lambda k: rank[cycle[k][1]])
    return cycle[last + 1 :] + cycle[: last + 1]


@dataclass(slots=True)
class DraftClaim:
    id: str
    text: str
    label: str | None = None
    kind: str = "claim"
    holder: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    priority: int = 0
    supports: list[str] = field(default_factory=list)
    rebuts: list[str] = field(default_factory=list)
    undermines: list[str] = field(default_factory=list)
    undercuts: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class DraftArgument:
    id: str
    conclusion: str
    premises: list[str]
    label: str | None = None
    holder: str | None = None
    note: str | None = None
    priority: int = 0


@dataclass(slots=True)
class MapDraft:
    """Everything an importer found, by argmap id, in the order it was found."""

    title: str | None = None
    question: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    drawing: dict[str, Any] = field(default_factory=dict)  # as under 'drawing:', its keys
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims: dict[str, DraftClaim] = field(default_factory=dict)
    arguments: dict[str, DraftArgument] = field(default_factory=dict)
    attacks: dict[str, dict[str, Any]] = field(default_factory=dict)  # named, under 'attacks:'
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    questions: list[str | dict[str, Any]] = field(default_factory=list)
    ids: IdAllocator = field(default_factory=IdAllocator)
    # (claim, target) of every support and every attack in the claims' lists, for the test
    # "already there?": one claim can attack tens of thousands of others, and looking
    # through its lists for each new one was quadratic
    supported: set[tuple[str, str]] = field(default_factory=set, repr=False)
    attacked: set[tuple[str, str]] = field(default_factory=set, repr=False)
    # premise -> ids of the arguments it is the only premise of: the inferences an undercut
    # of a claim reaches, found without walking every argument for every undercut
    sole_premise: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # support ('A->B') or argument id -> where the importer found it, to say where it was
    # dropped
    placed: dict[str, Place] = field(default_factory=dict, repr=False)

    # -- adding ------------------------------------------------------------------------------
    def add_claim(self, wanted: str, text: str, **fields: Any) -> str:
        cid = self.ids.take(wanted, "claim")
        self.claims[cid] = DraftClaim(cid, text, **fields)
        return cid

    def add_argument(
        self, wanted: str, conclusion: str, premises: list[str], at: Place = None, **fields: Any
    ) -> str:
        aid = self.ids.take(wanted, "argument")
        if at is not None:
            self.placed[aid] = at
        unique = list(dict.fromkeys(premises))
        self.arguments[aid] = DraftArgument(aid, conclusion, unique, **fields)
        if len(unique) == 1:
            self.sole_premise.setdefault(unique[0], []).append(aid)
        return aid

    def add_actor(self, wanted: str, name: str, **fields: Any) -> str:
        aid = self.ids.take(wanted, "actor")
        self.actors[aid] = {"name": name, **{k: v for k, v in fields.items() if v}}
        return aid

    def add_source(self, wanted: str, title: str, **fields: Any) -> str:
        sid = self.ids.take(wanted, "source")
        self.sources[sid] = {"title": title, **{k: v for k, v in fields.items() if v}}
        return sid

    def support(self, premise: str, conclusion: str, at: Place = None) -> str | None:
        """``premise`` alone supports ``conclusion`` (the ``supports:`` short form), found
        ``at`` that place of the input.

        Returns why it was not added (itself, or already there), else None.
        """
        if premise == conclusion:
            return "a claim cannot support itself"
        if (premise, conclusion) in self.supported:
            return None
        self.claims[premise].supports.append(conclusion)
        self.supported.add((premise, conclusion))
        if at is not None:
            self.placed.setdefault(self.implicit_argument(premise, conclusion), at)
        return None

    def attack(self, attacker: str, target: str, kind: str) -> str | None:
        """``attacker`` rebuts, undermines (a claim) or undercuts (an argument) ``target``."""
        if attacker == target:
            return "a claim cannot attack itself"
        claim = self.claims[attacker]
        key = {"rebut": "rebuts", "undermine": "undermines", "undercut": "undercuts"}[kind]
        if (attacker, target) in self.attacked:
            return None
        getattr(claim, key).append(target)
        self.attacked.add((attacker, target))
        return None

    def name_attack(self, attacker: str, target: str, kind: str, wanted: str, note: Any) -> bool:
        """Move an attack from ``attacker``'s list to ``attacks:``, under a name (and with a
        note); False when ``attacker`` does not attack ``target`` that way."""
        key = ATTACK_KEYS[("rebut", "undermine", "undercut").index(kind)]
        listed: list[str] = getattr(self.claims[attacker], key)
        if target not in listed:
            return False
        listed.remove(target)
        entry: dict[str, Any] = {"from": attacker, key: target}
        if isinstance(note, str) and note:
            entry["note"] = note
        self.attacks[self.ids.take(wanted, "attack")] = entry
        return True

    @staticmethod
    def implicit_argument(premise: str, conclusion: str) -> str:
        """The id argmap gives the argument of ``supports:`` (``A->B``)."""
        return f"{premise}->{conclusion}"

    def support_arguments(self, claim: str) -> list[str]:
        """Ids of the inferences from ``claim``: its short-form supports, then arguments that
        have it as their only premise."""
        found = [self.implicit_argument(claim, t) for t in self.claims[claim].supports]
        found += [aid for aid in self.sole_premise.get(claim, []) if aid in self.arguments]
        return found

    # -- checks ------------------------------------------------------------------------------
    def break_support_cycles(self, shortcuts: Mapping[str, str] | None = None) -> list[Dropped]:
        """Drop the support that closes each circle of support; say which ones, each where the
        importer found it, and the undercuts of a dropped support where it was.

        ``shortcuts``: supports (by argument id) that the input gives as links to what stands
        elsewhere rather than as its own structure, in the input's order, each with what to
        say of it. A circle with one drops the last of them, not a support of the input's own
        structure; a circle without one drops the support that closed it in the search.
        """
        shortcuts = shortcuts or {}
        rank = {label: k for k, label in enumerate(shortcuts)}
        dropped: list[Dropped] = []
        for _ in range(len(self.claims) + len(self.arguments) + 1):
            edges: dict[str, list[tuple[str, str]]] = {}
            for cid, claim in self.claims.items():
                for target in claim.supports:
                    edges.setdefault(cid, []).append((target, self.implicit_argument(cid, target)))
            for arg in self.arguments.values():
                for premise in arg.premises:
                    edges.setdefault(premise, []).append((arg.conclusion, arg.id))
            cycles = find_cycles(edges)
            if not cycles:
                break
            gone: set[str] = set()
            for found in cycles:
                if any(label in gone for _, label in found):
                    continue  # broken already by a support dropped for another circle
                cycle = _closed_by(found, rank)
                node, label = cycle[-1]
                gone.add(label)
                shown = " -> ".join([*(n for n, _ in cycle), cycle[0][0]])
                if label in self.arguments:
                    del self.arguments[label]
                else:
                    target = label.split("->", 1)[1]
                    if (node, target) in self.supported:
                        self.claims[node].supports.remove(target)
                        self.supported.discard((node, target))
                message = f"support '{label}' dropped: it closes a circle of support ({shown})"
                if label in shortcuts:
                    message += f"; {shortcuts[label]}"
                dropped.append(Dropped(message, self.placed.get(label)))
        dropped.extend(self._drop_dangling_undercuts())
        return dropped

    def _drop_dangling_undercuts(self) -> list[Dropped]:
        known = set(self.arguments)
        for cid, claim in self.claims.items():
            known.update(self.implicit_argument(cid, t) for t in claim.supports)
        dropped = []
        for claim in self.claims.values():
            kept = []
            for target in claim.undercuts:
                if target in known:
                    kept.append(target)
                else:
                    self.attacked.discard((claim.id, target))
                    message = f"undercut of '{target}' by '{claim.id}' dropped with it"
                    dropped.append(Dropped(message, self.placed.get(target)))
            claim.undercuts = kept
        return dropped

    def remove_hidden(self) -> list[str]:
        """Remove invisible control characters from every text (lint rule AM012 refuses them
        anywhere in a map); name each element that had some."""
        found: list[str] = []
        for name in ("title", "question", "description", "date", "authors", "questions"):
            cleaned, changed = _without_hidden(getattr(self, name))
            if changed:
                setattr(self, name, cleaned)
                found.append(f"the map's {name}")
        tables: list[tuple[str, dict[str, Any]]] = [
            ("source", self.sources),
            ("actor", self.actors),
            ("attack", self.attacks),
            ("evidence", self.evidence),
        ]
        for what, table in tables:
            for key, entry in table.items():
                table[key], changed = _without_hidden(entry)
                if changed:
                    found.append(f"{what} '{key}'")
        elements: list[tuple[str, dict[str, Any]]] = [
            ("claim", self.claims),
            ("argument", self.arguments),
        ]
        for what, items in elements:
            for key, element in items.items():
                changed = False
                for f in fields(element):
                    cleaned, hidden = _without_hidden(getattr(element, f.name))
                    if hidden:
                        setattr(element, f.name, cleaned)
                        changed = True
                if changed:
                    found.append(f"{what} '{key}'")
        return [f"{where}: invisible control characters removed" for where in found]

    # -- output ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The argument file as a plain dict, keys in the format's order, empty keys left out."""
        out: dict[str, Any] = {"argmap": 1}
        for key in ("title", "question", "description"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.authors:
            out["authors"] = list(self.authors)
        if self.date:
            out["date"] = self.date
        if self.drawing:
            order = ("rankdir", "group-by", "evidence", "legend")
            out["drawing"] = {k: self.drawing[k] for k in order if k in self.drawing}
        if self.sources:
            out["sources"] = self.sources
        if self.actors:
            out["actors"] = self.actors
        if self.claims:
            out["claims"] = {cid: _claim_dict(c) for cid, c in self.claims.items()}
        if self.arguments:
            out["arguments"] = {aid: _argument_dict(a) for aid, a in self.arguments.items()}
        if self.attacks:
            out["attacks"] = self.attacks
        if self.evidence:
            out["evidence"] = self.evidence
        if self.questions:
            out["questions"] = list(self.questions)
        return out


def _without_hidden(value: Any) -> tuple[Any, bool]:
    """``value`` (text, or lists and mappings of it) without hidden characters; True if any."""
    if isinstance(value, str):
        return strip_hidden(value)
    if isinstance(value, list):
        pairs = [_without_hidden(v) for v in value]
        return [v for v, _ in pairs], any(c for _, c in pairs)
    if isinstance(value, dict):
        items = {k: _without_hidden(v) for k, v in value.items()}
        return {k: v for k, (v, _) in items.items()}, any(c for _, c in items.values())
    return value, False


def _claim_dict(c: DraftClaim) -> dict[str, Any]:
    out: dict[str, Any] = {"text": c.text}
    if c.label:
        out["label"] = c.label
    if c.kind != "claim":
        out["kind"] = c.kind
    if c.holder:
        out["holder"] = c.holder
    if c.tags:
        out["tags"] = list(dict.fromkeys(c.tags))
    if c.note:
        out["note"] = c.note
    if c.priority:
        out["priority"] = c.priority
    for key in ("supports", *ATTACK_KEYS):
        values: list[str] = getattr(c, key)
        if values:
            out[key] = list(values)
    if c.evidence:
        out["evidence"] = list(c.evidence)
    return out


def _argument_dict(a: DraftArgument) -> dict[str, Any]:
    out: dict[str, Any] = {"conclusion": a.conclusion, "premises": list(a.premises)}
    if a.label:
        out["label"] = a.label
    if a.holder:
        out["holder"] = a.holder
    if a.note:
        out["note"] = a.note
    if a.priority:
        out["priority"] = a.priority
    return out
