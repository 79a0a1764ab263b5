"""Fixtures for the report and handouts: checked maps, PDFs, and a real browser.

Tests that need WeasyPrint (the ``pdf`` fixture) or Chromium with Playwright (the
``browser`` fixture) are skipped where these are missing, but fail when
``ARGMAP_REQUIRE_PDF=1`` or ``ARGMAP_REQUIRE_BROWSER=1`` is set (CI sets them), so that a
missing dependency cannot pass unnoticed.

The accessibility audit (the ``axe`` fixture) runs axe-core, installed once from npm into a
cache folder (``$ARGMAP_TEST_CACHE`` or ``~/.cache/argmap-tests``); without Node and npm it
skips, unless ``ARGMAP_REQUIRE_BROWSER=1`` or ``ARGMAP_REQUIRE_NODE=1`` is set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from argmap.commands.check import check_result
from argmap.outcome import CheckOutcome
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics
from npm_cache import npm_file

HERE = Path(__file__).parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"
MONTEBELLO = REPO / "arguments" / "montebello.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
SMALL = FIXTURES / "small.yaml"
LONG_WORDS = FIXTURES / "long-words.yaml"
PAGE_IDS = FIXTURES / "page-ids.yaml"
HEBREW = FIXTURES / "hebrew.yaml"
# Hebrew with digits, brackets and punctuation, centred and left-aligned in the map
HEBREW_MAP = REPO / "tests" / "render" / "fixtures" / "hebrew.yaml"
# Arabic, whose letters join, in the map
ARABIC_MAP = REPO / "tests" / "render" / "fixtures" / "arabic.yaml"
ARTIFACTS = REPO / "test-artifacts"
INJECTION = "<script>alert(1)</script><img src=x onerror=alert(1)>"
AXE_CORE_VERSION = "4.10.3"
CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
]


def missing(what: str, variable: str) -> None:
    """Skip, or fail when ``variable=1`` says this must be there."""
    if os.environ.get(variable) == "1":
        pytest.fail(f"{what}, and {variable}=1 requires it", pytrace=False)
    pytest.skip(what)


def checked_outcome(path: Path) -> CheckOutcome:
    result = load_map(path)
    assert result.map is not None, result.diagnostics
    outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    return outcome


def star_outcome(
    folder: Path, size: int, *, relation: str = "supports", theses: int = 1
) -> CheckOutcome:
    """``theses`` theses with ``size`` claims around them in all: claim ``pI`` ``relation``
    (supports or attacks) thesis ``t{I % theses}``; written to ``folder`` and checked."""
    (folder / "argmap.toml").write_text("")
    lines = ["argmap: 1", "title: A star", "claims:"]
    for t in range(theses):
        lines += [f"  t{t}:", f"    text: Thesis number {t}.", "    kind: thesis"]
    for i in range(size):
        lines += [f"  p{i}:", f"    text: Claim number {i}.", f"    {relation}: t{i % theses}"]
    (folder / "star.yaml").write_text("\n".join(lines) + "\n")
    return checked_outcome(folder / "star.yaml")


@pytest.fixture(scope="session")
def montebello() -> CheckOutcome:
    return checked_outcome(MONTEBELLO)


@pytest.fixture(scope="session")
def hostile() -> CheckOutcome:
    """Every text tries to be markup; the thesis is the issue's injection string."""
    return checked_outcome(HOSTILE)


@pytest.fixture(scope="session")
def small() -> CheckOutcome:
    """A map small enough to print whole, with no discussion questions of its own."""
    return checked_outcome(SMALL)


@pytest.fixture(scope="session")
def long_words() -> CheckOutcome:
    """Every text a writer controls holds a word longer than a line."""
    return checked_outcome(LONG_WORDS)


@pytest.fixture(scope="session")
def pdf() -> Callable[[bytes], bytes]:
    """WeasyPrint's HTML -> PDF, or a skip (a failure under ARGMAP_REQUIRE_PDF=1)."""
    from argmap.report_html.pdf import html_to_pdf, unavailable

    reason = unavailable()
    if reason:
        missing(reason, "ARGMAP_REQUIRE_PDF")
    return html_to_pdf


def chromium_path() -> str | None:
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The system's Chromium, headless, driven by Playwright; never a downloaded browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed (pip install playwright)", "ARGMAP_REQUIRE_BROWSER")
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed", "ARGMAP_REQUIRE_BROWSER")
    playwright = sync_playwright().start()
    try:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as exc:
        playwright.stop()
        missing(f"Chromium did not start: {exc}", "ARGMAP_REQUIRE_BROWSER")
    yield launched
    launched.close()
    playwright.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the top of the work tree (git-ignored): screenshots to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe() -> Path:
    """axe-core's script (``axe.min.js``), pinned, installed once from npm."""
    found = npm_file("axe-core", AXE_CORE_VERSION, "axe-core/axe.min.js")
    if isinstance(found, str):
        _missing_axe(f"{found} (for the accessibility audit)")
    return found


def _missing_axe(what: str) -> NoReturn:
    """Skip, or fail when CI says the browser or Node must be there."""
    for variable in ("ARGMAP_REQUIRE_BROWSER", "ARGMAP_REQUIRE_NODE"):
        if os.environ.get(variable) == "1":
            pytest.fail(f"{what}, and {variable}=1 requires it", pytrace=False)
    pytest.skip(what)
