"""Shared fixtures: where the example folders are, a command-line runner, and a record of
the children argmap forks."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from click.testing import CliRunner

TESTS = Path(__file__).parent
EXAMPLES = TESTS / "examples"
REPO = TESTS.parent


def _unheard(signum: int, frame: FrameType | None) -> None:
    """A signal the suite was started to ignore, still ignored by the suite itself."""


def pytest_configure(config: pytest.Config) -> None:
    """The tests of SIGHUP, SIGTERM and Ctrl-C send them to an argmap they start. Started
    under ``nohup`` (SIGHUP ignored) or in the background of a script (SIGINT ignored), the
    suite passed its ignoring on to every child, which argmap honours (as ``nohup`` asks), so
    those tests failed. A handler that does nothing ignores the signal here as well, and is
    not inherited: a program the suite starts has the default disposition again."""
    del config
    for name in ("SIGHUP", "SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_IGN:
            signal.signal(number, _unheard)


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


@pytest.fixture
def pools_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the worker pools :mod:`argmap.batch` starts from now on (validate's and
    check's), each pool started as it would be."""
    from argmap import batch

    started: list[int] = []
    real = batch.worker_pool

    def worker_pool(count: int, initializer: Callable[[], None] | None = None) -> Any:
        started.append(count)
        return real(count, initializer)

    monkeypatch.setattr(batch, "worker_pool", worker_pool)
    return started
