"""Reading a quote's omissions and insertions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.verify import QuotePart, parse_quote
from argmap.verify.negations import NEGATING_WORD
from argmap.verify.quote import adds_negation, changes_negation, negation_before


def test_plain_quote_is_one_part() -> None:
    parsed = parse_quote("  a “plain” quote ")
    assert parsed.whole == 'a "plain" quote'
    assert parsed.parts == (QuotePart('a "plain" quote', 0),)
    assert (parsed.omissions, parsed.insertions, parsed.has_edits) == (0, (), False)


@pytest.mark.parametrize("mark", ["...", "…", ". . .", "[...]", "[…]", "....", "[ ... ]"])
def test_omission_marks(mark: str) -> None:
    parsed = parse_quote(f"first part {mark} second part")
    assert [p.text for p in parsed.parts] == ["first part", "second part"]
    assert [p.max_gap for p in parsed.parts] == [0, 400]
    assert parsed.omissions == 1
    assert parsed.joined == "first part second part"


def test_insertions_are_skipped_with_a_smaller_gap() -> None:
    parsed = parse_quote(
        "[It] has looked at [the SPP] and [sic] assumed", max_gap=300, insertion_gap=50
    )
    assert [(p.text, p.max_gap) for p in parsed.parts] == [
        ("has looked at", 0),
        ("and", 50),
        ("assumed", 1),  # [sic] replaces nothing
    ]
    assert parsed.insertions == ("It", "the SPP", "sic")
    assert parsed.omissions == 0


def test_parts_carry_the_insertions_before_them() -> None:
    parsed = parse_quote("[It] has looked at [the SPP] [...] and [sic] [not] assumed")
    assert [(p.text, p.inserted) for p in parsed.parts] == [
        ("has looked at", ()),
        ("and", ("the SPP",)),
        ("assumed", ("sic", "not")),
    ]


def test_insertions_at_the_edges() -> None:
    parsed = parse_quote("[It is not true that] [...] the plan works [sic] [not]")
    assert [p.text for p in parsed.parts] == ["the plan works"]
    assert (parsed.leading, parsed.trailing) == (("It is not true that",), ("sic", "not"))
    assert parse_quote("[sic]").leading == parse_quote("[sic]").trailing == ()


@pytest.mark.parametrize(
    ("context", "inserted", "before", "adds"),
    [
        ("The mayor said. ", ("It is not true that",), True, True),
        ("The minister did not ", ("He did not",), True, False),
        ("It failed; it was never ", ("never",), True, False),
        ("not this. It ", ("never",), True, True),  # another sentence's negation
        (". Not at all", ("not",), False, True),
        (" not at all, then", ("not",), False, False),
        ("The mayor said. ", ("the mayor",), True, False),
    ],
)
def test_adds_negation(context: str, inserted: tuple[str, ...], before: bool, adds: bool) -> None:
    assert adds_negation(context, inserted, before=before) is adds


@pytest.mark.parametrize(
    ("before", "gap", "after", "inserted", "changes"),
    [
        ("d", " not ", "a", (), True),
        ("d", " not really ", "a", (), True),
        (",", " as we saw, not ", "a", (), True),
        ("d", " didn't ", "a", (), True),
        (",", " which was not popular, ", "w", (), False),
        ("d", " surely ", "a", (), False),
        ("r", " never ", "a", ("Smith",), True),
        ("r", " never ", "a", ("did not",), False),
        ("r", " didn't ", "a", ("did not",), False),
        ("r", " never ", "a", ("didn\u2019t",), False),  # an insertion is not normalised
        ("s", " ", "a", ("not",), True),
        ("s", " ", "a", ("Nobody",), True),
        ("s", " ", "a", ("sic",), False),
    ],
)
def test_changes_negation(
    before: str, gap: str, after: str, inserted: tuple[str, ...], changes: bool
) -> None:
    assert changes_negation(before, gap, after, inserted) is changes


@pytest.mark.parametrize(
    ("context", "found"),
    [
        ("the minister did not ", (17, 20)),
        ("it was never", (7, 12)),
        ("they didn\u2019t  ", (5, 11)),
        ("Nobody ", (0, 6)),
        ("it was not, ", None),  # punctuation sets the quote off
        ("not a threat, but ", None),  # the word before is "but"
        ("", None),
        (" \n ", None),
        ("a" * 100_000 + "!b not ", (100_003, 100_006)),
        ("a'" * 50_000 + ".b ", None),
    ],
)
def test_negation_before(context: str, found: tuple[int, int] | None) -> None:
    assert negation_before(context) == found


# What negation_before finds, as first written: the run of word characters and apostrophes
# that only non-word characters follow. Searched from every position, it took time quadratic
# in a long word (100 KB: 86 s), so it is only the reference for short texts here.
_REFERENCE_LAST_WORD = re.compile(r"([\w'\u2019]+)(\W*)$")


@given(st.text(alphabet=st.sampled_from("anot'\u2019 ,.!-\n\u00e9_1"), max_size=40))
def test_negation_before_finds_the_last_word(context: str) -> None:
    reference = _REFERENCE_LAST_WORD.search(context)
    found = negation_before(context)
    if reference is None or re.search(r"[,;:.!?()\[\]\"]", reference.group(2)):
        assert found is None
    elif NEGATING_WORD.fullmatch(reference.group(1)):  # the table's words, all languages
        assert found == reference.span(1)
    else:
        assert found is None


def test_bracketed_letter_starts_the_next_part() -> None:
    parsed = parse_quote("[T]he SPP, he said, [w]ould fail")
    assert [(p.text, p.max_gap) for p in parsed.parts] == [
        ("The SPP, he said,", 0),
        ("would fail", 1),
    ]
    assert parsed.insertions == ("T", "w")


def test_leading_and_trailing_omissions_leave_one_part() -> None:
    parsed = parse_quote("... the middle …")
    assert [p.text for p in parsed.parts] == ["the middle"]
    assert parsed.omissions == 2


def test_whole_keeps_marks_literally() -> None:
    assert parse_quote("wait... [sic]").whole == "wait... [sic]"


def test_quote_of_only_marks_has_no_parts() -> None:
    assert parse_quote(" … [sic] ").parts == ()


def test_parts_carry_their_joins() -> None:
    parsed = parse_quote("the continent—maybe ... more")
    assert parsed.parts[0] == QuotePart("the continentmaybe", 0, (13,))
