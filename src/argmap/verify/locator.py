"""Locators: where an evidence item says its quote stands (``para 12``, ``p. 3``, ``lines 40-42``).

A locator is checked against where the quote was really found, and a wrong one is corrected *in
the style it was written*: ``¶12`` becomes ``¶13``, ``pp. 3-4`` becomes ``p. 5``, so the fix can
be pasted back. The grammar, case-insensitive, with or without a space before the number:

* paragraph: ``para``, ``paras``, ``para.``, ``paragraph``, ``paragraphs``, ``par.``, ``¶``, ``¶¶``
* page: ``page``, ``pages``, ``p``, ``p.``, ``pp``, ``pp.``, ``pg``, ``pg.``, ``pgs``, ``pgs.``
* line: ``line``, ``lines``, ``l.``, ``ll.``

followed by a number or a range (``3-4``, ``3–4``, ``3 to 4``, and ``104-6`` for 104 to 106, as
books shorten page ranges; a range of lines only from 100 on, as Chicago shortens ranges, so
``lines 20-2`` ends before it starts: see :func:`backwards_range`), or a list of them joined
by ``,``, ``&`` or ``and`` (``paras 2, 3``, ``pp. 4, 6 and 9``): a list agrees when the quote
overlaps one of its items. Several parts may be joined by ``,`` or ``;`` (``p. 2, para 7``),
and all of them must agree. Anything else is reported as not understood rather than guessed
at.
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
_KEYWORD = re.compile(rf"(?P<keyword>{_KEYWORD_PATTERN})(?P<space>\s*)", re.IGNORECASE)
# A number or a range of numbers: one item of a part's list.
_ITEM = re.compile(r"(?P<first>\d{1,9})(?:(?P<dash>\s*(?:[-‐‑–—]|to)\s*)(?P<last>\d{1,9}))?")
# A page numbered in roman numerals (``p. ii``, ``pp. iv-vi``): a PDF's front matter, found
# through its page labels (see :func:`_label_range`); not followed by a letter or a full stop,
# so that ``p. ii, l. 3`` does not read ``l`` as fifty.
_ROMAN_ITEM = re.compile(
    r"(?P<first>[ivxlcdm]+)(?![\w.])"
    r"(?:(?P<dash>\s*(?:[-‐‑–—]|to)\s*)(?P<last>[ivxlcdm]+)(?![\w.]))?",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})", re.IGNORECASE)
# Between the items of one part's list (``pp. 4, 6 and 9``), and between parts (``p. 2; para 7``).
_LIST = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[,;]\s*")

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LocatorPart:
    """One ``keyword number[-number][, number[-number]…]`` of a locator, with how it was
    written (``written`` is the part's own text, kept when a correction leaves it alone)."""

    kind: LocatorKind
    ranges: tuple[Range, ...]
    keyword: str
    space: str = " "
    dash: str = "-"
    written: str = ""
    roman: str = ""  # "lower" or "upper" for pages written in roman numerals (``p. ii``)

    @property
    def first(self) -> int:
        return min(first for first, _ in self.ranges)

    @property
    def last(self) -> int:
        return max(last for _, last in self.ranges)

    def covers(self, first: int, last: int) -> bool:
        """Whether ``first..last`` (where the quote stands) overlaps one of this part's
        ranges."""
        return any(lo <= last and first <= hi for lo, hi in self.ranges)

    def written_as(self, first: int, last: int, labels: tuple[str, ...] | None = None) -> str:
        """``first..last`` in this part's style (singular or plural keyword as needed); pages
        written in roman numerals by their ``labels``, when those are roman too."""
        lower = self.keyword.lower()
        first_text, last_text = str(first), str(last)
        if self.roman and labels is not None and max(first, last) <= len(labels):
            named = labels[first - 1], labels[last - 1]
            if all(_ROMAN.fullmatch(label) for label in named):
                case = str.upper if self.roman == "upper" else str.lower
                first_text, last_text = case(named[0]), case(named[1])
        if first == last:
            keyword = _SINGULAR.get(lower, lower)
            number = first_text
        else:
            keyword = lower if lower in _SINGULAR else _PLURAL.get(lower, lower)
            number = f"{first_text}{self.dash}{last_text}"
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
    page_labels: tuple[str, ...] | None = None


def parse_locator(text: str, page_labels: tuple[str, ...] | None = None) -> Locator | None:
    """The locator in ``text``, or None when it does not follow the grammar. A page written
    in roman numerals is the page that ``page_labels`` (a PDF's) label so; without labels, or
    without a page so labelled, the locator names no page (see :func:`roman_problem`)."""
    stripped = text.strip()
    if not stripped:
        return None
    parts: list[LocatorPart] = []
    separator = ", "
    position = 0
    while True:
        part = _part(stripped, position, page_labels)
        if part is None:
            return None
        parts.append(part)
        position += len(part.written)
        if position == len(stripped):
            return Locator(text, tuple(parts), separator, page_labels)
        between = _SEPARATOR.match(stripped, position)
        if between is None:
            return None
        separator = between.group().strip() + " "
        position = between.end()


def _part(
    text: str, position: int, page_labels: tuple[str, ...] | None = None
) -> LocatorPart | None:
    """The part that starts at ``position``: a keyword, then a list of numbers and ranges,
    which a ``,`` continues only when a number follows it (``pp. 4, 6``, not ``p. 4, para
    6``); pages in roman numerals are found by ``page_labels``."""
    keyword = _KEYWORD.match(text, position)
    if keyword is None:
        return None
    kind = _KEYWORDS.get(keyword.group("keyword").lower())
    if kind is None:
        return None
    item = _item(text, keyword.end(), kind)
    if item is None:
        return None
    ranges: list[Range] = []
    dash = item.group("dash")
    end = keyword.end()
    roman = ""
    while item is not None:
        first, last = item.group("first"), item.group("last")
        if first.isdecimal():
            bounds = _range(first, last, kind)
        else:
            bounds = _label_range(first, last, page_labels)
            roman = roman or ("upper" if first.isupper() else "lower")
        if bounds is None:
            return None
        ranges.append(bounds)
        end = item.end()
        between = _LIST.match(text, end)
        item = _item(text, between.end(), kind) if between is not None else None
        dash = dash or (item.group("dash") if item is not None else None)
    return LocatorPart(
        kind,
        tuple(ranges),
        keyword.group("keyword"),
        keyword.group("space"),
        dash or "-",
        text[position:end],
        roman,
    )


def _item(text: str, position: int, kind: LocatorKind) -> re.Match[str] | None:
    """The number or range at ``position``: digits, or for a page roman numerals."""
    item = _ITEM.match(text, position)
    if item is not None or kind is not LocatorKind.PAGE:
        return item
    roman = _ROMAN_ITEM.match(text, position)
    if roman is None or not all(
        _ROMAN.fullmatch(number) for number in (roman.group("first"), roman.group("last") or "i")
    ):
        return None
    return roman


def _label_range(first: str, last: str | None, labels: tuple[str, ...] | None) -> Range | None:
    """The pages labelled ``first`` to ``last`` (roman numerals, in any case), counted from
    the first page of the file; None without labels, or without a page labelled so."""
    if labels is None:
        return None
    lowered = [label.lower() for label in labels]
    if first.lower() not in lowered:
        return None
    start = lowered.index(first.lower()) + 1
    if last is None:
        return start, start
    if last.lower() not in lowered[start - 1 :]:
        return None
    return start, lowered.index(last.lower(), start - 1) + 1


@dataclass(frozen=True, slots=True)
class RomanProblem:
    """A page in roman numerals that names no page: ``label`` as written, and whether the
    source has page labels at all (``labelled``: then none of its pages is labelled so)."""

    label: str
    labelled: bool


def roman_problem(text: str, page_labels: tuple[str, ...] | None) -> RomanProblem | None:
    """The first page of ``text`` written in roman numerals that ``page_labels`` name no
    page by (all of them, without labels), if any."""
    for keyword in _KEYWORD.finditer(text):
        kind = _KEYWORDS.get(keyword.group("keyword").lower())
        item = _item(text, keyword.end(), kind) if kind is LocatorKind.PAGE else None
        while item is not None:
            first, last = item.group("first"), item.group("last")
            if not first.isdecimal():
                if page_labels is None:
                    return RomanProblem(first, labelled=False)
                if _label_range(first, None, page_labels) is None:
                    return RomanProblem(first, labelled=True)
                if last is not None and _label_range(first, last, page_labels) is None:
                    return RomanProblem(last, labelled=True)
            between = _LIST.match(text, item.end())
            item = _item(text, between.end(), LocatorKind.PAGE) if between is not None else None
    return None


def _range(first_text: str, last_text: str | None, kind: LocatorKind) -> Range | None:
    """The range ``first-last``; a last number shorter than the first keeps the first's
    leading digits, as books abbreviate page ranges (``104-6`` is 104 to 106), and lines
    from 100 on (:func:`_shortened`). None when it is no range: a 0, or a last number before
    the first (``4-3``, ``lines 20-2``)."""
    first = int(first_text)
    if last_text is None:
        return (first, first) if first >= 1 else None
    last = int(last_text)
    if last < first and (kind is not LocatorKind.LINE or first >= _SHORT_LINES_FROM):
        last = _shortened(first_text, last_text) or last
    if first < 1 or last < first:
        return None
    return first, last


# Chicago (9.63) writes a range below 100 in full (71-72) and shortens it from 101 on (101-8,
# 321-28); the Bluebook keeps at least two digits (111-12), MLA the last two from 100 on. No
# style writes 20-22 as 20-2: books printed such page ranges, and pages are read so, but a
# range of lines below 100 is read as written.
_SHORT_LINES_FROM = 100


def _shortened(first_text: str, last_text: str) -> int | None:
    """The last number of a shortened range written out: ``104-6`` ends at 106; None when the
    last number is not shorter than the first."""
    if len(last_text) >= len(first_text):
        return None
    return int(first_text[: len(first_text) - len(last_text)] + last_text)


@dataclass(frozen=True, slots=True)
class BackwardsRange:
    """A range of a locator that ends before it starts (``lines 20-2``, ``pages 4-3``), as
    written; ``full`` is, for a range of lines whose last number is shorter, that number
    written out as a page range's would be (22), and the locator with it (``lines 20-22``)."""

    kind: LocatorKind
    first: int
    last: int
    full: tuple[int, str] | None = None


def backwards_range(text: str) -> BackwardsRange | None:
    """The first range of ``text`` that ends before it starts, if any: what makes a locator
    that otherwise follows the grammar unreadable, said in its own words."""
    for keyword in _KEYWORD.finditer(text):
        kind = _KEYWORDS.get(keyword.group("keyword").lower())
        item = _ITEM.match(text, keyword.end())
        while kind is not None and item is not None:
            first, last = item.group("first"), item.group("last")
            if last is not None and int(first) >= 1 and _range(first, last, kind) is None:
                longer = _shortened(first, last)
                full = None
                if kind is LocatorKind.LINE and longer is not None and longer >= int(first):
                    written = text[: item.start("last")] + str(longer) + text[item.end("last") :]
                    full = longer, written.strip()
                return BackwardsRange(kind, int(first), int(last), full)
            between = _LIST.match(text, item.end())
            item = _ITEM.match(text, between.end()) if between is not None else None
    return None


@dataclass(frozen=True, slots=True)
class LocatorCheck:
    """What a locator says and whether it agrees with where the quote stands.

    ``understood`` is false when the locator does not follow the grammar; ``agrees`` is None
    when there is nothing to compare (not understood, or the quote was not found);
    ``expected`` is the right locator, in the style written, when it disagrees;
    ``backwards`` the range that ends before it starts, ``roman`` the page in roman numerals
    that names no page, when that is why it is not understood.
    """

    text: str
    understood: bool
    agrees: bool | None
    expected: str | None = None
    locator: Locator | None = None
    backwards: BackwardsRange | None = None
    roman: RomanProblem | None = None


# A line within a page: ``(page, line)``, the line counted from 1 at the top of the page.
PageLine = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a quote stands, in the units locators use: ``(first, last)`` ranges; and, in a
    source with pages of its own (a PDF), ``page_lines``: the page and line within the page of
    its first and last character (None in a source without pages)."""

    paragraphs: tuple[int, int]
    pages: tuple[int, int]
    lines: tuple[int, int]
    page_lines: tuple[PageLine, PageLine] | None = None

    def range_of(self, kind: LocatorKind) -> tuple[int, int]:
        if kind is LocatorKind.PARAGRAPH:
            return self.paragraphs
        if kind is LocatorKind.PAGE:
            return self.pages
        return self.lines


def page_parts(locator: Locator) -> dict[int, int]:
    """For each line part of ``locator`` that stands with a page part, the index of that page
    part: the nearest before it (``p. 3, line 12``), else the first after (``line 12, p. 3``).
    A locator without a page part has none."""
    pages = [i for i, part in enumerate(locator.parts) if part.kind is LocatorKind.PAGE]
    paired: dict[int, int] = {}
    if not pages:
        return paired
    for i, part in enumerate(locator.parts):
        if part.kind is LocatorKind.LINE:
            before = [page for page in pages if page < i]
            paired[i] = before[-1] if before else pages[0]
    return paired


def page_line_ranges(page: LocatorPart, line: LocatorPart) -> list[tuple[PageLine, PageLine]]:
    """What a page part and the line part with it cite: from its first line on its first page
    to its last line on its last page, for each page range and line range (``pp. 3-4, lines
    2-5`` is page 3, line 2 to page 4, line 5)."""
    return [
        ((first_page, first_line), (last_page, last_line))
        for first_page, last_page in page.ranges
        for first_line, last_line in line.ranges
    ]


def _within(page: LocatorPart, line: LocatorPart, where: tuple[PageLine, PageLine]) -> bool:
    """Whether the quote, from ``where[0]`` to ``where[1]``, overlaps what the page and line
    parts cite."""
    return any(lo <= where[1] and where[0] <= hi for lo, hi in page_line_ranges(page, line))


def _part_agrees(locator: Locator, index: int, place: Place, paired: dict[int, int]) -> bool:
    part = locator.parts[index]
    if index in paired and place.page_lines is not None:
        return _within(locator.parts[paired[index]], part, place.page_lines)
    return part.covers(*place.range_of(part.kind))


def agrees(locator: Locator, place: Place) -> bool:
    """Whether every part of ``locator`` overlaps where the quote stands; a line part that
    stands with a page part counts its lines within that page, in a source with pages."""
    paired = page_parts(locator)
    return all(_part_agrees(locator, i, place, paired) for i in range(len(locator.parts)))


def check_locator(
    text: str, place: Place | None, page_labels: tuple[str, ...] | None = None
) -> LocatorCheck:
    """Compare the locator ``text`` with ``place`` (None when the quote was not found);
    ``page_labels`` are the source's, for pages in roman numerals."""
    locator = parse_locator(text, page_labels)
    if locator is None:
        return LocatorCheck(
            text,
            understood=False,
            agrees=None,
            backwards=backwards_range(text),
            roman=roman_problem(text, page_labels),
        )
    if place is None:
        return LocatorCheck(text, understood=True, agrees=None, locator=locator)
    if agrees(locator, place):
        return LocatorCheck(text, understood=True, agrees=True, locator=locator)
    expected = locator.separator.join(_corrected(locator, place))
    return LocatorCheck(text, understood=True, agrees=False, expected=expected, locator=locator)


def _corrected(locator: Locator, place: Place) -> list[str]:
    """Each part of ``locator`` as it should read: parts that agree stay as written; a wrong
    one is written anew in its style. A page and line that disagree are written as the page
    and the lines within it where the quote stands, or, for a quote that runs onto the next
    page, as the page and line where it begins (``p. 3, line 12``)."""
    paired = page_parts(locator)
    wrong_pairs = {
        page
        for line, page in paired.items()
        if place.page_lines is not None and not _part_agrees(locator, line, place, paired)
    }
    corrected = []
    for i, part in enumerate(locator.parts):
        if _part_agrees(locator, i, place, paired) and i not in wrong_pairs:
            corrected.append(part.written)
        elif place.page_lines is not None and (i in wrong_pairs or i in paired):
            (first_page, first_line), (last_page, last_line) = place.page_lines
            if part.kind is LocatorKind.PAGE:
                corrected.append(part.written_as(first_page, first_page, locator.page_labels))
            else:
                last = last_line if last_page == first_page else first_line
                corrected.append(part.written_as(first_line, last))
        else:
            corrected.append(part.written_as(*place.range_of(part.kind), locator.page_labels))
    return corrected
