"""Normalisation: what is unified, and the map back to the original offsets."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.verify import normalize
from argmap.verify.normalize import is_boundary, is_word_char, words


@pytest.mark.parametrize(
    ("original", "normalized"),
    [
        (
            "“double” ‘single’ „low‟ «guillemets» it’s",
            '"double" \'single\' "low" "guillemets" it\'s',
        ),
        ("2′ 3″ `tick´", "2' 3\" 'tick'"),
        ("a\u2010b c\u2011d e\u2012f", "ab cd ef"),
        ("continent—maybe", "continentmaybe"),
        ("continent -- maybe", "continentmaybe"),
        ("continent – maybe", "continentmaybe"),
        ("1994–1995 and −5", "1994-1995 and-5"),  # spaces before a dash go with it
        ("COVID-19", "COVID-19"),
        ("gov-\nernment", "government"),
        ("gov-\n   ernment", "government"),
        ("inter-\nplanetary and inter-planetary", "interplanetary and interplanetary"),
        ("wait…", "wait..."),
        ("a  b\t\tc\n\nd\u00a0e\u2003f", "a b c d e f"),
        ("ex\u00adtra\u00adordinary", "extraordinary"),
        ("inter\u00ad\nnational", "international"),
        ("zero\u200bwidth\u200djoin\ufeff", "zerowidthjoin"),
        ("ﬁne ﬂow", "fine flow"),
        ("Ｆｕｌｌ width", "Full width"),
        ("\uff02full width\uff02 it\uff07s", '"full width" it\'s'),  # NFKC makes them quotes
        ("e\u0301te\u0301", "été"),
        ("bell\x07here", "bell here"),
        ("text\n- item", "text -item"),
        ("", ""),
    ],
)
def test_what_is_unified(original: str, normalized: str) -> None:
    assert normalize(original).text == normalized


def test_case_is_kept() -> None:
    assert normalize("The SPP").text == "The SPP"


def test_joins_are_word_boundaries() -> None:
    result = normalize("continent—maybe gov-\nernment")
    assert result.text == "continentmaybe government"
    assert result.joins == (9, 18)
    assert is_boundary(result.text, 9, result.joins)
    assert not is_boundary(result.text, 8, result.joins)
    assert words(result.text, result.joins) == [
        (0, "continent"),
        (9, "maybe"),
        (15, "gov"),
        (18, "ernment"),
    ]


def test_offsets_of_a_hyphenated_word() -> None:
    original = "The gov-\nernment said"
    result = normalize(original)
    start = result.text.index("government")
    end = start + len("government")
    assert (result.offsets.start(start), result.offsets.end(end)) == (4, 16)
    assert original[4:16] == "gov-\nernment"


def test_offsets_of_collapsed_whitespace_and_ellipsis() -> None:
    original = "one \n\t two… three"
    result = normalize(original)
    assert result.text == "one two... three"
    assert result.offsets.start(3) == 3  # the space stands for " \n\t "
    assert result.offsets.end(4) == 7
    assert result.offsets.start(7) == 10  # "..." maps to "…" as a whole
    assert result.offsets.end(8) == 11
    assert result.offsets.end(10) == 11


def test_linear_stretches_map_one_to_one() -> None:
    original = "it’s fine"
    result = normalize(original)
    assert [result.offsets.start(i) for i in range(len(result.text))] == list(range(9))


_TRICKY = st.sampled_from(
    [
        *"‘’“”«»′″—–‐−-…\u00ad\u00a0\u200b\u200d\ufeff\n\r\t ﬁＡé\u0301\x07",
        *["--", " - ", "-\n", "\r\n", "e\u0301"],
    ]
)
_TEXT = st.lists(st.one_of(st.text(max_size=6), _TRICKY), max_size=30).map("".join)


@given(_TEXT)
def test_offset_map_lands_inside_the_original(original: str) -> None:
    result = normalize(original)
    offsets = result.offsets
    previous = 0
    for i, ch in enumerate(result.text):
        start, end = offsets.start(i), offsets.end(i + 1)
        assert 0 <= start < end <= len(original)
        assert start >= previous  # monotonic
        previous = start
        if is_word_char(ch):
            # Every letter of the normalised text comes from the original stretch it maps to.
            assert ch in unicodedata.normalize("NFKC", original[start:end])
    assert all(0 < j <= len(result.text) for j in result.joins)


@given(_TEXT)
def test_normalisation_removes_what_it_unifies(original: str) -> None:
    result = normalize(original).text
    assert "  " not in result
    assert not set(result) & set("‘’“”«»—–‐−…\u00ad\u00a0\u200b\u200d\ufeff\n\r\t")


@pytest.mark.parametrize(
    ("original", "normalized"),
    [
        ("10\u2076 t", "10^6 t"),
        ("10\u207b\u00b3 m", "10^-3 m"),
        ("10\u2082", "10_2"),
        ("x\u00b2 and CO\u2082", "x2 and CO2"),  # not after a digit: as NFKC reads it
        ("works\u00b9 well", "works1 well"),
    ],
)
def test_a_superscript_after_a_digit_is_an_exponent(original: str, normalized: str) -> None:
    result = normalize(original)
    assert result.text == normalized
    assert result.offsets.start(len(normalized)) == len(original)


@pytest.mark.parametrize(
    ("original", "normalized"),
    [
        ("by 1\u00bd percent", "by 1 1/2 percent"),
        ("3\u00be and \u2153", "3 3/4 and 1/3"),
        ("1\u20442", "1/2"),  # a fraction slash typed between digits
    ],
)
def test_a_vulgar_fraction_after_a_digit_stands_apart(original: str, normalized: str) -> None:
    result = normalize(original)
    assert result.text == normalized
    assert result.offsets.start(len(normalized)) == len(original)
