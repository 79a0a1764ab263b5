"""The processes a dead worker left running, found and stopped (Linux).

A pool's worker starts ``dot`` in a process group of its own (see
:mod:`argmap.render.backends`), waits for it, and kills its group on any way out it lives
through. A worker killed outright (SIGKILL: the out-of-memory killer; or killed by
argmap itself as a signal ends the run) runs nothing more, and its ``dot`` goes on for
nobody, bounded only by its CPU limit, and not at all while it waits.

Each worker marks its environment as it starts (:func:`mark_children`), which every program
it starts inherits; once the workers of a pool are gone, the parent kills the group of any
process still marked with its own pid (:func:`stop_strays`). Each ``dot`` also asks the
kernel to kill it when the process that started it ends (``PR_SET_PDEATHSIG``, in a
``preexec_fn`` that takes no lock: :func:`argmap.forked.killed_with_this_process`), which
stops a dead worker's ``dot`` at once, and an argmap killed outright, which can run nothing,
its own; but that request is not inherited: the child of a wrapper ``dot``, the real
Graphviz, is found and stopped only here.
"""

from __future__ import annotations

import contextlib
import os
import signal

MARK = "ARGMAP_WORKER_OF"


def mark_children(parent: int) -> None:
    """In a worker of ``parent``: mark the environment every program it starts inherits."""
    os.environ[MARK] = str(parent)


def stop_strays(parent: int) -> list[int]:
    """Kill (SIGKILL) every process marked as started by a worker of ``parent``, with its
    process group when it leads one (a wrapper ``dot`` and the real one). Call it once the
    workers are gone: a live worker's ``dot`` is its own. Returns the pids killed; none
    where there is no ``/proc``."""
    wanted = f"{MARK}={parent}".encode()
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    killed: list[int] = []
    for name in names:
        if not name.isdigit() or int(name) == parent:
            continue
        pid = int(name)
        try:
            with open(f"/proc/{pid}/environ", "rb") as environ:
                if wanted not in environ.read().split(b"\0"):
                    continue
            with open(f"/proc/{pid}/stat", "rb") as stat:
                group = int(stat.read().rsplit(b")", 1)[1].split()[2])
        except (OSError, ValueError, IndexError):
            continue  # gone, or not ours to read
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if group == pid:
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
            killed.append(pid)
    return killed
