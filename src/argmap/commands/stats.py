"""``argmap stats``: how big maps are, and how their claims fare."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    InputPath,
    choice,
    detail_config,
    detail_read,
    detail_skipped,
    emit_diagnostics,
    jobs_option,
    say,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=InputPath())
@click.option(
    "--format",
    "-f",
    "output_format",
    type=choice(["text", "json"]),
    default=None,
    help="Print the counts as text or JSON (the findings of a map with errors then go to "
    "stderr) [default: text].",
)
@click.option(
    "--json",
    "json_flag",
    is_flag=True,
    hidden=True,
    help="--format json, by the name it had before stats took --format (kept for scripts).",
)
@jobs_option
def stats(
    paths: tuple[Path, ...], output_format: str | None, json_flag: bool, jobs: int | None
) -> None:
    """Count each map's elements by kind, its claims by verdict, and its quotes by status.

    For each map: a block headed by its path and title, a line per section (claims,
    arguments, attacks, evidence, sources, actors, questions, verdicts, quotes, findings);
    for several maps, then the total over them all. The JSON holds every map's counts, with
    its path, and the total, for one map as for many.

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map. A file that another
    file includes is counted as part of its includer.

    Many files are counted on every core, from 64 files on (one worker process per 64 files,
    up to the usable cores; -j 1 counts one file after another, -j N in N processes), with a
    progress bar on a terminal. The output is the same either way.

    A map that does not load, or whose project's configuration is broken (which would change
    the verdicts, quotes and findings counted), is reported with file:line:col instead, as
    validate does, after the counts of the others; in JSON, as the document's diagnostics.

    Exit status: 0 counted (findings in a map are counted, not failed), 1 a map does not load
    or a configuration is broken, 2 a path that does not exist.

    \b
    Examples:
      argmap stats arguments/montebello.yaml
      argmap stats arguments/
      argmap stats --format json arguments/ > counts.json
    """
    from argmap import codes
    from argmap.checkbatch import CheckedFile, CheckRun, check_files, sources
    from argmap.commands.progress import progress
    from argmap.counts import Counts, count_lines, stats_document, total_header
    from argmap.diagnostics import has_failures
    from argmap.gcpause import collector_paused
    from argmap.indented_json import json_document
    from argmap.pipeline import find_files, without_maps
    from argmap.semantics.labels import Semantics

    if json_flag and output_format == "text":
        raise click.UsageError("--json is --format json; it cannot be used with --format text")
    as_json = json_flag or output_format == "json"
    found = find_files(paths)
    files = found.files
    run = CheckRun(Semantics.GROUNDED, 10.0, "counts")
    chosen = "json" if as_json else output_format  # --json: no bar beside the JSON
    with collector_paused(), progress(len(files), "counting", chosen) as shown:
        checked = check_files(files, run, walked=found.walked, jobs=jobs, progress=shown.step)
    skipped: list[str] = []
    counted: list[tuple[CheckedFile, Counts]] = []
    reported: list[CheckedFile] = []  # the maps not counted, whose findings are reported
    for c in checked:
        if c.skipped is not None:
            detail_skipped(c.shown, c.skipped)
            skipped.append(c.shown)
            continue
        if c.timeout is not None:  # pragma: no cover - grounded semantics takes no time limit
            say(f"argmap: {c.shown}: {c.timeout}")
            sys.exit(EXIT_ERROR)
        detail_config(c.root)
        detail_read(c.shown, c.included)
        if c.counts is None or c.config_problems:
            reported.append(c)
        else:
            counted.append((c, c.counts))
    problems = [*found.problems, *without_maps(found, skipped)]
    diagnostics = [*found.problems, *(d for c in reported for d in c.diagnostics)]
    diagnostics.extend(problems[len(found.problems) :])
    document = stats_document([(c.shown, counts) for c, counts in counted], diagnostics)
    if as_json:  # the findings are in the document, as in check's
        click.echo(json_document(document), nl=False)
    else:
        blocks = [count_lines(f"{c.shown}: {c.title}", counts) for c, counts in counted]
        if len(counted) > 1:
            blocks.append(count_lines(total_header(len(counted)), document["total"]))
        if blocks:
            click.echo("\n\n".join("\n".join(block) for block in blocks))
            if diagnostics:
                click.echo()
    if diagnostics and not as_json:
        files_checked = len(files) - len(skipped)
        emit_diagnostics(diagnostics, sources(reported), files_checked, None)
    if any(p.code == codes.PATH_NOT_FOUND.code for p in problems):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if has_failures(diagnostics) else EXIT_OK)
