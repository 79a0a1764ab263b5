"""The loader: positions for every key and value, limits, encodings, and no exceptions ever."""

from __future__ import annotations

import string

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Position
from argmap.load import DEFAULT_LIMITS, Limits, load_bytes, load_text


def codes_of(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> list[tuple[str, int, int]]:
    doc = load_bytes(text.encode() if isinstance(text, str) else text, "f.yaml", limits)
    return [(d.code, d.line, d.col) for d in doc.diagnostics]


def test_positions_of_keys_and_values() -> None:
    doc = load_text("argmap: 1\nclaims:\n  a:\n    text: Hello\n    tags: [x, y]\n", "f.yaml")
    assert doc.data == {"argmap": "1", "claims": {"a": {"text": "Hello", "tags": ["x", "y"]}}}
    p = doc.positions
    assert p.key(("claims", "a")) == Position(3, 3)
    assert p.value(("claims", "a", "text")) == Position(4, 11)
    assert p.key(("claims", "a", "text")) == Position(4, 5)
    assert p.value(("claims", "a", "tags", 1)) == Position(5, 15)
    # a path the file does not have falls back to its nearest ancestor
    assert p.value(("claims", "a", "tags", 7)) == Position(5, 11)


def test_scalars_stay_text_and_only_null_becomes_none() -> None:
    doc = load_text("a: no\nb: 2008-05-01\nc: 1_000\nd: ~\ne:\nf: 'null'\n", "f.yaml")
    assert doc.data == {
        "a": "no",
        "b": "2008-05-01",
        "c": "1_000",
        "d": None,
        "e": None,
        "f": "null",
    }


def test_duplicate_key_keeps_the_first_and_reports_the_second() -> None:
    doc = load_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert doc.data == {"a": "1", "b": "2"}
    (d,) = doc.diagnostics
    assert (d.code, d.line, d.col, d.message) == ("AM107", 3, 1, "duplicate key 'a'")
    assert d.hint is not None and d.hint.startswith("first defined at line 1, column 1")


def test_merge_keys_are_applied_and_explicit_keys_win() -> None:
    doc = load_text("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert doc.data == {"base": {"x": "1", "y": "2"}, "m": {"x": "1", "y": "3"}}


def test_size_limit() -> None:
    assert codes_of("a: " + "x" * 100, Limits(max_bytes=50)) == [("AM102", 1, 1)]


def test_depth_limit_stops_without_recursion() -> None:
    assert codes_of("a: " + "[" * 500 + "]" * 500) == [("AM110", 1, 67)]
    assert codes_of("a: " + "[" * 10_000 + "]" * 10_000) == [("AM110", 1, 1003)]
    block = "a:\n" + "".join("  " * i + "- \n" for i in range(1_000))
    assert codes_of(block) == [("AM110", 65, 127)]


def test_alias_limit() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"b{i}: *a\n" for i in range(2000))
    assert codes_of(text, Limits(max_alias_nodes=100))[0][0] == "AM109"


def test_byte_order_marks() -> None:
    body = "argmap: 1\ntitle: Café\n"
    for encoded in (
        b"\xef\xbb\xbf" + body.encode("utf-8"),
        b"\xff\xfe" + body.encode("utf-16-le"),
        b"\xfe\xff" + body.encode("utf-16-be"),
    ):
        doc = load_bytes(encoded, "f.yaml")
        assert doc.diagnostics == ()
        assert doc.data == {"argmap": "1", "title": "Café"}


def test_invalid_utf8_is_located() -> None:
    assert codes_of(b"argmap: 1\nclaims:\n  a: \xff\n") == [("AM103", 3, 6)]


def test_binary_garbage_is_a_diagnostic() -> None:
    assert codes_of(bytes(range(256)))[0][0] in {"AM103", "AM104"}


def test_forbidden_tags_are_never_constructed() -> None:
    for tag in ("!!python/object/apply:os.system", "!!binary", "!!set", "!custom", "!!omap"):
        result = codes_of(f"a: {tag} [x]\n")
        assert result == [("AM108", 1, 4)], tag


def test_complex_keys_are_refused() -> None:
    assert codes_of("? [a, b]\n: c\n") == [("AM113", 1, 3)]


def test_unknown_alias_is_a_syntax_error() -> None:
    assert codes_of("a: *nothing\n")[0][0] == "AM106"


# --- properties ---------------------------------------------------------------------------------
def _check_no_crash(data: bytes) -> None:
    doc = load_bytes(data, "f.yaml")
    if doc.data is None:  # no tree means the loader said why
        assert any(d.severity.value == "error" for d in doc.diagnostics)
    for d in doc.diagnostics:
        assert d.line >= 1 and d.col >= 1 and d.code.startswith("AM")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _check_no_crash(data)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable + "äé€—“”’\t&*!|>-:[]{}#%@`", max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check_no_crash(text.encode("utf-8"))


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(yaml_values)
def test_arbitrary_yaml_loads_to_the_same_shape(value: object) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    doc = load_text(text, "f.yaml")
    reference = yaml.load(text, Loader=yaml.CSafeLoader)
    if isinstance(reference, dict) and reference:
        assert doc.data is not None
        assert set(doc.data) == {str(k) for k in reference}
    for d in doc.diagnostics:
        assert d.line >= 1 and d.col >= 1


# YAML 1.1 (libyaml) ends a line at NEL, LS and PS, where an editor shows none (argmap.lines).
# Outside a text, what follows one on the editor's line was read as a line of its own: a
# comment, to the eye, held a live key ('rebuts: a' below), and 'title: T<LS>question: Q' was
# two keys on one line.
ODD_BREAKS = [
    ("\x85", "U+0085 NEXT LINE (NEL)", "\\N"),
    ("\u2028", "U+2028 LINE SEPARATOR", "\\L"),
    ("\u2029", "U+2029 PARAGRAPH SEPARATOR", "\\P"),
]


def _odd_break_error(name: str) -> str:
    return (
        f"{name} ends a line in YAML but not in an editor: "
        "the rest of the line is read as a line of its own"
    )


@pytest.mark.parametrize(("odd", "name", "escape"), ODD_BREAKS)
@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("argmap: 1\nclaims:\n  b:\n    text: B.  # reviewed{odd}    rebuts: a\n", 4, 25),
        ("argmap: 1\ntitle: T{odd}question: Q\n", 2, 9),
        ("argmap: 1{odd}\n", 1, 10),
        ("# a comment{odd}\nargmap: 1\n", 1, 12),
        ("argmap: 1\nclaims: {{a: {{text: A.}}{odd}}}\n", 2, 23),
    ],
    ids=["comment-hides-a-key", "two-keys-on-a-line", "line-end", "comment", "flow"],
)
def test_an_odd_break_outside_a_text_is_refused_where_it_stands(
    odd: str, name: str, escape: str, text: str, line: int, col: int
) -> None:
    doc = load_text(text.format(odd=odd), "m.yaml")
    assert doc.data is None
    assert [(d.code, d.line, d.col, d.message, d.hint) for d in doc.diagnostics] == [
        (
            "AM106",
            line,
            col,
            _odd_break_error(name),
            f"remove it; inside double quotes, write it as {escape}",
        )
    ]


