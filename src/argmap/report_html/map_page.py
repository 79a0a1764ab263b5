"""The room a map takes on a handout's landscape page.

A map page holds, one under the other, a heading, the map, the legend in text and the note
that says how the map was simplified or split (handout.css, ``@page map``). The map's frame
is sized by argmap, so the rest must be measured before WeasyPrint lays the page out: each
part is as tall as its lines and its margins, in the sizes handout.css gives them. A fixed
38 mm for all three was 2.6 mm short of the teacher's four-line legend: a map that filled its
page pushed the one-line note under it onto a page of its own.

The heading and the note wrap: their lines are guessed from the text's length, a little on
the long side (a wide letter of Chinese or Japanese counts one em, any other letter half an
em or more), so that a guess is sooner one line too many than one too few.
"""

from __future__ import annotations

import math
from unicodedata import combining, east_asian_width

MM = 72 / 25.4

# The landscape pages, (width, height) in points, and their margins (@page map in
# handout.css: 12 mm at the top and the sides, 14 mm at the bottom).
PAGES: dict[str, tuple[float, float]] = {
    "a4": (297 * MM, 210 * MM),
    "letter": (279.4 * MM, 215.9 * MM),
}
MARGIN_X = (12 + 12) * MM
MARGIN_Y = (12 + 14) * MM

# h2: 15 pt Liberation Serif bold, line height 1.2, 3 mm below it.
HEADING_SIZE = 15.0
HEADING_LINE = HEADING_SIZE * 1.2
HEADING_GAP = 3 * MM
HEADING_EM = 0.55  # Liberation Serif bold: lower case about 0.5 em, capitals 0.7
# .legend: 8.5 pt, line height 1.8, 0.5rem (6 pt) above it; its lines, on A4 and Letter
# alike: boxes (one), arrows (two), and on the teacher's copy the verdicts' borders (one).
LEGEND_LINE = 8.5 * 1.8
LEGEND_GAP = 6.0
LEGEND_LINES = {False: 3, True: 4}
# .map-note: 9 pt Liberation Sans, line height 1.45 (the body's), 3 mm above it.
NOTE_SIZE = 9.0
NOTE_LINE = NOTE_SIZE * 1.45
NOTE_GAP = 3 * MM
NOTE_EM = 0.5
FILL = 0.9  # of a line that words fill before the next one does not fit
SLACK = 1 * MM  # WeasyPrint rounds each line box


def map_room(
    paper: str, heading: str, note: str | None, show_verdicts: bool
) -> tuple[float, float]:
    """(width, height) in points that the map may take on a landscape page of ``paper``
    headed ``heading``, with the legend of the teacher's copy (``show_verdicts``) or the
    worksheet's, and ``note`` under it (None: no note)."""
    page_w, page_h = PAGES[paper]
    width = page_w - MARGIN_X
    parts = HEADING_GAP + HEADING_LINE * lines(heading, HEADING_SIZE, HEADING_EM, width)
    parts += LEGEND_GAP + LEGEND_LINE * LEGEND_LINES[show_verdicts]
    if note:
        parts += NOTE_GAP + NOTE_LINE * lines(note, NOTE_SIZE, NOTE_EM, width)
    return width, page_h - MARGIN_Y - parts - SLACK


def lines(text: str, size: float, em: float, width: float) -> int:
    """How many lines ``text`` takes, at most, in a block ``width`` points wide, set in
    ``size`` points with letters ``em`` ems wide on average."""
    advance = sum(_ems(char, em) for char in text) * size
    return max(1, math.ceil(advance / (width * FILL)))


def _ems(char: str, em: float) -> float:
    if combining(char):
        return 0.0
    return 1.0 if east_asian_width(char) in ("W", "F") else em


def heading(number: int, count: int, caption: str) -> str:
    """The heading of map ``number`` of the ``count`` of a handout, as handout.html.j2
    writes it."""
    return f"Map {number} of {count}: {caption}" if count > 1 else f"The map: {caption}"


def any_heading(caption: str) -> str:
    """The heading of a map whose number is not known yet: as long as it may be."""
    return heading(999, 999, caption)
