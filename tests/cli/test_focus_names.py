"""A --focus that is no claim of the map is said so, escaped, before its output is named: a
focus holding a line break was blamed for the name it made ('cannot be a file on Windows')
rather than for being no claim, and a handout said the same."""

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


@pytest.mark.parametrize(
    "command", [["render", "-f", "dot"], ["handout", "-f", "html", "--variant", "teacher"]]
)
def test_a_focus_that_is_no_claim_is_said_before_its_output_is_named(
    here: Path, command: list[str]
) -> None:
    code, out, err = _run(*command[:1], "m.yaml", *command[1:], "--focus", "t\nx")
    assert (code, out) == (2, b"")
    assert err == (
        "argmap: m.yaml: no claim 't\\nx' in this map; --focus takes a claim's id, as "
        "'argmap check' lists them\n"
    )
    assert not (here / "renders").exists()
