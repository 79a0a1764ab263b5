"""Roman page numbers (``p. ii``, ``pp. iv-vi``) for a PDF's front matter: read through the
PDF's page labels (/PageLabels), which name each page as printed; a PDF without labels has no
page ``ii``, and the locator is a finding, not a crash nor page 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verify import Status, verify_quote
from argmap.verify.locator import parse_locator, roman_problem
from argmap.verify.sources import SourceError, parse_source
from argmap.verify.text import SourceText

from .pdfmaker import make_pdf

PAGES = (
    ("Title page of the report",),
    ("The preface thanks the council for its patience.",),
    ("The contents list the chapters.",),
    ("Chapter one begins the argument in earnest.",),
    ("Chapter one goes on at length.",),
)
# pages i-iii in lower-case roman numerals, then 1, 2: the usual front matter
LABELS = b"/PageLabels << /Nums [0 << /S /r >> 3 << /S /D >>] >> "
LABELLED = ("i", "ii", "iii", "1", "2")


def _source(labels: bytes = LABELS) -> SourceText:
    source = parse_source(make_pdf(PAGES, catalog=labels), "report.pdf", "pdf")
    assert not isinstance(source, SourceError), source
    return source


def test_a_pdf_s_page_labels_are_read() -> None:
    assert _source().page_labels == LABELLED
    assert _source(b"").page_labels is None


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("p. ii", ((2, 2),)),
        ("p. II", ((2, 2),)),
        ("pp. i-iii", ((1, 3),)),
        ("pp. ii–iii", ((2, 3),)),
        ("pp. ii, 4", ((2, 2), (4, 4))),
        ("page iii", ((3, 3),)),
    ],
)
def test_roman_pages_are_the_pages_so_labelled(text: str, ranges: tuple[object, ...]) -> None:
    locator = parse_locator(text, LABELLED)
    assert locator is not None, text
    assert locator.parts[0].ranges == ranges


def test_a_roman_page_with_a_line() -> None:
    locator = parse_locator("p. ii, line 1", LABELLED)
    assert locator is not None
    assert [part.ranges for part in locator.parts] == [((2, 2),), ((1, 1),)]


@pytest.mark.parametrize(
    ("text", "labels", "problem"),
    [
        ("p. ii", None, ("ii", False)),  # no labels: not page 2
        ("pp. iv-vi", None, ("iv", False)),
        ("p. xiv", LABELLED, ("xiv", True)),  # no page is labelled so
        ("pp. ii-v", LABELLED, ("v", True)),
    ],
)
def test_a_roman_page_that_names_no_page_is_a_problem(
    text: str, labels: tuple[str, ...] | None, problem: tuple[str, bool]
) -> None:
    assert parse_locator(text, labels) is None
    found = roman_problem(text, labels)
    assert found is not None
    assert (found.label, found.labelled) == problem


@pytest.mark.parametrize("text", ["p. 2", "para ii", "p. iiii", "p. vx", "line ii"])
def test_other_locators_have_no_roman_problem(text: str) -> None:
    assert roman_problem(text, None) is None


@pytest.mark.parametrize(
    ("locator", "agrees", "expected"),
    [
        ("p. ii", True, None),
        ("p. 2", True, None),  # a number is the page counted from the first, as before
        ("p. iii", False, "p. ii"),  # corrected in roman numerals, as written
        ("P. III", False, "P. II"),
        ("pp. i-iii", True, None),
        ("p. 1", False, "p. 2"),
    ],
)
def test_a_roman_locator_is_checked_and_corrected(
    locator: str, agrees: bool, expected: str | None
) -> None:
    check = verify_quote("thanks the council", _source(), locator=locator)
    assert check.status is Status.VERIFIED
    assert check.locator is not None and check.locator.understood
    assert (check.locator.agrees, check.locator.expected) == (agrees, expected)


def test_a_roman_locator_for_a_page_labelled_in_digits_is_corrected_in_digits() -> None:
    check = verify_quote("begins the argument", _source(), locator="p. ii")
    assert check.locator is not None
    assert (check.locator.agrees, check.locator.expected) == (False, "p. 4")


MAP = """\
argmap: 1
sources:
  report: {{title: Report, file: report.pdf}}
claims:
  thanks:
    text: The council was patient.
    kind: thesis
    evidence:
      - quote: thanks the council
        source: report
        locator: {locator}
"""


@pytest.mark.parametrize(
    ("labels", "locator", "line"),
    [
        (LABELS, "p. ii", None),
        (
            LABELS,
            "p. iii",
            "map.yaml:11:18: warning[AM006] locator 'p. iii' disagrees with the source: the "
            "quote stands at p. ii (locator-mismatch)",
        ),
        (
            b"",
            "p. ii",
            "map.yaml:11:18: warning[AM006] locator 'p. ii' numbers its page in roman numerals, "
            "which only a PDF's page labels tie to a page, and source 'report' has none: write "
            "the page's number counted from the first page of the file (locator-mismatch)",
        ),
        (
            LABELS,
            "p. xiv",
            "map.yaml:11:18: warning[AM006] locator 'p. xiv' names page 'xiv', and no page of "
            "source 'report' is labelled so (locator-mismatch)",
        ),
    ],
)
def test_check_reads_roman_pages(
    tmp_path: Path, labels: bytes, locator: str, line: str | None
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "report.pdf").write_bytes(make_pdf(PAGES, catalog=labels))
    (tmp_path / "map.yaml").write_text(MAP.format(locator=locator), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 0, result.output
    found = [text.split("/")[-1] for text in result.output.splitlines() if "AM006" in text]
    assert found == ([] if line is None else [line]), result.output
    assert "1 of 1 quote verified" in result.output, result.output
