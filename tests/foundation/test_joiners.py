"""Zero-width joiners that are part of a text's spelling (Persian's non-joiner, an emoji
sequence's joiner, an Indic conjunct's) are kept and shown as written; anywhere else they
hide in the text and are shown as escapes, as the other unseen characters are."""

from __future__ import annotations

import pytest

from argmap.interchange.text import strip_hidden
from argmap.report_html.html import shown
from argmap.unseen import joins_in_place, show_unseen

PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # می‌خواهم, "I want"
CODER = "\U0001f469\u200d\U0001f4bb"  # 👩‍💻
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"  # 🏳️‍🌈
TONED_CODER = "\U0001f469\U0001f3fd\u200d\U0001f4bb"  # 👩🏽‍💻
HINDI_HALF = "\u0915\u094d\u200d\u0937"  # क्‍ष: a virama, then a joiner
HINDI_APART = "\u0915\u094d\u200c\u0937"  # क्‌ष
URDU = "\u0628\u0650\u200c\u0627"  # a kasra (a mark) between the letter and the non-joiner

IN_PLACE = [PERSIAN, CODER, FAMILY, RAINBOW_FLAG, TONED_CODER, HINDI_HALF, HINDI_APART, URDU]
HIDDEN = [
    "pay\u200cpal",  # between Latin letters: two words that look like one
    "a\u200db",
    "\u200c\u0645\u06cc",  # at the start
    "\u0645\u06cc\u200c",  # at the end
    "\u0645\u06cc\u200c\u200c\u062e",  # doubled
    "\u0645\u06cc \u200c\u062e",  # after a space
    "\U0001f469\u200d",  # an emoji sequence cut short
    "\U0001f469\u200da",  # joined to a letter
    "\u0645\u06cc\u200d\u062e",  # a joiner, not a non-joiner, between Persian letters
    "a\u200c\u0645",  # a Latin letter, then a Persian one
]


@pytest.mark.parametrize("text", IN_PLACE)
def test_a_joiner_that_spells_the_text_is_in_place(text: str) -> None:
    at = [i for i, ch in enumerate(text) if ch in "\u200c\u200d"]
    assert at and all(joins_in_place(text, i) for i in at)
    assert show_unseen(text) == text
    assert shown(text) == text
    assert strip_hidden(text) == (text, False)


@pytest.mark.parametrize("text", HIDDEN)
def test_a_joiner_anywhere_else_is_hidden(text: str) -> None:
    at = [i for i, ch in enumerate(text) if ch in "\u200c\u200d"]
    assert at and not all(joins_in_place(text, i) for i in at)
    assert "\\u200" in show_unseen(text)
    assert "\\u200" in str(shown(text))
    assert strip_hidden(text)[1] is True


def test_only_the_misplaced_joiners_of_a_text_are_escaped() -> None:
    text = CODER + " pay\u200cpal " + PERSIAN
    assert show_unseen(text) == CODER + " pay\\u200cpal " + PERSIAN
    assert strip_hidden(text) == (CODER + " paypal " + PERSIAN, True)
