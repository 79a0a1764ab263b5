"""A source's word index is filed in C when the normalised text has no joins; it must hold
what the definition gives: each lower-cased word (as :func:`iter_words` cuts them) with its
offsets in order, the words in the order they first appear."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.index import PreparedSource, prepare
from argmap.verify.normalize import iter_words
from argmap.verify.text import build_source_text


def _defined(prepared: PreparedSource) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for offset, word in iter_words(prepared.normalized.text, prepared.normalized.joins):
        index.setdefault(word, []).append(offset)
    return index


# Letters whose lower case is longer or depends on the letters around them (İ, final Σ),
# digits, underscores, hyphens that join a word across a line break, soft hyphens.
_ALPHABET = "aAbZ\u0130\u03a3\u03c3\u00df1_ -'\n\u00ad\u2019\u00e9"


@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_the_index_holds_each_word_with_its_offsets_in_order(text: str) -> None:
    prepared = prepare(build_source_text("s.txt", "text", [text]))
    index = prepared.index
    defined = _defined(prepared)
    assert {word: list(offsets) for word, offsets in index.items()} == defined
    assert list(index) == list(defined)


def test_a_text_with_joins_and_one_without_are_indexed_alike() -> None:
    plain = prepare(build_source_text("a.txt", "text", ["The Board approved it; the board"]))
    joined = prepare(build_source_text("b.txt", "text", ["The Board ap-\nproved it; the board"]))
    assert not plain.normalized.joins
    assert joined.normalized.joins
    for prepared in (plain, joined):
        assert {w: list(o) for w, o in prepared.index.items()} == _defined(prepared)
