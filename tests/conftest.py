"""Shared fixtures: where the example folders are."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
EXAMPLES = TESTS / "examples"
REPO = TESTS.parent


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
