"""A Persian quote typed with a space where its source has a zero-width non-joiner (ZWNJ),
or with nothing there: ``می خواهم`` and ``میخواهم`` for ``می‌خواهم``. Between two letters of a
joining script (Arabic, Persian, Urdu, Syriac...) a space, a ZWNJ and nothing are the same
when quotes are matched: keyboards without a ZWNJ key type a space, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verify import Status, verify_quote
from argmap.verify.normalize import normalize
from argmap.verify.text import build_source_text

ZWNJ = "\u200c"
# "I want to read these books." with a ZWNJ in می‌خواهم and in کتاب‌ها
SOURCE = f"من می{ZWNJ}خواهم این کتاب{ZWNJ}ها را بخوانم."


def _check(source: str, quote: str):  # type: ignore[no-untyped-def]
    return verify_quote(quote, build_source_text("s", "text", [source]))


@pytest.mark.parametrize(
    ("quote", "span"),
    [
        ("می خواهم", (3, 11)),  # a space for the ZWNJ
        (f"می{ZWNJ}خواهم", (3, 11)),  # as the source writes it
        ("میخواهم", (3, 11)),  # nothing for it
        ("کتاب ها را", (16, 26)),
        ("من می خواهم این کتاب ها را بخوانم", (0, 33)),
        ("من میخواهم این کتابها را بخوانم", (0, 33)),
    ],
)
def test_a_space_or_nothing_for_a_zwnj_verifies(quote: str, span: tuple[int, int]) -> None:
    check = _check(SOURCE, quote)
    assert check.status is Status.VERIFIED, check
    assert check.location is not None
    assert (check.location.start, check.location.end) == span
    assert (check.location.column, check.location.end_column) == (span[0] + 1, span[1])


@pytest.mark.parametrize("quote", [f"می{ZWNJ}خواهم", "میخواهم", f"کتاب{ZWNJ}ها را"])
def test_a_zwnj_or_nothing_for_a_space_verifies(quote: str) -> None:
    source = SOURCE.replace(ZWNJ, " ")
    check = _check(source, quote)
    assert check.status is Status.VERIFIED, check


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        (SOURCE, "خواهم"),  # the ZWNJ joins the parts of one word: no quote starts there
        (SOURCE, "من می"),
        ("the plan a b works", "the plan ab works"),  # Latin letters: a space is a space
        ("Iran ایران", "Iranایران"),  # one side only a joining letter
        ("سال ۱۴۰۲ بود", "سال۱۴۰۲ بود"),  # a digit is no letter
    ],
)
def test_other_spaces_still_count(source: str, quote: str) -> None:
    check = _check(source, quote)
    assert check.status is not Status.VERIFIED, check


def test_the_space_dropped_is_a_word_boundary() -> None:
    normalized = normalize("من می خواهم")
    assert normalized.text == "منمیخواهم"
    assert normalized.joins == (2, 4)


def test_harakat_before_the_space_count_as_the_letter() -> None:
    source = "كَتَبَ الولدُ الدرسَ"  # Arabic with its vowel marks
    check = _check(source, "كَتَبَالولدُ")
    assert check.status is Status.VERIFIED, check


MAP = """\
argmap: 1
sources:
  book: {title: Book, file: book.txt}
claims:
  want:
    text: He wants to read the books.
    kind: thesis
    evidence:
      - quote: من می خواهم این کتاب ها را بخوانم
        source: book
"""


def test_check_verifies_a_quote_typed_with_spaces(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "book.txt").write_text(SOURCE + "\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 supported; 1 of 1 quote verified" in result.output, result.output
    assert "AM001" not in result.output and "AM016" not in result.output, result.output
