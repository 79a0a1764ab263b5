"""Large sources take the indexed paths (anchored exact search, fuzzy search in candidate
windows); they must give the answers the whole-text paths give on a small source."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from argmap.verify import SourceText, Status, build_source_text, verify_many, verify_quote
from argmap.verify.fuzzy import WHOLE_TEXT_FUZZY
from argmap.verify.index import SCAN_BELOW, PreparedSource, prepare
from argmap.verify.normalize import normalize, words

from .test_match import MONTEBELLO_QUOTE, where


def _filler(seed: int, size: int) -> str:
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        for _ in range(3000)
    ]
    paragraphs = []
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(20, 80))) + "."
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def large(montebello: SourceText) -> tuple[SourceText, int, int]:
    """The article between two long stretches of filler: (source, offset of the article,
    paragraphs before it)."""
    before = _filler(1, 60_000) + "\n\n"
    after = "\n\n" + _filler(2, 60_000)
    text = before + montebello.text + after
    assert len(text) > 4 * WHOLE_TEXT_FUZZY
    return build_source_text("large.txt", "text", [text]), len(before), before.count("\n\n")


def test_exact_quote_in_a_large_source(large: tuple[SourceText, int, int]) -> None:
    source, offset, paragraphs = large
    check = verify_quote(MONTEBELLO_QUOTE, source, locator=f"para {paragraphs + 5}")
    assert check.status is Status.VERIFIED
    assert check.location is not None
    assert (check.location.start, check.location.end) == (527 + offset, 673 + offset)
    assert check.location.paragraph == paragraphs + 5
    assert check.locator is not None
    assert check.locator.agrees is True


def test_paraphrase_in_a_large_source_matches_the_small_source(
    large: tuple[SourceText, int, int], montebello: SourceText
) -> None:
    source, offset, _ = large
    quote = "the leaders took decisive action to make the SPP more transparent"
    small, big = verify_quote(quote, montebello), verify_quote(quote, source)
    assert big.status is small.status is Status.PARAPHRASE
    assert big.similarity == small.similarity == 91.9
    assert big.passage == small.passage
    assert big.location is not None
    assert small.location is not None
    assert big.location.start == small.location.start + offset


def test_long_paraphrase_in_a_large_source(
    large: tuple[SourceText, int, int], montebello: SourceText
) -> None:
    source, offset, _ = large
    # 60 words of paragraph 12, with two words changed.
    quote = (
        "Critics like Barlow and a growing number of Canadians on the left and the right of the "
        "spectrum have looked at the SPP and assumed the worst. We don't blame them, but after "
        "looking closely at the SPP and interviewing several people involved in these "
        "negotiations, we concluded that the structural flaws of the SPP are grave, and unless "
        "they are corrected, it is likely that the SPP will end in failure."
    )
    check = verify_quote(quote, source)
    assert check.status is Status.PARAPHRASE
    assert check.similarity == 97.5
    assert where(check)[:2] == (3426 + offset, 3830 + offset)
    assert check.passage == verify_quote(quote, montebello).passage


def test_miss_in_a_large_source(large: tuple[SourceText, int, int]) -> None:
    source, _, _ = large
    check = verify_quote("Zebras migrate across the Serengeti every year.", source)
    assert check.status is Status.NOT_FOUND


def test_many_quotes_one_preparation(large: tuple[SourceText, int, int]) -> None:
    source, offset, _ = large
    quotes = [MONTEBELLO_QUOTE, "the leaders have two chances left to fix the SPP"] * 50
    checks = verify_many(quotes, source)
    assert [c.status for c in checks] == [Status.VERIFIED] * 100
    assert {where(c)[0] for c in checks} == {527 + offset, 4980 + offset}


def test_a_source_is_indexed_in_little_memory() -> None:
    """The word index of a source takes a few bytes per character, and so does building it:
    the words are not first collected in lists for the whole text (a 5 MB source took 158 MB
    to index, and kept 26 MB)."""
    joined = "well-known gov\u00adern\u00adment of inter-\nplanetary trade."
    text = _filler(3, 1_000_000) + "\n\n" + joined
    prepared = prepare(build_source_text("big.txt", "text", [text]))
    tracemalloc.start()
    try:
        index = prepared.index
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept < 2 * len(text)
    assert peak < 2 * len(text)
    assert {word: list(offsets) for word, offsets in index.items()} == _index_by_lists(prepared)
    assert [prepared.text[i : i + 5] for i in index["known"]] == ["known"]
    assert [prepared.text[i : i + 10] for i in index["government"]] == ["government"]
    assert [prepared.text[i : i + 5] for i in index["inter"]] == ["inter"]
    assert [prepared.text[i : i + 9] for i in index["planetary"]] == ["planetary"]


def _index_by_lists(prepared: PreparedSource) -> dict[str, list[int]]:
    """The word index as defined: every word of :func:`words` with its offsets, in order."""
    index: dict[str, list[int]] = {}
    for offset, word in words(prepared.text, prepared.normalized.joins):
        index.setdefault(word, []).append(offset)
    return index


def test_a_source_is_normalised_in_little_memory() -> None:
    """A text with an accent, a curly quote or a dash every few characters has a stretch of
    its offset map every few characters: the map takes a few bytes a stretch, and normalising
    does not hold a small object per stretch (it took 38 bytes per character, 65 at its peak)."""
    rng = random.Random(4)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiouéèàô"]
    vocabulary = ["".join(rng.choices(syllables, k=3)) for _ in range(3000)]
    paragraphs = [
        " ".join(rng.choices(vocabulary, k=40)) + " — « un mot » l\u2019homme.\n"
        for _ in range(3500)
    ]
    text = "\n".join(paragraphs)
    tracemalloc.start()
    try:
        normalized = normalize(text)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    stretches = len(normalized.offsets.norm_starts)
    assert stretches > len(text) // 4
    assert kept < 8 * len(text)
    assert peak < 10 * len(text)
    assert normalized.text.startswith(paragraphs[0][:40])
    passage = '-" un mot " l\'homme.'
    found = normalized.text.index(passage)
    start, end = normalized.offsets.start(found), normalized.offsets.end(found + len(passage))
    assert text[start:end] == "— « un mot » l\u2019homme."


def test_a_small_source_is_searched_without_its_word_index() -> None:
    """Below ``SCAN_BELOW`` characters ``str.find`` searches the text: an exact quote from a
    small source does not build the source's word index (5,000 sources of 2 KB, one quote
    each, spent 1.7 of 2.3 s indexing words never looked up)."""
    text = _filler(4, 3000) + "\n\nThe leaders have two chances left to fix the SPP."
    source = build_source_text("small.txt", "text", [text])
    assert len(prepare(source).text) < SCAN_BELOW
    checks = verify_many(["the leaders have two chances left to fix the SPP", "Zebras"], source)
    assert [c.status for c in checks] == [Status.VERIFIED, Status.NOT_FOUND]
    assert where(checks[0])[:2] == (len(text) - 49, len(text) - 1)
    assert "index" not in vars(prepare(source))
