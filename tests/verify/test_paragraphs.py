"""Paragraphs are blocks of non-blank lines (``docs/format.md``); one pattern finds them. It
must find exactly the blocks the plain definition gives, line by line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.lines import LINE_BREAK
from argmap.verify.text import (
    Span,
    _bisect_spans,
    build_source_text,
    line_starts,
    paragraph_spans,
    paragraph_starts,
)


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


@given(st.text(alphabet=ALPHABET, max_size=80))
def test_lines_begin_where_the_definition_says(text: str) -> None:
    # A text without a CR is cut at its LFs and its lines' lengths summed; the definition:
    # line 1 at 0, every other after a CRLF, a lone CR or an LF.
    assert line_starts(text) == (0, *(m.end() for m in LINE_BREAK.finditer(text)))


@given(st.text(alphabet=ALPHABET.replace("\r", ""), max_size=80))
def test_lines_of_a_text_without_cr_begin_where_the_definition_says(text: str) -> None:
    assert line_starts(text) == (0, *(m.end() for m in LINE_BREAK.finditer(text)))


def test_lines_of_texts_that_end_with_and_without_a_line_break() -> None:
    assert line_starts("") == (0,)
    assert line_starts("a") == (0,)
    assert line_starts("a\n") == (0, 2)
    assert line_starts("\n\nab\nc") == (0, 1, 2, 5)


@given(st.text(alphabet=ALPHABET, max_size=80), st.integers(min_value=-2, max_value=90))
def test_the_paragraph_of_an_offset_is_found_from_the_starts_alone(text: str, at: int) -> None:
    # The verifier keeps where paragraphs begin (an array), not a Span for each.
    assert list(paragraph_starts(text)) == [span.start for span in paragraph_spans(text)]
    source = build_source_text("s.txt", "text", [text])
    assert source.paragraphs == paragraph_spans(text)
    assert source.paragraph_at(at) == _bisect_spans(source.paragraphs, at)
