"""Missing browsers and PDF engines skip locally, and fail where CI requires them."""

from __future__ import annotations

import pytest

from .conftest import missing


def test_missing_skips_unless_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception):
        missing("Chromium is not installed", "ARGMAP_REQUIRE_BROWSER")


def test_missing_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="ARGMAP_REQUIRE_BROWSER=1 requires it"):
        missing("Chromium is not installed", "ARGMAP_REQUIRE_BROWSER")
