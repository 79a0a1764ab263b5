"""Claims that support each other in a circle.

``a`` supports ``b`` supports ``a`` proves nothing: circular reasoning. The message gives the
circle. (Attack cycles are legitimate argumentation and are allowed.)

PASS:

    argmap: 1
    claims:
      a: {text: A., kind: assumption, supports: b}
      b: {text: B., attacks: c}
      c: {text: C., kind: assumption, attacks: b}

FAIL:

    argmap: 1
    claims:
      a: {text: A., supports: b}
      b: {text: B., supports: a}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.lint.graph import support_cycles

CODE = "AM010"
NAME = "support-cycle"
SEVERITY = Severity.ERROR


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    for claims, closing in support_cycles(m):
        shown = " -> ".join([*claims, claims[0]])
        yield Finding(
            m.arguments[closing].origin,
            f"support goes in a circle: {shown}",
            "a claim cannot support itself, even through others",
        )
