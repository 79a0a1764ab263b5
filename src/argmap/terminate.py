"""SIGINT (Ctrl-C), SIGTERM and SIGHUP end a run alike.

Left to their default, the two signals end the process at once: no ``finally`` runs, so a
half-written temporary file stays next to its target, and a ``dot`` the run started works on
for nobody. A CI job over its time limit, ``kill``, a closed terminal or a process manager
send them. :func:`install` makes them raise :class:`Terminated` in the main thread instead,
after stopping what the interpreter's unwinding cannot reach (the ``dot`` processes of other
threads, see :func:`on_termination`); the console entry point then dies of the same signal,
so that whoever started argmap sees what happened to it (exit status 143 in a shell).

Ctrl-C is handled the same way: Python's own ``KeyboardInterrupt`` became click's "Aborted!"
and exit status 1, the status of a stale ``--check``. The run dies of SIGINT instead (130 in a
shell, and the script that ran it stops too), after one line: ``argmap: interrupted``.

A signal its parent chose to ignore (``nohup``, ``trap '' TERM``) stays ignored. A process
forked from this one (a pool's worker, a forked child) inherits the handler; there it does
what the default would.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from types import FrameType

SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")

_stoppers: list[Callable[[], None]] = []
_main_pid: int | None = None
_received: int | None = None  # the signal handled, should a library swallow its exception


class Terminated(BaseException):
    """The run was asked to end by signal ``signum``. A ``BaseException``, as
    ``KeyboardInterrupt`` is, so that ``except Exception`` does not swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"ended by signal {signum}")
        self.signum = signum


def on_termination(stop: Callable[[], None]) -> None:
    """Call ``stop`` (in the main thread, before anything unwinds) when a signal ends the run:
    for work the unwinding would wait for, such as a child process another thread waits on."""
    _stoppers.append(stop)


def install() -> None:
    """Handle SIGTERM, SIGHUP and SIGINT in this process (from its main thread), unless
    ignored (SIGINT has Python's handler by default, raising ``KeyboardInterrupt``)."""
    global _main_pid
    _main_pid = os.getpid()
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) in _DEFAULTS:
            signal.signal(number, _handle)


_DEFAULTS = (signal.SIG_DFL, signal.default_int_handler)


def interrupted(stop: Terminated) -> bool:
    """Whether ``stop`` is Ctrl-C's (SIGINT), which ``argmap watch`` takes as its end."""
    return stop.signum == signal.SIGINT


def raise_swallowed() -> None:
    """Raise :class:`Terminated` again if SIGTERM or SIGHUP was handled and its exception
    swallowed on the way: ``watchfiles`` ends its watch quietly on any exception a signal
    handler raises (it cannot tell ours from Ctrl-C's), so ``argmap watch`` calls this once
    its watch is over, and SIGTERM or SIGHUP end it as they end every other command. Ctrl-C
    is how a watch ends: not raised."""
    if _received is not None and _received != signal.SIGINT:
        raise Terminated(_received)


def die(signum: int) -> None:
    """End this process by signal ``signum``, as if it had never been handled."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _handle(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _main_pid:  # a forked worker: end as the default would
        die(signum)
        return
    global _received
    _received = signum
    for stop in _stoppers:
        stop()
    raise Terminated(signum)
