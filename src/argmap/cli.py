"""The command line: a thin shell that wires the pipeline stages, picks a reporter and maps the
result to an exit code (0 clean, 1 findings, 2 usage or internal error).

Heavy modules (pydantic models, Graphviz, Jinja2) are imported inside the commands that need
them, so ``argmap --version`` and ``argmap validate`` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap import __version__

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "github", "sarif")


def _default_format() -> str:
    """GitHub annotations under GitHub Actions, like yamllint does; text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'argmap COMMAND --help' for the options and examples of a command.",
)
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def main() -> None:
    """argmap: map arguments, verify their quotes, and see which claims stand."""


format_option = click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: text; github under GitHub Actions].",
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
def validate(paths: tuple[Path, ...], output_format: str | None, strict: bool) -> None:
    """Check argument files: YAML, format, identifiers and references.

    PATHS are files or folders (searched for *.yaml and *.yml). A file that another file
    includes is checked as part of its includer. Every problem is reported with
    file:line:col; argmap keeps going after a bad file and ends with a summary.

    \b
    Examples:
      argmap validate arguments/
      argmap validate --format sarif arguments/ > argmap.sarif
      argmap validate --strict map.yaml
    """
    from argmap.diagnostics import has_failures
    from argmap.pipeline import find_files, load_maps

    files, problems = find_files(paths)
    missing = [p for p in problems if p.code == "AM901"]
    results = load_maps(files)
    diagnostics = [*problems]
    texts: dict[str, str] = {}
    for result in results:
        diagnostics.extend(result.diagnostics)
        texts.update(result.texts)
    _emit(diagnostics, texts, len(files), output_format)
    if missing:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if has_failures(diagnostics, strict=strict) else EXIT_OK)


@main.command()
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of stdout."
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the argument file (format version 1).

    Editors use it to complete keys and check values; the repository keeps a copy in
    schema/argmap.schema.json.

    \b
    Examples:
      argmap schema > schema/argmap.schema.json
    """
    from argmap.schema import schema_text
    from argmap.write import write_atomic

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))


def _emit(
    diagnostics: Sequence[Diagnostic],
    texts: dict[str, str],
    file_count: int,
    output_format: str | None,
) -> None:
    from argmap.report import render_report

    chosen = output_format or _default_format()
    stream = sys.stdout
    output = render_report(
        chosen,
        diagnostics,
        sources=texts,
        files_checked=file_count,
        color=chosen == "text" and _use_color(stream),
    )
    click.echo(output, nl=False)


def run() -> None:
    """Entry point that turns any unexpected failure into exit 2 with a short message."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last resort, never a traceback for users
        click.echo(f"argmap: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("please report this at the project's issue tracker", err=True)
        sys.exit(EXIT_ERROR)
