"""Evidence citing a source without a local file.

argmap verifies a quote against the local copy of its source (``file:``). Without one the
quote cannot be checked, and the map's evidence rests on trust alone.

PASS:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      c:
        text: The talks are technical.
        evidence:
          - {quote: moving discussions to a technical level, source: article, locator: para 3}

FAIL:

    argmap: 1
    sources:
      article: {title: The Montebello Moment}
    claims:
      c:
        text: The talks are technical.
        evidence:
          - {quote: moving discussions to a technical level, source: article}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM005"
NAME = "source-without-file"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    for evidence in m.evidence.values():
        source = m.sources.get(evidence.source)
        if source is not None and source.file is None:
            yield Finding(
                evidence.origin,
                f"quote cannot be verified: source '{source.id}' has no local file",
                "save the source's text beside the map and name it with 'file:'",
            )
