"""SIGTERM and SIGHUP raise :class:`Terminated` in argmap's own process, after its stoppers
have run; a process forked from it dies of them as by default; an ignored one stays ignored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, signals")

_SCRIPT = """
import os, signal, sys, time
from argmap import terminate

terminate.on_termination(lambda: print("stopped", flush=True))
terminate.install()
pid = os.fork()
if pid == 0:  # a forked worker
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("worker", os.WTERMSIG(status) if os.WIFSIGNALED(status) else "lived", flush=True)
for name in ("SIGTERM", "SIGHUP"):
    try:
        os.kill(os.getpid(), getattr(signal, name))
        time.sleep(5)
    except terminate.Terminated as stop:
        print(name, stop.signum, flush=True)
"""


def _run(script: str, *prefix: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_the_signals_end_the_run_and_a_forked_worker_as_by_default() -> None:
    done = _run(_SCRIPT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n") == [
        f"worker {int(signal.SIGTERM)}",
        "stopped",
        f"SIGTERM {int(signal.SIGTERM)}",
        "stopped",
        f"SIGHUP {int(signal.SIGHUP)}",
        "",
    ]


def test_an_ignored_signal_stays_ignored() -> None:
    script = (
        "import signal\nfrom argmap import terminate\nterminate.install()\n"
        "print(signal.getsignal(signal.SIGHUP) is signal.SIG_IGN, "
        "signal.getsignal(signal.SIGTERM) is terminate._handle)"
    )
    assert _run(script, "nohup").stdout == "True True\n"
