"""Fixtures for the renderer: the example maps, and the rules
for tests that need Graphviz's ``dot`` (marker ``exe``) or Chromium (marker ``browser``).

A test marked ``exe`` is skipped where ``dot`` is missing, but fails when
``ARGMAP_REQUIRE_GRAPHVIZ=1`` (CI sets it, so a missing Graphviz cannot pass unnoticed); the
same for ``browser`` with ``ARGMAP_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.pipeline import load_map

RENDER_TESTS = Path(__file__).parent
REPO = RENDER_TESTS.parent.parent
FIXTURES = RENDER_TESTS / "fixtures"
MONTEBELLO = REPO / "arguments" / "montebello.yaml"
GOLDEN = RENDER_TESTS / "golden"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("exe") and shutil.which("dot") is None:
        _missing("Graphviz 'dot' is not on PATH", "ARGMAP_REQUIRE_GRAPHVIZ")
    if item.get_closest_marker("browser") and chromium() is None:
        _missing("Chromium is not installed", "ARGMAP_REQUIRE_BROWSER")


def _missing(what: str, variable: str) -> None:
    if os.environ.get(variable) == "1":
        pytest.fail(f"{what}, and {variable}=1 requires it", pytrace=False)
    pytest.skip(what)


def load(path: Path) -> ArgumentMap:
    result = load_map(path)
    assert result.diagnostics == [], result.diagnostics
    assert result.map is not None
    return result.map


@pytest.fixture(scope="session")
def montebello() -> ArgumentMap:
    return load(MONTEBELLO)


@pytest.fixture(scope="session")
def grammar() -> ArgumentMap:
    """Every kind of claim, relation and evidence: fixtures/grammar.yaml."""
    return load(FIXTURES / "grammar.yaml")


@pytest.fixture(scope="session")
def hostile() -> ArgumentMap:
    """Claim text full of DOT, HTML and escape metacharacters: fixtures/hostile.yaml."""
    return load(FIXTURES / "hostile.yaml")


@pytest.fixture(scope="session")
def hebrew() -> ArgumentMap:
    """Hebrew with digits, brackets and punctuation, centred and left-aligned:
    fixtures/hebrew.yaml."""
    return load(FIXTURES / "hebrew.yaml")


def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """A ``dot`` first on PATH that runs the ``sh`` ``script`` instead of Graphviz."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


@pytest.fixture
def no_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``dot`` hidden: PATH is an empty folder."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("dot") is None
    yield
