"""Footnote markers, such as ``works.[1]``, which stand between the words of a source but are
not part of what it says.

An encyclopedia page glues its reference markers to the word or full stop before them
(``cheap,[12][a] they said``, ``said[citation needed]``); a quote is written with or without
them. Both the source and the quote have their markers replaced by zero-width spaces, which
normalisation drops (:mod:`.normalize`), so the two meet either way; the text keeps its length,
so every offset still maps to the original. A bracket after a space (``the [SPP]``) or before a
letter (``[T]he``, ``ano[t]her``) is no marker: it is the editor's (:mod:`.quote`).
"""

from __future__ import annotations

import re

HIDDEN = "\u200b"  # a format character: normalisation drops it

# A run of markers glued to what comes before, taken whole (possessive: the engine keeps no
# state for each marker; 12 MB of "[1]" ran out of 1 GB); before a letter or digit, its last
# bracket is the editor's (``said[1][T]he``), not a marker.
_MARKERS = re.compile(r"(?<=[^\s\[\]])(?:\[(?:\^?[0-9]{1,3}|[a-z]|citation needed)\])++")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def hide_footnote_markers(text: str) -> str:
    """``text`` with its footnote markers replaced by :data:`HIDDEN`, character for character."""
    if "[" not in text:
        return text
    return _MARKERS.sub(_hide, text)


def _hide(match: re.Match[str]) -> str:
    markers, end = match.group(), match.end()
    if _LETTER_OR_DIGIT.match(match.string, end):
        last = markers.rfind("[")
        return HIDDEN * last + markers[last:]
    return HIDDEN * len(markers)
