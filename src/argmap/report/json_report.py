"""The JSON format, for scripts: a format name and version, a summary, and every diagnostic's
``to_dict()``.

::

    {"format": "argmap-findings", "version": 1,
     "summary": {"files": 5, "errors": 2, "warnings": 1, "infos": 1},
     "diagnostics": [{"code": ..., "name": ..., "severity": ..., "message": ..., "path": ...,
                      "line": ..., "column": ..., "hint": ...}, ...]}

Keys keep this order (not sorted), diagnostics are sorted by path, line, column and code, the
text is indented by two spaces, non-ASCII characters are written as they are, and the output
ends with a newline: the same run gives the same bytes. ``version`` changes only when a key is
removed or changes meaning (docs/json-output.md; schema/argmap-findings.schema.json).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from argmap.diagnostics import Diagnostic
from argmap.indented_json import json_document
from argmap.report.common import ReportOptions, Summary, count, ordered

FORMAT = "argmap-findings"  # validate's and import's: the findings, whichever command found them
VERSION = 1


def render(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str],
    summary: Summary,
    options: ReportOptions,
) -> str:
    counts = count(diagnostics)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "summary": {
            "files": summary.files_checked,
            "errors": counts.errors,
            "warnings": counts.warnings,
            "infos": counts.infos,
        },
        "diagnostics": [d.to_dict() for d in ordered(diagnostics)],
    }
    return json_document(document)
