"""What ``argmap stats`` says about maps, as data: a map's elements by kind, its claims by
verdict and its quotes by status; their total over several maps; the JSON document and the
lines of the text output.

Pure functions from a map checked (:class:`argmap.outcome.CheckOutcome`) to plain counts; the
command writes them. Every vocabulary is present in the counts, with zero for what a map has
none of, so that every map, and the total, has the same keys in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from argmap.argument_map import AttackKind
from argmap.diagnostics import Diagnostic
from argmap.model import ClaimKind
from argmap.outcome import CheckOutcome
from argmap.report.common import ordered
from argmap.verdict import QuoteStatus, Verdict
from argmap.visible import visible

# What ``argmap stats --format json`` prints opens with these (docs/json-output.md,
# schema/argmap-stats.schema.json); VERSION changes only when a key is removed or changes
# meaning.
FORMAT = "argmap-stats"
VERSION = 1

# A section's count, or its counts by kind (a vocabulary), in the order printed.
Counts = dict[str, int | dict[str, int]]

# The kinds that are things, as the text output counts them (one, many); the others are
# qualities (8 linked, 38 supported, 45 verified) and read as they are.
NOUNS: dict[str, tuple[str, str]] = {
    "thesis": ("thesis", "theses"),
    "claim": ("claim", "claims"),
    "premise": ("premise", "premises"),
    "assumption": ("assumption", "assumptions"),
    "counterclaim": ("counterclaim", "counterclaims"),
    "rebut": ("rebuttal", "rebuttals"),
    "undermine": ("undermining", "underminings"),
    "undercut": ("undercut", "undercuts"),
}


def zero() -> Counts:
    """The counts of nothing: every section, every kind, zero."""
    return {
        "claims": dict.fromkeys((k.value for k in ClaimKind), 0),
        "arguments": {"linked": 0, "single": 0},
        "attacks": dict.fromkeys((k.value for k in AttackKind), 0),
        "evidence": 0,
        "sources": 0,
        "actors": 0,
        "questions": 0,
        "verdicts": dict.fromkeys((v.value for v in Verdict), 0),
        "quotes": dict.fromkeys((s.value for s in QuoteStatus), 0),
        "findings": 0,
    }


def map_counts(outcome: CheckOutcome) -> Counts | None:
    """The counts of one map checked; None when it did not load (nothing to count).
    ``findings`` counts the findings of check, of every severity."""
    m, ev = outcome.map, outcome.evaluation
    if m is None or ev is None:
        return None
    premises = Counter("linked" if len(a.premises) > 1 else "single" for a in m.arguments.values())
    return _added(
        zero(),
        {
            "claims": Counter(c.kind.value for c in m.claims.values()),
            "arguments": premises,
            "attacks": Counter(a.kind.value for a in m.attacks.values()),
            "evidence": len(m.evidence),
            "sources": len(m.sources),
            "actors": len(m.actors),
            "questions": len(m.questions),
            "verdicts": Counter(v.verdict.value for v in ev.verdicts.values()),
            "quotes": Counter(c.status.value for c in outcome.checks.values()),
            "findings": len(outcome.diagnostics),
        },
    )


def total(counted: Iterable[Counts]) -> Counts:
    """The counts of several maps summed, section by section and kind by kind."""
    summed = zero()
    for counts in counted:
        summed = _added(summed, counts)
    return summed


def _added(into: Counts, more: dict[str, Any]) -> Counts:
    """``into`` plus ``more``, over the keys of ``into`` (a kind that ``more`` lacks adds 0)."""
    out: Counts = {}
    for section, value in into.items():
        extra = more.get(section, 0)
        if isinstance(value, dict):
            out[section] = {kind: n + extra.get(kind, 0) for kind, n in value.items()}
        else:
            out[section] = value + extra
    return out


def stats_document(
    maps: Sequence[tuple[str, Counts]], diagnostics: Sequence[Diagnostic] = ()
) -> dict[str, Any]:
    """The whole JSON of a stats run: each map counted, with its path, in the order read,
    the total over them, and the findings that kept a map from being counted (and the paths
    that do not exist), as check's JSON holds them. One shape for one map, many, or none."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "maps": [{"path": path, **counts} for path, counts in maps],
        "total": total(counts for _, counts in maps),
        "diagnostics": [d.to_dict() for d in ordered(diagnostics)],
    }


def count_lines(header: str, counts: Counts) -> list[str]:
    """One map's block of the text output (or the total's): ``header``, then a line per
    section with its count and, for a vocabulary, the kinds it has."""
    lines = [visible(header)]  # a title or a file name may hold an escape: shown, not obeyed
    for section, value in counts.items():
        if isinstance(value, dict):
            parts = ", ".join(_kind(n, kind) for kind, n in value.items() if n)
            lines.append(f"  {section:<10} {sum(value.values()):>5,}  {parts}".rstrip())
        else:
            lines.append(f"  {section:<10} {value:>5,}")
    return lines


def _kind(number: int, kind: str) -> str:
    """``3 theses``, ``1 rebuttal``, ``8 linked``."""
    one, many = NOUNS.get(kind, (kind, kind))
    return f"{number:,} {one if number == 1 else many}"


def total_header(maps: int) -> str:
    """The header of the total's block: it has no ': ', as every map's header has."""
    return f"total of {maps:,} maps"
