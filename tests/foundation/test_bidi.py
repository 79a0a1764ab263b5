"""The direction of a text (rules P2 and P3 of the Unicode bidirectional algorithm)."""

from __future__ import annotations

import pytest

from argmap.bidi import direction
from argmap.report_html.html import text_direction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("תלבושת אחידה בבית הספר?", "rtl"),
        ("هل يجب؟", "rtl"),  # Arabic letters are AL
        ("Uniforms?", "ltr"),
        ("2026: שנה", "rtl"),  # digits and punctuation are not strong
        ("“הספר” is Hebrew", "rtl"),  # the first strong letter decides
        ("42?", "ltr"),  # nothing strong: left to right
        ("", "ltr"),
        ("\u2067abc\u2069 שלום", "rtl"),  # an isolate's letters do not count
        ("\u2068\u2066abc\u2069 def\u2069 שלום", "rtl"),  # nor a nested one's
        ("\u2069שלום", "rtl"),  # a PDI with no isolate open is passed over
        ("\u2067abc", "ltr"),  # an isolate never closed holds the rest
    ],
)
def test_the_first_strong_letter_outside_isolates_decides(text: str, expected: str) -> None:
    assert direction(text) == expected


def test_the_page_takes_the_direction_of_the_text_it_shows() -> None:
    """An unseen character is shown as its escape ('\\u202e'), whose 'u' is a Latin
    letter: the text shown reads left to right, whatever follows."""
    assert direction("\u202eשלום") == "rtl"
    assert text_direction("\u202eשלום") == "ltr"
    assert text_direction("שלום") == "rtl"
