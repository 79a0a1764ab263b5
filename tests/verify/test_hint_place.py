"""Where a hint says the closest passage stands: a PDF's page is part of it; a text file,
which has no pages, is not cited as 'page 1'."""

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


def test_a_pdf_hint_names_the_page() -> None:
    assert _place("pdf", PAGES) == "para 3, page 2, line 5, col 1"


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_a_text_hint_names_no_page(kind: SourceKind) -> None:
    assert _place(kind, ["\n\n".join(PAGES)]) == "para 3, line 5, col 1"
