"""The command line: a thin shell. Each command lives in ``argmap.commands.NAME`` and is
imported only when it runs, so ``argmap --version`` and ``argmap validate`` start fast (no
Graphviz, no Jinja2, no pydantic for ``--version``).

Exit codes everywhere: 0 clean, 1 findings, 2 usage or internal error; a run ended by a
signal dies of it (Ctrl-C: 130 in a shell), and so does a run whose reader went away
(``| head``: SIGPIPE, 141 in a shell).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import NoReturn

import click

from argmap import __version__

# name -> "module:function". Order is the order of ``argmap --help``.
COMMANDS: dict[str, str] = {
    "validate": "argmap.commands.validate:validate",
    "check": "argmap.commands.check:check",
    "schema": "argmap.commands.schema:schema",
    "render": "argmap.commands.render:render",
    "report": "argmap.commands.report:report",
    "handout": "argmap.commands.handout:handout",
    "export": "argmap.commands.export:export",
    "import": "argmap.commands.import_cmd:import_map",
    "watch": "argmap.commands.watch:watch",
    "stats": "argmap.commands.stats:stats",
    "init": "argmap.commands.init:init",
    "rules": "argmap.commands.rules:rules",
    "explain": "argmap.commands.rules:explain",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        _add_verbosity_options(command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """A misspelt command is refused with the nearest one, as click does for options."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            if close and not ctx.resilient_parsing:
                ctx.fail(f"No such command '{name}'. Did you mean '{close[0]}'?")
        return super().resolve_command(ctx, args)


def _add_verbosity_options(command: click.Command) -> None:
    """``-q``/``-v`` after the command name too (``argmap check -q FILE``), as ruff and
    pytest take them; they override the same options given before it."""
    if any(param.name == "quiet_" for param in command.params):
        return
    command.params.extend(
        [
            click.Option(
                ["-q", "--quiet", "quiet_"],
                is_flag=True,
                expose_value=False,
                callback=_set_verbosity(-1),
                help="Only findings: no notes, no summary when clean.",
            ),
            click.Option(
                ["-v", "--verbose", "verbose_"],
                is_flag=True,
                expose_value=False,
                callback=_set_verbosity(1),
                help="Also timings and what was read.",
            ),
        ]
    )


def _set_verbosity(level: int) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        from argmap.commands.common import set_verbosity

        if not value:
            return
        other = "verbose_" if level < 0 else "quiet_"
        if ctx.meta.get(f"argmap.{other}"):
            raise click.UsageError("-q/--quiet and -v/--verbose cannot be used together", ctx)
        ctx.meta[f"argmap.{param.name}"] = True
        set_verbosity(level)

    return callback


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'argmap COMMAND --help' for the options and examples of a command.",
)
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
@click.option("-q", "--quiet", is_flag=True, help="Only findings: no notes, no summary when clean.")
@click.option("-v", "--verbose", is_flag=True, help="Also timings and what was read.")
def main(quiet: bool, verbose: bool) -> None:
    """argmap: map arguments, verify their quotes, and see which claims stand."""
    import time

    from argmap.commands.common import detail, set_verbosity

    set_verbosity(-1 if quiet else 1 if verbose else 0)
    ctx = click.get_current_context()
    started = time.perf_counter()

    def timing() -> None:  # -v after the command name is only known by the end
        detail(f"argmap {ctx.invoked_subcommand}: {time.perf_counter() - started:.2f} s")

    ctx.call_on_close(timing)


def run() -> NoReturn:
    """Console entry point: run the command and leave with its exit status, or die of the
    signal that ended it (SIGINT, SIGTERM, SIGHUP: see :mod:`argmap.terminate`), or of
    SIGPIPE when the reader of its output went away (:class:`argmap.outstream.ReaderGone`)."""
    import contextlib

    from argmap import terminate
    from argmap.outstream import ReaderGone

    terminate.install()
    try:
        try:
            _leave(exit_status())
        except terminate.Terminated as stop:
            if terminate.interrupted(stop):
                _say_interrupted()
            with contextlib.suppress(ReaderGone):  # the signal says what ended the run
                _flush()
            terminate.die(stop.signum)
            _leave(128 + stop.signum)  # the signal is blocked: leave with the status a shell shows
    except ReaderGone:
        _die_of_sigpipe()


