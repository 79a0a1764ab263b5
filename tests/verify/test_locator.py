"""The locator grammar, and corrections written in the style of the original."""

from __future__ import annotations

import pytest

from argmap.verify import LocatorKind, parse_locator
from argmap.verify.locator import _KEYWORDS, Place, check_locator

PARA, PAGE, LINE = LocatorKind.PARAGRAPH, LocatorKind.PAGE, LocatorKind.LINE


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("para 12", [(PARA, 12, 12)]),
        ("paragraph 12", [(PARA, 12, 12)]),
        ("Paragraph 12", [(PARA, 12, 12)]),
        ("¶ 12", [(PARA, 12, 12)]),
        ("¶12", [(PARA, 12, 12)]),
        ("¶¶ 12-13", [(PARA, 12, 13)]),
        ("para. 3", [(PARA, 3, 3)]),
        ("paras 3–5", [(PARA, 3, 5)]),
        ("page 3", [(PAGE, 3, 3)]),
        ("PAGE 3", [(PAGE, 3, 3)]),
        ("p. 3", [(PAGE, 3, 3)]),
        ("p 3", [(PAGE, 3, 3)]),
        ("p3", [(PAGE, 3, 3)]),
        ("pp. 3-4", [(PAGE, 3, 4)]),
        ("pp 3 - 4", [(PAGE, 3, 4)]),
        ("pages 3 to 4", [(PAGE, 3, 4)]),
        ("line 40", [(LINE, 40, 40)]),
        ("lines 40-42", [(LINE, 40, 42)]),
        ("l. 40", [(LINE, 40, 40)]),
        ("ll. 40-42", [(LINE, 40, 42)]),
        ("  para 12  ", [(PARA, 12, 12)]),
        ("p. 2, para 7", [(PAGE, 2, 2), (PARA, 7, 7)]),
        ("page 2; lines 3-4", [(PAGE, 2, 2), (LINE, 3, 4)]),
    ],
)
def test_grammar_accepts(text: str, parts: list[tuple[LocatorKind, int, int]]) -> None:
    locator = parse_locator(text)
    assert locator is not None
    assert [(p.kind, p.first, p.last) for p in locator.parts] == parts


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "chapter 3",
        "para",
        "para twelve",
        "para 0",
        "pages 4-3",
        "para 12 onwards",
        "12",
        "s. 4",
        "para 1,",
    ],
)
def test_grammar_refuses(text: str) -> None:
    assert parse_locator(text) is None


PLACE = Place(paragraphs=(13, 13), pages=(5, 6), lines=(40, 40))


@pytest.mark.parametrize(
    ("text", "agrees", "expected"),
    [
        ("para 13", True, None),
        ("para 12", False, "para 13"),
        ("¶12", False, "¶13"),
        ("Para 12", False, "Para 13"),
        ("paras 10-12", False, "para 13"),
        ("paras 12-14", True, None),
        ("p. 3", False, "pp. 5-6"),
        ("pp. 3-4", False, "pp. 5-6"),
        ("PP. 3–4", False, "PP. 5–6"),
        ("page 6", True, None),
        ("page 7", False, "pages 5-6"),
        ("lines 41-42", False, "line 40"),
        ("p. 5, para 12", False, "p. 5, para 13"),
    ],
)
def test_corrections_keep_the_style(text: str, agrees: bool, expected: str | None) -> None:
    check = check_locator(text, PLACE)
    assert (check.understood, check.agrees, check.expected) == (True, agrees, expected)


def test_unparsed_locator_is_flagged() -> None:
    check = check_locator("chapter 3", PLACE)
    assert (check.understood, check.agrees, check.expected, check.locator) == (
        False,
        None,
        None,
        None,
    )


@pytest.mark.parametrize("keyword", sorted(_KEYWORDS))
@pytest.mark.parametrize(("first", "last"), [(3, 3), (3, 4)])
def test_every_correction_is_a_locator_argmap_understands(
    keyword: str, first: int, last: int
) -> None:
    # A correction is meant to be pasted back: "pg 2" for a quote on pages 3-4 suggested
    # "pgs 3-4", which argmap did not read.
    locator = parse_locator(f"{keyword} 1")
    assert locator is not None
    (part,) = locator.parts
    corrected = parse_locator(part.written_as(first, last))
    assert corrected is not None
    assert [(p.kind, p.first, p.last) for p in corrected.parts] == [(part.kind, first, last)]


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("paras 2, 3", [(PARA, ((2, 2), (3, 3)))]),
        ("paras 2-3", [(PARA, ((2, 3),))]),
        ("pp. 4, 6", [(PAGE, ((4, 4), (6, 6)))]),
        ("pp. 4,6", [(PAGE, ((4, 4), (6, 6)))]),
        ("pp. 4, 6 and 9", [(PAGE, ((4, 4), (6, 6), (9, 9)))]),
        ("paragraphs 2 & 5", [(PARA, ((2, 2), (5, 5)))]),
        ("¶¶ 2, 4–6", [(PARA, ((2, 2), (4, 6)))]),
        ("pp. 12-14, 17", [(PAGE, ((12, 14), (17, 17)))]),
        ("pp. 104-6", [(PAGE, ((104, 106),))]),
        ("pp. 104–08", [(PAGE, ((104, 108),))]),
        ("pp. 1496-504", [(PAGE, ((1496, 1504),))]),
        ("pp. 4, 6, para 3", [(PAGE, ((4, 4), (6, 6))), (PARA, ((3, 3),))]),
        ("p. 2; lines 3, 5", [(PAGE, ((2, 2),)), (LINE, ((3, 3), (5, 5)))]),
    ],
)
def test_lists_and_ranges(text: str, ranges: list[tuple[LocatorKind, object]]) -> None:
    locator = parse_locator(text)
    assert locator is not None, text
    assert [(p.kind, p.ranges) for p in locator.parts] == ranges


@pytest.mark.parametrize(
    "text",
    ["paras 2,", "paras 2, ", "pp. 4, 6,", "pp. 4 and", "pp. 104-3", "pp. 19-2", "paras 2, 0"],
)
def test_broken_lists_are_refused(text: str) -> None:
    assert parse_locator(text) is None


@pytest.mark.parametrize(
    ("text", "agrees", "expected"),
    [
        ("paras 2, 13", True, None),
        ("paras 2, 3", False, "para 13"),
        ("pp. 4, 6", True, None),
        ("pp. 3, 7", False, "pp. 5-6"),
        ("paras 12, 14 and 15; p. 2", False, "para 13; pp. 5-6"),
        ("paras 12, 13, p. 3", False, "paras 12, 13, pp. 5-6"),
        ("pp. 104-6", False, "pp. 5-6"),
    ],
)
def test_lists_are_checked_item_by_item(text: str, agrees: bool, expected: str | None) -> None:
    check = check_locator(text, PLACE)
    assert (check.understood, check.agrees, check.expected) == (True, agrees, expected)