@pytest.mark.parametrize(("odd", "name", "escape"), ODD_BREAKS)
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('argmap: 1\ntitle: "a{odd}b"\n', "title"),
        ("argmap: 1\ntitle: 'a{odd}b'\n", "title"),
        ("argmap: 1\ntitle: a{odd}    b\n", "title"),
        ("argmap: 1\ntitle: |\n  a{odd}  b\nquestion: Q\n", "title"),
        ("argmap: 1\ntitle: >\n  a{odd}\n  b\nquestion: Q\n", "title"),
    ],
    ids=["double-quoted", "single-quoted", "plain", "literal", "folded"],
)
def test_an_odd_break_inside_a_text_is_the_texts(
    odd: str, name: str, escape: str, text: str, key: str
) -> None:
    doc = load_text(text.format(odd=odd), "m.yaml")
    assert doc.diagnostics == ()
    assert doc.data is not None and key.format(odd=odd) in doc.data


@pytest.mark.parametrize(("odd", "name", "escape"), ODD_BREAKS)
@pytest.mark.parametrize(
    ("text", "error", "found"),
    [
        (
            "argmap: 1\nclaims:\n  a:\n    text: A.{odd} B\n",
            (4, 15, "did not find expected key"),
            (4, 13),
        ),
        (
            "argmap: 1\ntitle: |\n  a{odd}b\nquestion: Q\n",
            (4, 1, "could not find expected ':'"),
            (3, 4),
        ),
        ('argmap: 1\n"ti{odd}tle": T\n', (2, 9, "could not find expected ':'"), (2, 4)),
    ],
    ids=["plain", "literal", "quoted-key"],
)
def test_a_syntax_error_after_an_odd_break_names_it(
    odd: str,
    name: str,
    escape: str,
    text: str,
    error: tuple[int, int, str],
    found: tuple[int, int],
) -> None:
    """'text: A.<LS> B' was 'did not find expected key' at B, on a line that looks right."""
    doc = load_text(text.format(odd=odd), "m.yaml")
    line, col, problem = error
    assert [(d.code, d.line, d.col, d.message, d.hint) for d in doc.diagnostics] == [
        (
            "AM106",
            line,
            col,
            f"YAML syntax error: {problem}",
            f"line {found[0]}, column {found[1]} holds {name}, which YAML reads as a line end "
            "where an editor shows none: remove it",
        )
    ]


