"""Laying out many maps: the system ``dot`` lays out several at once, while argmap prepares
the next map.

Each layout by the system ``dot`` is a process of its own, so threads are enough to keep
``jobs`` of them busy (a thread waits on a pipe, not on the interpreter), and a layout starts
as soon as its DOT text is ready (:class:`argmap.inorder.InOrder` hands them back in order).
The embedded build lays out one map at a time, when it is given: it runs in a forked child,
and forking while other threads run is not safe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.render.backends import (
    DEFAULT_TIMEOUT,
    Engine,
    OutputFormat,
    RenderError,
    resolve_engine,
)
from argmap.render.output import render_source

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

Drawn = bytes | RenderError  # the finished file, or why the layout failed


def draw(
    source: str,
    output_format: OutputFormat,
    engine: Engine = Engine.AUTO,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Drawn:
    """One DOT text laid out and finished, or why it could not be."""
    try:
        return render_source(source, output_format, engine, timeout=timeout)
    except RenderError as exc:
        return exc


def layout_pool(
    engine: Engine, output_format: OutputFormat, jobs: int
) -> ThreadPoolExecutor | None:
    """Threads for ``jobs`` layouts at once, when each is a ``dot`` process of its own."""
    if jobs < 2 or not system_layouts(engine, output_format):
        return None
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(jobs, "argmap-dot")


def system_layouts(engine: Engine, output_format: OutputFormat) -> bool:
    """Whether each layout is a ``dot`` process of its own (DOT output needs no layout)."""
    if output_format is OutputFormat.DOT:
        return False
    try:
        return resolve_engine(engine, output_format) is Engine.SYSTEM
    except RenderError:
        return False  # each layout will say why it cannot run
