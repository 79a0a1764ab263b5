"""The handout PDFs read back with pypdf: words, claims, page sizes, identical bytes."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from argmap.outcome import CheckOutcome
from argmap.render.svg import in_drawing_order
from argmap.report_html import Paper, Variant, handout, read_stamp
from argmap.report_html.pdf import read_pdf_stamp

from .conftest import ARABIC_MAP, HEBREW, HEBREW_MAP, INJECTION, checked_outcome, star_outcome

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


_TEXT_OPERATORS = re.compile(
    rb"/(\S+) [0-9.]+ Tf|(?:[0-9.-]+ ){5}([0-9.-]+) Tm|\[((?:<[0-9a-f]*>|[0-9. -]+)*)\] ?TJ"
)
_CMAP_ENTRY = re.compile(r"<([0-9a-f]{4})> *<([0-9a-f]+)>", re.IGNORECASE)


def printed_lines(data: bytes) -> list[str]:
    """Each line of text of a WeasyPrint PDF as printed: its glyphs from left to right (the
    order of the page, not of the text), read through each font's ToUnicode map. WeasyPrint
    writes every run of glyphs left to right, at the position its Tm sets."""
    lines: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines += _rows(page.get_contents().get_data(), _fonts(page["/Resources"]))
    return lines


def grouped_lines(data: bytes) -> list[str]:
    """The lines of text in the groups (form XObjects) of a WeasyPrint PDF, as
    :func:`printed_lines` reads those of the pages: where WeasyPrint draws an SVG text that
    is not anchored at its left end (a centred line of the map), to shift it once drawn."""
    lines: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = _fonts(page["/Resources"])
        for group in page["/Resources"].get("/XObject", {}).values():
            group = group.get_object()
            lines += _rows(group.get_data(), fonts | _fonts(group.get("/Resources", {})))
    return lines


def _fonts(resources: Any) -> dict[str, dict[int, str]]:
    return {
        name[1:]: {
            int(glyph, 16): bytes.fromhex(text).decode("utf-16-be")
            for glyph, text in _CMAP_ENTRY.findall(
                font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            )
        }
        for name, font in resources.get("/Font", {}).items()
    }


def _rows(stream: bytes, fonts: dict[str, dict[int, str]]) -> list[str]:
    runs: list[tuple[float, float, str]] = []
    font: dict[int, str] = {}
    x = y = 0.0
    for found in _TEXT_OPERATORS.finditer(stream):
        name, position, glyphs = found.groups()
        if name is not None:
            font = fonts[name.decode()]
        elif position is not None:
            numbers = found.group().split()
            x, y = float(numbers[4]), float(numbers[5])
        else:
            codes = b"".join(re.findall(rb"<([0-9a-f]*)>", glyphs)).decode()
            text = "".join(
                font.get(int(codes[i : i + 4], 16), "\ufffd") for i in range(0, len(codes), 4)
            )
            runs.append((round(y, 1), x, text))
    rows: dict[float, list[str]] = {}
    for row, _, text in sorted(runs):
        rows.setdefault(row, []).append(text)
    return ["".join(parts) for parts in rows.values()]


def test_a_map_in_a_right_to_left_script_prints_right_to_left(pdf: Pdf) -> None:
    """WeasyPrint ignores dir="auto" and <bdi>: each Hebrew text of the handout (its title,
    also in the running header, the question, claims, quotes, names, and those quoted in
    English sentences) was laid out left to right, 'הספר?' printed with its '?' at the right,
    where a Hebrew reader starts, and a claim and its holder's name, both in Hebrew, ran
    together in the English 'A reason for “…” · …'. Printed right to left, a text's glyphs
    from left to right are the text backwards: its closing mark left of its last word
    (not right of its first) at every place the page shows it (a line may end within the
    text), and the whole of it backwards where it fits a line.

    The maps are left out: WeasyPrint lays out SVG text one letter after the other, left to
    right, whatever its script (test_right_to_left_text_in_the_map_prints_right_to_left)."""
    outcome = checked_outcome(HEBREW)
    m = outcome.map
    assert m is not None
    texts = [m.title, m.question or "", m.description or "", *(q.text for q in m.questions)]
    texts += [c.text for c in m.claims.values()] + [e.quote for e in m.evidence.values()]
    texts += [s.title for s in m.sources.values()] + [a.name for a in m.actors.values()]
    for variant in Variant:
        page = re.sub(rb"<svg\b.*?</svg>", b"", handout(outcome, variant=variant), flags=re.S)
        body = LexborHTMLParser(page.decode("utf-8")).body
        assert body is not None
        shown = body.text()
        printed = "\n".join(printed_lines(pdf(page)))
        for text in texts:
            mark, words = text[-1], text[:-1].split()
            assert mark in "?!." and text in shown, text
            counts = {
                "shown": shown.count(text),
                "mark left of the last word": printed.count(mark + words[-1][::-1]),
                "mark right of the first, as left to right": printed.count(words[0][::-1] + mark),
            }
            assert counts["mark left of the last word"] >= counts["shown"], (variant, text, counts)
            assert counts["mark right of the first, as left to right"] == 0, (variant, text, counts)
            assert text[::-1] in printed, (variant, text)


@pytest.mark.parametrize("variant", list(Variant))
def test_right_to_left_text_in_the_map_prints_right_to_left(pdf: Pdf, variant: Variant) -> None:
    """WeasyPrint draws the letters of an SVG text one after the other, left to right, in
    the order they are written: each Hebrew line of the map was printed backwards, its
    first letter at the left and its closing '!' at the right. It now gets each line in the
    order of its glyphs: from the left, the line's end first, numbers left to right,
    brackets turned. (WeasyPrint draws no glyph for a space inside an SVG text.)"""
    page = handout(checked_outcome(HEBREW_MAP), variant=variant)
    printed = pdf(page)
    grouped = grouped_lines(printed)  # the centred lines: the claims
    assert "4%-בתוחכונההתלע2024תנשב" in grouped  # בשנת 2024 עלתה הנוכחות ב-4%
    assert "!(רקחמהיפל)" in grouped  # (לפי המחקר)!
    assert "Uniforms(תשובלת)cost150₪." in grouped  # left to right, a Hebrew word in it
    lines = printed_lines(printed)  # the left-aligned lines: the quote and its citation
    assert "”.הנושארההנשב4%-בהתלעתוחכונה“" in lines  # “הנוכחות עלתה ב-4% בשנה הראשונה.”
    assert "para2,2024יזוחמרקחמ—" in lines  # — מחקר מחוזי 2024, para 2
    assert in_drawing_order(page) != page  # the page itself keeps the text as written
    assert "בשנת 2024 עלתה הנוכחות ב&#45;4%".encode() in page


ARABIC_LETTERS = re.compile("[\u0621-\u064a]")  # the letters as written, not joined


def test_arabic_letters_in_the_map_print_joined(pdf: Pdf) -> None:
    """An Arabic letter takes its initial, medial, final or isolated form by its neighbours;
    WeasyPrint, drawing an SVG text one letter after the other, gave every letter of the map
    its isolated form, as if no two touched. The map's lines now reach it in their joined
    forms (Unicode's Arabic presentation forms), in the order of the glyphs."""
    printed = pdf(handout(checked_outcome(ARABIC_MAP), variant=Variant.TEACHER))
    grouped = "".join(grouped_lines(printed))  # the claim, centred
    # الحضور: alef isolated, lam initial, hah and dad medial, waw final, reh isolated;
    # from the left, the word's end first
    assert "\ufead\ufeee\ufec0\ufea4\ufedf\ufe8d" in grouped
    quote = next(line for line in printed_lines(printed) if line.startswith("\u201d."))
    # الأولى: alef, then lam and alef with hamza above as one ligature, waw (neither joins
    # what follows), lam initial, alef maksura final
    assert "\ufef0\ufedf\ufeed\ufef7\ufe8d" in quote
    assert not ARABIC_LETTERS.search(grouped + quote), grouped + quote


def test_weasyprint_takes_every_rule_of_the_handout_stylesheet(
    pdf: Pdf, montebello: CheckOutcome, caplog: pytest.LogCaptureFixture
) -> None:
    """WeasyPrint drops a declaration it cannot read with no more than a logged warning (and
    argmap keeps its log quiet): the legend's hexagon, drawn with a calc() in a gradient's
    colour stop, was left out of every PDF, blank. Each rule of the page's stylesheet is read."""
    import weasyprint

    page = LexborHTMLParser(handout(montebello, variant=Variant.TEACHER).decode("utf-8"))
    sheets = [node.text() for node in page.css("style")]
    assert any(".box-counterclaim" in sheet for sheet in sheets)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        for sheet in sheets:
            weasyprint.CSS(string=sheet)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def map_pages_hold_their_notes(page: bytes, data: bytes) -> None:
    """Each map of the handout ``page`` is one landscape page of the PDF ``data``, which
    holds its heading and its whole note: no note spilled onto a page of its own."""
    sections = LexborHTMLParser(page.decode("utf-8")).css(".map-page")
    reader = PdfReader(io.BytesIO(data))
    landscape = [
        words_of(p.extract_text() or "")
        for p in reader.pages
        if float(p.mediabox.width) > float(p.mediabox.height)
    ]
    headings = [words_of(s.css_first("h2").text()) for s in sections]
    assert [t[: len(h)] for t, h in zip(landscape, headings, strict=False)] == headings
    assert len(landscape) == len(sections), landscape[len(sections) :]
    for text, section in zip(landscape, sections, strict=True):
        note = section.css_first(".map-note")
        assert note is None or words_of(note.text()) in text, (text[:60], note.text())


@pytest.mark.parametrize("paper", list(Paper))
def test_each_map_page_holds_its_whole_note(
    montebello: CheckOutcome, pdf: Pdf, paper: Paper
) -> None:
    """The teacher's Montebello handout had three pages holding only "The claims within 2
    steps of this one." and the footer: each branch map filled its page, and the note under
    it (with the teacher's longer legend) spilled onto the next."""
    for variant in Variant:
        page = handout(montebello, variant=variant, paper=paper)
        map_pages_hold_their_notes(page, pdf(page))


def tall_branches(folder: Path) -> CheckOutcome:
    """Three branches drawn left to right, each with 10 reasons stacked on top of each
    other (a branch's page is as tall as the map may be) and a label long enough that its
    heading takes two lines."""
    (folder / "argmap.toml").write_text("")
    lines = ["argmap: 1", "title: Tall branches", "drawing:", "  rankdir: lr", "claims:"]
    lines += ["  t: {text: The thesis., kind: thesis}"]
    for b in range(3):
        label = f"Branch {b} " + "with a label that goes on and on " * 4
        lines += [f"  b{b}: {{text: Branch number {b}., label: {label.strip()}, supports: t}}"]
        for r in range(10):
            lines += [f"  b{b}r{r}: {{text: Reason {r} for branch {b}., supports: b{b}}}"]
            lines += [f"  b{b}r{r}x: {{text: A reason below reason {r}., supports: b{b}r{r}}}"]
    (folder / "tall.yaml").write_text("\n".join(lines) + "\n")
    return checked_outcome(folder / "tall.yaml")


def test_a_branch_that_fills_the_page_leaves_room_for_a_two_line_heading_and_its_note(
    tmp_path: Path, pdf: Pdf
) -> None:
    outcome = tall_branches(tmp_path)
    for variant in Variant:
        page = handout(outcome, variant=variant)
        map_pages_hold_their_notes(page, pdf(page))


def pages_of(html: bytes, selector: str) -> list[set[int]]:
    """For each element matching ``selector`` (a class: ``.question-item``), the pages that
    WeasyPrint lays its boxes out on."""
    import weasyprint

    name = selector.removeprefix(".")
    found: dict[int, set[int]] = {}
    order: list[int] = []

    def walk(box: Any, number: int, inside: int | None) -> None:
        element = getattr(box, "element", None)
        classes = (element.get("class") or "").split() if element is not None else []
        if name in classes:
            inside = id(element)
            if inside not in found:
                found[inside] = set()
                order.append(inside)
        if inside is not None:
            found[inside].add(number)
        for child in getattr(box, "children", ()):
            walk(child, number, inside)

    document = weasyprint.HTML(string=html.decode("utf-8"), base_url=None).render()
    for number, page in enumerate(document.pages, 1):
        walk(page._page_box, number, None)  # the only way to WeasyPrint's layout
    return [found[key] for key in order]


@pytest.mark.parametrize("paper", list(Paper))
def test_no_question_or_card_of_the_worksheet_is_cut_across_pages(
    montebello: CheckOutcome, pdf: Pdf, paper: Paper
) -> None:
    """A question is printed whole, its text, the claims it is about and the lines to write
    on, and so is a card: a question's last lines alone at the top of a page are no use.
    (``pdf``: skipped, or failed, without WeasyPrint.)"""
    page = handout(montebello, variant=Variant.STUDENT, paper=paper)
    questions = pages_of(page, ".question-item")
    assert len(questions) == 6
    assert [len(pages) for pages in questions] == [1] * 6, questions
    cards = pages_of(page, ".card")
    assert len(cards) == 45
    assert all(len(pages) == 1 for pages in cards), cards