def _die_of_sigpipe() -> NoReturn:
    """End a run whose reader went away as GNU tools end, by the default of SIGPIPE: without
    a word (the reader stopped reading on purpose: ``| head``), with a status that no finding
    or failure has (141 in a shell). Nothing more is flushed: what is left has no reader."""
    import os
    import signal

    from argmap import terminate

    signum = getattr(signal, "SIGPIPE", None)
    if signum is not None:
        terminate.die(signum)
    os._exit(128 + 13)  # no such signal, or it is blocked: the status a shell would show


def _say_interrupted() -> None:
    """One line for Ctrl-C (SIGINT), on a line of its own after the terminal's ``^C``."""
    import contextlib

    from argmap.outstream import ReaderGone

    with contextlib.suppress(OSError, ValueError, ReaderGone):
        click.echo("argmap: interrupted", err=True)


_ENDED: list[BaseException] = []  # see exit_status


def exit_status() -> object:
    """Run the command of ``sys.argv``; return its exit code, as ``sys.exit`` reads it. An
    unexpected failure is a short message and 2, not a traceback (set ARGMAP_DEBUG=1 to
    see the traceback)."""
    import contextlib
    import errno
    import gc
    import os

    from argmap.outstream import (
        StandardErrorFailed,
        StandardOutputFailed,
        closed_standard_output,
        guarded,
        in_utf8,
    )

    # argmap builds many small objects that live for the whole run; the default thresholds
    # make the cyclic collector rescan them again and again (about 20% of check's time on a
    # 5,000-claim map). Raise them, as mypy does, rather than switch collection off.
    gc.set_threshold(200_000, 30, 30)
    in_utf8(sys.stderr)
    # closed before argmap started (>&-): what a command prints must fail, not vanish
    sys.stdout = closed_standard_output() if sys.stdout is None else guarded(in_utf8(sys.stdout))
    sys.stderr = guarded(in_utf8(sys.stderr), failed=StandardErrorFailed)
    try:
        main(standalone_mode=True)
    except SystemExit as exc:
        # Its traceback holds the frames of the command, and they the whole run's maps and
        # results: released here, they would be freed object by object (0.2 s of checking
        # a 100,000-claim map) just before _leave ends the process without freeing anything.
        _ENDED.append(exc)
        return exc.code
    except StandardErrorFailed:  # 2> /dev/full: what happened cannot be said
        return 2
    except StandardOutputFailed as exc:
        with contextlib.suppress(OSError):
            click.echo(f"argmap: cannot write to standard output: {exc.strerror}", err=True)
        return 2
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG or exc.filename is None:
            return _internal_error(exc)
        # a path given on the command line, which the system refuses to look at at all
        from argmap.commands.common import say

        say(f"argmap: cannot use {os.fsdecode(exc.filename)}: {exc.strerror}")
        return 2
    except Exception as exc:
        return _internal_error(exc)
    return 0


def _internal_error(exc: Exception) -> int:
    """A failure argmap did not foresee: a short message and 2, not a traceback (the
    traceback with ARGMAP_DEBUG=1)."""
    import contextlib
    import os

    if os.environ.get("ARGMAP_DEBUG"):
        raise exc
    with contextlib.suppress(OSError):  # standard error may refuse it too
        click.echo(f"argmap: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("argmap: please report this, with the file that caused it", err=True)
    return 2


def _leave(code: object) -> NoReturn:
    """Exit with ``code`` (as ``sys.exit`` reads it) without tearing the interpreter down:
    freeing every object of a large map one by one takes 40 ms at 1,000 claims and is of
    no use to anyone, so flush what was printed and leave, as mypy does. Every command has
    closed its files, pools and child processes by now."""
    import os

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        click.echo(code, err=True)
        status = 1
    _flush()
    os._exit(status)


def _flush() -> None:
    """Flush what was printed; a reader that went away, or a stream already closed, has
    nothing left to receive (and one closed before argmap started, ``>&-``, is None)."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
