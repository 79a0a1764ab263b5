"""ICCMA i23 and apx formats: exact output, round trips, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from semantics_oracle import frameworks

from argmap.semantics import (
    ArgumentationFramework,
    IccmaFormatError,
    read_apx,
    read_i23,
    write_apx,
    write_i23,
)
from argmap.semantics.iccma import apx_atom

SAMPLE = ArgumentationFramework.from_named_attacks(
    ["thesis", "2", "Barlow's objection"],
    [("Barlow's objection", "thesis"), ("2", "Barlow's objection"), ("thesis", "thesis")],
)


def test_i23_output_is_exact() -> None:
    assert write_i23(SAMPLE) == "p af 3\n# 1 thesis\n# 3 Barlow's objection\n1 1\n2 3\n3 1\n"
    assert write_i23(SAMPLE, with_names=False) == "p af 3\n1 1\n2 3\n3 1\n"


def test_apx_output_is_exact() -> None:
    assert write_apx(SAMPLE) == (
        'arg(thesis).\narg(2).\narg("Barlow\'s objection").\n'
        'att(thesis,thesis).\natt(2,"Barlow\'s objection").\natt("Barlow\'s objection",thesis).\n'
    )


@pytest.mark.parametrize(
    ("name", "atom"),
    [
        ("a1", "a1"),
        ("x_Y", "x_Y"),
        ("0", "0"),
        ("007", '"007"'),
        ("A", '"A"'),
        ("", '""'),
        ('say "no"', '"say \\"no\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines", '"two\\nlines"'),
        ("a,b).", '"a,b)."'),
    ],
)
def test_apx_atoms_are_quoted_when_needed(name: str, atom: str) -> None:
    assert apx_atom(name) == atom


def test_reading_i23_with_comments_blank_lines_and_crlf() -> None:
    text = "# a benchmark\r\np af 3\r\n# 2 second one\r\n\r\n1 2\r\n 2   3 \r\n"
    af = read_i23(text)
    assert af.names == ("1", "second one", "3")
    assert list(af.attacks()) == [(0, 1), (1, 2)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# only a comment\n", "line 1: missing the 'p af N' header"),
        ("1 2\n", "line 1: an attack before the 'p af N' header"),
        ("# nothing\n1 2\np af 2\n", "line 2: an attack before the 'p af N' header"),
        ("p af 2\n1 3\n", "line 2: argument 3 is outside 1..2"),
        ("p af 2\n0 1\n", "line 2: argument 0 is outside 1..2"),
        ("p af 2\n1 2 3\n", "line 2: expected an attack 'i j'"),
        ("p af 2\np af 2\n", "line 2: a second 'p af' header"),
        ("p bf 2\n", "line 1: expected 'p af N'"),
        ("p af 2\n# 1 x\n# 2 x\n", "line 3: arguments 1 and 2 are both named 'x'"),
        ("p af 2\n# 2 1\n", "line 2: arguments 1 and 2 are both named '1'"),
        ("p af 1\n# 5 x\n", "line 2: a name is given for argument 5, outside 1..1"),
    ],
)
def test_i23_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(IccmaFormatError) as caught:
        read_i23(text)
    assert str(caught.value).startswith(message)


def test_apx_reader_accepts_comments_spacing_and_any_order() -> None:
    text = 'att(a, "b%c"). % attacks first\narg( a ). arg("b%c").\n\n'
    af = read_apx(text)
    assert af.names == ("a", "b%c")
    assert list(af.attacks()) == [(0, 1)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("arg(a).\natt(a,b).\n", "line 2: attack names 'b', which has no arg()"),
        ("arg(a)\n", "line 1: expected arg(a). or att(a,b)."),
        ("arg(a).\nattack(a,a).\n", "line 2: expected"),
    ],
)
def test_apx_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(IccmaFormatError) as caught:
        read_apx(text)
    assert str(caught.value).startswith(message)


names = st.lists(st.text(max_size=8), unique=True, max_size=8)


@settings(max_examples=80)
@given(names, st.data())
def test_round_trips_keep_names_and_attacks(labels: list[str], data: st.DataObject) -> None:
    n = len(labels)
    pairs = (
        data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20))
        if n
        else []
    )
    af = ArgumentationFramework(labels, pairs)
    for write, read in ((write_i23, read_i23), (write_apx, read_apx)):
        text = write(af)
        again = read(text)
        assert again.names == af.names
        assert list(again.attacks()) == list(af.attacks())
        assert write(again) == text


@settings(max_examples=40)
@given(frameworks())
def test_unnamed_i23_keeps_the_structure(af: ArgumentationFramework) -> None:
    again = read_i23(write_i23(af, with_names=False))
    assert again.names == tuple(str(i + 1) for i in range(af.num_arguments))
    assert list(again.attacks()) == list(af.attacks())
