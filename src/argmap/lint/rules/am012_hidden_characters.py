"""Text with bidirectional control or zero-width characters.

Such characters make text display differently from what it says ("Trojan Source"): a quote
can look verified while it is not, a claim can read reversed. They are never needed in an
argument file, so every one is reported where it stands; but for a zero-width joiner or
non-joiner that is part of the text's spelling, written as the character itself: after a
virama (Hindi, Bengali...), a non-joiner between two letters of a joining script (Persian's
می‌خواهم), a joiner between two pictographs (the emoji 👩‍💻).

The map, the report and the handouts of a map that has them show each as its escape
(``\\u202e``), so they never show a text other than the one written.

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
from argmap.lines import LINE_BREAK
from argmap.lint.context import Finding, LintContext
from argmap.unseen import matched_joiner_in_place

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
        # Each pattern searches the whole text at once, counting lines as it goes: a hit
        # never spans lines, so this finds what a search of every line would, and reports it
        # in the same order (by line, characters before escapes, by column).
        hits: list[tuple[int, int, int, int]] = []  # line, pattern, column, code point
        rare: bool | None = None  # whether a CR ends a line (argmap.lines), as LF does
        for kind, pattern in enumerate((_HIDDEN, _ESCAPED)):
            line, line_start, counted = 1, 0, 0  # the line at ``counted``, and its start
            for match in pattern.finditer(text):
                start = match.start()
                if rare is None:
                    rare = "\r" in text
                if rare:
                    for end in LINE_BREAK.finditer(text, counted, start):
                        line, line_start = line + 1, end.end()
                elif (newlines := text.count("\n", counted, start)) > 0:
                    line, line_start = line + newlines, text.rfind("\n", counted, start) + 1
                counted = start
                code_point = int(match.group(1), 16) if kind else ord(match.group())
                if not kind and matched_joiner_in_place(match):
                    continue  # part of the text's spelling
                hits.append((line, kind, start - line_start + 1, code_point))
        hits.sort()
        for number, _, col, code_point in hits:
            yield _finding(path, number, col, code_point)


def _finding(path: str, line: int, col: int, code_point: int) -> Finding:
    name = unicodedata.name(chr(code_point), "UNKNOWN")
    return Finding(
        Origin(path, line, col),
        f"hidden character U+{code_point:04X} {name}",
        "remove it: it changes how the text displays without being visible",
    )
