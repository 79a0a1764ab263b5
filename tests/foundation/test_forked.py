"""Work in a forked child: its result, its failures, and stopping it after a time limit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from argmap import forked
from procfs import process_state

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


# A parent that forks a child which works for a minute, says the child's pid, and waits for
# its result; the test interrupts or kills the parent while it waits. An interrupted parent
# says so and lives on (as a caller that handles Ctrl-C would), so that only its own cleanup
# can have stopped the child.
_PARENT = """
import time
from argmap import forked

child = forked.fork(lambda: time.sleep(60))
print(child.pid, flush=True)
try:
    child.result(timeout=60)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    time.sleep(60)
"""


def _state_soon(pid: int, wanted: set[str | None]) -> str | None:
    """The state of ``pid`` once it is one of ``wanted``, or after five seconds."""
    deadline = time.monotonic() + 5
    while (state := process_state(pid)) not in wanted and time.monotonic() < deadline:
        time.sleep(0.05)
    return state


def _parent_and_child() -> tuple[subprocess.Popen[str], int]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert process_state(child) in ("R", "S")
    return parent, child


def _clean_up(parent: subprocess.Popen[str], child: int) -> None:
    parent.kill()
    parent.wait()
    if process_state(child) not in (None, "Z"):
        os.kill(child, signal.SIGKILL)


@pytest.mark.timeout(10)
def test_an_interrupted_wait_stops_and_reaps_the_child() -> None:
    """Ctrl-C while the parent waits (SIGINT to the parent alone, so that the child works
    on): the child is killed and reaped, not left working unbounded by the time limit."""
    parent, child = _parent_and_child()
    try:
        assert _state_soon(parent.pid, {"S"}) == "S"  # asleep: waiting for the child's result
        parent.send_signal(signal.SIGINT)
        assert parent.stdout is not None
        assert parent.stdout.readline() == "interrupted\n"
        assert parent.poll() is None  # the parent lives on...
        assert process_state(child) is None  # ...and has killed and reaped the child
    finally:
        _clean_up(parent, child)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_parent_killed_outright_takes_its_child_with_it(kill: signal.Signals) -> None:
    """A parent ended by a signal it does not handle runs no cleanup: the system ends the
    child (left a zombie until whoever adopts it reaps it)."""
    parent, child = _parent_and_child()
    try:
        parent.send_signal(kill)
        parent.wait(timeout=5)
        assert _state_soon(child, {None, "Z"}) in (None, "Z")
    finally:
        _clean_up(parent, child)


# A parent with a pool of two workers, each of which says its pid and works for a minute.
_POOL_PARENT = """
import os, time
from argmap.cores import worker_pool

def work():
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: the two workers' lines stay whole
    time.sleep(60)

pool = worker_pool(2)
for _ in range(2):
    pool.submit(work)
time.sleep(60)
"""


@pytest.mark.timeout(10)
def test_a_killed_parent_takes_its_pool_workers_with_it() -> None:
    """The workers of a pool (handout's PDFs, validate's files) are not left behind, working
    or waiting for ever, by a parent killed outright."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.Popen(
        [sys.executable, "-c", _POOL_PARENT], stdout=subprocess.PIPE, text=True, env=env
    )
    assert parent.stdout is not None
    workers = [int(parent.stdout.readline()) for _ in range(2)]
    try:
        assert len(set(workers)) == 2 and all(process_state(w) in ("R", "S") for w in workers)
        parent.kill()
        parent.wait(timeout=5)
        assert [_state_soon(w, {None, "Z"}) in (None, "Z") for w in workers] == [True, True]
    finally:
        for worker in workers:
            if process_state(worker) not in (None, "Z"):
                os.kill(worker, signal.SIGKILL)


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert forked.fork(lambda: b"") is None


def test_no_fork_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.sys, "platform", "darwin")
    assert forked.fork(lambda: b"") is None
