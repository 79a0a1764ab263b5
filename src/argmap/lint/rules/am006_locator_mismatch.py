"""A locator that disagrees with where the quote stands.

The quote was found, but not where its ``locator`` says (another paragraph, page or line).
The message names the right locator. A locator argmap cannot read (``section 2``, ``para 0``)
is reported too, with the forms it can, whether or not the quote was found; one with a range
that ends before it starts (``pages 4-3``, ``lines 20-2``: a range of lines below 100 is not
shortened as ``pp. 104-6`` is) says so. The finding points at the locator itself.

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
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      c:
        text: The talks are technical.
        evidence:
          - {quote: moving discussions to a technical level, source: article, locator: para 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM006"
NAME = "locator-mismatch"
SEVERITY = Severity.WARNING
NEEDS_SOURCES = True


def check(ctx: LintContext) -> Iterator[Finding]:
    for evidence, result in ctx.checked_quotes():
        if result.locator_hint is None:
            continue
        # a locator argmap cannot read is reported whether or not the quote was found
        if result.locator_unreadable or result.status in ("verified", "verified-with-edits"):
            yield Finding(
                evidence.locator_at,
                f"locator '{evidence.locator}' {result.locator_hint}",
                result.locator_fix,
            )
