"""How many cores this process may use (its CPU affinity, where the system has one), and how
its worker processes start."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
