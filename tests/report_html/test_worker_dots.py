"""A worker process of ``report -j 2`` killed outright (SIGKILL: the out-of-memory killer)
runs nothing more, so the ``dot`` it had started, in a process group of its own, was left
working for nobody until its CPU limit, or for ever if it waits. The run stops what its
dead workers left running: no dot outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from procfs import parent_of, process_state

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc; forked workers as on Linux"
)

MAP = """\
argmap: 1
title: Map {n}
claims:
  a: {{text: Alpha {n} holds., kind: thesis}}
  b: {{text: Beta {n} holds., supports: a}}
"""


def _lines_soon(path: Path, count: int) -> list[str]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = path.read_text().split() if path.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    raise AssertionError(f"{path} did not get {count} lines")


def _ended(pid: int) -> bool:
    """Whether ``pid`` has ended: gone, or a zombie its new parent has not reaped."""
    return process_state(pid) in (None, "Z")


def _gone_soon(pid: int) -> bool:
    """Whether ``pid`` has ended within five seconds: a process killed while it waits for a
    busy CPU shows as running until it gets one. Its SIGKILL is sent before argmap exits,
    or never: a dot left behind sleeps for two minutes."""
    deadline = time.monotonic() + 5
    while not _ended(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _ended(pid)


@pytest.mark.timeout(90)
def test_the_dots_of_a_killed_worker_do_not_outlive_the_run(tmp_path: Path) -> None:
    pids = tmp_path / "dot-pids"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"  # says its pid, then waits, using no CPU (no CPU limit ends it)
    fake.write_text(f'#!/bin/sh\necho $$ >> "{pids}"\nexec sleep 120\n', encoding="utf-8")
    fake.chmod(0o755)
    for n in range(2):
        (tmp_path / f"m{n}.yaml").write_text(MAP.format(n=n), encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    command = [sys.executable, "-m", "argmap", "report", "m0.yaml", "m1.yaml", "-j", "2"]
    run = subprocess.Popen(
        [*command, "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    started: list[str] = []
    try:
        started = _lines_soon(pids, 2)  # each worker waits on its dot
        worker = parent_of(int(started[0]))
        assert worker is not None and worker != run.pid
        os.kill(worker, signal.SIGKILL)
        _, err = run.communicate(timeout=30)
        assert run.returncode == 2
        lost = (
            "not written: a worker process making the files was killed (by the system, "
            "perhaps for want of memory); try again with --jobs 1"
        )
        assert err.decode().splitlines() == [f"argmap: m0.yaml: {lost}", f"argmap: m1.yaml: {lost}"]
        left = [pid for pid in started if not _gone_soon(int(pid))]
        assert left == [], f"dot {left} outlived argmap"
    finally:
        run.kill()
        run.wait()
        for pid in started:
            if not _ended(int(pid)):
                os.kill(int(pid), signal.SIGKILL)


def test_only_the_marked_processes_are_stopped(tmp_path: Path) -> None:
    from argmap.strays import MARK, stop_strays

    parent = 2**22 + os.getpid()  # above pid_max: no process, and no other test's mark
    sleeping = [sys.executable, "-c", "import time; time.sleep(120)"]
    marked = subprocess.Popen(
        sleeping, env={**os.environ, MARK: str(parent)}, start_new_session=True
    )
    other = subprocess.Popen(sleeping, env={**os.environ, MARK: f"{parent}0"})
    try:
        time.sleep(0.5)  # both have started Python, not merely forked
        assert stop_strays(parent) == [marked.pid]
        assert marked.wait(timeout=10) == -signal.SIGKILL
        assert other.poll() is None
    finally:
        for process in (marked, other):
            process.kill()
            process.wait()
