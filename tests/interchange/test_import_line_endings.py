"""An imported file's findings show the line they point at whatever ends its lines: the
Argdown and Kialo readers end a line at LF, CRLF or a lone CR, and so must the excerpt."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

ARGDOWN = "===\ntitle: x\n===\n\n[A]: A claim.\n  + <B>: Because.\n  - [C] broken ]]]\n"


@pytest.mark.parametrize(
    "ending", ["\n", "\r\n", "\r", "mixed"], ids=["lf", "crlf", "cr", "lf-and-one-cr"]
)
def test_the_excerpt_is_the_line_of_the_finding(ending: str, tmp_path: Path) -> None:
    if ending == "mixed":
        text = ARGDOWN.replace("Because.\n", "Because.\r")
    else:
        text = ARGDOWN.replace("\n", ending)
    source = tmp_path / "debate.argdown"
    source.write_bytes(text.encode())
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"{source}:7:5: error[AM401] text after a reference: 'broken ]]]' (import-syntax)",
        "  7 |   - [C] broken ]]]",
        "    |     ^",
    ]


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ('{"nodes":\n [1,,2]}', 2, 5),
        ('{"nodes":\r\n [1,,2]}', 2, 5),
        ('{"nodes":\r [1,,2]}', 2, 5),
        ('{"nodes":\r\r [1,,2]}', 3, 5),
        ('{\r"a":\r[[[1]]]}', 3, 2),
    ],
    ids=["lf", "crlf", "cr", "two-crs", "too-deep"],
)
def test_json_errors_are_at_the_line_an_editor_shows(text: str, line: int, col: int) -> None:
    """JSON takes a lone CR for white space and Python's parser counts lines at LF alone: an
    AIF file with old Mac line ends had its error a line (or many) too early."""
    from argmap.diagnostics import Diagnostic
    from argmap.interchange.jsontext import load_json

    found = load_json(text, "a.json", 2)
    assert isinstance(found, Diagnostic)
    assert (found.line, found.col) == (line, col)
