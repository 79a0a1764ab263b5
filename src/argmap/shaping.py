"""Arabic letters in the forms they take when joined, for a renderer that draws one
letter after the other.

An Arabic letter is drawn in one of up to four forms (isolated, initial, medial, final)
by whether its neighbours join it; lam and alef make one ligature. A text shaper (Pango
and HarfBuzz, in a browser or in WeasyPrint's own paragraphs) picks the forms. WeasyPrint
draws an SVG ``<text>`` letter by letter, so each letter of the map came out isolated, as
if no two touched. Written in Unicode's Arabic presentation forms, each letter is the form
it must show, and drawing them one by one joins them. The forms are chosen by
``arabic-reshaper`` (installed with the ``pdf`` extra, as WeasyPrint is), keeping the
vowel marks (harakat) it would drop by default.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Letters that join (U+0620-U+064A, U+066E-U+06D3, U+06FA-U+06FF): a text without one
# has nothing to shape
_JOINING = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def joined(text: str) -> str:
    """``text`` with its Arabic letters in their joined presentation forms (logical order:
    reorder for display afterwards); other text unchanged."""
    if not _JOINING.search(text):
        return text
    return str(_reshaper().reshape(text))


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
