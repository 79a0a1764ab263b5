"""A --focus whose id makes the output a name Windows cannot create is blamed, not the map,
and shown escaped: the output-name check runs before the focus is looked up."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAP = "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n  r: {text: R., supports: t}\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.yaml").write_text(MAP)
    return tmp_path


def _run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def test_a_focus_that_no_file_can_be_named_after_is_blamed_escaped(here: Path) -> None:
    code, out, err = _run("render", "m.yaml", "-f", "dot", "--focus", "t\nx")
    assert (code, out) == (2, b"")
    assert err == (
        "argmap: m.yaml would be written to renders/m.t\\nx.dot, which cannot be a file on "
        "Windows: Windows allows no control character (U+000A) in a name; give another --focus\n"
    )
