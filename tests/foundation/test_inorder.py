"""``argmap.inorder``: background work handed back in the order it was given."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from argmap.inorder import InOrder


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
