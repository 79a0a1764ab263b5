"""A source's text and the structure that locators point into: lines, paragraphs, pages.

Every reader (plain text, Markdown, HTML, PDF) ends in :func:`build_source_text`, so a
``para 12`` means the same thing whatever the file was: the 12th block of lines separated by
blank lines, counted from 1 at the top (``docs/format.md``). Offsets are character offsets into
:attr:`SourceText.text`, 0-based, ends exclusive; lines, columns, paragraphs and pages are 1-based,
the way people cite them.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import Literal

from argmap.lines import LINE_BREAK, LINE_BREAK_PATTERN

SourceKind = Literal["text", "markdown", "html", "pdf"]

# Line breaks as editors count them (argmap.lines). Unicode's rarer separators (U+2028, VT, FF)
# are treated as whitespace inside a line, so line numbers agree with what a text editor shows.
_LINE_BREAK = LINE_BREAK

# A block of non-blank lines: from the start of a line (after a line break, or at the start of
# the text) that holds something other than whitespace, over the lines that follow it while they
# do, to the end of the last one without its line break. Possessive, so that a block of millions
# of lines keeps no backtracking state for each one.
_NON_BLANK_LINE = r"[^\S\r\n]*+\S[^\r\n]*+"
_PARAGRAPH = re.compile(
    rf"(?<![^\r\n]){_NON_BLANK_LINE}(?:(?:{LINE_BREAK_PATTERN}){_NON_BLANK_LINE})*+"
)

# Pages of a PDF are joined with a blank line, so a page boundary is always a paragraph boundary.
PAGE_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of :attr:`SourceText.text`: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Position:
    """Where an offset stands, in the units people cite: all 1-based."""

    line: int
    column: int
    paragraph: int
    page: int


@dataclass(frozen=True, eq=False)
class SourceText:
    """The readable text of one source file and its structure.

    Compared by identity (``eq=False``): two megabyte texts are never usefully compared, and
    identity makes a source a cheap key for the preparation cache in :mod:`.index`.

    ``lossy`` is true when invalid UTF-8 was replaced by U+FFFD on request (``errors="replace"``
    in :func:`argmap.verify.sources.read_source`): a quote near a replaced byte may not verify.
    ``page_labels`` are a PDF's labels of its pages (``ii`` for its second page, when its front
    matter is numbered in roman numerals), None when it has none.
    """

    name: str
    kind: SourceKind
    text: str
    line_starts: tuple[int, ...]
    paragraph_starts: array[int]
    pages: tuple[Span, ...]
    lossy: bool = False
    page_labels: tuple[str, ...] | None = None

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """The paragraphs (see :func:`paragraph_spans`), made when first asked for: the
        verifier needs only where they begin (:attr:`paragraph_starts`)."""
        return paragraph_spans(self.text)

    def position(self, offset: int) -> Position:
        """Line, column, paragraph and page of the character at ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        column = offset - self.line_starts[line - 1] + 1
        return Position(line, column, self.paragraph_at(offset), self.page_at(offset))

    def paragraph_at(self, offset: int) -> int:
        """The paragraph holding ``offset``; an offset between paragraphs counts for the one
        before it (0 before the first, which only happens in leading blank lines)."""
        return bisect_right(self.paragraph_starts, offset)

    def page_at(self, offset: int) -> int:
        """The page holding ``offset`` (a text file is one page)."""
        return max(1, _bisect_spans(self.pages, offset))

    def page_line(self, page: int) -> int:
        """The line (through the whole text, 1-based) on which ``page`` begins."""
        return bisect_right(self.line_starts, self.pages[page - 1].start)

    def line_in_page(self, offset: int) -> int:
        """The line holding ``offset``, counted from 1 at the top of its page (of the page's
        text as read: a PDF's running heads, dropped, are not counted)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        return line - self.page_line(self.page_at(offset)) + 1


def _bisect_spans(spans: Sequence[Span], offset: int) -> int:
    """1-based index of the last span starting at or before ``offset`` (0 if none)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line begins; line 1 begins at 0.

    A text without a CR (nearly all) is cut at its LFs and the lengths of its lines summed,
    in C: a match object for each of millions of line breaks took twice as long."""
    if "\r" in text:
        return (0, *(m.end() for m in _LINE_BREAK.finditer(text)))
    lines = text.split("\n")
    lines.pop()  # the last line: where it ends, no line begins
    return tuple(accumulate(map(_ONE_MORE, map(len, lines)), initial=0))


_ONE_MORE = (1).__add__  # a line's length with its LF


def paragraph_starts(text: str) -> array[int]:
    """Where each paragraph of :func:`paragraph_spans` begins, in an array of machine
    integers: all that finding the paragraph of an offset, or the offset of a paragraph,
    takes. Made without a :class:`Span` for each paragraph (a page of a million one-word
    paragraphs spent half a second making them)."""
    code = "i" if len(text) < 2**31 else "q"
    return array(code, map(re.Match.start, _PARAGRAPH.finditer(text)))


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Blocks of non-blank lines; each span runs from its first line's start to its last
    line's end (without the line break). A blank line holds only whitespace.

    One match of ``_PARAGRAPH`` per block rather than a slice of the text per line: a source
    of millions of short lines has its paragraphs several times faster.
    """
    return tuple(Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(text))


def build_source_text(
    name: str,
    kind: SourceKind,
    pages: Sequence[str],
    *,
    lossy: bool = False,
    page_labels: tuple[str, ...] | None = None,
) -> SourceText:
    """Join ``pages`` (one for anything but a PDF) and compute lines and paragraphs.

    Each PDF page is stripped of trailing whitespace and pages are joined by a blank line, so
    a paragraph never runs across pages and the page spans stay exact.
    """
    texts = [page.rstrip() for page in pages] if kind == "pdf" else list(pages)
    page_spans: list[Span] = []
    offset = 0
    for index, page in enumerate(texts):
        if index:
            offset += len(PAGE_SEPARATOR)
        page_spans.append(Span(offset, offset + len(page)))
        offset += len(page)
    text = PAGE_SEPARATOR.join(texts)
    starts = line_starts(text)
    return SourceText(
        name=name,
        kind=kind,
        text=text,
        line_starts=starts,
        paragraph_starts=paragraph_starts(text),
        pages=tuple(page_spans) or (Span(0, len(text)),),
        lossy=lossy,
        page_labels=page_labels,
    )
