"""A ``style`` attribute's declarations are found in one scan: the property's name is looked
for where a word starts, not from each of its letters again. The declarations are exactly
those the plain pattern finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.htmltext import _STYLE_DECLARATION, _style, visible_text

PLAIN = re.compile(r"([A-Za-z-]+)\s*:\s*([^;]*)")


@given(st.text(alphabet="aZ-:; \t/*!é", max_size=60))
def test_declarations_are_those_of_the_plain_pattern(style: str) -> None:
    found = [m.groups() for m in _STYLE_DECLARATION.finditer(style)]
    assert found == [m.groups() for m in PLAIN.finditer(style)]


def test_a_style_of_one_long_word_hides_nothing() -> None:
    assert visible_text(f'<p style="{"a" * 1000}">the quoted words</p>') == "the quoted words"


def test_declarations() -> None:
    assert _style({"style": "color: red; display:none !important;x"}) == {
        "color": "red",
        "display": "none",
    }
