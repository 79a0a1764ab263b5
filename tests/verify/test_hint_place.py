"""Where a hint says the closest passage stands: a PDF's page is part of it; a text file,
which has no pages, is not cited as 'page 1'. A long passage is cut short; a search that gave
up says to split the quote."""

from __future__ import annotations

import pytest

from argmap.verdict import QuoteStatus
from argmap.verify.evidence import EvidenceCheck
from argmap.verify.index import prepare
from argmap.verify.match import verify_many
from argmap.verify.text import SourceKind, build_source_text

PAGES = ["A first page.", "Second page, first paragraph.\n\nThe plan works well, said nobody."]


def _place(kind: SourceKind, pages: list[str]) -> str | None:
    source = build_source_text("s", kind, pages)
    [result] = verify_many([("The plan works very well", None)], prepare(source))
    check = EvidenceCheck("e", QuoteStatus(result.status.value), result.similarity, result)
    assert check.status is QuoteStatus.PARAPHRASE
    return check.location_text


def test_a_pdf_hint_names_the_page_and_the_line_within_it() -> None:
    assert _place("pdf", PAGES) == "para 3, page 2, line 3, col 1"


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_a_text_hint_names_no_page(kind: SourceKind) -> None:
    assert _place(kind, ["\n\n".join(PAGES)]) == "para 3, line 5, col 1"


def _hint(quote: str, source_text: str) -> str | None:
    source = build_source_text("s", "text", [source_text])
    [result] = verify_many([(quote, None)], prepare(source))
    return EvidenceCheck("e", QuoteStatus(result.status.value), result.similarity, result).hint


def test_a_long_closest_passage_is_cut_short() -> None:
    words = " ".join(f"word{i}" for i in range(80))
    quote = words[words.index("word10") : words.index("word40")] + "banana " + words[-60:]
    hint = _hint(quote, words)
    assert hint == f"closest passage (para 1, line 1, col 61): “{words[60:219]}…”"


def _alleys(parts: int, alleys: int) -> str:
    """``x a a ... y`` after ``alleys`` places holding its start but not its end (as in
    test_match)."""
    alley = "x " + "a " * parts + "filler " * 80 + "y "
    return alley * alleys + "x " + "a " * parts + "y"


def test_a_search_that_gave_up_says_to_split_the_quote() -> None:
    quote = "x [...] " + " [...] ".join(["a"] * 50) + " [...] y"
    source = _alleys(50, 100)
    passage = f"x {'a ' * 50}y"  # the last one, at the end of the source
    assert _hint(quote, source) == (
        "split it into shorter quotes, with fewer omissions and insertions; closest passage "
        f"(para 1, line 1, col {len(source) - len(passage) + 1}): “{passage}”"
    )


def test_a_search_that_gave_up_without_a_passage_says_to_split_the_quote() -> None:
    quote = "x [...] " + " [...] ".join(["a"] * 5000) + " [...] y"
    assert _hint(quote, _alleys(5000, 3)) == (
        "split it into shorter quotes, with fewer omissions and insertions"
    )


def test_an_unchecked_quote_has_no_hint_place_nor_marks() -> None:
    check = EvidenceCheck("e", QuoteStatus.UNCHECKED, 0.0)
    assert (check.hint, check.location_text, check.marks) == (None, None, 0)
