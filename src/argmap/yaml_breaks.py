"""YAML 1.1's line breaks that are none to an editor: NEL, LS and PS (see :mod:`argmap.lines`).

libyaml ends a line at each of them. Inside a text (a quoted, plain or block scalar) one is
the text's, and the text is where the editor shows it. Outside every text, what follows one on
the editor's line is read as a line of its own: after a ``#``, a comment to the eye hides a
live key (``text: B.  # reviewed<LS>    rebuts: a``), and ``title: T<LS>question: Q`` is two
keys on what an editor shows as one line. Such a break is refused where it stands.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

ODD_BREAKS: Final = ("\x85", "\u2028", "\u2029")
_ODD_BREAK: Final = re.compile("[\x85\u2028\u2029]")
# The name of each (Unicode's), and its escape inside double quotes (YAML's).
_NAMES: Final = {
    "\x85": ("U+0085 NEXT LINE (NEL)", "\\N"),
    "\u2028": ("U+2028 LINE SEPARATOR", "\\L"),
    "\u2029": ("U+2029 PARAGRAPH SEPARATOR", "\\P"),
}


def stray_break(text: str, spans: Sequence[tuple[int, int]], end: int | None = None) -> int | None:
    """The index of the first NEL, LS or PS of ``text[:end]`` outside every span.

    ``spans`` are the ``(start, end)`` character offsets of the texts (scalars), in the order
    of the file, none overlapping another."""
    starts = [start for start, _ in spans]
    for match in _ODD_BREAK.finditer(text, 0, len(text) if end is None else end):
        index = match.start()
        before = bisect.bisect_right(starts, index) - 1
        if before < 0 or index >= spans[before][1]:
            return index
    return None


def break_on_line_before(text: str, index: int) -> int | None:
    """The index of the first NEL, LS or PS on the editor's line of ``index``, before it."""
    match = _ODD_BREAK.search(text, text.rfind("\n", 0, index) + 1, index)
    return None if match is None else match.start()


def name_of(char: str) -> str:
    """``U+2028 LINE SEPARATOR``, as a message names a break."""
    return _NAMES[char][0]


def stray_break_message(char: str) -> tuple[str, str]:
    """The message and hint of a break outside every text."""
    name, escape = _NAMES[char]
    return (
        f"{name} ends a line in YAML but not in an editor: "
        "the rest of the line is read as a line of its own",
        f"remove it; inside double quotes, write it as {escape}",
    )
