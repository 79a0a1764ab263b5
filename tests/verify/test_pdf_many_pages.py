"""Running heads in a PDF of hundreds of pages: heads that alternate between left- and
right-hand pages and carry the page number, a foot on every page, a sentence of the body on
every page, a head quoted in the body, and sentences that run across every page break."""

from __future__ import annotations

import random

import pytest

from argmap.verify import SourceText, Status, parse_source, verify_quote

from .pdfmaker import make_pdf

PAGES = 300
BODY_LINES = 6
EVERY_PAGE = "Every page says this same sentence in its body."
HEAD_EVEN = "Journal of Studies 12 (2007)"
HEAD_ODD = "A Study of Trade and Security"
FOOT = "Downloaded on 29 November 2026"
QUOTED_HEAD_PAGE = 150
_WORDS = [
    *("trade", "security", "partnership", "leaders", "met", "took", "action", "make"),
    *("transparent", "congress", "members", "border", "policy", "energy", "water", "north"),
    *("south", "plan", "study", "report", "table", "results", "method"),
]


def _body(rng: random.Random, page: int) -> list[str]:
    """A page's body: words that differ from page to page (one sentence running on from the
    page before to the next), the same sentence in the middle."""
    lines = [" ".join(rng.choice(_WORDS) for _ in range(9)) for _ in range(BODY_LINES)]
    lines[3] = EVERY_PAGE
    if page == QUOTED_HEAD_PAGE:
        lines[1] = f"as the {HEAD_EVEN} reported,"
        lines[2] = HEAD_EVEN
    return lines


def _pages() -> list[list[str]]:
    rng = random.Random(PAGES)
    pages = [["The title page", *_body(rng, 1)]]  # no head, no foot
    for page in range(2, PAGES + 1):
        head = f"{page}   {HEAD_EVEN}" if page % 2 == 0 else f"{HEAD_ODD}   {page}"
        pages.append([head, *_body(rng, page), FOOT, f"- {page} -"])
    return pages


@pytest.fixture(scope="module")
def book() -> SourceText:
    source = parse_source(make_pdf(_pages()), "book.pdf", "pdf")
    assert isinstance(source, SourceText), source
    return source


def test_heads_and_feet_are_dropped_from_every_page(book: SourceText) -> None:
    pages = _pages()
    assert [book.text[span.start : span.end] for span in book.pages] == [
        "\n".join(pages[0]),
        *("\n".join(lines[1:-2]) for lines in pages[1:]),
    ]
    assert HEAD_ODD not in book.text
    assert FOOT not in book.text
    assert book.text.count(HEAD_EVEN) == 2  # page 150's body only
    assert book.text.count(" -") == 0


def test_a_sentence_of_the_body_on_every_page_is_kept_and_verifies(book: SourceText) -> None:
    assert book.text.count(EVERY_PAGE) == PAGES
    check = verify_quote(EVERY_PAGE, book)
    assert check.status is Status.VERIFIED
    assert check.location.page == 1  # type: ignore[union-attr]


@pytest.mark.parametrize("page", [1, 2, 149, PAGES - 1])
def test_a_quote_across_a_page_break_verifies(book: SourceText, page: int) -> None:
    pages = _pages()
    last = pages[page - 1][-1 if page == 1 else -3]  # the title page has no foot
    quote = f"{last} {pages[page][1]}"
    check = verify_quote(quote, book)
    assert check.status is Status.VERIFIED
    assert (check.location.page, check.location.end_page) == (page, page + 1)  # type: ignore[union-attr]


def test_a_head_quoted_in_the_body_verifies_where_the_body_says_it(book: SourceText) -> None:
    for quote in (f"as the {HEAD_EVEN} reported", f"reported, {HEAD_EVEN}"):
        check = verify_quote(quote, book)
        assert check.status is Status.VERIFIED, quote
        assert check.location.page == QUOTED_HEAD_PAGE  # type: ignore[union-attr]


def test_a_quote_that_takes_in_a_head_is_not_verified(book: SourceText) -> None:
    # the head is not what the page says: a quote that runs through it is no quote
    pages = _pages()
    quote = f"{pages[2][-3]} {HEAD_EVEN} {pages[3][1]}"
    assert verify_quote(quote, book).status not in (Status.VERIFIED, Status.VERIFIED_WITH_EDITS)
