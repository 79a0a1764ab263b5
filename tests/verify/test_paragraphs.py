"""Paragraphs are blocks of non-blank lines (``docs/format.md``); one pattern finds them. It
must find exactly the blocks the plain definition gives, line by line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.text import Span, line_starts, paragraph_spans


def _by_lines(text: str) -> tuple[Span, ...]:
    """The definition, written out: a line is blank when it holds only whitespace; a block
    runs from its first line's start to its last line's end, without the line break."""
    starts = line_starts(text)
    spans: list[Span] = []
    block_start: int | None = None
    block_end = 0
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        line = text[start:end]
        if line.strip():
            if block_start is None:
                block_start = start
            block_end = start + len(line.rstrip("\r\n"))
        elif block_start is not None:
            spans.append(Span(block_start, block_end))
            block_start = None
    if block_start is not None:
        spans.append(Span(block_start, block_end))
    return tuple(spans)


# Line breaks, whitespace that is not one (a tab, VT, FF, U+2028, NEL, a no-break space), and text.
ALPHABET = "ab \t\r\n\x0b\x0c\x1c\x85\u2028\u00a0."


@given(st.text(alphabet=ALPHABET, max_size=80))
def test_paragraphs_are_those_of_the_definition(text: str) -> None:
    assert paragraph_spans(text) == _by_lines(text)


def test_paragraphs_of_a_text() -> None:
    text = "One\r\nline two \n\n \t\nThree\rfour\r\n\r\n\u2028\nfive"
    assert [text[s.start : s.end] for s in paragraph_spans(text)] == [
        "One\r\nline two ",
        "Three\rfour",
        "five",
    ]


def test_a_block_of_many_lines_is_one_paragraph() -> None:
    text = "word\n" * 200_000 + "\n" + "last"
    assert paragraph_spans(text) == (
        Span(0, len("word\n") * 200_000 - 1),
        Span(len(text) - 4, len(text)),
    )
