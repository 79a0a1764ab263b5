"""Counts in messages read the same everywhere: one helper words them."""

from __future__ import annotations

import pytest

from argmap.wording import counted


@pytest.mark.parametrize(
    ("number", "noun", "words"),
    [
        (0, "claim", "0 claims"),
        (1, "claim", "1 claim"),
        (2, "support", "2 supports"),
        (20_000, "claim", "20,000 claims"),
        (1_234_567, "inference junction", "1,234,567 inference junctions"),
    ],
)
def test_counted(number: int, noun: str, words: str) -> None:
    assert counted(number, noun) == words
