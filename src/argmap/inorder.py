"""Work done in the background and handed back in the order it was given.

A command that writes one file per map starts each map's slow part (a ``dot`` process, a PDF)
as soon as it can and goes on with the next map; the files are still written, and their lines
printed, in the order of the maps. Without a pool the work runs at once, when it is given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:  # concurrent.futures costs 3 ms of start-up (logging): only with a pool
    from concurrent.futures import Executor

K = TypeVar("K")
V = TypeVar("V")
V_co = TypeVar("V_co", covariant=True)


class _Pending(Protocol[V_co]):
    def done(self) -> bool: ...

    def result(self) -> V_co: ...


class _Done(Generic[V]):
    """Work that ran when it was given: its value, or what it raised."""

    def __init__(self, value: V | None, error: Exception | None) -> None:
        self._value, self._error = value, error

    def done(self) -> bool:
        return True

    def result(self) -> V:
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # set whenever error is not


class InOrder(Generic[K, V]):
    """``put`` hands over a piece of work under a key; ``ready`` yields the finished ones at
    the front of the line, ``rest`` waits for all. A piece that raised raises again when it is
    taken, in its place; with ``lost``, a piece whose worker process was killed (or that
    waited for a worker then) is ``lost()`` instead, and what is put after that runs at once,
    without the pool. Leaving the ``with`` block cancels what has not started and waits for
    what has, unless a signal ends the run (an exception that is no ``Exception``): then a
    pool's worker processes are killed, not waited for (a PDF takes minutes at worst)."""

    def __init__(self, pool: Executor | None = None, lost: Callable[[], V] | None = None) -> None:
        self._pool = pool
        self._lost = lost
        self._here = pool is None  # whether work runs at once, in this process
        self._line: deque[tuple[K, _Pending[V]]] = deque()

    def __enter__(self) -> InOrder[K, V]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is None:
            return
        if error is not None and not isinstance(error, Exception):
            _stop_workers(self._pool)  # a signal (Terminated), Ctrl-C: no one waits for it
        self._pool.shutdown(wait=True, cancel_futures=True)

    def put(self, key: K, work: Callable[..., V], *args: object) -> None:
        if self._pool is not None and not self._here:
            try:
                self._line.append((key, self._pool.submit(work, *args)))
                return
            except Exception as exc:
                if self._lost is None or not _broken(exc):
                    raise
                self._given_up()
        try:
            done: _Done[V] = _Done(work(*args), None)
        except Exception as exc:  # raised again when taken, as from a pool
            done = _Done(None, exc)
        self._line.append((key, done))

    def ready(self) -> Iterator[tuple[K, V]]:
        while self._line and self._line[0][1].done():
            key, future = self._line.popleft()
            yield key, self._result(future)

    def rest(self) -> Iterator[tuple[K, V]]:
        while self._line:
            key, future = self._line.popleft()
            yield key, self._result(future)

    def _result(self, future: _Pending[V]) -> V:
        """What a piece made; with ``lost``, what it says of a piece whose worker was killed
        (out of memory, a crash), or that was waiting when it was: the pool is broken."""
        try:
            return future.result()
        except Exception as exc:
            if self._lost is None or not _broken(exc):
                raise
            self._given_up()
            return self._lost()

    def _given_up(self) -> None:
        """A worker was killed: the rest is made here, and the pool is shut down at once
        (its other workers are ended by the pool itself), so that what the dead ones left
        running (a ``dot``) is stopped now rather than at the end of the run
        (:func:`argmap.cores.worker_pool`)."""
        if self._here or self._pool is None:
            return
        self._here = True
        self._pool.shutdown(wait=True, cancel_futures=True)


def _broken(error: Exception) -> bool:
    """Whether ``error`` says a pool is broken: a worker was killed. Imported only then, as
    the pool's own module already is."""
    from concurrent.futures import BrokenExecutor

    return isinstance(error, BrokenExecutor)


def _stop_workers(pool: Executor) -> None:
    """Kill the worker processes of ``pool`` (a process pool), with what they are making.
    ``ProcessPoolExecutor`` has no public way to (Python 3.14 adds ``kill_workers``)."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.kill()
