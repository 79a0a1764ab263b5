"""``argmap init``: a commented starter map (and the source it quotes) that validates."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from argmap.commands.common import EXIT_ERROR, write_output
from argmap.starter import STARTER_MAP, STARTER_SOURCE

SCHEMA_URL = "https://raw.githubusercontent.com/argmap/argmap/main/schema/argmap.schema.json"


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default="map.yaml")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented starter map to PATH (default map.yaml), with the source it quotes.

    \b
    Examples:
      argmap init
      argmap init arguments/uniforms.yaml && argmap check arguments/uniforms.yaml
    """
    if path.suffix not in (".yaml", ".yml"):
        path = path / "map.yaml" if path.is_dir() or not path.suffix else path
    source = path.parent / "sources" / "district-study.txt"
    for target in (path, source):
        if target.exists() and not force:
            click.echo(f"argmap: {target} exists; use --force to overwrite it", err=True)
            sys.exit(EXIT_ERROR)
    schema = _schema_reference(path)
    text = STARTER_MAP.format(schema=schema, name=path.name)
    if not (
        write_output(source, STARTER_SOURCE.encode("utf-8"))
        and write_output(path, text.encode("utf-8"))
    ):
        sys.exit(EXIT_ERROR)
    click.echo(f"wrote {path} and {source}")
    click.echo(f"next: argmap check {path}")


def _schema_reference(path: Path) -> str:
    """A relative path to the project's schema when there is one, else the published URL."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schema" / "argmap.schema.json"
        if schema.is_file():
            return os.path.relpath(schema, folder)
    return SCHEMA_URL
