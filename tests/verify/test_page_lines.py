"""A page and a line together cite the line within the page (``p. 2, line 2``), as
transcripts, the Congressional Record and court records are cited; a line alone counts through
the document, and a text file, which has no pages, is counted as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verdict import QuoteStatus
from argmap.verify import SourceText, parse_source, verify_quote
from argmap.verify.evidence import EvidenceCheck
from argmap.verify.text import build_source_text

from .pdfmaker import make_pdf

# Three lines a page, no running heads: page 2's lines are the document's lines 5 to 7 (page 1's
# three, then the blank line between pages).
HEARING = (
    ("Hearing before the Committee on Roads", "Mr. Smith was sworn in.", "He read his statement."),
    ("The witness said the plan", "would cost more than it saves.", "Then the chair spoke."),
    ("The hearing closed at noon", "and the record was kept open", "for two weeks."),
)
QUOTE = "would cost more than it saves"  # page 2, line 2: the document's line 6


@pytest.fixture(scope="module")
def hearing() -> SourceText:
    source = parse_source(make_pdf(HEARING), "hearing.pdf", "pdf")
    assert isinstance(source, SourceText), source
    return source


def _locator(
    source: SourceText, locator: str, quote: str = QUOTE
) -> tuple[bool | None, str | None]:
    check = verify_quote(quote, source, locator=locator)
    assert check.verified and check.locator is not None
    return check.locator.agrees, check.locator.expected


@pytest.mark.parametrize(
    "locator",
    [
        "p. 2, line 2",
        "page 2, l. 2",
        "pp. 2-3, lines 2-5",  # from page 2, line 2 to page 3, line 5
        "pp. 1-2, lines 3-9",  # from page 1, line 3 to page 2, line 9
        "line 2, p. 2",  # the page may come after the line
        "p. 2; ll. 1-3",
        "line 6",  # no page: the document's lines, as before
        "p. 2",
    ],
)
def test_a_right_page_and_line_agree(hearing: SourceText, locator: str) -> None:
    assert _locator(hearing, locator) == (True, None)


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("p. 2, line 6", "p. 2, line 2"),  # the document's line, cited within the page
        ("page 2, l. 3", "page 2, l. 2"),
        ("p. 3, line 2", "p. 2, line 2"),  # the right line of the wrong page
        ("pp. 2-3, lines 3-5", "p. 2, line 2"),
        ("line 2", "line 6"),
    ],
)
def test_a_wrong_page_and_line_is_corrected_within_the_page(
    hearing: SourceText, locator: str, expected: str | None
) -> None:
    assert _locator(hearing, locator) == (False, expected)


def test_a_quote_over_two_lines_and_across_pages(hearing: SourceText) -> None:
    assert _locator(hearing, "p. 2, line 1", "the plan would cost") == (True, None)
    assert _locator(hearing, "p. 1, line 1", "the plan would cost") == (False, "p. 2, lines 1-2")
    # across a page break: the hint names where the quote begins
    across = "Then the chair spoke. The hearing closed"
    assert _locator(hearing, "p. 3, line 3", across) == (False, "p. 2, line 3")
    assert _locator(hearing, "p. 3, line 1", across) == (True, None)


def test_of_two_occurrences_on_a_page_the_cited_line_is_chosen() -> None:
    pages = [HEARING[0], ("It was late.", "Costs rose.", "The chair left.", "Costs rose.")]
    source = parse_source(make_pdf(pages), "twice.pdf", "pdf")
    assert isinstance(source, SourceText), source
    check = verify_quote("Costs rose.", source, locator="p. 2, line 4")
    assert check.occurrences == 2 and check.locator is not None
    assert check.locator.agrees
    assert check.location is not None and check.location.page_line == 4


def test_a_text_file_counts_its_lines_through_the_file() -> None:
    text = build_source_text("t", "text", ["\n".join("\n".join(page) for page in HEARING)])
    assert _locator(text, "p. 1, line 5") == (True, None)
    assert _locator(text, "p. 1, line 2") == (False, "p. 1, line 5")


def test_the_closest_passage_names_the_line_within_its_page(hearing: SourceText) -> None:
    result = verify_quote("would cost much more than it saves", hearing)
    check = EvidenceCheck("e", QuoteStatus(result.status.value), result.similarity, result)
    assert check.location_text == "para 2, page 2, line 2, col 1"


MAP = """\
argmap: 1
sources:
  hearing: {{title: Hearing, file: hearing.pdf}}
claims:
  cost:
    text: The plan costs more than it saves.
    evidence:
      - quote: would cost more than it saves
        source: hearing
        locator: {locator}
"""


@pytest.mark.parametrize(
    ("locator", "finding"),
    [
        ("p. 2, line 2", None),
        (
            "p. 2, line 6",
            "map.yaml:10:18: warning[AM006] locator 'p. 2, line 6' disagrees with the source: "
            "the quote stands at p. 2, line 2 (locator-mismatch)",
        ),
        (
            "page 3, l. 2",
            "map.yaml:10:18: warning[AM006] locator 'page 3, l. 2' disagrees with the source: "
            "the quote stands at page 2, l. 2 (locator-mismatch)",
        ),
    ],
)
def test_check_reports_a_page_and_line_at_the_locator(
    tmp_path: Path, locator: str, finding: str | None
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "hearing.pdf").write_bytes(make_pdf(HEARING))
    (tmp_path / "map.yaml").write_text(MAP.format(locator=locator), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 0, result.output
    found = [line for line in result.output.splitlines() if "AM006" in line]
    assert [line.split("/")[-1] for line in found] == ([finding] if finding else []), result.output
