"""Text with bidirectional control or zero-width characters.

Such characters make text display differently from what it says ("Trojan Source"): a quote
can look verified while it is not, a claim can read reversed. They are never needed in an
argument file, so every one is reported where it stands.

PASS:

    argmap: 1
    claims:
      c: {text: A plain claim., kind: assumption}

FAIL:

    argmap: 1
    claims:
      c: {text: "A claim with a zero\u200bwidth space.", kind: assumption}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from argmap.argument_map import Origin
from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM012"
NAME = "hidden-characters"
SEVERITY = Severity.ERROR

HIDDEN = (
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width and soft hyphen
)
_HIDDEN = re.compile(f"[{HIDDEN}]")
# The same characters written as YAML escapes inside double quotes.
_ESCAPED = re.compile(
    r"\\u(061[cC]|200[bBcCdDeEfF]|202[a-eA-E]|206[6-9]|2060|[fF][eE][fF][fF]|00[aA][dD])"
)


def check(ctx: LintContext) -> Iterator[Finding]:
    for path in ctx.map.files:
        text = ctx.texts.get(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for match in _HIDDEN.finditer(line):
                char = match.group()
                yield _finding(path, number, match.start() + 1, ord(char))
            for match in _ESCAPED.finditer(line):
                yield _finding(path, number, match.start() + 1, int(match.group(1), 16))


def _finding(path: str, line: int, col: int, code_point: int) -> Finding:
    name = unicodedata.name(chr(code_point), "UNKNOWN")
    return Finding(
        Origin(path, line, col),
        f"hidden character U+{code_point:04X} {name}",
        "remove it: it changes how the text displays without being visible",
    )
