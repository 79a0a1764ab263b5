"""The resolved argument map: every reference checked, short forms expanded, ids unique.

This is what the later stages (lint, verify, evaluate, render) work on. Elements are frozen
dataclasses rather than pydantic models: they are built by :mod:`argmap.resolve` from data that
has already been validated, and are read many times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from argmap.model import ClaimKind, Direction, Grouping


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an element was written: file, line and column of its id (or short form)."""

    path: str
    line: int
    col: int


class AttackKind(StrEnum):
    REBUT = "rebut"
    UNDERMINE = "undermine"
    UNDERCUT = "undercut"


class Stance(StrEnum):
    SUPPORTS = "supports"
    ATTACKS = "attacks"


@dataclass(frozen=True, slots=True)
class Source:
    """A source of quotes. ``file_origin`` is where its ``file:`` value stands, for the
    findings about the file (the source's origin when not known)."""

    id: str
    title: str
    origin: Origin
    authors: tuple[str, ...] = ()
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    file: str | None = None
    path: Path | None = None  # ``file`` resolved inside the project
    note: str | None = None
    file_origin: Origin | None = None

    @property
    def file_at(self) -> Origin:
        """Where the file's value stands."""
        return self.file_origin or self.origin


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    origin: Origin
    role: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    origin: Origin
    kind: ClaimKind = ClaimKind.CLAIM
    label: str | None = None
    holder: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    priority: int = 0

    @property
    def title(self) -> str:
        """What the map shows: the label when there is one."""
        return self.label or self.text


