"""An insertion may not change a number: ``Costs rose by [15]% in 2020`` is not what a source
saying ``Costs rose by 1.5% in 2020`` says. It may add one where the text it stands for has
none (``[in 2020]`` for ``then``), or write the same number another way (``[1,000]`` for
``1000``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verify import Status, verify_quote
from argmap.verify.quote import changed_number
from argmap.verify.text import build_source_text

SOURCE = (
    "Costs rose by 1.5% in 2020. Then the board met. It spent 1000 dollars on 3 reports. "
    "In 2019, 40 people left."
)


def _check(quote: str):  # type: ignore[no-untyped-def]
    return verify_quote(quote, build_source_text("s", "text", [SOURCE]))


@pytest.mark.parametrize(
    ("quote", "number"),
    [
        ("Costs rose by [15]% in 2020", ("[15]", "1.5")),
        ("It spent [2000] dollars on 3 reports", ("[2000]", "1000")),
        ("It spent 1000 dollars on [4] reports", ("[4]", "3")),
        ("[15]% in 2020", ("[15]", "1.5")),  # at the quote's start: the number next to it
        # at its end: the clause after the quoted words, from its first number to its last
        ("It spent [1000 dollars on 5]", ("[1000 dollars on 5]", "1000 dollars on 3")),
        ("In 2019, [41] people left", ("[41]", "40")),
    ],
)
def test_an_insertion_that_changes_a_number_is_not_verbatim(
    quote: str, number: tuple[str, str] | None
) -> None:
    check = _check(quote)
    assert check.status in (Status.PARAPHRASE, Status.NOT_FOUND)
    assert check.number_change == number


@pytest.mark.parametrize(
    "quote",
    [
        "Costs rose by [1.5]% in 2020",  # the same number
        "Costs rose by [1.50]% in 2020",
        "It spent [1,000] dollars on 3 reports",  # the same number, grouped
        "[In 2020] the board met",  # a number where the source has none
        "It spent [the money] on 3 reports",  # no number in the insertion
        "It spent 1000 dollars on [three] reports",  # the same number, in words
        "Costs rose by 1.5% [in 2020]",
    ],
)
def test_an_insertion_that_keeps_or_adds_a_number_verifies(quote: str) -> None:
    check = _check(quote)
    assert check.status is Status.VERIFIED_WITH_EDITS, check
    assert check.number_change is None


@pytest.mark.parametrize(
    ("gap", "inserted", "expected"),
    [
        ("1.5", ("15",), "15"),
        ("1.5", ("1.5",), None),
        ("1000", ("1,000",), None),
        ("1,000", ("1000",), None),
        ("then", ("in 2020",), None),
        ("in 2020 and 2021", ("2021",), None),
        ("2020", ("2020 and 2021",), "2020 and 2021"),
        ("3,5", ("3.5",), None),  # a decimal comma
    ],
)
def test_changed_number(gap: str, inserted: tuple[str, ...], expected: str | None) -> None:
    assert changed_number(gap, inserted) == expected


MAP = """\
argmap: 1
sources:
  report: {title: Report, file: report.txt}
claims:
  costs:
    text: Costs rose.
    evidence:
      - quote: Costs rose by [15]% in 2020
        source: report
