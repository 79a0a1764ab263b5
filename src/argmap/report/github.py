"""GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.

::

    ::error file=arguments/a.yaml,line=3,col=2,title=AM201 unknown-key::unknown key 'x'%0Ahint: ...

error -> ``::error``, warning -> ``::warning``, info -> ``::notice``. The hint follows the
message on a new line. A finding without a position gives ``file=`` alone (no ``line``, no
``col``): an annotation of the whole file, not of its first character. Nothing else is
printed, so a clean run prints nothing.

Escaping is exactly the Actions toolkit's: ``escapeData`` and ``escapeProperty`` in
``packages/core/src/command.ts`` of github.com/actions/toolkit (read at commit a944251692e5),
which the runner undoes: ``%`` first, then CR and LF,
and in properties also ``:`` and ``,``. A path or message can then neither end the command
(``::``), add a property (``,``) nor start a new command on a new line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from argmap.diagnostics import Diagnostic, Severity
from argmap.report.common import ReportOptions, Summary, ordered

_SURROGATE = re.compile("[\ud800-\udfff]")
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The toolkit's ``escapeData``: for the message after ``::``. A lone surrogate (a file
    name that is not UTF-8), which the log cannot carry, is shown as its escape, as the text
    format shows it."""
    if not text.isprintable():  # a surrogate is not printable
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The toolkit's ``escapeProperty``: for ``key=value`` properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(d: Diagnostic) -> str:
    title = f"{d.code} {d.name}" if d.name else d.code
    # A finding about a whole file (``positioned`` false: a file that cannot be read, a path
    # that is not there) names the file alone, as the SARIF report gives it no region: every
    # property of the command is optional, and without ``line`` GitHub annotates the file.
    where = [("line", str(d.line)), ("col", str(d.col))] if d.positioned else []
    properties = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (("file", d.path), *where, ("title", title))
    )
    message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    return f"::{COMMANDS[d.severity]} {properties}::{escape_data(message)}\n"


def render(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str],
    summary: Summary,
    options: ReportOptions,
) -> str:
    return "".join(_command(d) for d in ordered(diagnostics))
