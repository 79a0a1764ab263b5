"""``argmap stats``: how big a map is, and how its claims fare."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    OneFile,
    choice,
    detail_read,
    emit_diagnostics,
    missing_path,
)
from argmap.indented_json import json_document
from argmap.model import ClaimKind
from argmap.report.text import visible
from argmap.verdict import QuoteStatus, Verdict

# The JSON opens with these (docs/json-output.md, schema/argmap-stats.schema.json); VERSION
# changes only when a key is removed or changes meaning.
FORMAT = "argmap-stats"
VERSION = 1


@click.command(
    cls=OneFile,
    why="its counts, as text or JSON, are those of one map; run it once per map",
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
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
def stats(file: Path, output_format: str | None, json_flag: bool) -> None:
    """Count a map's elements by kind, its claims by verdict, and its quotes by status.

    A map that does not load, or a broken configuration (which would change the verdicts,
    quotes and findings counted), is reported with file:line:col instead, as validate does.

    Exit status: 0 counted (findings in the map are counted, not failed), 1 the map does not
    load or the configuration is broken, 2 no such file.

    \b
    Examples:
      argmap stats arguments/montebello.yaml
      argmap stats --format json arguments/montebello.yaml
    """
    from argmap.commands.check import check_result
    from argmap.pipeline import ConfigCache, load_map
    from argmap.semantics.labels import Semantics

    if json_flag and output_format == "text":
        raise click.UsageError("--json is --format json; it cannot be used with --format text")
    as_json = json_flag or output_format == "json"
    missing = missing_path(file)
    if missing is not None:
        emit_diagnostics([missing], {}, 0, None, err=as_json)
        sys.exit(EXIT_ERROR)
    result = load_map(file)
    detail_read(result.path, result.included)
    outcome, config_problems = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    m, ev = outcome.map, outcome.evaluation
    if m is None or ev is None or config_problems:
        findings = [*config_problems, *outcome.diagnostics]
        emit_diagnostics(findings, result.texts, 1, None, err=as_json)
        sys.exit(EXIT_FINDINGS)
    kinds = Counter(c.kind.value for c in m.claims.values())
    verdicts = Counter(v.verdict.value for v in ev.verdicts.values())
    quotes = Counter(c.status.value for c in outcome.checks.values())
    attacks = Counter(a.kind.value for a in m.attacks.values())
    data = {
        "claims": {k.value: kinds.get(k.value, 0) for k in ClaimKind},
        "arguments": {
            "linked": sum(1 for a in m.arguments.values() if len(a.premises) > 1),
            "single": sum(1 for a in m.arguments.values() if len(a.premises) == 1),
        },
        "attacks": {k: attacks.get(k, 0) for k in ("rebut", "undermine", "undercut")},
        "evidence": len(m.evidence),
        "sources": len(m.sources),
        "actors": len(m.actors),
        "questions": len(m.questions),
        "verdicts": {v.value: verdicts.get(v.value, 0) for v in Verdict},
        "quotes": {s.value: quotes.get(s.value, 0) for s in QuoteStatus},
        "findings": len(outcome.diagnostics),
    }
    if as_json:
        click.echo(json_document({"format": FORMAT, "version": VERSION, **data}), nl=False)
        return
    click.echo(visible(f"{outcome.path}: {m.title}"))  # an escape in them is shown, not obeyed
    for section, value in data.items():
        if isinstance(value, dict):
            total = sum(value.values())
            parts = ", ".join(f"{n} {k}" for k, n in value.items() if n)
            click.echo(f"  {section:<10} {total:>5}  {parts}".rstrip())
        else:
            click.echo(f"  {section:<10} {value:>5}")
