"""Work in a forked child process: on the second core (``check`` lints a large map while it
evaluates it), or where it can be stopped (the embedded Graphviz, which runs as WebAssembly
inside this process and could not be interrupted otherwise).

Linux only, and only while this process has a single thread: a child gets only the forking
thread, so a lock another thread holds (watch's preview server, a logging handler) would
stay held in it for ever. :func:`fork` returns None where it cannot fork, and the caller
does the work in-process instead.

A child never outlives its work's use: the parent stops and reaps it on any way out of
:meth:`Child.result` (its time limit, Ctrl-C, an exception), and the child asks the kernel to
kill it when the parent ends (``PR_SET_PDEATHSIG``), so that a parent killed outright, which
runs nothing more, does not leave it working with no time limit.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class ChildTimeout(Exception):
    """The child did not finish in time; it has been stopped."""


@dataclass(frozen=True, slots=True)
class Child(Generic[T]):
    """A forked child that writes its result, pickled, to ``pipe`` and exits 0."""

    pid: int
    pipe: int

    def result(self, timeout: float | None = None) -> T | None:
        """What the child's work returned, once it has ended; None if it failed in any way.
        After ``timeout`` seconds the child is stopped and :class:`ChildTimeout` raised."""
        deadline = None if timeout is None else time.monotonic() + timeout
        chunks: list[bytes] = []
        try:
            while True:
                if deadline is not None and not self._readable_before(deadline):
                    raise ChildTimeout
                chunk = os.read(self.pipe, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            self.end()
            return None
        except BaseException:  # the time limit, Ctrl-C, SystemExit: the child is not wanted
            self.end()
            raise
        os.close(self.pipe)
        try:
            _, status = os.waitpid(self.pid, 0)
        except BaseException:  # interrupted before it was reaped: the pid is still our child's
            self._stop()
            raise
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        found: T = pickle.loads(b"".join(chunks))  # from our own child, not from a file
        return found

    def _readable_before(self, deadline: float) -> bool:
        poller = select.poll()
        poller.register(self.pipe, select.POLLIN | select.POLLHUP | select.POLLERR)
        while (left := deadline - time.monotonic()) > 0:
            if poller.poll(math.ceil(left * 1000)):
                return True
        return False

    def end(self) -> None:
        """Stop the child and reap it; its result is not wanted."""
        with contextlib.suppress(OSError):
            os.close(self.pipe)
        self._stop()

    def _stop(self) -> None:
        """Kill the child and wait for it, so that it is neither left running nor a zombie."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def fork(work: Callable[[], T]) -> Child[T] | None:
    """Run ``work`` in a forked child, which sends back what it returns (pickled); None
    where forking is not possible or not safe (see the module's docstring)."""
    if not sys.platform.startswith("linux"):
        return None  # fork is only safe and cheap where the commands already use it
    if threading.active_count() > 1:
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid:
        os.close(write_end)
        return Child(pid, read_end)
    status = 1  # the child: nothing it does may reach the parent's files or output
    try:
        die_with(parent)
        os.close(read_end)
        payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        status = 0
    finally:
        os._exit(status)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def killed_with_this_process() -> Callable[[], None] | None:
    """A ``preexec_fn`` for :class:`subprocess.Popen` (the system ``dot``) by which the program
    asks the kernel for SIGKILL when this process ends, killed outright included (SIGKILL,
    the out-of-memory killer), which runs none of argmap's own cleanup; None where the
    kernel has no such request (not Linux, no ``prctl``).

    ``preexec_fn`` runs Python in the child between fork and exec, which is unsafe where a
    lock another thread held is taken there (the layout threads of ``render -j``, watch's
    preview server). This one takes none: ``prctl`` is looked up here, in the parent, and the
    child only calls it with integers and reads its parent's id (CPython resets its own
    locks in the child before it runs ``preexec_fn``). The signal comes when the *thread*
    that started the program ends, so the program must be waited for by that thread, as
    :func:`argmap.render.backends._run_limited` does. It costs the start of a program a
    fork instead of a vfork: 1 to 20 ms for a process of 165 MB on a busy machine (0.1 to
    0.7 ms without), once per layout."""
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def ask() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # ended already, before it could be asked
            os._exit(1)

    return ask


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """The C library's ``prctl``, None where there is none (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function: Callable[..., int] = ctypes.CDLL(None).prctl
    except (OSError, AttributeError):
        return None
    return function


def die_with(parent: int) -> None:
    """In a child of ``parent`` (a forked child, a pool's worker): have the kernel send it
    SIGKILL when the parent ends, and exit at once if the parent ended already, before it
    could be asked. Linux only; elsewhere, or without ``prctl``, the parent's own cleanup is
    all there is."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)
