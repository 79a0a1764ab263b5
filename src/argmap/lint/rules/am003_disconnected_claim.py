"""A claim not connected to any thesis.

Every claim should bear on a thesis, through supports, arguments or attacks. A claim that is
connected to nothing the map is about is usually a leftover or a missing relation.

PASS:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
      reason: {text: Congress is excluded., kind: assumption, supports: thesis}

FAIL:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
      stray: {text: The weather was fine at Montebello., kind: assumption}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.model import ClaimKind

CODE = "AM003"
NAME = "disconnected-claim"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    component = ctx.claim_components()
    with_thesis = {component[c.id] for c in m.claims.values() if c.kind is ClaimKind.THESIS}
    if not with_thesis:
        return  # AM004 says that there is no thesis
    for claim in m.claims.values():
        if component[claim.id] not in with_thesis:
            yield Finding(
                claim.origin,
                f"claim '{claim.id}' is not connected to any thesis",
                "relate it with 'supports:', 'attacks:' or an argument, or remove it",
            )
