"""A claim with neither evidence nor premises.

Every claim should rest on something: a quote that supports it, or an argument whose premises
lead to it. A claim taken for granted on purpose is marked ``kind: assumption``.

PASS:

    argmap: 1
    claims:
      thesis: {text: Uniforms should be required., kind: thesis}
      reason: {text: Uniforms reduce bullying., kind: assumption, supports: thesis}

FAIL:

    argmap: 1
    claims:
      thesis: {text: Uniforms should be required., kind: thesis}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.argument_map import Stance
from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.model import ClaimKind

CODE = "AM002"
NAME = "unsupported-claim"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    backed = {a.conclusion for a in m.arguments.values()}
    backed |= {e.target for e in m.evidence.values() if e.stance is Stance.SUPPORTS}
    for claim in m.claims.values():
        if claim.kind is ClaimKind.ASSUMPTION or claim.id in backed:
            continue
        yield Finding(
            claim.origin,
            f"claim '{claim.id}' has neither evidence nor premises",
            "add a quote under 'evidence:', a premise with 'supports:', or mark it "
            "'kind: assumption'",
        )
