"""``argmap validate``: YAML, format, identifiers and references, for CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap import codes
from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    emit_diagnostics,
    format_option,
    strict_option,
)
from argmap.diagnostics import has_failures
from argmap.pipeline import ConfigCache, find_files, lint_result, load_maps


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option
@strict_option
def validate(paths: tuple[Path, ...], output_format: str | None, strict: bool) -> None:
    """Check argument files: YAML, format, references, and the rules that need no sources.

    PATHS are files or folders (searched for *.yaml and *.yml). A file that another file
    includes is checked as part of its includer. Quotes are verified by 'argmap check'.
    Every problem is reported with
    file:line:col; argmap keeps going after a bad file and ends with a summary.

    Exit status: 0 clean, 1 findings, 2 a path that does not exist.

    \b
    Examples:
      argmap validate arguments/
      argmap validate --format sarif arguments/ > argmap.sarif
      argmap validate --strict map.yaml
    """
    files, problems = find_files(paths)
    results = load_maps(files)
    diagnostics = list(problems)
    texts: dict[str, str] = {}
    configs = ConfigCache()
    for result in results:
        config, config_problems = configs.for_root(result.root)
        diagnostics.extend(config_problems)
        lint_result(result, config)
        diagnostics.extend(result.diagnostics)
        texts.update(result.texts)
    emit_diagnostics(diagnostics, texts, len(files), output_format)
    if any(p.code == codes.PATH_NOT_FOUND.code for p in problems):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if has_failures(diagnostics, strict=strict) else EXIT_OK)
