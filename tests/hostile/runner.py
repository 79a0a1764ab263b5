"""Running argmap on a hostile case exactly as a user (or CI) does: the real command line in a
child process, under a memory limit, with a hang guard, and a record of what it cost.

The child runs ``python -m argmap`` with ``RLIMIT_AS`` set to :data:`MEMORY_LIMIT`, so a memory
blow-up fails the case (as a ``MemoryError`` or a kill) instead of passing on a big machine.
Its exit status and resource use come from ``os.wait4``: ``ru_maxrss`` is the child's own peak,
not that of every child the test process ever had.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GB of address space
HANG_GUARD = 60.0  # seconds: a run this long has hung (the 5 s target is make bench's)
TIMINGS: list[tuple[str, float, int]] = []  # (case, seconds, peak KB), summed up by conftest

DIAGNOSTIC = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info)"
    r"\[(?P<code>AM\d{3})\]"
)


@dataclass(frozen=True, slots=True)
class Run:
    """What one run of the command line did."""

    args: tuple[str, ...]
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kb: int
    timed_out: bool

    def diagnostics(self) -> list[tuple[str, str, int, int]]:
        """(code, path, line, col) of every ``path:line:col: severity[CODE]`` line printed."""
        found = []
        for line in self.stdout.splitlines():
            match = DIAGNOSTIC.match(line)
            if match:
                found.append(
                    (
                        match["code"],
                        match["path"],
                        int(match["line"]),
                        int(match["col"]),
                    )
                )
        return found

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limit_memory() -> None:  # runs in the child, between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_argmap(
    args: Sequence[str],
    cwd: Path,
    logs: Path,
    *,
    home: Path | None = None,
    timeout: float = HANG_GUARD,
) -> Run:
    """``python -m argmap ARGS`` in ``cwd``; stdout and stderr go to files in ``logs``.

    With ``home``, the child's home, cache and temporary folders are there, so a test can see
    that nothing was written to them either.
    """
    logs.mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"GITHUB_ACTIONS", "FORCE_COLOR", "ARGMAP_DEBUG"}
    }
    env["NO_COLOR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if home is not None:
        for name in ("HOME", "XDG_CACHE_HOME", "TMPDIR"):
            env[name] = str(home)
    command = [sys.executable, "-m", "argmap", *args]
    out_path, err_path = logs / "stdout", logs / "stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=_limit_memory,
            start_new_session=True,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        tuple(args),
        process.returncode,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
        seconds,
        usage.ru_maxrss,
        timed_out.is_set(),
    )


Snapshot = dict[str, tuple[str, int, int, str]]


def snapshot(root: Path, skip: Iterable[Path] = ()) -> Snapshot:
    """Every entry under ``root``: its type, size, modification time and (files) digest.

    Nothing is opened but regular files, and links are not followed: taking a snapshot of a
    folder holding a FIFO or a link to a device must not hang either.
    """
    skipped = {p.resolve() for p in skip}
    found: Snapshot = {}
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if (here / d).resolve() not in skipped]
        for name in [*dirs, *names]:
            path = here / name
            info = path.lstat()
            kind = stat.S_IFMT(info.st_mode)
            digest = ""
            if stat.S_ISREG(info.st_mode):
                digest = _digest(path)
            elif stat.S_ISLNK(info.st_mode):
                digest = os.readlink(path)
            found[str(path.relative_to(root))] = (
                f"{kind:o}",
                info.st_size if not stat.S_ISDIR(info.st_mode) else 0,
                info.st_mtime_ns if not stat.S_ISDIR(info.st_mode) else 0,
                digest,
            )
    return found


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
