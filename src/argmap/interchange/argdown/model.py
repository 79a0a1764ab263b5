"""What an Argdown document says, in Argdown's own terms.

Statements are grouped in equivalence classes by title; arguments have descriptions and
premise-conclusion structures (PCS); relations join statements, arguments and inferences.
The vocabulary is the field's (and the reference implementation's): support, attack,
undercut, contradictory, contrary, entails; premise, intermediary and main conclusion.
Every element keeps the source offset where it was first written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class RelationType(StrEnum):
    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTORY = "contradictory"
    CONTRARY = "contrary"  # an attack between statements, in strict mode
    ENTAILS = "entails"  # a support between statements, in strict mode


class NodeKind(StrEnum):
    STATEMENT = "equivalence-class"
    ARGUMENT = "argument"
    INFERENCE = "inference"


class Role(StrEnum):
    PREMISE = "premise"
    INTERMEDIARY = "intermediary-conclusion"
    MAIN = "main-conclusion"


@dataclass(slots=True)
class Section:
    title: str  # as the reference shows it: markup removed, tags kept
    level: int
    offset: int
    data: dict[str, Any] = field(default_factory=dict)
    parent: Section | None = None
    clean: str = ""  # without its tags: the tag it gives the elements under it

    @property
    def is_group(self) -> bool:
        return str(self.data.get("isGroup", "true")).lower() != "false"


@dataclass(slots=True)
class Member:
    """One occurrence of a statement: a definition (with text) or a reference."""

    text: str
    clean: str
    offset: int
    is_reference: bool = False
    section: Section | None = None


@dataclass(slots=True)
class Statement:
    """An equivalence class: every statement written with the same title."""

    title: str
    offset: int
    untitled: bool = False
    members: list[Member] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def definitions(self) -> list[Member]:
        return [m for m in self.members if not m.is_reference and m.text]

    @property
    def section(self) -> Section | None:
        for member in self.members:
            if not member.is_reference:
                return member.section
        return self.members[0].section if self.members else None


@dataclass(slots=True)
class Description:
    text: str
    clean: str
    offset: int
    section: Section | None = None


@dataclass(slots=True)
class Inference:
    rules: list[str]
    offset: int
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class PcsItem:
    title: str
    role: Role
    number: int
    offset: int
    inference: Inference | None = None  # the inference a conclusion is drawn by


@dataclass(slots=True)
class Argument:
    title: str
    offset: int
    untitled: bool = False
    descriptions: list[Description] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    pcs: list[PcsItem] = field(default_factory=list)
    section: Section | None = None

    @property
    def reconstructed(self) -> bool:
        return bool(self.pcs)

    @property
    def conclusion(self) -> str:
        return self.pcs[-1].title


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A relation's end: a statement or argument by title, or an argument's inference."""

    kind: NodeKind
    title: str
    conclusion: int | None = None  # for an inference: the index of its conclusion in the PCS


@dataclass(slots=True)
class Relation:
    type: RelationType
    source: NodeRef
    target: NodeRef
    offset: int


@dataclass(slots=True)
class ArgdownDocument:
    front_matter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    strict: bool = False
    remove_tags: bool = False