"""


def test_check_names_the_number_an_insertion_changes(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "report.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 1, result.output
    lines = [line.split("/")[-1] for line in result.output.splitlines() if "AM001" in line]
    assert lines == [
        "map.yaml:8:16: error[AM001] quote's insertion '[15]' stands for '1.5', another "
        "number: not verbatim from source 'report' (quote-not-verified)"
    ], result.output
    assert "  hint: closest passage (para 1, line 1, col 1): “Costs rose by 1.5% in 2020" in (
        result.output
    ), result.output


# Numbers in other spellings: in words, grouped by spaces, or by dots.
SPELLED = (
    "The town has 1{space}000 homes and 12{space}000 people. It hired fifteen teachers. "
    "Its budget was 1.500.000 euros, or 1.5 million. It has 3 schools."
)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
@pytest.mark.parametrize(
    "quote",
    [
        "The town has [1000] homes",  # the same value, grouped by a space in the source
        "The town has [1,000] homes",
        "The town has [one thousand] homes",
        "The town has [a thousand] homes",
        "The town has 1 000 homes and [12,000] people",
        "It hired [15] teachers",  # words for digits, and digits for words
        "It hired [Fifteen] teachers",
        "Its budget was [1,500,000] euros",  # dots grouping thousands
        "Its budget was [one million five hundred thousand] euros",
        "or [1,500,000]",  # a number and its scale word
        "or [1.5 million]",
        "It has [three] schools",
        "It has [three] schools.",
    ],
)
def test_the_same_number_in_another_spelling_verifies(space: str, quote: str) -> None:
    source = build_source_text("s", "text", [SPELLED.format(space=space)])
    check = verify_quote(quote, source)
    assert check.status is Status.VERIFIED_WITH_EDITS, check
    assert check.number_change is None


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
@pytest.mark.parametrize(
    ("quote", "number"),
    [
        ("The town has [2000] homes", ("[2000]", "1{space}000")),
        ("The town has [two thousand] homes", ("[two thousand]", "1{space}000")),
        ("The town has 1 000 homes and [1,200] people", ("[1,200]", "12{space}000")),
        ("It hired [16] teachers", ("[16]", "fifteen")),
        ("It hired [fifty] teachers", ("[fifty]", "fifteen")),
        ("Its budget was [1,500] euros", ("[1,500]", "1.500.000")),
        ("or [1.5 billion]", ("[1.5 billion]", "1.5 million")),
        ("It has [two] schools", ("[two]", "3")),
    ],
)
def test_another_number_in_another_spelling_is_named(
    space: str, quote: str, number: tuple[str, str]
) -> None:
    source = build_source_text("s", "text", [SPELLED.format(space=space)])
    check = verify_quote(quote, source)
    assert check.status in (Status.PARAPHRASE, Status.NOT_FOUND), check
    # the source's text is named with its spaces as plain ones, as a message shows them
    assert check.number_change == (number[0], number[1].format(space=" "))


@pytest.mark.parametrize(
    ("gap", "inserted", "expected"),
    [
        ("15", ("fifteen",), None),
        ("fifteen", ("15",), None),
        ("3", ("two",), "two"),
        ("105", ("one hundred and five",), None),
        ("21", ("twenty-one",), None),
        ("21", ("twenty one",), None),
        ("21", ("twenty-two",), "twenty-two"),
        ("2,000,000", ("two million",), None),
        ("1 000", ("1000",), None),
        ("1\u202f000", ("1\u00a0000",), None),
        ("1 000 000", ("1000",), "1000"),
        ("1.000.000", ("1,000,000",), None),
        ("1.000.000,5", ("1000000.5",), None),
        ("1,000.5", ("1.000,5",), None),
        ("1.000", ("1000",), None),  # one group after a dot: a thousand, or one
        ("1.000", ("1",), None),
        ("zero", ("0",), None),
        ("twenty", ("20",), None),
        ("the one", ("2",), "2"),
        ("nine hundred", ("900",), None),
        ("three thousand", ("3,000",), None),
        ("seventeen", ("seventy",), "seventy"),
    ],
)
def test_changed_number_in_other_spellings(
    gap: str, inserted: tuple[str, ...], expected: str | None
) -> None:
    assert changed_number(gap, inserted) == expected


def test_check_names_a_number_in_words_an_insertion_changes(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "report.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(
        MAP.replace("Costs rose by [15]% in 2020", "It spent 1000 dollars on [two] reports"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 1, result.output
    lines = [line.split("/")[-1] for line in result.output.splitlines() if "AM001" in line]
    assert lines == [
        "map.yaml:8:16: error[AM001] quote's insertion '[two]' stands for '3', another "
        "number: not verbatim from source 'report' (quote-not-verified)"
    ], result.output