def test_a_syntax_error_in_a_text_is_not_blamed_on_its_odd_break() -> None:
    doc = load_text('argmap: 1\ntitle: "a\u2028b\n', "m.yaml")
    assert [(d.code, d.line, d.col, d.hint) for d in doc.diagnostics] == [
        ("AM106", 3, 1, "while scanning a quoted scalar at line 2, column 8")
    ]


# A column counts characters (code points), as docs/format.md says: an emoji (two UTF-16
# units, which VS Code counts) is one, a combining accent one of its own, a tab one.
@pytest.mark.parametrize(
    ("before", "col"),
    [("\U0001f600\U0001f600", 26), ("e\u0301e\u0301", 28), ("\t", 25), ("\u00e9\u00e9", 26)],
    ids=["astral", "combining", "tab", "precomposed"],
)
def test_columns_count_code_points(before: str, col: int) -> None:
    doc = load_text(f'argmap: 1\nclaims: {{a: {{text: "{before}", bogus: 1}}}}\n', "m.yaml")
    assert doc.positions.key(("claims", "a", "bogus")) == Position(2, col)
    odd = load_text(f'argmap: 1\nclaims: {{a: {{text: "{before}\u2028", x: 1}}}}\n', "m.yaml")
    assert odd.positions.key(("claims", "a", "x")) == Position(2, col + 1)  # libyaml's index


# A key brought in by a merge ('<<: *d') stands where the '<<' does: its findings pointed at
# the first key of the mapping it joined, a line that has nothing to do with them.
@pytest.mark.parametrize(
    "merge",
    ["<<: *d", "<<: [*d]", "<<: {colour: red, supports: [x]}"],
    ids=["alias", "list", "inline"],
)
def test_a_merged_key_stands_at_the_merge(merge: str) -> None:
    text = (
        "argmap: 1\nclaims:\n  a: &d {colour: red, supports: [x]}\n"
        f"  b:\n    text: B.\n    kind: premise\n    {merge}\n"
    )
    doc = load_text(text, "m.yaml")
    assert doc.data is not None
    assert doc.data["claims"]["b"]["colour"] == "red"
    for path in (("claims", "b", "colour"), ("claims", "b", "supports")):
        assert doc.positions.key(path) == Position(7, 5)
        assert doc.positions.value(path) == Position(7, 5)
    assert doc.positions.value(("claims", "b", "supports", 0)) == Position(7, 5)
    assert doc.positions.key(("claims", "b", "text")) == Position(5, 5)  # its own keys stay


def test_a_key_written_over_a_merged_one_keeps_its_place() -> None:
    text = "argmap: 1\nclaims:\n  a: &d {text: A.}\n  b:\n    <<: *d\n    text: B.\n"
    doc = load_text(text, "m.yaml")
    assert doc.data is not None and doc.data["claims"]["b"]["text"] == "B."
    assert doc.positions.key(("claims", "b", "text")) == Position(6, 5)
