"""Work in a forked child: its result, its failures, and stopping it after a time limit."""

from __future__ import annotations

import os
import sys
import time

import pytest

from argmap import forked

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only"),
    pytest.mark.usefixtures("forks"),  # single-threaded, whatever earlier tests left running
]


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_child_sends_back_what_its_work_returns() -> None:
    big = bytes(range(256)) * 20_000  # 5 MB: more than a pipe holds at once
    child = forked.fork(lambda: big)
    assert child is not None
    assert child.pid != os.getpid()
    assert child.result(timeout=60) == big
    assert _reaped(child.pid)


def test_a_failing_child_is_none() -> None:
    def fail() -> bytes:
        raise RuntimeError("boom")

    child = forked.fork(fail)
    assert child is not None
    assert child.result() is None
    assert _reaped(child.pid)


def test_a_slow_child_is_stopped_after_the_timeout() -> None:
    def slow() -> bytes:
        time.sleep(30)
        return b"late"

    child = forked.fork(slow)
    assert child is not None
    with pytest.raises(forked.ChildTimeout):
        child.result(timeout=0.2)
    assert _reaped(child.pid)  # killed and waited for, not left a zombie


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert forked.fork(lambda: b"") is None


def test_no_fork_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.sys, "platform", "darwin")
    assert forked.fork(lambda: b"") is None
