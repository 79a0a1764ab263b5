"""No thesis, or several unrelated ones.

A map answers one question: it has a claim of ``kind: thesis``. Several theses are fine when
they are related (one attacks the other, say); several unrelated ones are several maps.

PASS:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}

FAIL:

    argmap: 1
    claims:
      one: {text: The SPP will fail., kind: thesis}
      two: {text: NAFTA was a success., kind: thesis}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.argument_map import Origin
from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.model import ClaimKind

CODE = "AM004"
NAME = "thesis-count"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    theses = [c for c in m.claims.values() if c.kind is ClaimKind.THESIS]
    if not m.claims:
        return
    if not theses:
        yield Finding(
            Origin(m.path, 1, 1),
            "the map has no thesis",
            "mark the claim the map is about with 'kind: thesis'",
        )
        return
    component = ctx.claim_components()
    first_in: dict[int, str] = {}
    for thesis in theses:
        group = component[thesis.id]
        if group in first_in:
            continue
        if first_in:
            yield Finding(
                thesis.origin,
                f"thesis '{thesis.id}' is unrelated to thesis '{next(iter(first_in.values()))}'",
                "split the map into two files, or relate the theses",
            )
        first_in[group] = thesis.id
