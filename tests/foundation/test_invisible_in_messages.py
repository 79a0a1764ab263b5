"""A key or value that a message quotes, with a character that shows as nothing or as a plain
space: a zero-width space or a byte-order mark pasted into an id, a no-break space where the
indentation should be. The message said ``'a' is not a valid claim identifier`` about what the
reader sees as a valid ``a``, and ``unknown key '  a'`` about what looks like an indented key;
such characters are now shown as escapes, as the terminal already shows bidirectional ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.pipeline import load_map


def _found(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    return [(d.line, d.col, d.code, d.message) for d in load_map(path).diagnostics]


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\ufeff", "\\ufeff"),
        ("\u200b", "\\u200b"),
        ("\u00ad", "\\u00ad"),
        ("\u00a0", "\\u00a0"),
        ("\u3000", "\\u3000"),
    ],
    ids=["bom", "zero-width-space", "soft-hyphen", "no-break-space", "ideographic-space"],
)
def test_an_invisible_character_in_an_id_is_shown(tmp_path: Path, char: str, shown: str) -> None:
    found = _found(tmp_path, f"argmap: 1\nclaims:\n  {char}a: {{text: A.}}\n")
    assert found == [(3, 3, "AM206", f"'{shown}a' is not a valid claim identifier")]


def test_a_no_break_space_before_a_key_is_shown(tmp_path: Path) -> None:
    found = _found(tmp_path, "argmap: 1\nclaims:\n\u00a0 a: {text: A.}\n")
    assert (3, 1, "AM201", "unknown key '\\u00a0 a' in the top level") in found


def test_an_invisible_character_in_a_value_is_shown(tmp_path: Path) -> None:
    found = _found(tmp_path, "argmap: 1\nclaims:\n  a: {text: A., kind: \u200bthesis}\n")
    assert found == [
        (
            3,
            23,
            "AM204",
            "claim 'a', 'kind': '\\u200bthesis' is not one of thesis, claim, premise, "
            "assumption, counterclaim",
        )
    ]


def test_visible_text_is_shown_as_it_is(tmp_path: Path) -> None:
    found = _found(tmp_path, "argmap: 1\nclaims:\n  café: {text: A.}\n  b: {text: B., x: 1}\n")
    assert [m for *_, m in found] == [
        "'café' is not a valid claim identifier",
        "unknown key 'x' in claim 'b'",
    ]


def test_an_invisible_character_in_the_id_of_an_element_a_message_names_is_shown(
    tmp_path: Path,
) -> None:
    found = _found(tmp_path, 'argmap: 1\nclaims:\n  "a\\u200b": {text: A., x: 1}\n')
    assert (3, 25, "AM201", "unknown key 'x' in claim 'a\\u200b'") in found
