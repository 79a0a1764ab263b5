"""A source file that cannot be read.

The ``file`` of a source is missing, empty, not text, too large, or a PDF without text, so
none of the quotes from it can be verified. The finding points at the ``file`` value, the
path to correct; when the folder holds the name in another case (``Report.txt`` for
``report.txt``, which macOS and Windows open alike and Linux does not), the hint names it.

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
      article: {title: The Montebello Moment, file: sources/missing.txt}
    claims:
      c:
        text: The talks are technical.
        evidence:
          - {quote: moving discussions to a technical level, source: article, locator: para 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.paths import NO_SUCH_FILE, case_twin_hint

CODE = "AM013"
NAME = "unreadable-source"
SEVERITY = Severity.ERROR
NEEDS_SOURCES = True


def check(ctx: LintContext) -> Iterator[Finding]:
    for source_id, reason in sorted(ctx.unreadable_sources.items()):
        source = ctx.map.sources[source_id]
        hint = None
        if reason.endswith(f": {NO_SUCH_FILE}"):
            twin = None
            if source.path is not None and source.file is not None:
                twin = case_twin_hint(source.path, source.file)
            hint = twin or (
                f"'file' is relative to the folder of {source.origin.path}: save the text "
                "there, or correct the path"
            )
        yield Finding(source.file_at, f"source '{source_id}': {reason}", hint)
