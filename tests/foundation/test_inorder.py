"""``argmap.inorder``: background work handed back in the order it was given."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from argmap.cores import worker_pool
from argmap.inorder import InOrder
from argmap.terminate import Terminated


def test_without_a_pool_work_runs_when_it_is_given() -> None:
    ran: list[str] = []
    with InOrder[str, str]() as line:
        line.put("a", lambda: ran.append("a") or "A")
        assert ran == ["a"]
        assert list(line.ready()) == [("a", "A")]
        assert list(line.ready()) == []


@pytest.mark.timeout(10)
def test_a_later_piece_that_finishes_first_waits_for_the_earlier() -> None:
    release = threading.Event()

    def slow() -> str:
        release.wait()
        return "first"

    with InOrder[int, str](ThreadPoolExecutor(2)) as line:
        line.put(1, slow)
        line.put(2, lambda: "second")
        assert list(line.ready()) == []  # the second is done, but the first is not
        release.set()
        assert list(line.rest()) == [(1, "first"), (2, "second")]


def test_a_piece_that_raised_raises_in_its_place() -> None:
    def fail() -> str:
        raise ValueError("broken")

    for pool in (None, ThreadPoolExecutor(2)):
        with InOrder[int, str](pool) as line:
            line.put(1, lambda: "one")
            line.put(2, fail)
            line.put(3, lambda: "three")
            taken = line.rest()
            assert next(taken) == (1, "one")
            with pytest.raises(ValueError, match="broken"):
                next(taken)
            assert list(line.rest()) == [(3, "three")]


def _sleep_in_worker(pid_file: str) -> str:
    import os
    import time

    with open(pid_file, "w", encoding="utf-8") as out:
        out.write(str(os.getpid()))
    time.sleep(60)  # a PDF of a huge map in the making
    return "late"


@pytest.mark.timeout(30)
def test_a_signal_stops_the_work_in_the_making_not_waits_for_it(tmp_path: Path) -> None:
    """SIGTERM or Ctrl-C sent to argmap alone (kill PID, a CI job cancelled) ended a folder's
    handouts only once each PDF in the making was finished, for nobody (31.8 s for a claim
    of 1 MB): its workers are stopped at once."""
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    with pytest.raises(Terminated), InOrder[int, str](worker_pool(2)) as line:
        line.put(1, _sleep_in_worker, str(pid_file))
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.05)
        raise Terminated(signal.SIGTERM)
    assert time.monotonic() - started < 10
    worker = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)  # gone, and reaped


def _finish_in_worker(done_file: str) -> str:
    import time

    time.sleep(0.5)
    with open(done_file, "w", encoding="utf-8") as out:
        out.write("done")
    return "done"


def test_an_error_still_waits_for_the_work_in_the_making(tmp_path: Path) -> None:
    done_file = tmp_path / "done"
    with pytest.raises(ValueError), InOrder[int, str](worker_pool(1)) as line:
        line.put(1, _finish_in_worker, str(done_file))
        raise ValueError("an error of the command's own")
    assert done_file.read_text() == "done"


def _killed_in_worker() -> str:
    os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer does
    return "never"


@pytest.mark.timeout(30)
def test_a_worker_killed_is_said_in_its_place_and_the_rest_is_made_here() -> None:
    """A worker killed (out of memory in a huge PDF) broke the pool: its piece, and every
    later one, raised BrokenProcessPool, which argmap called an internal error. ``lost``
    says what a piece lost so is; what is given after that runs in this process."""
    with InOrder[int, str](worker_pool(2), lost=lambda: "lost") as line:
        line.put(1, _killed_in_worker)
        assert list(line.rest()) == [(1, "lost")]
        line.put(2, str, 2)
        line.put(3, os.getpid)
        assert list(line.rest()) == [(2, "2"), (3, os.getpid())]
