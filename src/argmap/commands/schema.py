"""``argmap schema``: the JSON Schema of the argument file, for editors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.commands.common import EXIT_ERROR, OutputPath, note, write_output
from argmap.schema import schema_text


@click.command()
@click.option(
    "-o",
    "--output",
    type=OutputPath(one_file="argmap schema writes one file"),
    metavar="FILE",
    help="Write the schema to this file, not stdout.",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the argument file (format version 1).

    Editors use it to complete keys and check values; the repository keeps a copy in
    schema/argmap.schema.json (see docs/format.md for the modeline).

    -o - is standard output, as without -o (-o ./- names a file called -). -o NAME/ (a
    trailing slash, a folder to render) is a usage error: the schema is one file.

    Exit status: 0 printed or written, 2 the output cannot be written.

    \b
    Examples:
      argmap schema -o schema/argmap.schema.json
    """
    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        if not write_output(output, text.encode("utf-8")):
            sys.exit(EXIT_ERROR)
        note(f"wrote {output}")
