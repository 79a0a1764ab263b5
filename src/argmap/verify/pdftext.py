"""The text of a PDF, page by page, so that ``page 3`` locators can be checked.

Running heads and feet (a journal's name, a chapter title, ``Page 3 of 12``), which a reader
skips, are dropped (:func:`drop_running_heads`): left in, they stand between the last words of
one page and the first of the next, and a quote that runs across the page break fails.

pypdf is run over untrusted bytes: anything it raises is turned into a :class:`PdfProblem` with
a message a person can act on, never a traceback. A PDF encrypted with an empty user password
(common for "no copying" flags) is opened; one that needs a password is refused.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from argmap import forked
from argmap.cores import usable_cores

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

MAX_PAGES = 5000
# The most characters of text read from one page: pypdf takes time that grows with the square
# of a page's text (1 MB: 3 s, 4 MB: 28 s, 10 MB: minutes), and a page holds a few thousand.
MAX_PAGE_TEXT = 500_000
# The most bytes a page's drawing instructions may inflate to through a chain of filters
# (compressed several times over, each stage under pypdf's own limit; a page's are tens of
# kilobytes, a detailed drawing's a few megabytes).
MAX_PAGE_CONTENT = 16 * 1024 * 1024
# How many lines at the top and at the foot of a page may be running heads.
RUNNING_LINES = 3
# The fewest pages in a row (or every other page) a line with words must stand atop (or at
# the foot of) to be a running head there, though it is not on most pages (a chapter's title)
RUN = 3


@dataclass(frozen=True, slots=True)
class PdfProblem:
    """Why a PDF's text could not be had: ``reason`` is ``encrypted`` or ``broken``."""

    reason: str
    message: str


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf reports recoverable damage as logging warnings, which Python's last-resort handler
    prints to stderr; argmap never prints, and the caller gets a clear result anyway."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


@dataclass(frozen=True, slots=True)
class PdfPages:
    """The extracted text of each page, in order, and the page labels the PDF names its pages
    with (``i``, ``ii``, ``1``: /PageLabels, as a viewer shows them), None without any."""

    texts: list[str]
    labels: tuple[str, ...] | None = None


def pdf_pages(data: bytes) -> PdfPages | PdfProblem:
    """The extracted text of each page, in order, and the pages' labels."""
    with _quiet_pypdf():
        return _pdf_pages(data)


def _page_labels(reader: PdfReader) -> tuple[str, ...] | None:
    """The label of each page, when the PDF says how its pages are labelled; None when it
    does not (pypdf then gives 1, 2, 3...), or when what it says cannot be read."""
    try:
        root: Any = reader.trailer["/Root"].get_object()
        if not isinstance(root, dict) or root.get("/PageLabels") is None:
            return None
        return tuple(str(label) for label in reader.page_labels)
    except Exception:  # hostile input: labels that cannot be read are none
        return None


def _pdf_pages(data: bytes) -> PdfPages | PdfProblem:
    if not data.lstrip(b"\r\n\t \x00").startswith(b"%PDF-"):
        return PdfProblem("broken", "not a PDF file (it does not start with '%PDF-')")
    # Imported here: pypdf takes ~50 ms to import, and most maps quote no PDF.
    from pypdf import PdfReader

    try:
        # An encrypted PDF is opened with the empty password as it is read, if it can be (AES
        # through the 'cryptography' package, a dependency of argmap).
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return PdfProblem(
                "encrypted", "the PDF is encrypted with a password; save a copy without one"
            )
        count = len(reader.pages)
        if count > MAX_PAGES:
            return PdfProblem("broken", f"the PDF has {count} pages, more than {MAX_PAGES}")
        texts = _all_texts(reader, count)
        if isinstance(texts, PdfProblem):
            return texts
        names = _glyph_names(texts)
        if names:
            return PdfProblem(
                "broken",
                f"the PDF's text cannot be read: its fonts name their glyphs ({', '.join(names)}"
                "...) without saying which letters they are (no ToUnicode map); export the PDF "
                "again with its text, or save the text as a .txt file",
            )
        return PdfPages(drop_running_heads(texts), _page_labels(reader))
    except Exception as exc:  # hostile input can make any part of pypdf fail
        return _unreadable(exc)


