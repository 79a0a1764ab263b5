"""``argmap watch``: re-render the SVG and the report on every save; ``--serve`` previews them
on localhost and reloads the page when they change."""

from __future__ import annotations

import errno
import logging
import sys
import threading
from pathlib import Path

import click

from argmap import terminate
from argmap.commands.common import (
    EXIT_ERROR,
    InputPath,
    OneFile,
    OutputPath,
    emit_diagnostics,
    given,
    missing_path,
    note,
    say,
)
from argmap.commands.layout import (
    drawing_choice,
    evidence_option,
    legend_option,
    page_drawing_options,
)
from argmap.render import Engine
from argmap.watch import Build, Layout, PreviewServer
from argmap.watch import watch as watch_map


@click.command(
    cls=OneFile,
    why="it rebuilds and serves the SVG and report of one map; run a watch per map, each "
    "with its own --port",
)
@click.argument("file", type=InputPath(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=OutputPath(
        file_okay=False,
        no_stdout="watch writes two files (NAME.svg and NAME.html) into a folder; "
        "-o - (standard output) cannot hold them",
    ),
    default="renders",
    show_default=True,
    help="Folder for NAME.svg and NAME.html.",
)
@click.option("--serve", is_flag=True, help="Serve the report on 127.0.0.1 with live reload.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="With --serve: the port on 127.0.0.1 (0 picks a free one).",
)
@page_drawing_options
@evidence_option
@legend_option
def watch(
    file: Path,
    output: Path,
    serve: bool,
    port: int,
    engine: str,
    rankdir: str | None,
    group_by: str | None,
    max_nodes: int,
    time_limit: float,
    evidence: bool | None,
    legend: bool | None,
) -> None:
    """Re-render the SVG and the HTML report of FILE on every save (Ctrl-C stops).

    The map, the files it includes, the sources it quotes and the project's configuration
    (argmap.toml or pyproject.toml) are watched. With --serve, open the printed address: the
    page reloads by itself after each rebuild. Only the map's NAME.html and NAME.svg are
    served from the output folder (404 for its other files). While the map does not build,
    the page shows its errors above the last good report, whose files are left as they are;
    mended, the errors go and the report reloads.

    The SVG is the one 'argmap render' writes, NAME.svg, drawn as the file's drawing:
    settings say (direction, groups, quotes and legend); the report's map takes their
    direction and groups. --rankdir and --group-by override them for both, --evidence and
    --legend for the SVG.

    A map too large to draw (--max-nodes) or whose layout fails or takes longer than
    --time-limit is said, its report written without the drawing, and watched on.

    Exit status: 0 stopped by Ctrl-C (a map with errors is reported and watched on), 2 no
    such file, a port that cannot be had, or --port without --serve. SIGTERM and SIGHUP end
    it as they end every command: it dies of the signal (143 or 129 in a shell).

    \b
    Examples:
      argmap watch arguments/montebello.yaml
      argmap watch map.yaml --serve --port 8080
    """
    # Ctrl-C is how a watch stops; watchfiles logs it as a warning that reads like a crash.
    logging.getLogger("watchfiles").setLevel(logging.ERROR)
    if not serve and given("port"):
        raise click.UsageError("--port is where --serve serves: give --serve too")
    missing = missing_path(file)
    if missing is not None:
        emit_diagnostics([missing], {}, 0, "text")
        sys.exit(EXIT_ERROR)
    server = _server(output, f"{file.stem}.html", port) if serve else None

    def report(build: Build) -> None:
        if build.diagnostics:
            emit_diagnostics(build.diagnostics, build.texts, 1, "text")
        for path in build.written:
            note(f"[{build.number}] wrote {path}")
        for message in build.unwritten:
            say(f"argmap: [{build.number}] {message}")
        if server is not None:
            server.show(build)

    if server is not None:
        server.start()
        click.echo(f"serving http://127.0.0.1:{server.port}/ (Ctrl-C stops)", err=True)
    try:
        chosen = drawing_choice(rankdir, group_by, evidence, legend)
        layout = Layout(Engine(engine), max_nodes, time_limit, chosen)
        watch_map(file, output, report, threading.Event(), layout=layout)
    except KeyboardInterrupt:
        pass  # Ctrl-C during a build stops the watch as quietly as Ctrl-C between builds
    except terminate.Terminated as stop:  # Ctrl-C as argmap handles it (argmap.terminate)
        if not terminate.interrupted(stop):
            raise
    finally:
        if server is not None:
            server.stop()
    terminate.raise_swallowed()  # SIGTERM, SIGHUP: die of the signal, as every command does


def _server(output: Path, page: str, port: int) -> PreviewServer:
    """The preview server on ``port``; a port that cannot be had is a usage error (exit 2)."""
    try:
        return PreviewServer(output, page, port)
    except OSError as exc:
        reason = (
            "the port is in use"
            if exc.errno == errno.EADDRINUSE
            else exc.strerror or type(exc).__name__
        )
        click.echo(
            f"argmap: cannot serve on 127.0.0.1:{port}: {reason}; choose another with --port "
            "(0 picks a free one)",
            err=True,
        )
        sys.exit(EXIT_ERROR)
