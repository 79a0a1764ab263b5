"""``argmap check``: everything — quotes verified, rules, and a verdict for every claim."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.argument_map import Meant
from argmap.checkbatch import CheckedFile, CheckRun, Wanted, check_files, check_loaded, sources
from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    InputPath,
    Seconds,
    choice,
    default_format,
    detail,
    detail_config,
    detail_skipped,
    emit_diagnostics,
    format_option,
    given,
    jobs_option,
    note,
    quiet,
    say,
    strict_option,
    unknown_claim,
    where_ids,
)
from argmap.commands.progress import progress
from argmap.diagnostics import Diagnostic, has_failures
from argmap.gcpause import collector_paused
from argmap.indented_json import json_document
from argmap.outcome import CheckOutcome, check_document
from argmap.pipeline import ConfigCache, MapResult, find_files, without_maps
from argmap.semantics.labels import Semantics
from argmap.wording import counted, no_claim, shown_id

semantics_option = click.option(
    "--semantics",
    type=choice(s.value for s in Semantics),
    default=Semantics.GROUNDED.value,
    show_default=True,
    help="Which claims stand: grounded (skeptical, fast), or preferred/stable (SAT solver).",
)
time_limit_option = click.option(
    "--time-limit",
    type=Seconds(0.01, inclusive=True),
    default=10.0,
    show_default=True,
    help="Seconds the preferred or stable semantics may take before the run is stopped "
    "(0.01 to 86400, a day); grounded takes no limit.",
)


def check_result(
    result: MapResult, configs: ConfigCache, semantics: Semantics, time_limit: float
) -> tuple[CheckOutcome, list[Diagnostic]]:
    """Verify, evaluate and lint one loaded map; the problems of its project's configuration
    the first time ``configs`` reads it."""
    config, config_problems = configs.for_root(result.root)
    return check_loaded(result, config, semantics, time_limit), config_problems


@click.command()
@click.argument("paths", nargs=-1, required=True, type=InputPath())
@format_option
@strict_option
@semantics_option
@time_limit_option
@click.option(
    "--why",
    multiple=True,
    metavar="CLAIM",
    help="Show only this claim's line, with the reasons for its verdict under it (the "
    "evidence, arguments and attacks it rests on); repeat for more claims. Text output.",
)
@jobs_option
def check(
    paths: tuple[Path, ...],
    output_format: str | None,
    strict: bool,
    semantics: str,
    time_limit: float,
    why: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Verify every quote, apply every rule, and give each claim a verdict.

    For each map: one line per claim (supported, contested, unsupported or refuted, with a
    score in [0, 1]; with --why, the claims named, each with the reasons for its verdict),
    then the findings. A quote not found in its source, or only
    paraphrased, is an error (exit 1).

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map.

    Many files are checked on every core, from 64 files on (one worker process per 64
    files, up to the usable cores; -j 1 checks one file after another, -j N in N
    processes). The output is the same either way. On a terminal, from 50 files on, a
    progress bar shows how far it got (not with -v, -q, machine output or in CI).

    Exit status: 0 clean or only warnings, 1 findings (with --strict, warnings too), 2 a path
    that does not exist, or the preferred or stable semantics ran out of time.

    \b
    Examples:
      argmap check arguments/montebello.yaml
      argmap check map.yaml --why spp-fails
      argmap check --format json map.yaml > verdicts.json
      argmap check --semantics preferred --time-limit 30 map.yaml
    """
    if semantics == Semantics.GROUNDED.value and given("time_limit"):
        note("argmap: --time-limit has no effect with grounded semantics")
    chosen = output_format or default_format()
    if why and output_format not in (None, "text"):
        say(
            f"argmap: --why shows reasons in the text output, not in {chosen}; "
            "--format json lists every claim's reasons"
        )
        sys.exit(EXIT_ERROR)
    found = find_files(paths)
    files, problems = found.files, found.problems
    wanted: Wanted = (
        "document"
        if chosen == "json"
        else "lines"
        if why or (chosen == "text" and not quiet())  # under GitHub Actions too, when asked
        else None
    )
    run = CheckRun(Semantics(semantics), time_limit, wanted, tuple(dict.fromkeys(why)))
    # the collector stays paused while the maps are checked and their results kept (in one
    # process; a pool's workers pause it map by map)
    with collector_paused(), progress(len(files), "checking", output_format) as shown:
        checked = check_files(files, run, walked=found.walked, jobs=jobs, progress=shown.step)
    skipped: list[str] = []
    maps: list[CheckedFile] = []
    for c in checked:
        if c.skipped is not None:
            detail_skipped(c.shown, c.skipped)
            skipped.append(c.shown)
            continue
        if c.timeout is not None:
            say(f"argmap: {c.shown}: {c.timeout}")
            sys.exit(EXIT_ERROR)
        detail_config(c.root)
        quotes = counted(c.quotes, "quote")
        detail(f"checked {c.shown}: {quotes}, {semantics} semantics, {c.seconds:.2f} s")
        maps.append(c)
    not_claims = _unknown_why(maps, run.why)
    if not_claims:  # a usage error: said before anything else, as a bad option would be
        for message in not_claims:
            say(message)
        sys.exit(EXIT_ERROR)
    problems = [*problems, *without_maps(found, skipped)]
    diagnostics = [*found.problems, *(d for c in maps for d in c.diagnostics)]
    diagnostics.extend(problems[len(found.problems) :])
    if wanted == "document":
        document = check_document([(c.document, c.diagnostics) for c in maps], problems)
        click.echo(json_document(document), nl=False)
    else:
        for c in maps if wanted == "lines" else ():
            if why and not c.why_found:
                continue  # none of the claims asked about is in this map
            if c.lines:  # one write, not one per claim
                click.echo("\n".join(c.lines))
            click.echo()
        emit_diagnostics(diagnostics, sources(maps), len(files) - len(skipped), output_format)
    if any(p.code == "AM901" for p in problems):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if has_failures(diagnostics, strict=strict) else EXIT_OK)


