"""The handout PDFs read back with pypdf: words, claims, page sizes, identical bytes."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from argmap.outcome import CheckOutcome
from argmap.report_html import Paper, Variant, handout, read_stamp
from argmap.report_html.pdf import read_pdf_stamp

from .conftest import INJECTION, star_outcome

VERDICT_WORDS = re.compile(r"\b(supported|refuted|contested|unsupported)\b", re.IGNORECASE)
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)

Pdf = Callable[[bytes], bytes]


def words_of(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return words_of(re.sub(r"-\n", "-", text))  # a line broken after a hyphen


def map_texts(outcome: CheckOutcome) -> str:
    """Every text of the map itself, where a verdict word could legitimately appear."""
    m = outcome.map
    assert m is not None
    parts = [m.title, m.question or "", m.description or ""]
    parts += [c.text for c in m.claims.values()] + [c.label or "" for c in m.claims.values()]
    parts += [e.quote for e in m.evidence.values()] + [q.text for q in m.questions]
    parts += [a.name for a in m.actors.values()] + [s.title for s in m.sources.values()]
    parts += [a.label or "" for a in m.arguments.values()]
    return " ".join(parts)


@pytest.fixture(scope="module")
def montebello_pdfs(montebello: CheckOutcome, pdf: Pdf) -> dict[tuple[Variant, Paper], bytes]:
    return {
        (variant, paper): pdf(handout(montebello, variant=variant, paper=paper))
        for variant, paper in [
            (Variant.STUDENT, Paper.A4),
            (Variant.TEACHER, Paper.A4),
            (Variant.STUDENT, Paper.LETTER),
        ]
    }


def test_student_pdf_has_no_verdict_words(
    montebello: CheckOutcome, montebello_pdfs: dict[tuple[Variant, Paper], bytes]
) -> None:
    allowed = {w.lower() for w in VERDICT_WORDS.findall(map_texts(montebello))}
    assert allowed == set()  # the Montebello texts use none of them
    for paper in (Paper.A4, Paper.LETTER):
        found = {
            w.lower()
            for w in VERDICT_WORDS.findall(pdf_text(montebello_pdfs[(Variant.STUDENT, paper)]))
        }
        assert found <= allowed, found


def test_teacher_pdf_has_the_verdicts(montebello_pdfs: dict[tuple[Variant, Paper], bytes]) -> None:
    text = pdf_text(montebello_pdfs[(Variant.TEACHER, Paper.A4)])
    found = {w.lower() for w in VERDICT_WORDS.findall(text)}
    assert found >= {"supported", "refuted", "unsupported"}
    assert "score 1.00" in text


def test_every_claim_appears(
    montebello: CheckOutcome, montebello_pdfs: dict[tuple[Variant, Paper], bytes]
) -> None:
    assert montebello.map is not None
    for key, data in montebello_pdfs.items():
        text = pdf_text(data)
        for claim in montebello.map.claims.values():
            assert words_of(claim.text) in text, (key, claim.id)
        assert "Is it true? What evidence?" in text or key[0] is Variant.TEACHER


def test_page_sizes_counts_running_headers(
    montebello_pdfs: dict[tuple[Variant, Paper], bytes],
) -> None:
    for (variant, paper), data in montebello_pdfs.items():
        reader = PdfReader(io.BytesIO(data))
        assert 8 <= len(reader.pages) <= 40
        portrait = A4 if paper is Paper.A4 else LETTER
        sizes = {
            (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in reader.pages
        }
        assert sizes == {portrait, portrait[::-1]}  # maps on landscape pages
        second = reader.pages[1].extract_text() or ""
        assert "Montebello Moment Came and Went" in second  # the running header
        assert f"Page 2 of {len(reader.pages)}" in second
        label = "Student worksheet" if variant is Variant.STUDENT else "Teacher's copy"
        assert label in second


def test_same_bytes_every_time_and_the_stamp_inside(small: CheckOutcome, pdf: Pdf) -> None:
    page = handout(small, variant=Variant.TEACHER)
    first, second = pdf(page), pdf(page)
    assert first == second
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata is not None
    assert reader.metadata.get("/CreationDate") == "D:20261101000000Z"
    assert reader.metadata.get("/ModDate") == "D:20261101000000Z"
    assert b"/ID" not in first
    assert read_pdf_stamp(first) == read_stamp(page)
    assert read_pdf_stamp(b"not a pdf") is None


def test_injection_is_text_in_the_pdf(hostile: CheckOutcome, pdf: Pdf) -> None:
    for variant in Variant:
        text = pdf_text(pdf(handout(hostile, variant=variant)))
        assert INJECTION in text


def test_a_long_row_does_not_leave_the_claims_heading_alone_on_a_page(
    tmp_path: Path, pdf: Pdf
) -> None:
    """A thesis with 250 reasons has a row of four pages in the teacher's handout: it starts
    under the heading of its section, not on the next page, away from it."""
    reader = PdfReader(
        io.BytesIO(pdf(handout(star_outcome(tmp_path, 250), variant=Variant.TEACHER)))
    )
    texts = [words_of(page.extract_text() or "") for page in reader.pages]
    (heading,) = [t for t in texts if "The claims and their verdicts" in t]
    assert "Thesis Thesis number 0. ○ unsupported score" in heading
    assert "argument p0->t0 from p0 stands" in heading


def text_past_its_box(html: bytes) -> list[str]:
    """Each run of text that WeasyPrint lays out past the right edge of the block it is in
    (on paper: cut off at the page's edge, or printed over the next column)."""
    import weasyprint
    from weasyprint.formatting_structure import boxes

    found: list[str] = []

    def walk(box: Any, right: float, page: int) -> None:
        if isinstance(box, boxes.BlockContainerBox):
            right = box.content_box_x() + box.width
        past = box.position_x + box.width - right if isinstance(box, boxes.TextBox) else 0
        if past > 0.5:
            found.append(f"page {page}: {box.text[:40]!r} ends {past:.0f}px past")
        for child in getattr(box, "children", ()):
            walk(child, right, page)

    document = weasyprint.HTML(string=html.decode("utf-8"), base_url=None).render()
    for number, page in enumerate(document.pages, 1):
        walk(page._page_box, page.width, number)  # the only way to WeasyPrint's layout
    return found


@pytest.mark.parametrize("variant", list(Variant))
def test_long_words_wrap_inside_the_page(
    long_words: CheckOutcome, pdf: Pdf, variant: Variant
) -> None:
    """A URL or a compound longer than a line wraps: nothing is cut off at the paper's edge
    or printed over the card beside it. (``pdf``: skipped, or failed, without WeasyPrint.)"""
    assert text_past_its_box(handout(long_words, variant=variant)) == []
