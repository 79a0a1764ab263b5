"""A fixture for the rule tests: a map's findings, as ``argmap check`` makes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.commands.check import check_result
from argmap.diagnostics import Diagnostic
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics


@pytest.fixture
def checked(tmp_path: Path) -> Callable[[str], list[Diagnostic]]:
    """Check a map's text, written in a project of its own (default configuration), and
    return its findings; the map must load."""

    def check(text: str) -> list[Diagnostic]:
        (tmp_path / "argmap.toml").write_text("")
        path = tmp_path / "map.yaml"
        path.write_text(text, encoding="utf-8")
        result = load_map(path)
        assert result.map is not None, [d.message for d in result.diagnostics]
        outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
        return outcome.diagnostics

    return check
