"""Laying out many maps: the system ``dot`` lays out several at once, while argmap prepares
the next map.

Each layout by the system ``dot`` is a process of its own, so threads are enough to keep
``jobs`` of them busy (a thread waits on a pipe, not on the interpreter), and a layout starts
as soon as its DOT text is ready. The embedded build lays out one map at a time, when it is
given: it runs in a forked child, and forking while other threads run is not safe.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Generic, TypeVar

from argmap.render.backends import (
    DEFAULT_TIMEOUT,
    Engine,
    OutputFormat,
    RenderError,
    resolve_engine,
)
from argmap.render.output import render_source

K = TypeVar("K")
Drawn = bytes | RenderError  # the finished file, or why the layout failed


class Layouts(Generic[K]):
    """DOT texts laid out in the background, handed back in the order they were given.

    ``put`` starts a layout (with one job, or the embedded build, it runs there and then);
    ``ready`` yields the layouts at the front of the line that have finished, ``rest`` waits
    for all the others. A failed layout gives its error in its place; the others go on.
    """

    def __init__(
        self,
        output_format: OutputFormat,
        engine: Engine = Engine.AUTO,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        jobs: int = 1,
    ) -> None:
        self._format, self._engine, self._timeout = output_format, engine, timeout
        in_threads = jobs > 1 and _in_own_processes(engine, output_format)
        self._pool = ThreadPoolExecutor(jobs, "argmap-dot") if in_threads else None
        self._line: deque[tuple[K, Future[Drawn]]] = deque()

    def __enter__(self) -> Layouts[K]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def put(self, key: K, source: str) -> None:
        if self._pool is not None:
            self._line.append((key, self._pool.submit(self._draw, source)))
            return
        done: Future[Drawn] = Future()
        done.set_result(self._draw(source))
        self._line.append((key, done))

    def ready(self) -> Iterator[tuple[K, Drawn]]:
        while self._line and self._line[0][1].done():
            key, future = self._line.popleft()
            yield key, future.result()

    def rest(self) -> Iterator[tuple[K, Drawn]]:
        while self._line:
            key, future = self._line.popleft()
            yield key, future.result()

    def _draw(self, source: str) -> Drawn:
        try:
            return render_source(source, self._format, self._engine, timeout=self._timeout)
        except RenderError as exc:
            return exc


def _in_own_processes(engine: Engine, output_format: OutputFormat) -> bool:
    """Whether each layout is a ``dot`` process of its own (DOT output needs no layout)."""
    if output_format is OutputFormat.DOT:
        return False
    try:
        return resolve_engine(engine, output_format) is Engine.SYSTEM
    except RenderError:
        return False  # each layout will say why it cannot run
