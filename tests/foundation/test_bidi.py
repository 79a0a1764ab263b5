"""The direction of a text (rules P2 and P3 of the Unicode bidirectional algorithm)."""

from __future__ import annotations

import pytest

from argmap.bidi import Direction, direction, has_right_to_left, visual, visual_order
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


@pytest.mark.parametrize(
    ("text", "base", "glyphs"),
    [
        ("abc", "ltr", "abc"),
        ("", "rtl", ""),
        ("שלום", "rtl", "םולש"),
        ("שלום", "ltr", "םולש"),  # one right-to-left run reads the same in either paragraph
        # digits and a terminator (%) read left to right inside a right-to-left run; the
        # hyphen between a letter and a number takes the paragraph's direction
        ("בשנת 2024 עלתה הנוכחות ב-4%", "rtl", "4%-ב תוחכונה התלע 2024 תנשב"),
        # brackets read right to left are mirrored, the closing mark ends at the left
        ("(לפי המחקר)!", "rtl", "!(רקחמה יפל)"),
        ("Uniforms (תלבושת) cost 150 ₪.", "ltr", "Uniforms (תשובלת) cost 150 ₪."),
        ("— מחקר מחוזי 2024, para 2", "rtl", "para 2 ,2024 יזוחמ רקחמ —"),
        ("שלום abc def!", "rtl", "!abc def םולש"),
        ("abc, שלום עולם!", "ltr", "abc, םלוע םולש!"),
        ("سلام 12", "rtl", "12 مالس"),  # after an Arabic letter, digits are Arabic numbers
        ("abc 1.5-2", "ltr", "abc 1.5-2"),
        # N0: a bracket pair takes the direction of what it holds and of the text before it
        ("אב (גד) ef", "ltr", "(דג) בא ef"),
        ("ab (cd) גד", "rtl", "דג ab (cd)"),
        ("אב [cd] ef", "rtl", "ef [cd] בא"),
        ("שלום  ", "ltr", "םולש  "),  # trailing spaces stay at the end (L1)
    ],
)
def test_visual_is_the_order_of_the_glyphs_from_left_to_right(
    text: str, base: Direction, glyphs: str
) -> None:
    assert visual(text, base) == glyphs
    order = visual_order(text, base)  # the same, as places in the text (not mirrored)
    assert sorted(order) == list(range(len(text)))
    brackets = str.maketrans("()[]", "||||")
    assert "".join(text[i] for i in order).translate(brackets) == glyphs.translate(brackets)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("abc 12 ()", False), ("abc שלום", True), ("هل", True), ("٣", True), ("", False)],
)
def test_has_right_to_left(text: str, expected: bool) -> None:
    assert has_right_to_left(text) is expected
