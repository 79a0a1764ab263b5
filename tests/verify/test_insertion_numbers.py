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
        "It spent 1000 dollars on [three] reports",  # words are not read as numbers
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
