"""A map saved by another editor (CRLF from Windows, a lone CR from a classic Mac, a byte-order
mark, UTF-16) is reported at the same line and column as the same map with line feeds: a line
ends at LF, CRLF or a lone CR, wherever it is (argmap.lines)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.pipeline import load_map

UNKNOWN_KEY = """\
argmap: 1
title: T
claims:
  c1:
    text: A claim.
    supprts: c2
  c2:
    text: "Café"
"""
DANGLING = UNKNOWN_KEY.replace("supprts: c2", "supports: c3")
SYNTAX = UNKNOWN_KEY.replace('"Café"', '"Café')
DUPLICATE = UNKNOWN_KEY.replace("supprts: c2", "text: Again.")

Encoding = Callable[[str], bytes]
ENCODINGS: dict[str, Encoding] = {
    "crlf": lambda t: t.replace("\n", "\r\n").encode(),
    "cr": lambda t: t.replace("\n", "\r").encode(),
    "bom": lambda t: b"\xef\xbb\xbf" + t.encode(),
    "bom-crlf": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode(),
    "bom-cr": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r").encode(),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-cr": lambda t: t.replace("\n", "\r").encode("utf-16"),
    "utf-16-be-crlf": lambda t: b"\xfe\xff" + t.replace("\n", "\r\n").encode("utf-16-be"),
    "mixed-crlf-lf": lambda t: t.replace("\n", "\r\n", 4).encode(),
    # a lone CR among line feeds (a line pasted from an old Mac file): a line break, as VS Code,
    # the Language Server Protocol, Python and argmap's source and import readers count it
    "mixed-cr-lf": lambda t: t.replace("\n", "\r", 2).encode(),
    "utf-16-mixed-cr-lf": lambda t: t.replace("\n", "\r", 3).encode("utf-16"),
}


def found(folder: Path, data: bytes) -> list[tuple[str, int, int, str]]:
    (folder / "argmap.toml").write_text("")
    path = folder / "map.yaml"
    path.write_bytes(data)
    return [(d.code, d.line, d.col, d.message) for d in load_map(path).diagnostics]


@pytest.mark.parametrize(
    "text",
    [UNKNOWN_KEY, DANGLING, SYNTAX, DUPLICATE],
    ids=["unknown-key", "dangling", "syntax", "duplicate"],
)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_positions_are_those_of_the_map_with_line_feeds(
    text: str, encoding: str, tmp_path: Path
) -> None:
    expected = found(tmp_path, text.encode())
    assert expected and all(line > 1 for _, line, _, _ in expected)
    assert found(tmp_path, ENCODINGS[encoding](text)) == expected


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_a_latin_1_byte_is_named_at_its_line_and_column(ending: str, tmp_path: Path) -> None:
    data = UNKNOWN_KEY.replace("\n", ending).encode("latin-1")
    assert found(tmp_path, data) == [
        (
            "AM103",
            8,
            15,
            "invalid UTF-8: byte 0xe9 cannot start or continue a character",
        )
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [UNKNOWN_KEY, UNKNOWN_KEY.replace("é", "e")], ids=["é", "ascii"])
def test_utf_16_without_a_byte_order_mark_is_named(codec: str, text: str, tmp_path: Path) -> None:
    assert found(tmp_path, text.encode(codec)) == [
        (
            "AM103",
            1,
            1,
            "UTF-16 text without a byte order mark, which says which byte of a pair comes first",
        )
    ]


def test_the_excerpt_after_a_lone_cr_is_the_line_of_the_finding(tmp_path: Path) -> None:
    """The line and the excerpt are those an editor shows: a lone CR in a map of line feeds
    ended a line for libyaml but not for argmap's positions (so every later finding was a
    line early) while the source and import readers took it for one."""
    from click.testing import CliRunner

    from argmap.cli import main

    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_bytes(UNKNOWN_KEY.replace("title: T\n", "title: T\r").encode())
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "map.yaml")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:3] == [
        f"{tmp_path / 'map.yaml'}:6:5: error[AM201] unknown key 'supprts' in claim 'c1' "
        "(unknown-key)",
        "  6 |     supprts: c2",
        "    |     ^",
    ]
