"""The corpus's cost, printed after the run: the figures docs/security.md reports.

Set ``ARGMAP_HOSTILE_TIMES=path`` to also write them as tab-separated lines.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .runner import TIMINGS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TIMINGS:
        return
    total = sum(seconds for _, seconds, _ in TIMINGS)
    peak = max(TIMINGS, key=lambda t: t[2])
    terminalreporter.section("hostile corpus")
    terminalreporter.write_line(
        f"{len(TIMINGS)} runs in {total:.1f} s; peak memory {peak[2] / 1024:.0f} MB ({peak[0]})"
    )
    for name, seconds, rss in sorted(TIMINGS, key=lambda t: -t[1])[:8]:
        terminalreporter.write_line(f"  {seconds:6.2f} s  {rss / 1024:6.0f} MB  {name}")
    target = os.environ.get("ARGMAP_HOSTILE_TIMES")
    if target:
        lines = [f"{name}\t{seconds:.3f}\t{rss}" for name, seconds, rss in TIMINGS]
        Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")
