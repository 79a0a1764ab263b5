"""The JSON Schemas of what argmap prints for programs: the findings (validate, import),
check and stats.

Like the export's (:mod:`argmap.interchange.json_export`), each is generated from pydantic
models and kept in ``schema/`` (``argmap-<kind>.schema.json``); a test regenerates them and
compares, and validates real outputs against them. The commands do not build their output
from these models (``argmap validate`` imports the standard library only, to start fast), so
the tests are what hold the two together. Regenerate a file with::

    python -m argmap.output_schemas findings > schema/argmap-findings.schema.json

Every vocabulary (severities, verdicts, acceptance, quote statuses, kinds) comes from the code's
own enums, so a new value reaches the schema when the code gains it. See docs/json-output.md
for the documents and the versioning promise.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from argmap.argument_map import AttackKind
from argmap.diagnostics import Severity
from argmap.indented_json import json_document
from argmap.model import ClaimKind
from argmap.output_models import (
    SCHEMA_BASE,
    SCHEMA_DIALECT,
    Acceptance,
    OutputModel,
    Reason,
    Similarity,
    Where,
)
from argmap.semantics.gradual import GradualMethod
from argmap.semantics.labels import Semantics
from argmap.verdict import QuoteStatus, Verdict

Count = Annotated[int, Field(ge=0)]


def _counts(names: list[str], description: str) -> Any:
    """An object with exactly these keys, each a count: how stats shows a vocabulary."""
    return Annotated[
        dict[str, int],
        WithJsonSchema(
            {
                "type": "object",
                "description": description,
                "properties": {name: {"type": "integer", "minimum": 0} for name in names},
                "required": names,
                "additionalProperties": False,
            }
        ),
    ]


def _document(kind: str, commands: str) -> ConfigDict:
    """The schema's title and ``$id`` of the ``argmap-<kind>`` document, which ``commands``
    print (merged with :class:`OutputModel`'s: no unknown key)."""
    return ConfigDict(
        title=f"{commands} --format json",
        json_schema_extra={"$id": f"{SCHEMA_BASE}argmap-{kind}.schema.json"},
    )


class Diagnostic(OutputModel):
    """One finding, as every format shows it: positions are 1-based."""

    code: str = Field(pattern=r"^AM[0-9]{3}$", description="Stable: AM101.")
    name: str = Field(description="The code's readable form: yaml-syntax.")
    severity: Severity
    message: str
    path: str = Field(description="The file, as given on the command line (or found in it).")
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    hint: str | None


class Summary(OutputModel):
    files: Count = Field(description="Maps read.")
    errors: Count
    warnings: Count
    infos: Count


class FindingsOutput(OutputModel):
    """What argmap validate and argmap import --format json print: the findings, sorted."""

    model_config = _document("findings", "argmap validate and argmap import")

    format: Literal["argmap-findings"]
    version: Literal[1]
    summary: Summary
    diagnostics: list[Diagnostic]


class CheckedClaim(OutputModel):
    id: str
    verdict: Verdict
    score: float = Field(ge=0.0, le=1.0, description="Gradual score: ranks, never decides.")
    acceptance: Acceptance
    text: str
    kind: ClaimKind
    reasons: list[Reason]


class CheckedQuote(OutputModel):
    """A quote check: the export's check, with the evidence's id before it."""

    id: str
    status: QuoteStatus
    similarity: Similarity
    location: Where
    hint: str | None


class Scores(OutputModel):
    method: GradualMethod
    converged: bool = Field(description="False: the scores are approximate.")


class CheckedMap(OutputModel):
    """One map checked; the map's parts are null (and its lists empty) when it did not load."""

    path: str
    semantics: Semantics | None
    scores: Scores | None
    has_extension: bool | None = Field(
        description="False only under stable semantics with no stable extension."
    )
    claims: list[CheckedClaim]
    quotes: list[CheckedQuote] = Field(description="The check of every quote of the map.")
    diagnostics: list[Diagnostic]


class CheckOutput(OutputModel):
    """What argmap check --format json prints: every map's verdicts, scores and quote checks."""

    model_config = _document("check", "argmap check")

    format: Literal["argmap-check"]
    version: Literal[1]
    maps: list[CheckedMap] = Field(description="One outcome per map, in the order read.")
    diagnostics: list[Diagnostic] = Field(description="Findings about the paths themselves.")


class ArgumentCounts(OutputModel):
    linked: Count = Field(description="Arguments of more than one premise.")
    single: Count


class Counts(OutputModel):
    """Counts by kind, verdict and status, every kind present (zero when none)."""

    claims: _counts([k.value for k in ClaimKind], "Claims by kind.")  # type: ignore[valid-type]
    arguments: ArgumentCounts
    attacks: _counts([k.value for k in AttackKind], "Attacks by kind.")  # type: ignore[valid-type]
    evidence: Count = Field(description="The map's evidence (each quote, with its source).")
    sources: Count
    actors: Count
    questions: Count
    verdicts: _counts([v.value for v in Verdict], "Claims by verdict.")  # type: ignore[valid-type]
    quotes: _counts([s.value for s in QuoteStatus], "Quote checks by status.")  # type: ignore[valid-type]
    findings: Count = Field(description="Findings of validate and check, of every severity.")


class _Named(OutputModel):
    path: str = Field(description="The map's file, as check's JSON names it.")


# pydantic takes the fields of the last base first: the path, then the counts.
class CountedMap(Counts, _Named):
    """One map counted: its path and its counts."""


class StatsOutput(OutputModel):
    """What argmap stats --format json prints: each map's counts, and their total."""

    model_config = _document("stats", "argmap stats")

    format: Literal["argmap-stats"]
    version: Literal[1]
    maps: list[CountedMap] = Field(
        description="One entry per map counted, in the order read; a map that does not load "
        "is not counted."
    )
    total: Counts = Field(description="The counts of every map summed.")
    diagnostics: list[Diagnostic] = Field(
        description="Why a map was not counted (it does not load, or its project's "
        "configuration is broken), and paths that do not exist or hold no map."
    )


OUTPUTS: dict[str, type[BaseModel]] = {
    "findings": FindingsOutput,
    "check": CheckOutput,
    "stats": StatsOutput,
}


def output_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``kind``'s JSON output."""
    schema = OUTPUTS[kind].model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, **schema}


def output_schema_text(kind: str) -> str:
    return json_document(output_schema(kind))


if __name__ == "__main__":  # pragma: no cover - the documented way to regenerate the files
    print(output_schema_text(sys.argv[1]), end="")