WHY_TAKES = "--why takes a claim's id, as 'argmap check' lists them"


def _unknown_why(maps: list[CheckedFile], why: tuple[str, ...]) -> list[str]:
    """What to say of each id of ``--why`` that is a claim of none of the ``maps`` that
    loaded (a folder's maps each hold their own claims: an id needs to be in one of them).
    Nothing while one of them did not load: the id may be one of its claims, and its located
    findings are what there is to say, as when it is checked alone."""
    found = {cid for c in maps for cid in c.why_found}
    loaded = [c for c in maps if c.why_found or c.not_claims]
    if len(loaded) < len(maps):
        return []
    messages = []
    for cid in (cid for cid in why if cid not in found):
        meant = [(c.shown, what) for c in loaded for other, what in c.not_claims if other == cid]
        if len(meant) == 1:
            shown, what = meant[0]
            messages.append(unknown_claim(shown, cid, what, "--why"))
        elif meant:
            messages.append(_in_none(cid, meant))
    return messages


def _in_none(cid: str, meant: list[tuple[str, Meant]]) -> str:
    """What to say, once, of the id ``cid`` of ``--why`` that is a claim of none of the maps
    checked (each ``meant``, with the map it is shown as): what it is in the first map
    where it is an element, else the claim meant in the first that has one close."""
    other = next(((shown, what) for shown, what in meant if what.kind is not None), None)
    close = next((what for _, what in meant if what.claims), None)
    start = f"argmap: no claim '{shown_id(cid)}' in the {len(meant):,} maps checked"
    if other is not None:
        shown, what = other
        return f"{start}; {no_claim(cid, what, shown)}{where_ids(what, '--why')}"
    if close is not None:
        return f"{start}; did you mean '{close.claim}'?"
    return f"{start}; {WHY_TAKES}"
