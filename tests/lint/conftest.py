"""A fixture for the rule tests: a map's findings, as ``argmap check`` makes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.commands.check import check_result
from argmap.diagnostics import Diagnostic
from argmap.outcome import CheckOutcome
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics


def _outcome(folder: Path, text: str) -> CheckOutcome:
    """``text`` checked as a map in a project of its own (default configuration)."""
    (folder / "argmap.toml").write_text("")
    path = folder / "map.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None, [d.message for d in result.diagnostics]
    outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    return outcome


@pytest.fixture
def checked(tmp_path: Path) -> Callable[[str], list[Diagnostic]]:
    """Check a map's text, written in a project of its own (default configuration), and
    return its findings; the map must load."""
    return lambda text: _outcome(tmp_path, text).diagnostics


@pytest.fixture
def checked_scores(tmp_path: Path) -> Callable[[str], dict[str, float]]:
    """Check a map's text, as :func:`checked` does, and return each claim's score."""

    def scores(text: str) -> dict[str, float]:
        evaluation = _outcome(tmp_path, text).evaluation
        assert evaluation is not None
        return {cid: v.score for cid, v in evaluation.verdicts.items()}

    return scores
