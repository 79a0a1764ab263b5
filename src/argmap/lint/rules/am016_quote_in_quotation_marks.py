"""A quote wrapped in quotation marks that its source does not have.

The quote field holds the quoted words themselves; the marks a page prints around them are
not part of them (``quote: “the plan works well”``, or ``'"the plan works well"'`` in YAML).
The source does not have those marks around the quoted words, so the quote is checked without
them, and verified if the words are there. The hint names the marks to drop. Marks the source
does have around the words (a quote within the source) are part of the quote, and are not
reported.

PASS:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      technical:
        text: The talks are technical.
        evidence:
          - {quote: moving discussions to a technical level, source: article}

FAIL:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      technical:
        text: The talks are technical.
        evidence:
          - {quote: “moving discussions to a technical level”, source: article}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM016"
NAME = "quote-in-quotation-marks"
SEVERITY = Severity.WARNING
NEEDS_SOURCES = True


def check(ctx: LintContext) -> Iterator[Finding]:
    for evidence, result in ctx.checked_quotes():
        if result.unwrapped is None or result.status not in ("verified", "verified-with-edits"):
            continue
        opening, closing = result.unwrapped
        yield Finding(
            evidence.quote_at,
            f"quote is wrapped in quotation marks ({opening}…{closing}) that source "
            f"'{evidence.source}' does not have around the quoted words: it was checked "
            "without them",
            f"drop the '{opening}' at the start of the quote and the '{closing}' at its end",
        )
