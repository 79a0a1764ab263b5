"""Whether a superscript (subscript) starts an exponent is read from its first text that is not
whitespace, not from all the text under it: the answer is exactly that of the plain
definition, the whole text matched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from argmap.verify.htmltext import _EXPONENT_START, _starts_exponent, visible_text

PIECES = st.sampled_from(
    [
        *("<sup>", "</sup>", "<b>", "</b>", "<script>", "</script>", "<!--c-->", " ", "\n"),
        *("\f", "\u00a0", "2", "x", "-", "+", "\u2212", "\u0662", "<rt>", "</rt>", "<sub>"),
        "<br>",
    ]
)


@given(st.lists(PIECES, max_size=30))
def test_an_exponent_starts_as_the_whole_text_says(pieces: list[str]) -> None:
    root = LexborHTMLParser("<p>1<sup>" + "".join(pieces)).css_first("sup")
    assert root is not None
    for node in root.traverse():
        if node.tag in ("sup", "sub"):
            plain = _EXPONENT_START.match(node.text(deep=True)) is not None
            assert _starts_exponent(node) == plain


def test_superscripts_nested_after_digits() -> None:
    page = "<p>1" + "<sup>2x1" * 50
    assert visible_text(page) == "1" + "^2x1" * 50
