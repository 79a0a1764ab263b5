"""``argmap validate``: YAML, format, identifiers and references, for CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap import codes
from argmap.batch import validate_files
from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    InputPath,
    detail_config,
    detail_read,
    detail_skipped,
    emit_diagnostics,
    format_option,
    jobs_option,
    strict_option,
)
from argmap.commands.progress import progress
from argmap.diagnostics import has_failures
from argmap.pipeline import display_path, find_files, without_maps


@click.command()
@click.argument("paths", nargs=-1, required=True, type=InputPath())
@format_option
@strict_option
@jobs_option
def validate(
    paths: tuple[Path, ...], output_format: str | None, strict: bool, jobs: int | None
) -> None:
    """Check argument files: YAML, format, references, and the rules that need no sources.

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map. A file that another file
    includes is checked as part of its includer. Quotes are verified by 'argmap check'. Every
    problem is reported with file:line:col; argmap keeps going after a bad file and ends with a
    summary.

    Many files are validated on every core, from 64 files on (one worker process per 64
    files, up to the usable cores; -j 1 validates one file after another, -j N in N
    processes). The output is the same either way. On a terminal, from 50 files on, a
    progress bar shows how far it got (not with -v, -q, machine output or in CI).

    Exit status: 0 clean, 1 findings, 2 a path that does not exist.

    \b
    Examples:
      argmap validate arguments/
      argmap validate --format sarif arguments/ > argmap.sarif
      argmap validate --strict map.yaml
    """
    found = find_files(paths)
    files, problems = found.files, found.problems
    diagnostics = list(problems)
    texts: dict[str, str] = {}
    skipped: list[Path] = []
    with progress(len(files), "validating", output_format) as shown:
        for outcome in validate_files(files, shown.step, found.walked, jobs):
            if outcome.skipped is not None:
                detail_skipped(display_path(outcome.path), outcome.skipped)
                skipped.append(outcome.path)
                continue
            detail_config(outcome.root)
            detail_read(display_path(outcome.path), outcome.included)
            diagnostics.extend(outcome.diagnostics)
            texts.update(outcome.texts)
    diagnostics.extend(without_maps(found, skipped))
    emit_diagnostics(diagnostics, texts, len(files) - len(skipped), output_format)
    if any(p.code == codes.PATH_NOT_FOUND.code for p in problems):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if has_failures(diagnostics, strict=strict) else EXIT_OK)
