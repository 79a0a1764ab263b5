"""How many cores this process may use (its CPU affinity, where the system has one), and how
its worker processes start and end."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext


def usable_cores() -> int:
    """The cores this process may run on: fewer than the machine's under ``taskset`` or a
    container's CPU set."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_context() -> BaseContext:
    """How worker processes start: forked on Linux (they share what is already imported, and
    start in milliseconds), spawned elsewhere, where forking is unsafe or missing."""
    import multiprocessing  # 5 ms: only where workers are started

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def worker_pool(workers: int, initializer: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes (see :func:`worker_context`), each of which runs
    ``initializer`` as it starts and is killed by the system when this process ends, even
    killed outright: a worker left behind would finish its task for nobody, then wait for
    the next one for ever. What a worker killed outright had started (a ``dot``) is killed
    when the pool is shut down and its workers waited for (:mod:`argmap.strays`)."""
    from concurrent.futures import ProcessPoolExecutor

    class WorkerPool(ProcessPoolExecutor):  # here: concurrent.futures only with a pool
        def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
            super().shutdown(wait=wait, cancel_futures=cancel_futures)
            if wait:  # the workers are gone: a program marked as theirs has no one
                from argmap.strays import stop_strays

                stop_strays(os.getpid())

    return WorkerPool(
        workers,
        mp_context=worker_context(),
        initializer=partial(_start_worker, os.getpid(), initializer),
    )


def _start_worker(parent: int, initializer: Callable[[], None] | None) -> None:
    from argmap.forked import die_with
    from argmap.strays import mark_children

    die_with(parent)
    mark_children(parent)
    if initializer is not None:
        initializer()
