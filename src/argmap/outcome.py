"""What ``argmap check`` says about a map, as data: verdicts, quote checks, findings.

Pure functions from the stage results to a JSON-ready dict and to the lines of the text
output; the command writes them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.diagnostics import Diagnostic
from argmap.evaluate.run import Evaluation
from argmap.verdict import Verdict
from argmap.verify.evidence import EvidenceCheck
from argmap.visible import visible
from argmap.wording import counted

# What ``argmap check --format json`` prints opens with these (docs/json-output.md,
# schema/argmap-check.schema.json); VERSION changes only when a key is removed or changes meaning.
FORMAT = "argmap-check"
VERSION = 1

VERDICT_ORDER = (Verdict.SUPPORTED, Verdict.CONTESTED, Verdict.UNSUPPORTED, Verdict.REFUTED)
_VERDICT_COLUMN = {v: f"{v.value:<11}" for v in Verdict}  # the first column of claim_lines


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """One map checked: None for the map parts when it did not resolve."""

    path: str
    map: ArgumentMap | None
    evaluation: Evaluation | None
    checks: Mapping[str, EvidenceCheck]
    diagnostics: Sequence[Diagnostic]


def map_dict(outcome: CheckOutcome) -> dict[str, Any]:
    """A map's part of the JSON of a check but its findings (``diagnostics``, which
    :func:`check_document` adds): what a pool's worker sends back for the map."""
    m, ev = outcome.map, outcome.evaluation
    claims: list[dict[str, Any]] = []
    if m is not None and ev is not None:
        for cid, claim in m.claims.items():
            v = ev.verdicts[cid]
            claims.append(
                {
                    "id": cid,
                    "verdict": v.verdict.value,
                    "score": v.score,
                    "acceptance": v.label,
                    "text": claim.text,
                    "kind": claim.kind.value,
                    "reasons": [
                        {"kind": r.kind, "element": r.element, "text": r.text} for r in v.reasons
                    ],
                }
            )
    from argmap.interchange.json_export import check_model

    quotes = [
        {"id": eid, **check_model(check).model_dump(mode="json")}
        for eid, check in outcome.checks.items()
    ]
    return {
        "path": outcome.path,
        "semantics": ev.semantics.value if ev is not None else None,
        "scores": (
            {"method": ev.gradual_method.value, "converged": ev.gradual_converged}
            if ev is not None
            else None
        ),
        "has_extension": ev.has_extension if ev is not None else None,
        "claims": claims,
        "quotes": quotes,
    }


def check_document(
    maps: Sequence[tuple[Mapping[str, Any], Sequence[Diagnostic]]],
    problems: Sequence[Diagnostic],
) -> dict[str, Any]:
    """The whole JSON of a check: every map's outcome (its :func:`map_dict` and its
    findings), and the findings about the paths themselves (a path that is not there). One
    shape for one map and for many, so that a reader never branches on it."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "maps": [
            {**document, "diagnostics": [d.to_dict() for d in diagnostics]}
            for document, diagnostics in maps
        ],
        "diagnostics": [d.to_dict() for d in problems],
    }


def claim_lines(outcome: CheckOutcome, *, why: Collection[str] = (), width: int = 100) -> list[str]:
    """One line per claim: verdict, score, id and the start of its text. With ``why``, only
    the lines of those claims (in the map's order), each with the reasons for its verdict
    under it; an id of ``why`` that is not a claim of the map is left to the caller."""
    m, ev = outcome.map, outcome.evaluation
    if m is None or ev is None:
        return []
    # A title or a claim may hold an escape sequence or a bell: shown, never acted on.
    lines = [visible(f"{outcome.path}: {m.title}")]
    asked = set(why)
    shown = [cid for cid in m.claims if cid in asked] if asked else list(m.claims)
    id_width = min(max((len(c) for c in shown), default=0), 36)
    verdicts = ev.verdicts
    for cid in shown:
        v, claim = verdicts[cid], m.claims[cid]
        head = f"  {_VERDICT_COLUMN[v.verdict]}  {v.score:4.2f}  {cid:<{id_width}}  "
        room = max(width - len(head), 10)
        text = visible(" ".join((claim.label or claim.text).split()))  # the claim's title
        lines.append(head + (text if len(text) <= room else text[: room - 1] + "…"))
        if asked:
            if not ev.has_extension:  # the reason every claim is contested, whatever else
                lines.append(f"      {NO_STABLE_EXTENSION_REASON}")
            lines.extend(f"      {visible(reason.text)}" for reason in v.reasons)
    lines.append("  " + summary(outcome))
    if not ev.has_extension:
        lines.append("  " + NO_STABLE_EXTENSION)
    if not ev.gradual_converged:
        lines.append("  " + UNSETTLED)
    return lines


# Under each claim that --why asks about, and (with what to do) under the summary.
NO_STABLE_EXTENSION_REASON = (
    "no stable extension: nothing can be said under stable semantics, so every claim is contested"
)
NO_STABLE_EXTENSION = (
    f"{NO_STABLE_EXTENSION_REASON} (an odd cycle of attacks, say; try --semantics preferred)"
)


UNSETTLED = (
    "the scores are approximate: they did not settle within 1,000 iterations "
    "(a large cycle of supports and attacks; see docs/evaluation.md)"
)


def summary(outcome: CheckOutcome) -> str:
    ev = outcome.evaluation
    counts = {v: 0 for v in VERDICT_ORDER}
    if ev is not None:
        for verdict in ev.verdicts.values():
            counts[verdict.verdict] += 1
    verified = sum(1 for c in outcome.checks.values() if c.status.value.startswith("verified"))
    parts = [f"{n} {v.value}" for v, n in counts.items() if n]
    return f"{', '.join(parts) or 'no claims'}; {quote_summary(verified, len(outcome.checks))}"


def quote_summary(verified: int, quotes: int) -> str:
    """How many of a map's quotes were found verbatim: ``1 of 2 quotes verified``."""
    return "no quotes" if quotes == 0 else f"{verified:,} of {counted(quotes, 'quote')} verified"
