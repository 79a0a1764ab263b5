"""Outputs are written atomically: a reader, a crash or a second argmap sees the old file or the
new one, whole, and never a temporary file left beside it by a failure argmap saw."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.write import cannot_write, write_atomic

from .corpus import load_cases

OLD = b"the previous output\n" * 1000
NEW = b"the new output, longer than the old one\n" * 50_000


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_the_bytes_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out" / "map.svg"
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert _only(target.parent) == ["map.svg"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_name_near_the_file_systems_limit_is_written(tmp_path: Path) -> None:
    # The temporary name must not be longer than the target's: 250 bytes is within the
    # 255 of common file systems, a name that adds 14 to it is not.
    target = tmp_path / ("m" * 246 + ".svg")
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert _only(tmp_path) == [target.name]


def test_the_temporary_file_has_a_short_fixed_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spying_replace(src: str, dst: Path) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr("argmap.write.os.replace", spying_replace)
    write_atomic(tmp_path / ("m" * 246 + ".svg"), NEW)
    assert len(seen) == 1 and re.fullmatch(r"\.argmap-[a-z0-9_]{8}\.tmp", seen[0]), seen


def test_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(OLD)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "map.svg"
    target.symlink_to(outside)
    write_atomic(target, NEW)
    assert outside.read_bytes() == OLD
    assert not target.is_symlink() and target.read_bytes() == NEW


class _Boom(Exception):
    pass


def _failing_fsync(fd: int) -> None:
    raise OSError(28, "No space left on device")


class _HalfWriter:
    """A file handle that writes half of what it is given, then fails (a full disk, a kill)."""

    def __init__(self, handle: Any, error: BaseException) -> None:
        self._handle = handle
        self._error = error

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


@pytest.mark.parametrize(
    "error",
    [OSError(28, "No space left on device"), KeyboardInterrupt(), _Boom("writer failed")],
    ids=["disk-full", "interrupt", "exception"],
)
def test_a_writer_failing_midway_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(OLD)
    real_fdopen = os.fdopen

    def half_fdopen(fd: int, *args: Any, **kwargs: Any) -> _HalfWriter:
        return _HalfWriter(real_fdopen(fd, *args, **kwargs), error)

    monkeypatch.setattr("argmap.write.os.fdopen", half_fdopen)
    with pytest.raises(type(error)):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert _only(tmp_path) == ["map.svg"]


def test_a_failing_fsync_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(OLD)
    monkeypatch.setattr("argmap.write.os.fsync", _failing_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert _only(tmp_path) == ["map.svg"]


def test_a_failing_rename_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(OLD)

    def no_replace(src: str, dst: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("argmap.write.os.replace", no_replace)
    with pytest.raises(PermissionError):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert _only(tmp_path) == ["map.svg"]


_SLOW_WRITER = """
import os, sys, time
from pathlib import Path
import argmap.write as w
real = os.fdopen
class Slow:
    def __init__(self, h): self.h = h
    def __enter__(self): return self
    def __exit__(self, *a): self.h.close()
    def write(self, data):
        for i in range(0, len(data), 4096):
            self.h.write(data[i:i + 4096]); self.h.flush()
            if i == 4096 * 8:
                print("halfway", flush=True)
            time.sleep(0.001)
    def __getattr__(self, name): return getattr(self.h, name)
