"""Shared fixtures: where the example folders are, and a command-line runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

TESTS = Path(__file__).parent
EXAMPLES = TESTS / "examples"
REPO = TESTS.parent


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """click's runner, with the output format and colours chosen by argmap's defaults: not
    GitHub annotations because CI runs the tests, not colours because a variable forces them."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return CliRunner()
