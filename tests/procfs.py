"""What the tests that stop processes need to know of one: its state, read from /proc (Linux).

A plain module beside the root conftest.py (whose folder pytest puts on ``sys.path``), so
that test modules in any folder import it: ``from procfs import process_state``.
"""

from __future__ import annotations

from pathlib import Path


def process_state(pid: int) -> str | None:
    """The state of process ``pid`` ("R", "S", "Z" for a zombie...), None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    # the command name in parentheses may hold spaces and ")": the state follows the last ")"
    return stat.rsplit(")", 1)[1].split()[0]


def parent_of(pid: int) -> int | None:
    """The pid of the parent of process ``pid``, None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])
