"""``argmap init`` writes a starter that checks clean; ``argmap stats`` counts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main


def test_init_writes_a_map_that_checks_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    runner = CliRunner()
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0
    assert result.output == (
        "wrote map.yaml and sources/district-study.txt\nnext: argmap check map.yaml\n"
    )
    checked = runner.invoke(main, ["check", "--strict", "-f", "json", "map.yaml"])
    assert checked.exit_code == 0, checked.output
    data = json.loads(checked.output)
    assert data["diagnostics"] == []
    assert {e["status"] for e in data["evidence"]} == {"verified"}
    again = runner.invoke(main, ["init"])
    assert again.exit_code == 2
    assert "exists; use --force" in again.output


def test_stats_counts_kinds_verdicts_and_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    runner = CliRunner()
    runner.invoke(main, ["init"])
    result = runner.invoke(main, ["stats", "--json", "map.yaml"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["claims"] == {
        "thesis": 1,
        "claim": 1,
        "premise": 1,
        "assumption": 1,
        "counterclaim": 0,
    }
    assert data["attacks"] == {"rebut": 1, "undermine": 0, "undercut": 1}
    assert data["quotes"]["verified"] == 2
    assert data["verdicts"] == {
        "supported": 2,
        "refuted": 1,
        "contested": 0,
        "unsupported": 1,
    }
    text = runner.invoke(main, ["stats", "map.yaml"])
    assert text.output.splitlines()[1].split() == [
        "claims",
        "4",
        "1",
        "thesis,",
        "1",
        "claim,",
        "1",
        "premise,",
        "1",
        "assumption",
    ]