def _unreadable(exc: Exception) -> PdfProblem:
    from pypdf.errors import PdfReadError

    if isinstance(exc, PdfReadError):
        return PdfProblem("broken", f"the PDF cannot be read: {exc}")
    return PdfProblem("broken", f"the PDF cannot be read ({type(exc).__name__}: {exc})")


# From this many pages on, the second half of a PDF's pages is read in a forked child on the
# second core, while this process reads the first half: pypdf's text extraction is nearly all
# of the time a long PDF takes (a 5,000-page one: 5 s), and its pages are read one by one.
PARALLEL_FROM_PAGES = 200


def _all_texts(reader: PdfReader, count: int) -> list[str] | PdfProblem:
    """The text of every page of ``reader``, or the problem of the first page that has one.
    A long PDF's second half is read in a forked child (:mod:`argmap.forked`), where this
    process can fork and has a second core; where the child fails (killed: out of memory),
    this process reads that half itself."""
    half = count // 2
    child = None
    if count >= PARALLEL_FROM_PAGES and usable_cores() > 1:
        child = forked.fork(partial(_texts, reader, half, count))
    if child is None:
        return _texts(reader, 0, count)
    try:
        first = _texts(reader, 0, half)
        if isinstance(first, PdfProblem):
            child.end()
            return first
        second = child.result()
    except BaseException:
        child.end()
        raise
    if second is None:
        second = _texts(reader, half, count)
    if isinstance(second, PdfProblem):
        return second
    return first + second


def _texts(reader: PdfReader, start: int, stop: int) -> list[str] | PdfProblem:
    """The text of pages ``start`` to ``stop`` (from 0) of ``reader``, or the problem of the
    first of them that has one: a value, so that a forked child can send it back."""
    texts = []
    try:
        with _quiet_pypdf():
            for number in range(start, stop):
                page_text = _page_text(reader.pages[number], number + 1)
                if isinstance(page_text, PdfProblem):
                    return page_text
                texts.append(page_text)
    except Exception as exc:  # hostile input can make any part of pypdf fail
        return _unreadable(exc)
    return texts


class _TooMuchText(Exception):
    """Raised from inside pypdf's text extraction to stop it."""


def _page_text(page: PageObject, number: int) -> str | PdfProblem:
    """The text of ``page``, page ``number``, read no further than :data:`MAX_PAGE_TEXT`
    characters."""
    if _stacked_filters(page) and _inflated_size(page) > MAX_PAGE_CONTENT:
        return PdfProblem(
            "broken",
            f"page {number} of the PDF inflates to more than {MAX_PAGE_CONTENT >> 20} MB of "
            "drawing instructions, more than argmap reads from one page",
        )
    seen = 0

    def count(text: str, *_: object) -> None:
        nonlocal seen
        seen += len(text)
        if seen > MAX_PAGE_TEXT:
            raise _TooMuchText

    try:
        return page.extract_text(visitor_text=count) or ""
    except _TooMuchText:
        return PdfProblem(
            "broken",
            f"page {number} of the PDF holds more than {MAX_PAGE_TEXT:,} characters of text, "
            "more than argmap reads from one page",
        )


def _streams(page: PageObject) -> list[Any]:
    contents = page.get("/Contents")
    if contents is None:
        return []
    resolved = contents.get_object()
    items = resolved if isinstance(resolved, list) else [resolved]
    return [item.get_object() for item in items]


def _stacked_filters(page: PageObject) -> bool:
    """Whether a stream of the page's instructions goes through more than one filter: the
    way past pypdf's limit on one stage. (Inflating is checked only then, so the pages of
    ordinary PDFs are not inflated twice.)"""
    for stream in _streams(page):
        filters = stream.get("/Filter") if hasattr(stream, "get") else None
        if isinstance(filters, list) and len(filters) > 1:
            return True
    return False


def _inflated_size(page: PageObject) -> int:
    return sum(len(stream.get_data()) for stream in _streams(page) if hasattr(stream, "get_data"))


# What pypdf gives for a glyph whose font says no letter for it: its name, "/g17" (a name
# that says a letter, "/A" or "/comma", is read as that letter; the others carry a number).
_GLYPH_NAME = re.compile(r"/[A-Za-z][A-Za-z_.]*[0-9][\w.]*")


