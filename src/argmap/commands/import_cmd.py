"""``argmap import``: an Argdown, AIF or Kialo file as an argument file.

The command is the edge: it reads the file, picks the importer, writes the map only when it
validates, and reports what could not be carried over. Everything between is pure
(``argmap.interchange``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    FORMATS,
    InputPath,
    OneFile,
    OutputPath,
    choice,
    default_format,
    missing_path,
    quiet,
    summary,
    use_color,
    write_output,
)
from argmap.diagnostics import Diagnostic, sort_key
from argmap.wording import counted


@click.command(
    "import",
    cls=OneFile,
    why="it writes one argument file (to stdout without -o); run it once per file, each "
    "with its own -o",
)
@click.argument("file", type=InputPath(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=OutputPath(dir_okay=False, one_file="argmap import writes one file"),
    help="Write the map to this file, not stdout.",
)
@click.option(
    "--from",
    "source_format",
    type=choice(["argdown", "aif", "kialo"]),
    default=None,
    help="The input's format [default: from the extension or the content].",
)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=choice(FORMATS),
    default=None,
    help="Format of the report [default: text; github under GitHub Actions].",
)
def import_map(
    file: Path, output: Path | None, source_format: str | None, output_format: str | None
) -> None:
    """Turn an Argdown, AIF (JSON) or Kialo (text export) file into an argument file.

    The format is recognised by the extension (.argdown, .json) or the content; --from says
    it. The map is written only when it validates; the report lists what could not be carried
    over (warnings) and where. Without -o (or with -o -) the map goes to stdout and the
    report to stderr; a file named - is -o ./-. -o NAME/ (a trailing slash, a folder to
    render) is a usage error: the map is one file, named by -o.

    Exit status: 0 imported, 1 the input has errors or cannot be read (a FIFO, a device),
    2 usage (no such file, a folder, unknown format), or an output that cannot be written.

    \b
    Examples:
      argmap import debate.argdown -o arguments/debate.yaml
      argmap import corpus/map.json --from aif -o map.yaml
      argmap import kialo-export.txt -o kialo.yaml
    """
    from argmap.interchange import codes
    from argmap.interchange.importing import (
        detect_format,
        import_text,
        read_input,
        render_yaml,
        validate_yaml,
    )
    from argmap.interchange.limits import DEFAULT_IMPORT_LIMITS
    from argmap.paths import resolved
    from argmap.pipeline import display_path

    missing = missing_path(file)
    if missing is not None:
        _report([missing], {}, output_format, to_stderr=output is None, files_checked=0)
        sys.exit(EXIT_ERROR)
    shown = display_path(file)
    if output is not None and resolved(output) == resolved(file):
        click.echo(
            f"argmap: {output} is the file being imported; refusing to write over it", err=True
        )
        sys.exit(EXIT_ERROR)
    # A FIFO, a device or a folder is refused (AM406) by read_input, on the opened
    # descriptor: nothing can swap the file for a FIFO between a check and the read.
    text = read_input(file, shown, DEFAULT_IMPORT_LIMITS)
    if isinstance(text, Diagnostic):
        _report([text], {}, output_format, to_stderr=output is None)
        sys.exit(EXIT_FINDINGS)
    fmt = source_format or detect_format(file, text)
    if fmt is None:
        problem = codes.IMPORT_UNKNOWN_FORMAT.at(
            shown, None, "cannot tell the format of this file", hint="say it with --from"
        )
        _report([problem], {}, output_format, to_stderr=True)
        sys.exit(EXIT_ERROR)
    title = file.stem.replace("_", " ").replace("-", " ")
    outcome = import_text(text, shown, fmt, DEFAULT_IMPORT_LIMITS, title)
    texts = {shown: text} if fmt != "aif" else {}  # the excerpts split it as readers do
    if outcome.failed or outcome.draft is None:
        _report(outcome.diagnostics, texts, output_format, to_stderr=output is None)
        sys.exit(EXIT_FINDINGS)
    yaml_text = render_yaml(outcome.draft, fmt, shown)
    invalid = validate_yaml(yaml_text, shown)
    if invalid:
        _report([*outcome.diagnostics, *invalid], texts, output_format, to_stderr=output is None)
        sys.exit(EXIT_FINDINGS)
    if output is None:
        click.echo(yaml_text, nl=False)
    else:
        if not write_output(output, yaml_text.encode("utf-8")):
            sys.exit(EXIT_ERROR)
    draft = outcome.draft
    attacks = len(draft.attacks) + sum(
        len(c.rebuts) + len(c.undermines) + len(c.undercuts) for c in draft.claims.values()
    )
    supports = sum(len(c.supports) for c in draft.claims.values()) + len(draft.arguments)
    where = display_path(output) if output is not None else "stdout"
    counts = (
        f"imported {shown} ({fmt}) -> {where}: {counted(len(draft.claims), 'claim')}, "
        f"{counted(supports, 'support')}, {counted(attacks, 'attack')}; "
        f"{counted(len(outcome.losses), 'note')} on what was not carried over"
    )
    if outcome.diagnostics or (output_format or default_format()) != "text":
        _report(outcome.diagnostics, texts, output_format, to_stderr=output is None)
    # a note: on stdout only after a text report there, never inside JSON or SARIF
    text_on_stdout = output is not None and (output_format or default_format()) == "text"
    if not quiet():  # -q: only findings, no summary
        summary(counts, err=not text_on_stdout)
    sys.exit(EXIT_OK)


def _report(
    diagnostics: Sequence[Diagnostic],
    texts: dict[str, str],
    output_format: str | None,
    *,
    to_stderr: bool,
    files_checked: int = 1,
) -> None:
    from argmap.report import render_report

    chosen = output_format or default_format()
    stream = sys.stderr if to_stderr else sys.stdout
    rendered = render_report(
        chosen,
        sorted(diagnostics, key=sort_key),
        sources=texts,
        files_checked=files_checked,
        color=chosen == "text" and use_color(stream),
        srcroot_uri=Path.cwd().as_uri() + "/",
    )
    click.echo(rendered, nl=False, err=to_stderr)
