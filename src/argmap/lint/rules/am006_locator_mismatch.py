"""A locator that disagrees with where the quote stands.

The quote was found, but not where its ``locator`` says (another paragraph, page or line).
The message names the right locator. A locator argmap cannot read (``section 2``, ``para 0``)
is reported too, with the forms it can, whether or not the quote was found; one with a range
that ends before it starts (``pages 4-3``, ``lines 20-2``: a range of lines below 100 is not
shortened as ``pp. 104-6`` is) says so, and so does a page in roman numerals (``p. ii``) that
names no page: a PDF's page labels say which page is ``ii``, and a source without them has
none. The finding points at the locator itself.

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
        roman = result.locator_roman
        if roman is not None:
            yield Finding(
                evidence.locator_at, _roman_message(evidence.locator, evidence.source, *roman)
            )
            continue
        if result.locator_hint is None:
            continue
        # a locator argmap cannot read is reported whether or not the quote was found
        if result.locator_unreadable or result.status in ("verified", "verified-with-edits"):
            yield Finding(
                evidence.locator_at,
                f"locator '{evidence.locator}' {result.locator_hint}",
                result.locator_fix,
            )


def _roman_message(locator: str | None, source: str, label: str, labelled: bool) -> str:
    """What is wrong with a page in roman numerals that names no page of ``source``."""
    if labelled:
        return (
            f"locator '{locator}' names page '{label}', and no page of source '{source}' is "
            "labelled so"
        )
    return (
        f"locator '{locator}' numbers its page in roman numerals, which only a PDF's page labels "
        f"tie to a page, and source '{source}' has none: write the page's number counted from "
        "the first page of the file"
    )
