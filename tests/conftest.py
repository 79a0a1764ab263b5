"""Shared fixtures: where the example folders are, a command-line runner, and a record of
the children argmap forks."""

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


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children :mod:`argmap.forked` forks from now on. Whatever threads
    earlier tests of this session left (a browser driver's) are not ours, so this process
    counts as single-threaded, where forking is allowed."""
    from argmap import forked

    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    children: list[int] = []
    real_fork = forked.os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(forked.os, "fork", fork)
    return children
