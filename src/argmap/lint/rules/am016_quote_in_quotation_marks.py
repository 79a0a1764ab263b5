"""A quote wrapped in quotation marks that its source does not have.

The quote field holds the quoted words themselves; the marks a page prints around them are
not part of them (``quote: “the plan works well”``, or ``'"the plan works well"'`` in YAML).
The source does not have those marks around the quoted words, so the quote is checked without
them, and verified if the words are there. The hint names the marks to drop. So is a quote
with a mark at one end only, the other left behind when it was copied (``“the plan works
well`` or ``the plan works well”``): the hint names the one mark (an apostrophe alone, which
may end or start a word, ``dogs’``, is never dropped). Marks the source does have around the
words (a quote within the source) are part of the quote, and are not reported.

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

from argmap.argument_map import Origin
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
        yield _finding(evidence.quote_at, evidence.source, *result.unwrapped)


def _finding(at: Origin, source: str, opening: str, closing: str) -> Finding:
    """What to say of the marks a quote was checked without: a pair, or one at one end."""
    if opening and closing:
        return Finding(
            at,
            f"quote is wrapped in quotation marks ({opening}…{closing}) that source "
            f"'{source}' does not have around the quoted words: it was checked without them",
            f"drop the '{opening}' at the start of the quote and the '{closing}' at its end",
        )
    if opening:
        return Finding(
            at,
            f"quote starts with a quotation mark ({opening}) that source '{source}' does not "
            "have before the quoted words: it was checked without it",
            f"drop the '{opening}' at the start of the quote",
        )
    return Finding(
        at,
        f"quote ends with a quotation mark ({closing}) that source '{source}' does not "
        "have after the quoted words: it was checked without it",
        f"drop the '{closing}' at the end of the quote",
    )
