"""The direction of a text, found as the browser's ``dir="auto"`` finds it.

WeasyPrint, which makes the handout PDFs, ignores ``dir="auto"`` and ``<bdi>``: it lays
out every text in the direction of its element, left to right unless the element says
``dir="rtl"``. So the pages write each text's direction out, and so does the map's SVG
(Graphviz gives its text none). It is worked out here by the Unicode bidirectional
algorithm's rules P2 and P3: the first strongly directional character decides (a Hebrew
or Arabic letter: right to left; a Latin, Greek, Cyrillic... letter: left to right),
skipping what an isolate (LRI, RLI or FSI up to its PDI) holds; a
text with no such character (digits, punctuation) reads left to right.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Direction = Literal["ltr", "rtl"]

_ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def direction(text: str) -> Direction:
    """``rtl`` when the first strong character of ``text`` outside isolates is right to
    left (bidirectional class R or AL), else ``ltr``."""
    isolates = 0
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in _ISOLATE_INITIATORS:
            isolates += 1
        elif kind == "PDI":
            isolates = max(isolates - 1, 0)  # a PDI with no initiator open is ignored
        elif isolates == 0 and kind == "L":
            return "ltr"
        elif isolates == 0 and kind in _RIGHT_TO_LEFT:
            return "rtl"
    return "ltr"
