"""Shared helpers for the verify tests: fixture files are read through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.verify import SourceError, SourceText, read_source

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> SourceText:
    """A fixture source, which must read cleanly."""
    source = read_source(FIXTURES / name)
    assert not isinstance(source, SourceError), source
    return source


@pytest.fixture(scope="session")
def montebello() -> SourceText:
    return load("montebello.txt")
