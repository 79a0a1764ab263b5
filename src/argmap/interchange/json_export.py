"""``--to json``: the resolved map with its verdicts, for programs.

The output is described by a small set of pydantic models, and its JSON Schema is generated
from them (``schema/argmap-export.schema.json``, beside the input schema; a test keeps the
file in sync). Regenerate it with::

    python -m argmap.interchange.json_export > schema/argmap-export.schema.json

Every element carries its id, as the argument file does; lists keep the map's order, so the
same map gives the same bytes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field

from argmap.indented_json import json_document
from argmap.outcome import CheckOutcome
from argmap.output_models import (
    SCHEMA_BASE,
    SCHEMA_DIALECT,
    Acceptance,
    OutputModel,
    QuoteCheck,
    QuoteLocation,
    Reason,
)
from argmap.verify.evidence import EvidenceCheck

SCHEMA_ID = f"{SCHEMA_BASE}argmap-export.schema.json"


class ExportSource(OutputModel):
    id: str
    title: str
    authors: list[str] = Field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    file: str | None = None
    note: str | None = None


class ExportActor(OutputModel):
    id: str
    name: str
    role: str | None = None
    url: str | None = None
    note: str | None = None


class ExportClaim(OutputModel):
    id: str
    text: str
    label: str | None = Field(default=None, description="The claim's short title, as in the map.")
    kind: Literal["thesis", "claim", "premise", "assumption", "counterclaim"]
    holder: str | None = None
    tags: list[str] = Field(default_factory=list)
    note: str | None = None
    priority: int = 0
    verdict: Literal["supported", "refuted", "contested", "unsupported"]
    score: float = Field(ge=0.0, le=1.0, description="Gradual score: ranks, never decides.")
    acceptance: Acceptance
    reasons: list[Reason] = Field(default_factory=list)


class ExportArgument(OutputModel):
    id: str
    conclusion: str
    premises: list[str]
    label: str | None = None
    holder: str | None = None
    note: str | None = None
    priority: int = 0
    implicit: bool = Field(description="Made by a claim's 'supports:' short form.")


class ExportAttack(OutputModel):
    id: str
    attacker: str
    target: str
    kind: Literal["rebut", "undermine", "undercut"]
    note: str | None = None
    implicit: bool = Field(description="Made by a claim's short form ('attacks:', ...).")


class ExportEvidence(OutputModel):
    id: str
    quote: str
    source: str
    target: str
    stance: Literal["supports", "attacks"]
    locator: str | None = None
    strength: float = 1.0
    note: str | None = None
    check: QuoteCheck | None = None


class ExportQuestion(OutputModel):
    text: str
    about: list[str] = Field(default_factory=list)


class ExportDrawing(OutputModel):
    """The drawing settings of the map's file; null where it says nothing (defaults decide)."""

    rankdir: Literal["tb", "lr", "bt", "rl"] | None = None
    group_by: Literal["none", "actor", "tag"] | None = None
    evidence: bool | None = None
    legend: bool | None = None


class ExportMap(OutputModel):
    """A whole map, resolved (short forms expanded, includes merged), with its verdicts."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="argmap export",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    format: Literal["argmap-export"] = "argmap-export"
    version: Literal[1] = 1
    path: str
    title: str
    question: str | None = None
    description: str | None = None
    authors: list[str] = Field(default_factory=list)
    date: str | None = None
    drawing: ExportDrawing = Field(default_factory=ExportDrawing)
    semantics: Literal["grounded", "preferred", "stable"]
    sources: list[ExportSource]
    actors: list[ExportActor]
    claims: list[ExportClaim]
    arguments: list[ExportArgument]
    attacks: list[ExportAttack]
    evidence: list[ExportEvidence]
    questions: list[ExportQuestion]


def check_model(check: EvidenceCheck) -> QuoteCheck:
    """A quote check as exported; ``argmap check --format json`` shows the same fields."""
    loc = check.location
    return QuoteCheck(
        status=check.status,
        similarity=round(check.similarity, 1),
        location=None
        if loc is None
        else QuoteLocation(
            paragraph=loc.paragraph,
            page=loc.page,
            line=loc.line,
            column=loc.column,
            start=loc.start,
            end=loc.end,
        ),
        hint=check.hint,
    )


def export_model(outcome: CheckOutcome) -> ExportMap:
    m, ev = outcome.map, outcome.evaluation
    assert m is not None and ev is not None
    claims = []
    for cid, c in m.claims.items():
        v = ev.verdicts[cid]
        claims.append(
            ExportClaim(
                id=cid,
                text=c.text,
                label=c.label,
                kind=c.kind.value,
                holder=c.holder,
                tags=list(c.tags),
                note=c.note,
                priority=c.priority,
                verdict=v.verdict.value,
                score=round(v.score, 6),
                acceptance=v.label,
                reasons=[Reason(kind=r.kind, element=r.element, text=r.text) for r in v.reasons],
            )
        )
    evidence = []
    for eid, e in m.evidence.items():
        check = outcome.checks.get(eid)
        export_check = None if check is None else check_model(check)
        evidence.append(
            ExportEvidence(
                id=eid,
                quote=e.quote,
                source=e.source,
                target=e.target,
                stance=e.stance.value,
                locator=e.locator,
                strength=e.strength,
                note=e.note,
                check=export_check,
            )
        )
    return ExportMap(
        path=outcome.path,
        title=m.title,
        question=m.question,
        description=m.description,
        authors=list(m.authors),
        date=m.date,
        drawing=ExportDrawing(
            rankdir=None if m.drawing.rankdir is None else m.drawing.rankdir.value,
            group_by=None if m.drawing.group_by is None else m.drawing.group_by.value,
            evidence=m.drawing.evidence,
            legend=m.drawing.legend,
        ),
        semantics=ev.semantics.value,
        sources=[
            ExportSource(
                id=s.id,
                title=s.title,
                authors=list(s.authors),
                date=s.date,
                publisher=s.publisher,
                url=s.url,
                file=s.file,
                note=s.note,
            )
            for s in m.sources.values()
        ],
        actors=[
            ExportActor(id=a.id, name=a.name, role=a.role, url=a.url, note=a.note)
            for a in m.actors.values()
        ],
        claims=claims,
        arguments=[
            ExportArgument(
                id=a.id,
                conclusion=a.conclusion,
                premises=list(a.premises),
                label=a.label,
                holder=a.holder,
                note=a.note,
                priority=a.priority,
                implicit=a.implicit,
            )
            for a in m.arguments.values()
        ],
        attacks=[
            ExportAttack(
                id=a.id,
                attacker=a.attacker,
                target=a.target,
                kind=a.kind.value,
                note=a.note,
                implicit=a.short_form,
            )
            for a in m.attacks.values()
        ],
        evidence=evidence,
        questions=[ExportQuestion(text=q.text, about=list(q.about)) for q in m.questions],
    )


def to_json(outcome: CheckOutcome) -> str:
    return json_document(export_model(outcome).model_dump(mode="json"))


def export_schema() -> dict[str, Any]:
    schema = ExportMap.model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, **schema}


def export_schema_text() -> str:
    return json_document(export_schema())


if __name__ == "__main__":  # pragma: no cover - the documented way to regenerate the file
    print(export_schema_text(), end="")
