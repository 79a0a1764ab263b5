"""``argmap export``: the map in other formats.

Formats are looked up in ``EXPORTERS`` (name -> builder of the output text from a checked
map); the interchange formats join the table as they land.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    InputPath,
    OneFile,
    OutputPath,
    choice,
    detail_config,
    detail_read,
    emit_diagnostics,
    missing_path,
    note,
    say,
    verbose,
    write_output,
)
from argmap.diagnostics import has_failures
from argmap.evaluate.build import build_framework
from argmap.evaluate.run import to_framework
from argmap.interchange.claimreview import ReviewPage, page_problem
from argmap.interchange.losses import LOSSES
from argmap.outcome import CheckOutcome
from argmap.paths import project_path
from argmap.pipeline import load_map
from argmap.semantics.iccma import write_apx, write_i23
from argmap.winnames import windows_name_problem


def _iccma(outcome: CheckOutcome, page: ReviewPage) -> str:
    assert outcome.map is not None
    status = {eid: c.status for eid, c in outcome.checks.items()}
    return write_i23(to_framework(build_framework(outcome.map, status)))


def _apx(outcome: CheckOutcome, page: ReviewPage) -> str:
    assert outcome.map is not None
    status = {eid: c.status for eid, c in outcome.checks.items()}
    return write_apx(to_framework(build_framework(outcome.map, status)))


def _argdown(outcome: CheckOutcome, page: ReviewPage) -> str:
    from argmap.interchange.argdown.export import to_argdown

    assert outcome.map is not None
    return to_argdown(outcome.map)


def _aif(outcome: CheckOutcome, page: ReviewPage) -> str:
    from argmap.interchange.aif.export import to_aif

    assert outcome.map is not None
    return to_aif(outcome.map)


def _json(outcome: CheckOutcome, page: ReviewPage) -> str:
    from argmap.interchange.json_export import to_json

    return to_json(outcome)


def _claimreview(outcome: CheckOutcome, page: ReviewPage) -> str:
    from argmap.interchange.claimreview import to_claimreview

    return to_claimreview(outcome, page)


# Each exporter takes the checked map and the page that publishes ClaimReview's reviews.
EXPORTERS: dict[str, Callable[[CheckOutcome, ReviewPage], str]] = {
    "argdown": _argdown,
    "aif": _aif,
    "json": _json,
    "claimreview": _claimreview,
    "iccma": _iccma,
    "apx": _apx,
}


@click.command(
    cls=OneFile,
    why="the document it writes (to stdout without -o) is one map's; run it once per map, "
    "each with its own -o",
)
@click.argument("file", type=InputPath(dir_okay=False))
@click.option("--to", "to", type=choice(EXPORTERS), required=True, help="The output format.")
@click.option(
    "-o",
    "--output",
    type=OutputPath(one_file="argmap export writes one file"),
    metavar="FILE",
    help="Write the document to this file, not stdout.",
)
@click.option(
    "--url",
    "url",
    metavar="URL",
    help="claimreview: the address of the page that will publish the reviews; each review's "
    "url is URL#claim-id (Google's fact-check markup requires one).",
)
@click.option(
    "--publisher",
    metavar="NAME",
    help="claimreview: who publishes the reviews, their first author (an Organization).",
)
def export(
    file: Path, to: str, output: Path | None, url: str | None, publisher: str | None
) -> None:
    """Write the map in another format.

    argdown is an Argdown document (claims as statements, arguments as premise-conclusion
    structures; what Argdown lacks goes into its data so that 'argmap import' reads it back);
    aif is AIF JSON (I-, RA- and CA-nodes) in OVA's wrapper; json is the resolved map with its
    verdicts (schema/argmap-export.schema.json); claimreview is schema.org ClaimReview
    JSON-LD, one review per claim; iccma is the framework of docs/evaluation.md in the ICCMA
    2023 format (p af N), with the node names as comments, so any competition solver can check
    argmap's labelling; apx is the older ASPARTIX format. See docs/interchange.md.

    Without -o, or with -o -, the document goes to stdout and the findings of a map with
    errors to stderr; with -o FILE it is written atomically, and 'wrote FILE' said on stderr
    (not with -q). A file named - is -o ./-. -o NAME/ (a trailing slash, a folder to
    render) is a usage error: the export is one file, named by -o.

    What the format cannot hold (for aif: ids, kinds, labels, tags, notes, priorities,
    sources, the map's title...; for argdown: the line breaks inside a claim's text) is said
    in one line on stderr (not with -q); with -v, as a warning (AM413) at the first element
    that loses it, one for each kind of loss, where findings go (stderr without -o or with
    -o -, stdout with -o FILE). The export is written all the same.

    Exit status: 0 exported (the findings of the rules, such as a support cycle, do not stop
    an export; 'argmap check' reports them), 1 the map does not load or resolve, or the
    configuration is broken (nothing is written), 2 no such file, or an output that is an
    input of the map, that Windows cannot create (con.json), or that cannot be written.

    \b
    Examples:
      argmap export arguments/montebello.yaml --to argdown -o montebello.argdown
      argmap export arguments/montebello.yaml --to claimreview -o montebello.jsonld
      argmap export arguments/montebello.yaml --to claimreview \\
        --url https://example.org/montebello --publisher "Debate Club"
      argmap export arguments/montebello.yaml --to iccma -o montebello.i23
    """
    from argmap.commands.check import check_result
    from argmap.commands.targets import files_read, refuse_input
    from argmap.pipeline import ConfigCache
    from argmap.semantics.labels import Semantics

    if (url is not None or publisher is not None) and to != "claimreview":
        say("argmap: --url and --publisher are for --to claimreview")
        sys.exit(EXIT_ERROR)
    windows = None if output is None else windows_name_problem(output.name)
    if windows is not None:  # as render, report and handout refuse an output named so
        say(f"argmap: -o {output} cannot be a file on Windows: {windows}; give -o another name")
        sys.exit(EXIT_ERROR)
    if to == "claimreview":
        problem = page_problem(ReviewPage(url, publisher))
        if problem is not None:
            say(f"argmap: {problem}")
            sys.exit(EXIT_ERROR)
    missing = missing_path(file)
    if missing is not None:
        emit_diagnostics([missing], {}, 0, None, err=output is None)
        sys.exit(EXIT_ERROR)
    result = load_map(file)
    detail_config(result.root)
    detail_read(result.path, result.included)
    refused = None if output is None else refuse_input(output, files_read([result]))
    if refused is not None:
        say(f"argmap: {refused}")
        sys.exit(EXIT_ERROR)
    outcome, problems = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    if outcome.map is None or has_failures(problems):
        findings = [*problems, *outcome.diagnostics]
        emit_diagnostics(findings, result.texts, 1, None, err=output is None)
        sys.exit(EXIT_FINDINGS)
    # named by its path in its project, the same from any folder (the JSON export writes it)
    text = EXPORTERS[to](replace(outcome, path=project_path(file)), ReviewPage(url, publisher))
    if output is None:
        click.echo(text, nl=False)
    else:
        if not write_output(output, text.encode("utf-8")):
            sys.exit(EXIT_ERROR)
        note(f"wrote {output}")  # as every command that writes a file says (not with -q)
    if to not in LOSSES:
        return
    format_name, losses = LOSSES[to]
    lost = losses(outcome.map)
    if not lost:
        return
    # what the format cannot hold, said (the export itself succeeded): each kind of loss where
    # it is under -v, else in one line, as a format that holds less is chosen knowing it
    if verbose():
        emit_diagnostics(lost, result.texts, 1, None, err=output is None)
    else:
        kinds = "1 kind" if len(lost) == 1 else f"{len(lost)} kinds"
        note(
            f"argmap: {format_name} has no place for {kinds} of what {result.path} holds, "
            "not exported (AM413; 'argmap -v export' names each)"
        )