def _glyph_names(pages: list[str]) -> list[str]:
    """The first two glyph names of a text that is mostly glyph names (more than half its
    visible characters), as pypdf reads a PDF whose fonts have no ToUnicode map; else
    none. A text that names a few paths (/etc/argmap) is not."""
    text = "".join(pages)
    found = _GLYPH_NAME.findall(text)
    named = sum(map(len, found))
    if not found or named * 2 <= len("".join(text.split())):
        return []
    return found[:2]


_DIGITS = re.compile(r"[0-9]+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row


def drop_running_heads(pages: list[str]) -> list[str]:
    """``pages`` without their running heads and feet: the lines among the first (or last)
    :data:`RUNNING_LINES` of a page that stand there, the same but for their numbers, on most
    pages (see :func:`_most`). Only lines at a page's edge go, so text that repeats a head
    inside the page stays; a page with none keeps its text as it was. Pages that would be left
    without any text, all of them (pages alike but for their numbers: invoices from one
    template), are no running heads but the text itself, and are kept as they were."""
    lines = [page.split("\n") for page in pages]
    top = _running(lines, lambda page: page)
    foot = _running(lines, lambda page: page[::-1])
    if not top and not foot:
        return pages
    kept = [_without(page, text, top, foot) for page, text in zip(lines, pages, strict=True)]
    return kept if any(text.strip() for text in kept) else pages


def _key(line: str) -> str:
    """What a running line has in common from page to page: numbers (page numbers, dates)
    count as one, and so does the space between words."""
    return _DIGITS.sub("#", _SPACES.sub(" ", line).strip())


def _edge(lines: list[str]) -> list[str]:
    """The keys of the first :data:`RUNNING_LINES` lines of ``lines`` that are not blank."""
    keys = (_key(line) for line in lines)
    return [key for key in keys if key][:RUNNING_LINES]


def _running(pages: list[list[str]], side: Callable[[list[str]], list[str]]) -> frozenset[str]:
    found: dict[str, list[int]] = {}  # key -> the pages it stands at the edge of
    for number, page in enumerate(pages):
        for key in set(_edge(side(page))):
            found.setdefault(key, []).append(number)
    return frozenset(
        key
        for key, numbers in found.items()
        if _most(len(numbers), len(pages)) or _in_a_run(key, numbers)
    )


def _in_a_run(key: str, numbers: list[int]) -> bool:
    """Whether a line with words stands at the edge of :data:`RUN` pages or more in a row,
    or of every other page: a chapter's title atop each of its pages, or of its right-hand
    ones, with the book's title on the left. A chapter among many is on far fewer pages than
    :func:`_most` asks; a line of numbers alone (a table's) must be on that many."""
    if _WORD.search(key) is None:
        return False
    streak = 1
    for before, after in itertools.pairwise(numbers):
        streak = streak + 1 if after - before <= 2 else 1
        if streak >= RUN:
            return True
    return False


def _most(count: int, pages: int) -> bool:
    """Whether a line at the edge of ``count`` of ``pages`` pages runs through them: on more
    than half of them (at least two), or on a third or more (at least three), as heads that
    alternate between left- and right-hand pages do."""
    return count >= 2 and (2 * count > pages or (count >= 3 and 3 * count >= pages))


def _without(lines: list[str], text: str, top: frozenset[str], foot: frozenset[str]) -> str:
    start, end = 0, len(lines)
    start = _peel(lines, range(start, end), top, start)
    end = _peel(lines, range(end - 1, start - 1, -1), foot, end - 1) + 1
    if (start, end) == (0, len(lines)):
        return text
    return "\n".join(lines[start:end])


def _peel(lines: list[str], order: range, running: frozenset[str], edge: int) -> int:
    """The index of the first line, in ``order``, that is text of the page: blank lines and
    running lines before it are skipped, at most :data:`RUNNING_LINES` running ones. ``edge``
    if there are none to skip."""
    peeled = 0
    kept = edge
    for index in order:
        key = _key(lines[index])
        if not key:
            continue
        if key not in running or peeled == RUNNING_LINES:
            return index if peeled else kept
        peeled += 1
        kept = index + (1 if order.step > 0 else -1)
    return kept
