"""Normalising looks for the runs of characters that need work with a quick search for their
first character; it must find exactly the runs that ``_RUN.finditer`` finds, but for a line
break or tab alone between plain text, which stays in the plain stretch around it."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.normalize import _RUN, _runs, normalize

PIECES = [
    *("a", "b", "Z", "1", "_", ".", "`", "-", "--", " ", "  ", "   ", "\n", "\t", "\u00a0"),
    *("\u00e9", "e\u0301", "\u0301", "\u00ad", "\u200b", "\ufb01", "\u2026", "\u201c", "\u2019"),
    *("\u2014", "\u00ab", "\ufdfa", "\u0130", "-\n", " \u0301", "\x00", "\x7f"),
]


def _pattern_runs(text: str) -> list[tuple[int, int]]:
    """The runs of the pattern, less those of one line break or tab alone."""
    spans = (m.span() for m in _RUN.finditer(text))
    return [(a, b) for a, b in spans if not (b - a == 1 and text[a] in "\n\r\t")]


@pytest.mark.parametrize("seed", range(20))
def test_runs_are_those_of_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choices(PIECES, k=rng.randint(0, 80)))
        assert list(_runs(text)) == _pattern_runs(text), repr(text)


def test_a_lone_line_break_is_no_run() -> None:
    text = "\none\ntwo\tthree \nfour\n\nfive\n \u00e9\n"
    assert [text[a:b] for a, b in _runs(text)] == [" \n", "\n\n", "\n \u00e9\n"]
    assert _pattern_runs(text) == list(_runs(text))


def test_runs_of_plain_text() -> None:
    text = "Plain words, one space apart.  Two here -- and  \u2014 a dash; caf\u00e9 \u00e9t\u00e9."
    assert list(_runs(text)) == _pattern_runs(text)
    assert [text[a:b] for a, b in _runs(text)] == [
        "  ",
        " -- ",
        "  \u2014 ",
        "\u00e9 \u00e9",
        "\u00e9",
    ]


@given(st.text(alphabet="ab\n\t\r é-“", max_size=60))
def test_a_lone_line_break_normalises_as_a_space_does(text: str) -> None:
    """A line break or tab alone between plain text is a space, character for character: the
    text with each such one written as a space normalises to the same text, with the same
    offsets back into the original (a lone break is kept inside its plain stretch)."""
    lone = re.compile(r"(?<=[ab])[\n\r\t](?=[ab])")  # between letters that need no work
    spaced = lone.sub(" ", text)
    with_breaks, with_spaces = normalize(text), normalize(spaced)
    assert with_breaks.text == with_spaces.text
    assert with_breaks.joins == with_spaces.joins
    assert with_breaks.hyphens == with_spaces.hyphens
    for k in range(len(with_breaks.text) + 1):
        assert with_breaks.offsets.start(k) == with_spaces.offsets.start(k), k
        assert with_breaks.offsets.end(k) == with_spaces.offsets.end(k), k
