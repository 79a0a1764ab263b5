"""Properties of the whole check: any stretch of a source, quoted as it stands, is verified at
exactly the place it was taken from."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from argmap.verify import Status, build_source_text, verify_quote

# Every word starts with "X" and has no other capital: two words glued by a dropped dash
# ("Xab—Xcd" → "XabXcd") never spell a third, so each word sequence occurs once. A hyphen
# ("Xab-\nXcd") would make one word of two: the dashes here are set off, or em dashes.
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvw", min_size=1, max_size=7).map("X".__add__)
_SEPARATORS = st.sampled_from(
    [
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ", ",
        " — ",
        "—",
        "—\n",
        " -\n",
        "\u00a0",
        " “",
        "” ",
        " … ",
        "’s ",
    ]
)


@st.composite
def sources_and_slices(draw: st.DrawFn) -> tuple[str, int, int]:
    words = draw(st.lists(_WORD, min_size=1, max_size=40, unique=True))
    separators = [draw(_SEPARATORS) for _ in words[1:]]
    raw = words[0]
    starts, ends = [0], [len(words[0])]
    for word, separator in zip(words[1:], separators, strict=True):
        raw += separator
        starts.append(len(raw))
        raw += word
        ends.append(len(raw))
    first = draw(st.integers(0, len(words) - 1))
    last = draw(st.integers(first, len(words) - 1))
    return raw, starts[first], ends[last]


@given(sources_and_slices())
def test_any_slice_at_word_boundaries_is_verified_where_it_stands(
    case: tuple[str, int, int],
) -> None:
    raw, start, end = case
    source = build_source_text("generated.txt", "text", [raw])
    check = verify_quote(raw[start:end], source)
    assert check.status is Status.VERIFIED
    assert check.occurrences == 1
    loc = check.location
    assert loc is not None
    assert (loc.start, loc.end) == (start, end)
    assert loc.line == raw.count("\n", 0, start) + 1
    assert loc.column == start - (raw.rfind("\n", 0, start) + 1) + 1
    assert loc.paragraph == raw.count("\n\n", 0, start) + 1
    assert check.passage == raw[start:end]


@given(sources_and_slices(), st.sampled_from(["para", "line", "page"]))
def test_a_wrong_locator_is_corrected_to_one_that_agrees(
    case: tuple[str, int, int], keyword: str
) -> None:
    raw, start, end = case
    source = build_source_text("generated.txt", "text", [raw])
    check = verify_quote(raw[start:end], source, locator=f"{keyword} 999")
    assert check.locator is not None
    assert check.locator.agrees is False
    assert check.locator.expected is not None
    again = verify_quote(raw[start:end], source, locator=check.locator.expected)
    assert again.locator is not None
    assert again.locator.agrees is True


_ANY_TEXT = st.lists(
    st.one_of(
        st.text(max_size=8),
        st.sampled_from(["...", "…", "[", "]", "[sic]", "—", "-\n", "\n\n", "“", "’", "\u00ad"]),
    ),
    max_size=20,
).map("".join)


@given(_ANY_TEXT, _ANY_TEXT, st.one_of(st.none(), st.text(max_size=12)))
@example(quote="1", raw=" 000000000", locator=None)  # closest passage: the space; was -1.0
def test_any_quote_against_any_source_gives_a_consistent_answer(
    quote: str, raw: str, locator: str | None
) -> None:
    source = build_source_text("any.txt", "text", [raw])
    check = verify_quote(quote, source, locator=locator)
    assert 0.0 <= check.similarity <= 100.0
    if check.location is not None:
        assert 0 <= check.location.start <= check.location.end <= len(raw)
        assert check.passage is not None
    if check.verified:
        assert check.similarity == 100.0
        assert check.occurrences >= 1
        assert all(
            check.location is not None and check.location.start <= s.start <= s.end
            for s in check.spans
        )
    else:
        assert check.occurrences == 0
    assert (check.locator is None) == (locator is None)


# Texts of few, short words in both cases, so that a needle and its case-swapped twin both
# occur, often, inside words too.
_SMALL_WORDS = st.lists(
    st.sampled_from(["ab", "Ab", "ba", "aba", "Aba", "b", "a", "bab", "ab-ba", "1,5", "-2"]),
    min_size=1,
    max_size=60,
)


@given(
    words=_SMALL_WORDS,
    needle_words=st.lists(
        st.sampled_from(["ab", "Ab", "ba", "aba", "a", "b"]), min_size=1, max_size=3
    ),
    flexible=st.booleans(),
    bounds=st.tuples(st.integers(0, 400), st.integers(0, 400)),
)
def test_anchored_find_gives_every_bounded_occurrence_in_order(
    words: list[str], needle_words: list[str], flexible: bool, bounds: tuple[int, int]
) -> None:
    """Against the plain definition: each start in [lo, hi) where the needle (or, with a free
    first letter, its case-swapped twin) stands between word boundaries."""
    from argmap.verify.index import _variants, anchored_find, prepare

    prepared = prepare(build_source_text("s.txt", "text", [" ".join(words)]))
    text = prepared.text
    needle = " ".join(needle_words)
    lo, hi = min(bounds), min(max(bounds), len(text))
    variants = _variants(needle, flexible)
    expected = [
        start
        for start in range(lo, hi - len(needle) + 1)
        if any(text.startswith(v, start) for v in variants)
        and prepared.boundary(start)
        and prepared.boundary(start + len(needle))
    ]
    found = anchored_find(prepared, needle, (), flexible_case=flexible, lo=lo, hi=hi)
    assert list(found) == expected
