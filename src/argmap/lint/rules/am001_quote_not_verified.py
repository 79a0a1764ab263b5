"""A quote that is not in its source, word for word.

The evidence's quote was looked for in the source's local file after normalising quotes,
dashes, whitespace and hyphenation. A paraphrase (a close but not verbatim match) or a quote
that cannot be found at all is an error: the map claims the source says something it does not.
So is a quote whose omission (`...`) or insertion (`[...]`) stands for a `not`, `never`… of the
source next to the quoted words, or adds one; and one whose insertion changes a number of the
text it stands for (`[15]` for `1.5`); and one that ends with a `,` `.` `!` `;` or `:` the source
does not have after the quoted words (the hint says to drop it). The hint shows the closest
passage of the source.
A quote with so many omissions and insertions that the search for its parts gives up is
reported too (not as absent): split it into shorter quotes. The finding points at the quote
itself (a suppression comment goes on its first line).

PASS:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      poisonous:
        text: Excluding Congress is politically poisonous.
        evidence:
          - quote: legally defensible, but politically poisonous for the SPP
            source: article
            locator: para 2

FAIL:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      poisonous:
        text: Excluding Congress is politically poisonous.
        evidence:
          - quote: legally indefensible and politically poisonous
            source: article
            locator: para 2
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM001"
NAME = "quote-not-verified"
SEVERITY = Severity.ERROR
NEEDS_SOURCES = True


def check(ctx: LintContext) -> Iterator[Finding]:
    for evidence, result in ctx.checked_quotes():
        if result.marks_only:
            yield Finding(
                evidence.quote_at,
                "quote has no words of its own, only omissions ('...') and insertions "
                f"('[...]'): nothing to look for in source '{evidence.source}'",
            )
        elif result.gave_up:
            yield Finding(
                evidence.quote_at,
                f"quote has too many omissions and insertions ({result.marks:,}) to check "
                f"against source '{evidence.source}': the search gave up, so the quote may or "
                "may not stand there",
                result.hint,
            )
        elif result.status in ("paraphrase", "not-found") and result.trailing:
            yield Finding(
                evidence.quote_at,
                f"quote ends with '{result.trailing}', which source '{evidence.source}' does "
                "not have after the quoted words: not verbatim",
                result.hint,
            )
        elif result.status in ("paraphrase", "not-found") and result.number_change:
            insertion, stood_for = result.number_change
            yield Finding(
                evidence.quote_at,
                f"quote's insertion '{insertion}' stands for '{stood_for}', another number: "
                f"not verbatim from source '{evidence.source}'",
                result.hint,
            )
        elif result.status in ("paraphrase", "not-found") and result.negation:
            yield Finding(
                evidence.quote_at,
                "quote's omission or insertion removes or adds a negation ('not', 'never'…): "
                f"not verbatim from source '{evidence.source}'",
                result.hint,
            )
        elif result.status == "paraphrase":
            yield Finding(
                evidence.quote_at,
                f"quote is a paraphrase ({result.similarity:.0f}% similar), not verbatim from "
                f"source '{evidence.source}'",
                result.hint,
            )
        elif result.status == "not-found":
            yield Finding(
                evidence.quote_at,
                f"quote not found in source '{evidence.source}'",
                result.hint,
            )
