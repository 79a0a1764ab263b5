"""A run ended by SIGTERM (a CI job's time limit, ``kill``) or SIGHUP (its terminal closed)
stops its ``dot`` processes, removes its half-written files and dies of the signal, as it
does on Ctrl-C; a ``dot`` left behind by a run killed outright stops by itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.render import Engine, OutputFormat, backends
from argmap.render.backends import LayoutFailed, layout
from procfs import parent_of, process_state

from .conftest import fake_dot

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc; signals as on Linux"
)

MAP = """\
argmap: 1
title: Map {n}
claims:
  a: {{text: Alpha {n} holds., kind: thesis}}
  b: {{text: Beta {n} holds., supports: a}}
"""


def _gone_soon(pid: int) -> bool:
    """Whether ``pid`` has ended (gone, or a zombie waiting to be reaped) within five seconds."""
    deadline = time.monotonic() + 5
    while process_state(pid) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.05)
    return process_state(pid) in (None, "Z")


def _lines_soon(path: Path, count: int) -> list[str]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        lines = path.read_text().split() if path.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    raise AssertionError(f"{path} did not get {count} lines")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stopped_render_stops_its_dots_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: signal.Signals
) -> None:
    pids = tmp_path / "dot-pids"
    # a dot that says its pid, then takes a minute (a dense map)
    fake_dot(tmp_path, monkeypatch, f'echo $$ >> "{pids}"\nexec sleep 60')
    for n in range(3):
        (tmp_path / f"m{n}.yaml").write_text(MAP.format(n=n), encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "argmap",
            "render",
            "m0.yaml",
            "m1.yaml",
            "m2.yaml",
            "--jobs",
            "2",
            "-o",
            str(out),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        started = _lines_soon(pids, 2)  # two layouts at once
        run.send_signal(stop)
        _, err = run.communicate(timeout=10)
        assert run.returncode == -stop  # it died of the signal, as a shell reports it
        assert err == b""
        for pid in started:
            assert _gone_soon(int(pid)), f"dot {pid} outlived argmap"
        time.sleep(0.3)
        assert pids.read_text().split() == started  # no third layout began
        assert not out.exists() or sorted(os.listdir(out)) == []
    finally:
        run.kill()
        for pid in pids.read_text().split() if pids.exists() else []:
            if process_state(int(pid)) not in (None, "Z"):
                os.kill(int(pid), signal.SIGKILL)


@pytest.mark.timeout(60)
def test_an_ignored_sighup_stays_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``nohup argmap render ...`` goes on when its terminal closes."""
    pids = tmp_path / "dot-pids"
    svg = tmp_path / "drawn.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg width="1pt"><g/></svg>\n', encoding="utf-8")
    fake_dot(tmp_path, monkeypatch, f'cat >/dev/null\necho $$ >> "{pids}"\nsleep 1\ncat "{svg}"')
    (tmp_path / "m.yaml").write_text(MAP.format(n=0), encoding="utf-8")
    run = subprocess.Popen(
        ["nohup", sys.executable, "-m", "argmap", "render", "m.yaml", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        _lines_soon(pids, 1)
        run.send_signal(signal.SIGHUP)
        _, err = run.communicate(timeout=30)
        assert run.returncode == 0, err
        drawn = (tmp_path / "out" / "m.svg").read_text(encoding="utf-8")
        assert drawn.endswith(  # dot's, stamped and named by argmap
            '<svg role="graphics-document document" aria-labelledby="map-title" '
            'aria-describedby="map-desc" width="1pt">\n<title id="map-title">Map 0</title>\n'
            '<desc id="map-desc">Argument map: 2 claims, 1 argument, 0 attacks and 0 quotes. '
            "Verdicts: 2 unsupported.</desc><g/></svg>\n"
        )
    finally:
        run.kill()


def test_dot_may_use_no_more_cpu_than_its_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed outright (SIGKILL, the out-of-memory killer) cannot stop its dot: the
    system does, once dot has used its time limit in CPU seconds (this stand-in prints the
    limit it was given)."""
    fake_dot(tmp_path, monkeypatch, 'cat >/dev/null\necho "<svg>$(ulimit -t)</svg>"')
    tiny = "digraph { a -> b }"
    assert layout(tiny, OutputFormat.SVG, Engine.SYSTEM, timeout=30) == b"<svg>35</svg>\n"
    assert layout(tiny, OutputFormat.SVG, Engine.SYSTEM, timeout=0.2) == b"<svg>6</svg>\n"
    assert layout(tiny, OutputFormat.SVG, Engine.SYSTEM, timeout=None) == b"<svg>unlimited</svg>\n"


def test_no_dot_starts_once_the_run_is_ending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Layouts queued behind the stopped ones, or starting as the signal arrives, do not
    start a dot that nothing would stop."""
    started = tmp_path / "started"
    fake_dot(tmp_path, monkeypatch, f'touch "{started}"\ncat >/dev/null\nexec sleep 60')
    dots = backends._Dots()
    monkeypatch.setattr(backends, "_dots", dots)
    real_popen = subprocess.Popen

    def popen_as_the_signal_arrives(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process = real_popen(*args, **kwargs)
        dots.stop()  # SIGTERM, between the start of this dot and its registration
        return process

    monkeypatch.setattr(backends.subprocess, "Popen", popen_as_the_signal_arrives)
    with pytest.raises(LayoutFailed) as raised:
        layout("digraph { a }", OutputFormat.SVG, Engine.SYSTEM, timeout=30)
    assert str(raised.value) == backends._STOPPING
    assert dots.running == set()
    monkeypatch.setattr(backends.subprocess, "Popen", real_popen)
    started.unlink(missing_ok=True)
    with pytest.raises(LayoutFailed) as raised:
        layout("digraph { a }", OutputFormat.SVG, Engine.SYSTEM, timeout=30)
    assert str(raised.value) == backends._STOPPING
    assert not started.exists()  # not even started


@pytest.mark.timeout(60)
@pytest.mark.parametrize("output", ["out", "m0.svg"], ids=["folder", "file"])
def test_ctrl_c_is_not_the_exit_status_of_a_stale_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    """Ctrl-C (SIGINT) ended in click's 'Aborted!' and exit 1, the status --check gives for
    a stale file: a script could not tell them apart. The run now stops its dots, writes
    nothing, says so in one line and dies of SIGINT, which a shell shows as 130 and which
    stops the script that ran it (as Python does on an unhandled Ctrl-C)."""
    pids = tmp_path / "dot-pids"
    fake_dot(tmp_path, monkeypatch, f'echo $$ >> "{pids}"\nexec sleep 60')
    (tmp_path / "m0.yaml").write_text(MAP.format(n=0), encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", "m0.yaml", "-o", output],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        started = _lines_soon(pids, 1)
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=10)
        assert (run.returncode, out, err) == (-signal.SIGINT, b"", b"argmap: interrupted\n")
        assert _gone_soon(int(started[0])), "dot outlived argmap"
        assert sorted(os.listdir(tmp_path)) == ["bin", "dot-pids", "m0.yaml"]
    finally:
        run.kill()
        for pid in pids.read_text().split() if pids.exists() else []:
            if process_state(int(pid)) not in (None, "Z"):
                os.kill(int(pid), signal.SIGKILL)


# A ``dot`` that is a wrapper script (as distributions, Conda and Homebrew ship): it runs the
# real program as a child, here a long ``sleep`` whose pid it records, and waits for it.
WRAPPER = 'cat >/dev/null\nsleep 60 &\necho $! > "{child}"\nwait'


def _child_pid(path: Path) -> int:
    return int(_lines_soon(path, 1)[0])


@pytest.mark.timeout(60)
def test_a_wrapped_dot_over_its_time_limit_is_stopped_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the wrapper was killed: the dot it ran went on eating a core for nobody. dot
    now runs in a process group of its own, and the whole group is killed."""
    child = tmp_path / "child-pid"
    fake_dot(tmp_path, monkeypatch, WRAPPER.format(child=child))
    try:
        with pytest.raises(LayoutFailed) as raised:
            layout("digraph { a }", OutputFormat.SVG, Engine.SYSTEM, timeout=1)
        assert str(raised.value) == (
            "Graphviz 'dot' did not finish within 1 s and was stopped; draw a part of the map "
            "with --focus CLAIM --depth N, or allow more time with --time-limit"
        )
        assert _gone_soon(_child_pid(child)), "the wrapped dot outlived its time limit"
    finally:
        if child.exists() and process_state(pid := _child_pid(child)) not in (None, "Z"):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.timeout(60)
def test_ctrl_c_in_a_terminal_stops_a_wrapped_dot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C typed in a terminal: its SIGINT reaches the terminal's foreground process
    group, no longer dot (a group of its own); argmap stops dot's group itself."""
    import pty

    child = tmp_path / "child-pid"
    fake_dot(tmp_path, monkeypatch, WRAPPER.format(child=child))
    (tmp_path / "m.yaml").write_text(MAP.format(n=0), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    argv = [sys.executable, "-m", "argmap", "render", "m.yaml", "-o", "out", "--time-limit", "50"]
    pid, terminal = pty.fork()  # argmap leads a session whose terminal is this pty
    if pid == 0:  # pragma: no cover - the child
        os.chdir(tmp_path)
        os.execve(sys.executable, argv, env)
    try:
        dot_child = _child_pid(child)
        os.write(terminal, b"\x03")  # Ctrl-C, as typed
        said = b""
        while True:
            try:
                chunk = os.read(terminal, 1024)
            except OSError:  # argmap has ended and closed the terminal
                break
            if not chunk:
                break
            said += chunk
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT
        assert said.replace(b"^C", b"").strip() == b"argmap: interrupted"
        assert _gone_soon(dot_child), "the wrapped dot outlived argmap"
        assert sorted(os.listdir(tmp_path)) == ["bin", "child-pid", "m.yaml"]
    finally:
        os.close(terminal)
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        if child.exists() and process_state(gone := _child_pid(child)) not in (None, "Z"):
            os.kill(gone, signal.SIGKILL)


def _dense_map(claims: int) -> str:
    """A map whose layout keeps ``dot`` busy for many seconds (1,500 claims: 15 s of CPU):
    a tree of supports, each claim rebutting another one, far from it in the tree."""
    lines = ["argmap: 1", "title: Big", "claims:", "  c0: {text: Claim zero holds., kind: thesis}"]
    for i in range(1, claims):
        lines.append(
            f"  c{i}: {{text: Claim number {i} says a few words of {i * 7919 % 997}., "
            f"supports: c{(i - 1) // 3}, rebuts: c{i * 7919 % i}}}"
        )
    return "\n".join(lines) + "\n"


def _children_named(parent: int, name: str) -> list[int]:
    """The processes called ``name`` whose parent is ``parent``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and parent_of(int(entry)) == parent:
            try:
                comm = Path(f"/proc/{entry}/comm").read_text().strip()
            except FileNotFoundError:
                continue
            if comm == name:
                found.append(int(entry))
    return found


def _cpu_seconds(pid: int) -> float:
    """The CPU time process ``pid`` has used; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


@pytest.mark.exe
@pytest.mark.timeout(120)
@pytest.mark.parametrize("jobs", ["1", "2"], ids=["one-dot", "dots-in-threads"])
def test_a_render_killed_outright_leaves_no_dot(tmp_path: Path, jobs: str) -> None:
    """SIGKILL (the out-of-memory killer, ``kill -9``) runs nothing in argmap: its ``dot``
    went on laying out for nobody until its CPU limit (the time limit and 5 s). Each dot now
    asks the kernel to kill it when argmap ends."""
    for n in range(2):
        (tmp_path / f"big{n}.yaml").write_text(_dense_map(1500), encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", "big0.yaml", "big1.yaml", "-j", jobs],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    dots: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not dots and time.monotonic() < deadline and run.poll() is None:
            dots = _children_named(run.pid, "dot")
            time.sleep(0.01)
        assert dots, "no dot was seen running"
        # laying out, its input read whole: a dot still reading would stop at its end
        while _cpu_seconds(dots[0]) < 0.5 and time.monotonic() < deadline:
            time.sleep(0.01)
        dots = sorted({*dots, *_children_named(run.pid, "dot")})  # with -j 2, perhaps two
        run.kill()
        run.wait()
        left = [pid for pid in dots if not _gone_soon(pid)]
        assert left == [], f"dot {left} outlived argmap"
    finally:
        run.kill()
        run.wait()
        for pid in dots:
            if process_state(pid) not in (None, "Z"):
                os.kill(pid, signal.SIGKILL)