@dataclass(frozen=True, slots=True)
class Argument:
    """Linked premises (all needed) for one conclusion; ``implicit`` for a ``supports:``."""

    id: str
    conclusion: str
    premises: tuple[str, ...]
    origin: Origin
    label: str | None = None
    holder: str | None = None
    note: str | None = None
    priority: int = 0
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class Attack:
    id: str
    attacker: str  # a claim id
    target: str  # a claim id (rebut, undermine) or an argument id (undercut)
    kind: AttackKind
    origin: Origin
    note: str | None = None
    implicit: bool = False  # written as ``attacks:``: its kind follows from the target
    short_form: bool = False  # written under the attacking claim, not under ``attacks:``


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from a source for or against a claim. ``origin`` is where the item is written;
    ``quote_origin`` and ``locator_origin`` are where its ``quote:`` and ``locator:`` values
    stand, for the findings about them (the item's origin when not known)."""

    id: str
    quote: str
    source: str
    target: str  # a claim id
    stance: Stance
    origin: Origin
    locator: str | None = None
    strength: float = 1.0
    note: str | None = None
    quote_origin: Origin | None = None
    locator_origin: Origin | None = None

    @property
    def quote_at(self) -> Origin:
        """Where the quote's value stands."""
        return self.quote_origin or self.origin

    @property
    def locator_at(self) -> Origin:
        """Where the locator's value stands."""
        return self.locator_origin or self.origin


@dataclass(frozen=True, slots=True)
class Question:
    """A discussion question; ``about_origins`` are where the ids of ``about`` stand."""

    text: str
    origin: Origin
    about: tuple[str, ...] = ()
    about_origins: tuple[Origin, ...] = ()

    def about_at(self, index: int) -> Origin:
        """Where the ``index``-th id of ``about`` stands (the question's origin if not known)."""
        return self.about_origins[index] if index < len(self.about_origins) else self.origin


@dataclass(frozen=True, slots=True)
class Drawing:
    """The ``drawing:`` settings of the map's own file (not of the files it includes); None
    where the file says nothing, so that the command line's defaults stand."""

    rankdir: Direction | None = None
    group_by: Grouping | None = None
    evidence: bool | None = None
    legend: bool | None = None


@dataclass(frozen=True, slots=True)
class ArgumentMap:
    """A whole map, its included files merged in. Dicts keep declaration order."""

    path: str
    title: str
    question: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    files: tuple[str, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    attacks: dict[str, Attack] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    questions: tuple[Question, ...] = ()
    drawing: Drawing = Drawing()


@dataclass(frozen=True, slots=True)
class MapIndex:
    """Who points at whom, built once per map so that lookups stay linear on large maps."""

    arguments_for: dict[str, list[Argument]]
    attacks_on: dict[str, list[Attack]]
    evidence_for: dict[str, list[Evidence]]

    @classmethod
    def of(cls, m: ArgumentMap) -> MapIndex:
        arguments: dict[str, list[Argument]] = {}
        attacks: dict[str, list[Attack]] = {}
        evidence: dict[str, list[Evidence]] = {}
        for arg in m.arguments.values():
            arguments.setdefault(arg.conclusion, []).append(arg)
        for attack in m.attacks.values():
            attacks.setdefault(attack.target, []).append(attack)
        for e in m.evidence.values():
            evidence.setdefault(e.target, []).append(e)
        return cls(arguments, attacks, evidence)


@dataclass(frozen=True, slots=True)
class Meant:
    """What an id given where a claim's is taken (``--focus``, ``--why``) and that is no claim
    of the map stands for: what it is instead (``kind``, with its article: 'an argument'),
    None when it is nothing of the map, and the claims meant, each with its role
    ('its conclusion'; '' for a claim whose id is close to it), in the order to offer them."""

    kind: str | None = None
    claims: tuple[tuple[str, str], ...] = ()

    @property
    def claim(self) -> str | None:
        """The claim meant first, if any."""
        return self.claims[0][1] if self.claims else None


def meant(m: ArgumentMap, cid: str) -> Meant:
    """What ``cid``, no claim of ``m``, stands for: the id of another element of the map (an
    argument, an attack, an evidence item, a source, an actor) with the claims it names,
    else the claim closest to it (:func:`closest_claim`)."""
    if cid in m.arguments:
        return Meant("an argument", (("its conclusion", m.arguments[cid].conclusion),))
    if cid in m.evidence:
        return Meant("an evidence item", (("its claim", m.evidence[cid].target),))
    if cid in m.attacks:
        attack = m.attacks[cid]
        claims = [("its attacker", attack.attacker)]
        if attack.target in m.claims:  # an undercut's target is an argument
            claims.append(("its target", attack.target))
        return Meant("an attack", tuple(claims))
    if cid in m.sources:
        return Meant("a source")
    if cid in m.actors:
        return Meant("an actor")
    close = closest_claim(m, cid)
    return Meant(claims=(("", close),) if close else ())


def _loose(cid: str) -> str:
    """``cid`` as compared loosely: in one case, without ``-``, ``_`` or spaces."""
    return "".join(ch for ch in cid.casefold() if ch not in "-_" and not ch.isspace())


def closest_claim(m: ArgumentMap, cid: str) -> str | None:
    """The claim id of ``m`` closest to ``cid``, which is none of them: what a command that
    takes a claim's id (``--focus``, ``--why``) suggests for a typo; None when none is close.
    An id that differs from ``cid`` only in case or in ``-``, ``_`` and spaces (``SPP-FAILS``,
    ``spp_fails``, ``spp fails``) is meant first (the first so declared), then the closest
    in any case."""
    import difflib

    loose = _loose(cid)
    same = next((c for c in m.claims if loose and _loose(c) == loose), None)
    if same is not None:
        return same
    folded: dict[str, str] = {}
    for c in m.claims:
        folded.setdefault(c.casefold(), c)
    close = difflib.get_close_matches(cid.casefold(), list(folded), n=1)
    return folded[close[0]] if close else None


def roots(m: ArgumentMap) -> list[str]:
    """The theses, in declaration order; without one, the top-level conclusions: where a
    report's outline starts, and what ``render --depth N`` counts its levels from."""
    theses = [c.id for c in m.claims.values() if c.kind is ClaimKind.THESIS]
    return theses or top_level(m, set(m.claims))


def top_level(m: ArgumentMap, among: set[str]) -> list[str]:
    """Claims of ``among`` that are no premise and attack nothing, in declaration order."""
    below = {p for a in m.arguments.values() for p in a.premises}
    below.update(a.attacker for a in m.attacks.values())
    return [cid for cid in m.claims if cid in among and cid not in below]
