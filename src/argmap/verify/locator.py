"""Locators: where an evidence item says its quote stands (``para 12``, ``p. 3``, ``lines 40-42``).

A locator is checked against where the quote was really found, and a wrong one is corrected *in
the style it was written*: ``¶12`` becomes ``¶13``, ``pp. 3-4`` becomes ``p. 5``, so the fix can
be pasted back. The grammar, case-insensitive, with or without a space before the number:

* paragraph: ``para``, ``paras``, ``para.``, ``paragraph``, ``paragraphs``, ``par.``, ``¶``, ``¶¶``
* page: ``page``, ``pages``, ``p``, ``p.``, ``pp``, ``pp.``, ``pg``, ``pg.``, ``pgs``, ``pgs.``
* line: ``line``, ``lines``, ``l.``, ``ll.``

followed by a number or a range (``3-4``, ``3–4``, ``3 to 4``); several may be joined by ``,`` or
``;`` (``p. 2, para 7``), and all of them must agree. Anything else is reported as not
understood rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class LocatorKind(StrEnum):
    PARAGRAPH = "paragraph"
    PAGE = "page"
    LINE = "line"


_KEYWORDS: dict[str, LocatorKind] = {
    "para": LocatorKind.PARAGRAPH,
    "paras": LocatorKind.PARAGRAPH,
    "para.": LocatorKind.PARAGRAPH,
    "paras.": LocatorKind.PARAGRAPH,
    "par.": LocatorKind.PARAGRAPH,
    "pars.": LocatorKind.PARAGRAPH,
    "paragraph": LocatorKind.PARAGRAPH,
    "paragraphs": LocatorKind.PARAGRAPH,
    "¶": LocatorKind.PARAGRAPH,
    "¶¶": LocatorKind.PARAGRAPH,
    "page": LocatorKind.PAGE,
    "pages": LocatorKind.PAGE,
    "p": LocatorKind.PAGE,
    "p.": LocatorKind.PAGE,
    "pp": LocatorKind.PAGE,
    "pp.": LocatorKind.PAGE,
    "pg": LocatorKind.PAGE,
    "pg.": LocatorKind.PAGE,
    "pgs": LocatorKind.PAGE,
    "pgs.": LocatorKind.PAGE,
    "line": LocatorKind.LINE,
    "lines": LocatorKind.LINE,
    "l.": LocatorKind.LINE,
    "ll.": LocatorKind.LINE,
}

# Singular and plural of each keyword, for writing a corrected locator in the user's style.
_PLURAL = {
    "para": "paras",
    "para.": "paras.",
    "par.": "pars.",
    "paragraph": "paragraphs",
    "¶": "¶¶",
    "page": "pages",
    "p": "pp",
    "p.": "pp.",
    "pg": "pgs",
    "pg.": "pgs.",
    "line": "lines",
    "l.": "ll.",
}
_SINGULAR = {plural: singular for singular, plural in _PLURAL.items()}

_KEYWORD_PATTERN = "|".join(re.escape(k) for k in sorted(_KEYWORDS, key=len, reverse=True))
_PART = re.compile(
    rf"(?P<keyword>{_KEYWORD_PATTERN})(?P<space>\s*)"
    r"(?P<first>\d{1,9})(?:(?P<dash>\s*(?:[-‐‑–—]|to)\s*)(?P<last>\d{1,9}))?",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True, slots=True)
class LocatorPart:
    """One ``keyword number[-number]`` of a locator, with how it was written."""

    kind: LocatorKind
    first: int
    last: int
    keyword: str
    space: str = " "
    dash: str = "-"

    def covers(self, first: int, last: int) -> bool:
        """Whether ``first..last`` (where the quote stands) overlaps this part's range."""
        return self.first <= last and first <= self.last

    def written_as(self, first: int, last: int) -> str:
        """``first..last`` in this part's style (singular or plural keyword as needed)."""
        lower = self.keyword.lower()
        if first == last:
            keyword = _SINGULAR.get(lower, lower)
            number = str(first)
        else:
            keyword = lower if lower in _SINGULAR else _PLURAL.get(lower, lower)
            number = f"{first}{self.dash}{last}"
        if self.keyword.isupper() and len(self.keyword.rstrip(".")) > 1:
            keyword = keyword.upper()
        elif self.keyword[:1].isupper():
            keyword = keyword[:1].upper() + keyword[1:]
        return f"{keyword}{self.space}{number}"


@dataclass(frozen=True, slots=True)
class Locator:
    """A parsed locator: one or more parts, joined as written by ``separator``."""

    text: str
    parts: tuple[LocatorPart, ...]
    separator: str = ", "


def parse_locator(text: str) -> Locator | None:
    """The locator in ``text``, or None when it does not follow the grammar."""
    stripped = text.strip()
    if not stripped:
        return None
    parts: list[LocatorPart] = []
    separator = ", "
    position = 0
    while True:
        match = _PART.match(stripped, position)
        if match is None:
            return None
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        keyword = match.group("keyword")
        kind = _KEYWORDS.get(keyword.lower())
        if kind is None or first < 1 or last < first:
            return None
        dash = match.group("dash") or "-"
        parts.append(LocatorPart(kind, first, last, keyword, match.group("space"), dash))
        position = match.end()
        if position == len(stripped):
            return Locator(text, tuple(parts), separator)
        between = _SEPARATOR.match(stripped, position)
        if between is None:
            return None
        separator = between.group().strip() + " "
        position = between.end()


@dataclass(frozen=True, slots=True)
class LocatorCheck:
    """What a locator says and whether it agrees with where the quote stands.

    ``understood`` is false when the locator does not follow the grammar; ``agrees`` is None
    when there is nothing to compare (not understood, or the quote was not found);
    ``expected`` is the right locator, in the style written, when it disagrees.
    """

    text: str
    understood: bool
    agrees: bool | None
    expected: str | None = None
    locator: Locator | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where a quote stands, in the units locators use: ``(first, last)`` ranges."""

    paragraphs: tuple[int, int]
    pages: tuple[int, int]
    lines: tuple[int, int]

    def range_of(self, kind: LocatorKind) -> tuple[int, int]:
        if kind is LocatorKind.PARAGRAPH:
            return self.paragraphs
        if kind is LocatorKind.PAGE:
            return self.pages
        return self.lines


def agrees(locator: Locator, place: Place) -> bool:
    """Whether every part of ``locator`` overlaps where the quote stands."""
    return all(part.covers(*place.range_of(part.kind)) for part in locator.parts)


def check_locator(text: str, place: Place | None) -> LocatorCheck:
    """Compare the locator ``text`` with ``place`` (None when the quote was not found)."""
    locator = parse_locator(text)
    if locator is None:
        return LocatorCheck(text, understood=False, agrees=None)
    if place is None:
        return LocatorCheck(text, understood=True, agrees=None, locator=locator)
    if agrees(locator, place):
        return LocatorCheck(text, understood=True, agrees=True, locator=locator)
    # Parts that agree stay as written; only the wrong ones are corrected.
    expected = locator.separator.join(
        part.written_as(
            *(
                (part.first, part.last)
                if part.covers(*place.range_of(part.kind))
                else place.range_of(part.kind)
            )
        )
        for part in locator.parts
    )
    return LocatorCheck(text, understood=True, agrees=False, expected=expected, locator=locator)
