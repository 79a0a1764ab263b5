"""A source no evidence cites, or an actor who holds nothing.

Unused sources and actors are usually leftovers, or a sign that evidence or a holder was
forgotten.

PASS:

    argmap: 1
    actors:
      authors: {name: Greg Anderson and Christopher Sands}
    claims:
      thesis: {text: The SPP will fail., kind: thesis, holder: authors}

FAIL:

    argmap: 1
    sources:
      unused: {title: A report nobody quotes}
    actors:
      nobody: {name: Someone who holds nothing}
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM008"
NAME = "unused-element"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    cited = {e.source for e in m.evidence.values()}
    for source in m.sources.values():
        if source.id not in cited:
            yield Finding(source.origin, f"source '{source.id}' is not cited by any evidence")
    holders = {c.holder for c in m.claims.values()} | {a.holder for a in m.arguments.values()}
    for actor in m.actors.values():
        if actor.id not in holders:
            yield Finding(actor.origin, f"actor '{actor.id}' holds no claim or argument")
