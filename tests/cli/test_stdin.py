"""``-`` as a map: argmap reads its maps from files, whose folder places what they include
and quote, and no command reads standard input. ``cat m.yaml | argmap check -`` said only
'no such file or folder', of a path the user never meant as a file; every command that
takes a file now says why ``-`` is none, in the same finding (exit 2, nothing written)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ARGMAP = [sys.executable, "-m", "argmap"]
MAP = b"argmap: 1\ntitle: In\nclaims:\n  a: {text: Alpha holds., kind: thesis}\n"
FINDING = (
    "-:1:1: error[AM901] no such file or folder (path-not-found)\n"
    "  hint: argmap reads no map from standard input: save it to a file and name that "
    "(a file named - is ./-)\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["render", "-", "-o", "out"],
        ["report", "-", "-o", "out"],
        ["handout", "-", "--format", "html", "-o", "out"],
        ["export", "-", "--to", "json", "-o", "out.json"],
        ["check", "-"],
        ["validate", "-"],
        ["stats", "-"],
        ["import", "-", "-o", "out.yaml"],
    ],
    ids=lambda args: args[0],
)
def test_a_dash_is_said_to_be_no_map(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    out = subprocess.run(
        [*ARGMAP, *args], cwd=tmp_path, input=MAP, capture_output=True, timeout=120
    )
    assert out.returncode == 2
    said = (out.stdout + out.stderr).decode()
    assert FINDING in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml"]
