"""A block of one line (nearly every paragraph of a page) is finished by a shortcut; it reads
exactly as the same block read through the general path, which a trailing ``<br>`` takes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.htmltext import visible_text

_PIECES = st.sampled_from(
    ["a", "word", " ", "\t", "\n", "\u00a0", "\u2003", "<b>b</b>", "<!-- -->"]
)


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_a_block_of_one_line_reads_as_through_the_general_path(content: str) -> None:
    one_line = visible_text(f"<p>{content}</p><p>next</p>")
    general = visible_text(f"<p>{content}<br></p><p>next</p>")
    assert one_line == general


def test_blocks_and_line_breaks() -> None:
    page = "<div><p> one  two </p>\n<p></p><p>three<br> four <br><br></p></div><p>five</p>"
    assert visible_text(page) == "one two\n\nthree\nfour\n\nfive"
