"""How many cores this process may use (its CPU affinity, where the system has one)."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on: fewer than the machine's under ``taskset`` or a
    container's CPU set."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
