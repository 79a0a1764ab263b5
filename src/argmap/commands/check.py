"""``argmap check``: everything — quotes verified, rules, and a verdict for every claim."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    Seconds,
    choice,
    detail,
    detail_skipped,
    emit_diagnostics,
    format_option,
    given,
    note,
    quiet,
    say,
    strict_option,
)
from argmap.diagnostics import Diagnostic, has_failures, sort_key
from argmap.evaluate import evaluate_map
from argmap.indented_json import json_document
from argmap.outcome import CheckOutcome, check_document, claim_lines
from argmap.pipeline import (
    ConfigCache,
    MapResult,
    find_files,
    kept_maps,
    lint_alongside,
    without_maps,
)
from argmap.semantics.errors import SemanticsTimeout
from argmap.semantics.labels import Semantics
from argmap.verify.evidence import EvidenceCheck, quote_marks, verify_evidence

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
    """Verify, evaluate and lint one loaded map."""
    config, config_problems = configs.for_root(result.root)
    checks: dict[str, EvidenceCheck] = {}
    evaluation = None
    if result.map is not None:
        checks, unreadable = verify_evidence(result.map, threshold=config.similarity)
        status = {eid: c.status for eid, c in checks.items()}
        with lint_alongside(result, config, checks, unreadable):
            evaluation = evaluate_map(
                result.map,
                status,
                semantics=semantics,
                time_limit=time_limit,
                quote_marks=quote_marks(checks),
            )
    diagnostics = sorted(result.diagnostics, key=sort_key)
    outcome = CheckOutcome(result.path, result.map, evaluation, checks, diagnostics)
    return outcome, config_problems


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option
@strict_option
@semantics_option
@time_limit_option
def check(
    paths: tuple[Path, ...],
    output_format: str | None,
    strict: bool,
    semantics: str,
    time_limit: float,
) -> None:
    """Verify every quote, apply every rule, and give each claim a verdict.

    For each map: one line per claim (supported, contested, unsupported or refuted, with a
    score in [0, 1]), then the findings. A quote not found in its source, or only
    paraphrased, is an error (exit 1).

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map.

    Exit status: 0 clean or only warnings, 1 findings (with --strict, warnings too), 2 a path
    that does not exist, or the preferred or stable semantics ran out of time.

    \b
    Examples:
      argmap check arguments/montebello.yaml
      argmap check --format json map.yaml > verdicts.json
      argmap check --semantics preferred --time-limit 30 map.yaml
    """
    if semantics == Semantics.GROUNDED.value and given("time_limit"):
        note("argmap: --time-limit has no effect with grounded semantics")
    found = find_files(paths)
    files, problems = found.files, found.problems
    skipped: list[str] = []
    configs = ConfigCache()
    outcomes: list[CheckOutcome] = []
    diagnostics: list[Diagnostic] = list(problems)
    texts: dict[str, str] = {}
    try:
        with kept_maps(files, walked=found.walked) as results:
            for result in results:
                if result.skipped is not None:
                    detail_skipped(result.path, result.skipped)
                    skipped.append(result.path)
                    continue
                started = time.perf_counter()
                outcome, config_problems = check_result(
                    result, configs, Semantics(semantics), time_limit
                )
                detail(
                    f"checked {result.path}: {len(outcome.checks)} quotes, "
                    f"{semantics} semantics, {time.perf_counter() - started:.2f} s"
                )
                if config_problems:  # with the first map of its project, as validate does
                    mixed = sorted([*config_problems, *outcome.diagnostics], key=sort_key)
                    outcome = replace(outcome, diagnostics=mixed)
                outcomes.append(outcome)
                diagnostics.extend(outcome.diagnostics)
                texts.update(result.texts)
    except SemanticsTimeout as exc:
        say(f"argmap: {exc}")
        sys.exit(EXIT_ERROR)
    problems = [*problems, *without_maps(found, skipped)]
    diagnostics.extend(problems[len(found.problems) :])
    if output_format == "json":
        click.echo(json_document(check_document(outcomes, problems)), nl=False)
    else:
        if output_format in (None, "text") and (output_format or "") != "github":
            from argmap.commands.common import default_format

            if (output_format or default_format()) == "text" and not quiet():
                for outcome in outcomes:
                    lines = claim_lines(outcome)
                    if lines:  # one write, not one per claim
                        click.echo("\n".join(lines))
                    click.echo()
        emit_diagnostics(diagnostics, texts, len(files) - len(skipped), output_format)
    if any(p.code == "AM901" for p in problems):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if has_failures(diagnostics, strict=strict) else EXIT_OK)
