"""``argmap init``: a commented starter map (and the source it quotes) that validates."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    InputPath,
    OneFile,
    given,
    quiet,
    say,
    summary,
    write_output,
)
from argmap.paths import SUFFIXES
from argmap.shellword import shell_word
from argmap.starter import STARTER_MAP, STARTER_SOURCE
from argmap.winnames import windows_name_problem

SCHEMA_URL = "https://raw.githubusercontent.com/argmap/argmap/main/schema/argmap.schema.json"


@click.command(
    cls=OneFile,
    why="it writes one starter map; run it once per map",
)
@click.argument("path", type=InputPath(), default="map.yaml")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented starter map to PATH (default map.yaml), with the source it quotes.

    PATH ends in .yaml or .yml, or is a folder (FOLDER/map.yaml). The source,
    sources/district-study.txt beside the map, is shared by the maps init writes there.

    Exit status: 0 written, 2 the map or its source exists (give --force), a name that does
    not end in .yaml or .yml or that Windows cannot create (con.yaml), or a file that cannot
    be written.

    \b
    Examples:
      argmap init
      argmap init arguments/uniforms.yaml && argmap check arguments/uniforms.yaml
    """
    # FOLDER/map.yaml and the default map.yaml are names init gives, not the user
    named = path.suffix.lower() in SUFFIXES and given("path")
    if path.suffix.lower() not in SUFFIXES:
        if path.suffix and not path.is_dir():
            click.echo(
                f"argmap: {path}: an argument map's name ends in .yaml or .yml (argmap finds "
                "maps in folders by that)",
                err=True,
            )
            sys.exit(EXIT_ERROR)
        path = path / "map.yaml"
    problem = windows_name_problem(path.name)
    if problem is not None:  # its renders would be refused too (argmap.commands.targets)
        say(f"argmap: {path} cannot be a file on Windows: {problem}; give the map another name")
        sys.exit(EXIT_ERROR)
    source = path.parent / "sources" / "district-study.txt"
    source_bytes = STARTER_SOURCE.encode("utf-8")
    shared = not force and _holds(source, source_bytes)  # a map init wrote before quotes it
    for target in (path,) if shared else (path, source):
        if target.exists() and not force:
            say(f"argmap: {target} exists; use --force to overwrite it")
            sys.exit(EXIT_ERROR)
    schema = _schema_reference(path)
    text = STARTER_MAP.format(schema=schema, name=shell_word(path.name))
    if not (
        # the user named no source, nor FOLDER/map.yaml: a FIFO there is refused, not opened
        (shared or write_output(source, source_bytes, named=False))
        and write_output(path, text.encode("utf-8"), named=named)
    ):
        sys.exit(EXIT_ERROR)
    if quiet():  # -q: only findings, and writing the starter map finds nothing
        return
    if shared:
        summary(f"wrote {path} ({source} is there already)")
    else:
        summary(f"wrote {path} and {source}")
    summary(f"next: argmap check {shell_word(str(path))}")


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data``."""
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _schema_reference(path: Path) -> str:
    """A relative path to the project's schema when there is one, else the published URL."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schema" / "argmap.schema.json"
        if schema.is_file():
            return os.path.relpath(schema, folder)
    return SCHEMA_URL
