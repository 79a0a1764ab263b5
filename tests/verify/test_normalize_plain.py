"""Normalising folds a short run once for each context it is met in, a long run in pieces cut
before its quotation marks and some of its dashes, dashes in a row as two tokens, and a unit
(a run and the plain text after it) repeated as it folded the one before: the result must be
exactly that of folding every run whole, a token for each character (the plain definition,
written out below), the map back to the original stretch for stretch."""

from __future__ import annotations

import random
import unicodedata
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.normalize import (
    _MAX_UNIT,
    _NEEDS_WORK,
    _REMEMBERED_RUNS,
    Normalized,
    _Builder,
    _is_mark,
    _runs,
    normalize,
)

PIECES = [
    *("a", "b", "Z", "1", "9", "_", ".", "`", "-", "--", " ", "  ", "\n", "\n\n", "\t", "\u00a0"),
    *("\u00e9", "e\u0301", "\u0301", "\u00ad", "\u00ad\n", "\u200b", "\u200b\u200b", "\ufb01"),
    *("\u2026", "\u201c", "\u2019", "\u2014", "\u2013", "\u00ab", "\u0130", "-\n", " \u0301"),
    *("\x00", "\x7f", "\u00b2", "\u2082", "\u00bd", "\u2044", "\u3000", "\u4e2d", "'", '"'),
    *("\u2212", "\u2010", "\\", "*", "<!--", "\u200b`", "\u200ba", "\u200b-", "x\u2019 "),
    *("- ", "-\t", "\u2014\u200b", "\u200b\n", "-\n", "\ue001", "\ue000\u0301", "1\ue001"),
    # letters of a joining script, a space between two of which is a join
    *("\u0628", "\u0645\u06cc", "\u0628 ", " \u0628", "\u064e", "\u200c", "\u0661", "\u060c"),
]


def plain_normalize(text: str) -> Normalized:
    """Every run folded whole, token by token."""
    builder = _Builder(text)
    pos = 0
    for start, end in _runs(text):
        if start > pos and _is_mark(text[start]):
            start -= 1
        builder.copy(pos, start)
        chunk = text[start:end]
        if _NEEDS_WORK.search(chunk) is None and unicodedata.is_normalized("NFKC", chunk):
            builder._copy_joining(start, end)  # the spaces between joining letters dropped
        elif chunk.isspace():
            builder.emit(" ", start, end, linear=False)
        else:
            builder._fold(builder._tokens(start, end, dashes_together=False), end)
        pos = end
    builder.copy(pos, len(text))
    return builder.result()


def _same(text: str) -> None:
    assert normalize(text) == plain_normalize(text), repr(text)


@pytest.mark.parametrize("seed", range(30))
def test_normalising_is_folding_every_run_whole(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        pieces = rng.sample(PIECES, rng.randint(1, 8))  # few kinds: runs repeat, long runs
        _same("".join(rng.choices(pieces, k=rng.randint(0, 120))))


@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_any_text_normalises_as_every_run_folded_whole(pieces: list[str]) -> None:
    _same("".join(pieces))


@pytest.mark.parametrize(
    "text",
    [
        "\u200b`" * 50,  # an escaped backtick in Markdown, repeated: one long run
        "\u2019 " * 50 + "a",
        "a" + "\u2014\u2019" * 20 + "b",
        "1" + "\u00b2\u2019" * 20,
        "<!--" * 50,
        "\u200ba" * 50,
        "x\u00ad\n\u2019" * 10 + "y",
        "\u200b-" * 50 + "a",  # an escaped dash in Markdown, repeated
        "a" + "- " * 30 + "b",
        "a" + "-\u200b" * 30 + "-b",
        "a" + "-\n- " * 20 + "b",
        "\u200b\n" * 50,  # a heading's marker, hidden, on every line
        "\u200b\u00ad\n" * 30 + "a",
        "\u2014\u200b-\u2019" * 20,
        "a" + "-" * 40 + "b",
        "a" + "\u2010" * 40 + "\n b",
        "a" + "-- " * 20 + "b",
        "\n" + "- -\n " * 20,
        "a" + "\ue001" * 40 + "b",  # struck-out words, in a row
        "\ue001\u200b" * 30,
    ],
)
def test_repeated_runs(text: str) -> None:
    _same(text)


# --- the guards of the repeat machinery ---------------------------------------------------
# A unit (or a piece of a long run) longer than _MAX_UNIT is not looked for repeated, and the
# memo of short runs stops growing at _REMEMBERED_RUNS contexts. Random pieces of a few
# characters never make a unit of 256, nor 10,000 contexts: the strategies below do.

# What may stand in a run, one character each (the run a unit begins with, or a piece's body).
_RUN_CHARS = "\u00e9\u4e2d\u200b\u0301 \u00ad\u2014\u00b2"


@given(
    st.sampled_from(PIECES),
    st.sampled_from([p for p in PIECES if _NEEDS_WORK.search(p) or not p.isascii()]),
    st.integers(min_value=_MAX_UNIT - 8, max_value=_MAX_UNIT + 8),
    st.integers(min_value=2, max_value=5),
    st.sampled_from(PIECES),
)
def test_units_about_as_long_as_the_longest_looked_for(
    before: str, run: str, length: int, times: int, after: str
) -> None:
    """A run and the plain text after it, some 256 characters in all, over and over: units
    just short enough are copied as the one before them was folded, longer ones folded each,
    both as if every run had been folded whole."""
    plain = ("ab." * length)[: max(length - len(run), 1)]
    _same(before + (run + plain) * times + after)


@given(
    st.sampled_from(["a", "1", "\u00e9 ", "\u2014"]),
    st.sampled_from(["\u201c", "\u2019", "\ue001"]),
    st.text(alphabet=_RUN_CHARS, min_size=1, max_size=4),
    st.integers(min_value=_MAX_UNIT - 8, max_value=_MAX_UNIT + 8),
    st.integers(min_value=2, max_value=5),
)
def test_pieces_of_a_long_run_about_as_long_as_the_longest_looked_for(
    before: str, cut: str, body: str, length: int, times: int
) -> None:
    """One long run cut (before a quotation mark or a private-use character) into pieces of
    some 256 characters, the same over and over."""
    piece = cut + (body * length)[: length - 1]
    _same(before + piece * times + "b")


@given(st.integers(min_value=0, max_value=3), st.lists(st.sampled_from(PIECES), max_size=80))
def test_short_runs_once_the_memo_is_full(remembered: int, pieces: list[str]) -> None:
    """Once _REMEMBERED_RUNS contexts are remembered, the short runs met in others are folded
    each time, as they would have been the first time."""
    with patch("argmap.verify.normalize._REMEMBERED_RUNS", remembered):
        _same("".join(pieces))


def test_the_memo_of_short_runs_stops_growing() -> None:
    """A source of more distinct short runs than are remembered (ten thousand and more)
    normalises as every run folded whole, and remembers no more than _REMEMBERED_RUNS."""
    runs = [f"{chr(0x4E00 + k // 100)}\u2019{chr(0x4E00 + k % 100)}" for k in range(12_000)]
    text = " x ".join(runs)
    remembered: list[int] = []
    fold_short = _Builder._fold_short

    def spy(builder: _Builder, start: int, end: int) -> None:
        fold_short(builder, start, end)
        remembered.append(len(builder.folded))

    with patch.object(_Builder, "_fold_short", spy):
        normalized = normalize(text)
    assert max(remembered) == _REMEMBERED_RUNS
    assert normalized == plain_normalize(text)
