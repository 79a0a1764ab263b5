"""A source that is not valid text in its encoding: the message names the byte, the line and
column where an editor shows it (lines end at LF, CRLF or a lone CR, as the source's locators
count them), and its offset in the file, byte-order mark included."""

from __future__ import annotations

import pytest

from argmap.verify import SourceError, parse_source

TEXT = "First line.\nA café, and more.\n"  # 'é' is at line 2, column 6


def message(data: bytes) -> str:
    problem = parse_source(data, "s.txt", "text")
    assert isinstance(problem, SourceError)
    return problem.message


@pytest.mark.parametrize(
    ("ending", "offset"), [("\n", 17), ("\r\n", 18), ("\r", 17)], ids=["lf", "crlf", "cr"]
)
def test_a_latin_1_byte_is_named_at_its_line_and_column(ending: str, offset: int) -> None:
    data = TEXT.replace("\n", ending).encode("latin-1")
    assert message(data) == (
        f"s.txt: not valid UTF-8 text (byte 0xe9 at line 2, column 6, offset {offset}); "
        "save the file as UTF-8"
    )


def test_the_offset_counts_the_byte_order_mark() -> None:
    data = b"\xef\xbb\xbf" + TEXT.replace("é", "e").encode() + b"\xff\n"
    assert message(data) == (
        "s.txt: not valid UTF-8 text (byte 0xff at line 3, column 1, offset 33); "
        "save the file as UTF-8"
    )


def test_a_utf_16_error_is_counted_in_characters_not_bytes() -> None:
    # '\u0a0a' holds two 0x0a bytes, which are no line feed in UTF-16
    data = b"\xff\xfe" + "ab\u0a0a\ncd".encode("utf-16-le") + b"\x00\xdc"  # a lone low surrogate
    assert message(data) == (
        "s.txt: not valid utf-16-le text (byte 0x00 at line 2, column 3, offset 14); "
        "save the file as UTF-8"
    )
