"""A long claim text without a short label for the map.

The map shows a claim's ``label`` when it has one, and its full text otherwise. A text longer
than 80 characters (setting ``long-text``) makes a large box; give it a label.

PASS:

    argmap: 1
    claims:
      poisonous:
        text: >-
          The exclusion of the U.S. Congress from an active role in the SPP is legally
          defensible, but politically poisonous for the SPP.
        label: Excluding Congress is poisonous
        kind: assumption

FAIL:

    argmap: 1
    claims:
      poisonous:
        text: >-
          The exclusion of the U.S. Congress from an active role in the SPP is legally
          defensible, but politically poisonous for the SPP.
        kind: assumption
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM009"
NAME = "missing-label"
SEVERITY = Severity.INFO


def check(ctx: LintContext) -> Iterator[Finding]:
    limit = ctx.config.long_text
    for claim in ctx.map.claims.values():
        if claim.label is None and len(claim.text) > limit:
            yield Finding(
                claim.origin,
                f"claim '{claim.id}' has {len(claim.text)} characters and no label for the map",
                "add a short 'label:' (up to about 40 characters)",
            )
