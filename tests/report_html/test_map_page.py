"""The room a map takes on a handout's landscape page, less its heading, legend and note."""

from __future__ import annotations

import pytest

from argmap.report_html.map_page import HEADING_LINE, LEGEND_LINE, NOTE_GAP, NOTE_LINE, map_room

MM = 72 / 25.4


@pytest.mark.parametrize(("paper", "page_h"), [("a4", 210.0), ("letter", 215.9)])
def test_the_teachers_legend_line_and_the_note_take_their_own_room(
    paper: str, page_h: float
) -> None:
    """A4 less 26 mm of margins, a heading of one line (9.35 mm), the worksheet's legend of
    three lines (18.3 mm) and 1 mm to spare; the teacher's legend has one line more, and a
    note takes its line and the gap above it. The old fixed 38 mm was short by 2.6 mm for
    the teacher's page with a note, which the note then left for a page of its own."""
    width, bare = map_room(paper, "The map: Uniforms", None, show_verdicts=False)
    assert width == pytest.approx(((297 if paper == "a4" else 279.4) - 24) * MM)
    assert bare == pytest.approx((page_h - 26 - 9.35 - 18.3 - 1) * MM, abs=0.1)
    _, teacher = map_room(paper, "The map: Uniforms", None, show_verdicts=True)
    assert bare - teacher == pytest.approx(LEGEND_LINE)
    _, noted = map_room(paper, "The map: Uniforms", "The claims within 2 steps.", True)
    assert teacher - noted == pytest.approx(NOTE_GAP + NOTE_LINE)
    assert (teacher - noted) + (bare - teacher) + (page_h - 26) * MM - bare > 38 * MM


def test_a_long_heading_or_note_takes_more_lines() -> None:
    short = map_room("a4", "Map 2 of 4: Branch: Short", "A note.", False)[1]
    long_heading = map_room("a4", "Map 2 of 4: Branch: " + "word " * 25, "A note.", False)[1]
    assert short - long_heading == pytest.approx(HEADING_LINE)
    long_note = map_room("a4", "Map 2 of 4: Branch: Short", "A note. " * 40, False)[1]
    assert short - long_note == pytest.approx(2 * NOTE_LINE)


def test_a_heading_in_chinese_is_wider_than_as_many_latin_letters() -> None:
    """A Chinese letter is one em wide, twice a Latin one: 60 of them take two lines."""
    latin = map_room("a4", "a" * 60, None, False)[1]
    chinese = map_room("a4", "論" * 60, None, False)[1]
    assert latin - chinese == pytest.approx(HEADING_LINE)