w.os.fdopen = lambda fd, *a, **k: Slow(real(fd, *a, **k))
w.write_atomic(Path(sys.argv[1]), b"new output\\n" * 200_000)
"""


def test_a_run_killed_midway_leaves_the_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "halfway"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert target.read_bytes() == OLD
    # A killed process cannot clean up: its partial file stays, hidden and never at the target.
    left = [name for name in _only(tmp_path) if name != "map.svg"]
    assert all(re.fullmatch(r"\.argmap-[a-z0-9_]{8}\.tmp", name) for name in left), left


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_run_ended_midway_by_a_signal_cleans_up(tmp_path: Path, stop: signal.Signals) -> None:
    """SIGTERM or SIGHUP (argmap.terminate) unwinds the run: the partial file is removed, the
    previous output stays, and the process dies of the signal."""
    target = tmp_path / "map.svg"
    target.write_bytes(OLD)
    script = (
        _SLOW_WRITER.replace(
            "w.write_atomic(Path(sys.argv[1])",
            "from argmap import terminate\nterminate.install()\n"
            "try:\n    w.write_atomic(Path(sys.argv[1])",
        ).rstrip("\n")
        + "\nexcept terminate.Terminated as end:\n    terminate.die(end.signum)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "halfway"
    child.send_signal(stop)
    assert child.wait(timeout=30) == -stop
    assert target.read_bytes() == OLD
    assert _only(tmp_path) == ["map.svg"]


@pytest.mark.parametrize("stop", [KeyboardInterrupt, "Terminated"], ids=["SIGINT", "SIGTERM"])
def test_a_signal_as_the_temporary_file_is_made_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: Any
) -> None:
    """Ctrl-C or SIGTERM raise where the interpreter is (argmap.terminate): one that came
    just as the temporary file was created, before write_atomic held its name, left it
    behind for good."""
    import argmap.write as w
    from argmap.terminate import Terminated

    raised = Terminated(signal.SIGTERM) if stop == "Terminated" else stop()
    real_open = os.open

    def created_then_stopped(name: str, flags: int, mode: int = 0o777) -> int:
        os.close(real_open(name, flags, mode))
        raise raised

    target = tmp_path / "map.svg"
    target.write_bytes(OLD)
    monkeypatch.setattr(w.os, "open", created_then_stopped)
    with pytest.raises(type(raised)):
        write_atomic(target, NEW)
    assert _only(tmp_path) == ["map.svg"]
    assert target.read_bytes() == OLD


def test_concurrent_writers_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    contents = [bytes([65 + i]) * (2_000_000 + i * 7919) for i in range(4)]
    target.write_bytes(contents[0])
    seen: list[bytes] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            seen.append(target.read_bytes())

    def writer(data: bytes) -> Callable[[], None]:
        def run() -> None:
            for _ in range(15):
                write_atomic(target, data)

        return run

    threads = [threading.Thread(target=writer(data)) for data in contents]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert target.read_bytes() in contents
    assert seen and all(data in contents for data in seen)
    assert _only(tmp_path) == ["map.svg"]


def test_two_renders_of_the_same_file_at_once_leave_a_whole_output(tmp_path: Path) -> None:
    case = next(c for c in load_cases() if c.name == "render-chain-5k")
    project = tmp_path / "project"
    case.lay_out(project, tmp_path / "outside")
    command = [sys.executable, "-m", "argmap", "render", "map.yaml", "-o", "out"]
    renders = [
        subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outcomes = [render.communicate(timeout=120) for render in renders]
    assert [render.returncode for render in renders] == [0, 0], outcomes
    assert _only(project / "out") == ["map.svg"]
    root = ET.fromstring((project / "out" / "map.svg").read_bytes())  # whole: it parses
    assert root.tag.endswith("svg")


# -- what argmap says when it cannot write ---------------------------------------------------


def test_cannot_write_names_a_folder_in_the_way(tmp_path: Path) -> None:
    target = tmp_path / "out" / "map.svg"
    target.mkdir(parents=True)
    with pytest.raises(OSError) as caught:
        write_atomic(target, NEW)
    assert cannot_write(target, caught.value) == f"cannot write {target}: it is a folder"
    assert _only(target.parent) == ["map.svg"]


@pytest.mark.parametrize("depth", [0, 2], ids=["parent", "grandparent"])
def test_cannot_write_names_a_file_where_a_folder_should_be(tmp_path: Path, depth: int) -> None:
    blocker = tmp_path / "out"
    blocker.write_bytes(OLD)
    target = blocker.joinpath(*["sub"] * depth, "map.svg")
    with pytest.raises(OSError) as caught:
        write_atomic(target, NEW)
    assert cannot_write(target, caught.value) == (
        f"cannot write {target}: {blocker} is a file, not a folder"
    )
    assert blocker.read_bytes() == OLD


@pytest.mark.parametrize("depth", [0, 2], ids=["parent", "grandparent"])
def test_cannot_write_names_a_loop_of_links_where_a_folder_should_be(
    tmp_path: Path, depth: int
) -> None:
    """It said 'File exists': the folder, not there to be followed, could not be made."""
    loop = tmp_path / "out"
    loop.symlink_to(tmp_path / "back")
    (tmp_path / "back").symlink_to(loop)
    target = loop.joinpath(*["sub"] * depth, "map.svg")
    with pytest.raises(OSError) as caught:
        write_atomic(target, NEW)
    assert cannot_write(target, caught.value) == (
        f"cannot write {target}: {loop} is a loop of symbolic links"
    )
    assert _only(tmp_path) == ["back", "out"]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(28, "No space left on device"), "No space left on device"),
        (OSError("no errno at all"), "no errno at all"),
    ],
)
def test_cannot_write_gives_the_system_reason(tmp_path: Path, error: OSError, reason: str) -> None:
    target = tmp_path / "map.svg"
    assert cannot_write(target, error) == f"cannot write {target}: {reason}"


@pytest.mark.timeout(5)
def test_a_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/null`, `-o /dev/stdout`, `-o >(gzip)`: a pipe or a device is a stream to
    write to. Renaming a temporary file over it replaced /dev/null itself with a file (as
    root, on this very machine)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_atomic(pipe, NEW)
    reader.join()
    assert received == [NEW]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert _only(tmp_path) == ["pipe"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs as on POSIX")
def test_a_pipe_not_named_is_refused_not_opened(tmp_path: Path) -> None:
    """A file of an output folder (watch's, render's into ``-o out/``) that is a FIFO: opened,
    it would wait for a reader for ever; it is refused, and left a FIFO."""
    pipe = tmp_path / "m.svg"
    os.mkfifo(pipe)
    with pytest.raises(OSError) as raised:
        write_atomic(pipe, NEW, named=False)
    assert cannot_write(pipe, raised.value) == (
        f"{pipe}: is not a regular file (a FIFO); remove it or name another output"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert _only(tmp_path) == ["m.svg"]


def test_a_file_not_named_is_replaced_as_a_named_one(tmp_path: Path) -> None:
    target = tmp_path / "m.svg"
    target.write_bytes(OLD)
    write_atomic(target, NEW, named=False)
    assert target.read_bytes() == NEW
    assert _only(tmp_path) == ["m.svg"]
