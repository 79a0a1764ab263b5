"""A source that evidence cites, without a local file.

argmap verifies a quote against the local copy of its source (``file:``). Without one the
quote cannot be checked, and the map's evidence rests on trust alone. The finding is made
once per source, at its id, where the ``file:`` goes, and counts the quotes from it.

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

from collections import Counter
from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.wording import counted

CODE = "AM005"
NAME = "source-without-file"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    quotes = Counter(e.source for e in m.evidence.values())
    for source in m.sources.values():
        if source.file is None and quotes[source.id]:
            yield Finding(
                source.origin,
                f"source '{source.id}' has no local file: "
                f"{counted(quotes[source.id], 'quote')} from it cannot be verified",
                "save the source's text beside the map and name it with 'file:'",
            )
