"""The resolved argument map: every reference checked, short forms expanded, ids unique.

This is what the later stages (lint, verify, evaluate, render) work on. Elements are frozen
dataclasses rather than pydantic models: they are built by :mod:`argmap.resolve` from data that
has already been validated, and are read many times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from argmap.model import ClaimKind


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
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    id: str
    quote: str
    source: str
    target: str  # a claim id
    stance: Stance
    origin: Origin
    locator: str | None = None
    strength: float = 1.0
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    origin: Origin
    about: tuple[str, ...] = ()


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

    def arguments_for(self, claim_id: str) -> list[Argument]:
        return [a for a in self.arguments.values() if a.conclusion == claim_id]

    def attacks_on(self, target_id: str) -> list[Attack]:
        return [a for a in self.attacks.values() if a.target == target_id]

    def evidence_for(self, claim_id: str) -> list[Evidence]:
        return [e for e in self.evidence.values() if e.target == claim_id]
