"""Where a line ends, for every reader of argmap: maps, configuration, sources, imports.

A line ends at a line feed (LF), at CR LF, or at a carriage return (CR) that no LF follows:
as VS Code and the Language Server Protocol count lines, as Python reads a file (so ruff and
black), and as prettier does. A lone CR is a classic Mac OS line end, or a line pasted from
such a file into one of line feeds; an editor shows the text after it on a line of its own, and
``file:line:col`` must point where the editor shows it. (Vim and ``git diff`` show it as
``^M`` inside the line: argmap follows the editors that put a finding in front of people.)

The rarer separators are not line ends: NEL, LS and PS, which YAML 1.1 (and so libyaml) also
ends a line at, and VT and FF, which ``str.splitlines`` does. No editor named above breaks a
line there, so neither does argmap.
"""

from __future__ import annotations

import re
from typing import Final

from argmap.diagnostics import Position

LINE_BREAK_PATTERN: Final = r"\r\n|\r|\n"
LINE_BREAK: Final = re.compile(LINE_BREAK_PATTERN)
_LONE_CR: Final = re.compile(r"\r(?!\n)")


def lone_crs_as_line_feeds(text: str) -> str:
    """``text`` with each lone CR made an LF: the same lines, the same length, every offset
    the same, and a text whose lines end at LF (after an optional CR) for the readers that
    split at LF alone (libyaml's marks, the excerpts, the comments)."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def line_feeds(text: str) -> str:
    """``text`` with every line end (CR LF, a lone CR) an LF."""
    return LINE_BREAK.sub("\n", text) if "\r" in text else text


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line ends; one more than there are line ends."""
    return LINE_BREAK.split(text) if "\r" in text else text.split("\n")


def position_of(text: str, index: int) -> Position:
    """1-based line and column of the character at ``index`` (``len(text)``: past the end)."""
    before = text[:index]
    if "\r" in before:
        before = line_feeds(before)
        if text.startswith("\r\n", index - 1):  # the CR of the CR LF whose LF is at index
            before = before[:-1] + "\r"  # is the line's last character, no line end yet
    line = before.count("\n") + 1
    return Position(line, len(before) - (before.rfind("\n") + 1) + 1)
