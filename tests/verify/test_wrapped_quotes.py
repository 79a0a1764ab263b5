"""A quote wrapped in quotation marks the source does not have around those words is checked
without them, with a warning (AM016) whose hint says which marks to drop; a quote that ends
with a ``,`` ``.`` ``!`` ``;`` or ``:`` the source does not have after the quoted words stays
an error (AM001), whose hint says to drop it: the words without it say less than with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verify import Status, verify_quote
from argmap.verify.text import build_source_text

SOURCE = "Everyone agreed. The plan works well, said nobody.\n\nIt was approved in May."


def _check(quote: str):  # type: ignore[no-untyped-def]
    return verify_quote(quote, build_source_text("s", "text", [SOURCE]))


@pytest.mark.parametrize(
    ("quote", "marks"),
    [
        ("“the plan works well”", ("“", "”")),
        ('"the plan works well"', ('"', '"')),
        ("'the plan works well'", ("'", "'")),
        ("«the plan works well»", ("«", "»")),
        ("« the plan works well »", ("«", "»")),
        ("„the plan works well“", ("„", "“")),
        ("‘the plan works well’", ("‘", "’")),
        ("“Everyone agreed.”", ("“", "”")),
    ],
)
def test_a_quote_in_quotation_marks_is_checked_without_them(
    quote: str, marks: tuple[str, str]
) -> None:
    check = _check(quote)
    assert check.status is Status.VERIFIED
    assert check.unwrapped == marks
    assert check.trailing is None
    assert check.location is not None and check.location.column in (1, 18)


@pytest.mark.parametrize(
    ("quote", "trailing", "marks"),
    [
        ("the plan works well.", ".", None),
        ("It was approved in May;", ";", None),
        ("the plan works well!", "!", None),
        ("It was approved,", ",", None),
        ("“the plan works well.”", ".", ("“", "”")),
        ("“the plan works well”.", ".", ("“", "”")),
    ],
)
def test_a_trailing_mark_the_source_lacks_is_named(
    quote: str, trailing: str, marks: tuple[str, str] | None
) -> None:
    check = _check(quote)
    assert check.status in (Status.PARAPHRASE, Status.NOT_FOUND)
    assert (check.trailing, check.unwrapped) == (trailing, marks)


@pytest.mark.parametrize(
    "quote",
    [
        "the plan works well,",  # the source has the comma: verified as written
        "“the plan works badly”",  # not in the source, with or without the marks
        "the plan works badly.",
    ],
)
def test_other_quotes_are_not_unwrapped(quote: str) -> None:
    check = _check(quote)
    assert (check.unwrapped, check.trailing) == (None, None)


@pytest.mark.parametrize(
    ("quote", "marks"),
    [
        ("“the plan works well", ("“", "")),  # a mark at one end only, as pasted
        ("the plan works well”", ("", "”")),
        ('"the plan works well', ('"', "")),
        ("«the plan works well", ("«", "")),
        ("the plan works well »", ("", "»")),
        ("„the plan works well", ("„", "")),
        ("‘the plan works well", ("‘", "")),
        ("“the plan works well“", ("“", "“")),  # two marks that make no pair
    ],
)
def test_a_quotation_mark_at_one_end_is_checked_without_it(
    quote: str, marks: tuple[str, str]
) -> None:
    check = _check(quote)
    assert check.status is Status.VERIFIED
    assert check.unwrapped == marks
    assert check.location is not None and check.location.column == 18


@pytest.mark.parametrize(
    "quote",
    [
        "the plan works well’",  # an apostrophe may end a word (dogs'): never dropped alone
        "the plan works well'",
        "“the plan works badly",  # not in the source without the mark either
    ],
)
def test_a_mark_at_one_end_that_does_not_help_is_kept(quote: str) -> None:
    check = _check(quote)
    assert check.status in (Status.PARAPHRASE, Status.NOT_FOUND)
    assert check.unwrapped is None


def test_a_mark_at_one_end_the_source_has_is_the_quote_s_own() -> None:
    source = build_source_text("s", "text", ["He said “the plan works well and left."])
    check = verify_quote("“the plan works well", source)
    assert (check.status, check.unwrapped) == (Status.VERIFIED, None)


def test_marks_the_source_has_are_the_quote_s_own() -> None:
    source = build_source_text("s", "text", ["He said “the plan works well” and left."])
    check = verify_quote("“the plan works well”", source)
    assert (check.status, check.unwrapped) == (Status.VERIFIED, None)


MAP = """\
argmap: 1
sources:
  report: {{title: Report, file: report.txt}}
claims:
  plan:
    text: The plan works.
    evidence:
      - quote: {quote}
        source: report
"""


@pytest.mark.parametrize(
    ("quote", "code", "lines"),
    [
        (
            "“the plan works well”",
            0,
            [
                "map.yaml:8:16: warning[AM016] quote is wrapped in quotation marks (“…”) that "
                "source 'report' does not have around the quoted words: it was checked without "
                "them (quote-in-quotation-marks)",
                "  hint: drop the '“' at the start of the quote and the '”' at its end",
            ],
        ),
        (
            "'\"the plan works well\"'",
            0,
            [
                'map.yaml:8:16: warning[AM016] quote is wrapped in quotation marks ("…") that '
                "source 'report' does not have around the quoted words: it was checked without "
                "them (quote-in-quotation-marks)",
                "  hint: drop the '\"' at the start of the quote and the '\"' at its end",
            ],
        ),
        (
            "“the plan works well",
            0,
            [
                "map.yaml:8:16: warning[AM016] quote starts with a quotation mark (“) that "
                "source 'report' does not have before the quoted words: it was checked without "
                "it (quote-in-quotation-marks)",
                "  hint: drop the '“' at the start of the quote",
            ],
        ),
        (
            "the plan works well”",
            0,
            [
                "map.yaml:8:16: warning[AM016] quote ends with a quotation mark (”) that "
                "source 'report' does not have after the quoted words: it was checked without "
                "it (quote-in-quotation-marks)",
                "  hint: drop the '”' at the end of the quote",
            ],
        ),
        (
            "“the plan works well.",
            1,
            [
                "map.yaml:8:16: error[AM001] quote ends with '.', which source 'report' does not "
                "have after the quoted words: not verbatim (quote-not-verified)",
                "  hint: drop the '.' at the end of the quote, and the quotation mark '“' at its "
                "start",
            ],
        ),
        (
            "the plan works well.",
            1,
            [
                "map.yaml:8:16: error[AM001] quote ends with '.', which source 'report' does not "
                "have after the quoted words: not verbatim (quote-not-verified)",
                "  hint: drop the '.' at the end of the quote",
            ],
        ),
        (
            "“the plan works well.”",
            1,
            [
                "map.yaml:8:16: error[AM001] quote ends with '.', which source 'report' does not "
                "have after the quoted words: not verbatim (quote-not-verified)",
                "  hint: drop the '.' at the end of the quote, and the quotation marks '“' and "
                "'”' around it",
            ],
        ),
    ],
)
def test_check_says_what_to_drop(tmp_path: Path, quote: str, code: int, lines: list[str]) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "report.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAP.format(quote=quote), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == code, result.output
    output = [line.split("/")[-1] for line in result.output.splitlines()]
    start = next(i for i, line in enumerate(output) if line.startswith("map.yaml:8:16"))
    hint = next(line for line in output[start:] if line.startswith("  hint:"))
    assert [output[start], hint] == lines, result.output
