"""A quote that leaves out the "not" right before it.

The quote is in its source, word for word, but the source's word right before it negates
it: "approve the plan" quoted from "the minister did not approve the plan", "a threat"
from "not a threat", "approved" from "the plan was (not) approved". The quote may say the
opposite of what the source says. Start the quote at the negation, or, if the claim does
mean what the quoted words say without it, say so in a note and silence the warning for
that line. The negating words are those of English, French, German, Spanish, Italian,
Portuguese and Dutch ("n'a jamais approuvé", "keine Einigung", "nunca aprobó"; see
docs/format.md).

PASS:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      no-threat:
        text: The SPP threatens no one's sovereignty.
        evidence:
          - {quote: not a threat to the sovereignty of any of the three, source: article}

FAIL:

    argmap: 1
    sources:
      article: {title: The Montebello Moment, file: sources/article.txt}
    claims:
      threat:
        text: The SPP threatens sovereignty.
        evidence:
          - {quote: a threat to the sovereignty of any of the three, source: article}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM014"
NAME = "quote-drops-negation"
SEVERITY = Severity.WARNING
NEEDS_SOURCES = True


def check(ctx: LintContext) -> Iterator[Finding]:
    for evidence, result in ctx.checked_quotes():
        if result.negated_before is None:
            continue
        word = result.negated_before
        yield Finding(
            evidence.quote_at,
            f"source '{evidence.source}' has '{word}' right before the quoted words: the quote "
            "may say the opposite of its source",
            f"start the quote at '{word}'",
        )
