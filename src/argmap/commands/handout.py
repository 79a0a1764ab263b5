"""``argmap handout``: a printable handout for a debate class, PDF (WeasyPrint) or HTML."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import click

from argmap.commands.common import (
    EXIT_ERROR,
    InputPath,
    OutputPath,
    choice,
    depth_option,
    focus_option,
    jobs_option,
    named_folder,
    say,
    stale_only_option,
)
from argmap.commands.layout import drawing_choice, page_drawing_options
from argmap.commands.report import PageJob, check_option, run_pages
from argmap.commands.targets import format_named_by
from argmap.cores import usable_cores
from argmap.render import Engine, OutputFormat
from argmap.render.many import system_layouts

# = argmap.report_html.excerpt.HANDOUT_MAX_CLAIMS (a test keeps them equal): importing that
# package here would load Jinja2 for every `argmap --help`.
DEFAULT_MAX_CLAIMS = 200


@click.command()
@click.argument("paths", nargs=-1, required=True, type=InputPath())
@click.option(
    "--variant",
    type=choice(["teacher", "student"]),
    default="student",
    show_default=True,
    help="student: a worksheet, no verdicts or scores, room to write; teacher: with the "
    "verdicts and their reasons.",
)
@click.option(
    "--paper",
    type=choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="Page size.",
)
@focus_option
@depth_option(
    "the whole map when it fits the page, else the largest view that does, plus a page per branch"
)
@click.option(
    "--max-claims",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CLAIMS,
    show_default=True,
    help="A map with more claims is handed out from the thesis down: the whole levels that fit.",
)
@click.option(
    "-o",
    "--output",
    type=OutputPath(),
    default=Path("renders"),
    show_default=True,
    help="NAME.pdf or NAME.html for one map, a folder where each map becomes "
    "<stem>-<variant>.pdf (or .html with --format html; NAME/ is one, made if need be), "
    "or - for standard output (one "
    "map; ./- is a file named -).",
)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=choice(["pdf", "html"]),
    default=None,
    help="pdf or html [default: from the -o file name, else pdf].",
)
@page_drawing_options
@check_option
@stale_only_option
@jobs_option
def handout(
    paths: tuple[Path, ...],
    variant: str,
    paper: str,
    focus: str | None,
    depth: int | None,
    max_claims: int,
    output: Path | None,
    output_format: str | None,
    engine: str,
    rankdir: str | None,
    group_by: str | None,
    max_nodes: int,
    time_limit: float,
    check: bool,
    stale_only: bool,
    jobs: int | None,
) -> None:
    """Write a print-first handout of each map for a debate class: the question, the map
    sized to the page, the claims for and against, numbered evidence cards and discussion
    questions (the file's own, or questions about its disputed claims).

    The student variant is a worksheet: no verdicts, no scores, and room to write beside
    each claim. The teacher variant carries the verdicts and their reasons.

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map.

    A map too large to print legibly is simplified (no quotes, then only the claims near the
    thesis) and split into a page per branch. --depth N draws the claims that 'argmap render
    --depth N' draws (the top N levels of the map), on one page; --focus CLAIM --depth N those
    that 'argmap render --focus CLAIM --depth N' draws, and names the file
    <stem>.<claim>-<variant>. PDF needs WeasyPrint: pip install 'argmap[pdf]'.

    The map is drawn in the direction and with the groups of its file's drawing: settings
    (--rankdir and --group-by override them), without a legend (the page explains the
    marks), and with its quotes only when they fit the page.

    -o - writes the one map's handout to standard output, and nothing else there (not with
    several maps, --check or --stale-only; a PDF not to a terminal); a file or folder named
    - is -o ./-. A device, a pipe or a descriptor (/dev/null, >(gzip > x.gz), /dev/stdout)
    is written into, as one file in --format, whatever its name (not with several maps,
    --check or --stale-only; a PDF not to a terminal, by any name).

    A map that does not load or resolve (bad YAML, an unknown reference) is reported with
    file:line:col and not written. The findings of the rules do not stop it: a map with a
    support cycle (AM010) is written; 'argmap check' reports them.

    When the system dot lays the maps out, the PDFs of a folder are made side by side in
    worker processes (--jobs), and written and said in the order of the maps. On a terminal,
    from 50 maps on, a progress bar stands for the 'wrote FILE' lines, and one line sums
    them up (not with -v, -q or in CI).

    Exit status: 0 done, 1 a map does not load or resolve or (--check) a handout is stale,
    2 a usage problem (no such path, unknown claim, a PDF without WeasyPrint), a map that
    could not be laid out (Graphviz's or WeasyPrint's layout stopped at --time-limit), or an
    output that cannot be written.

    \b
    Examples:
      argmap handout arguments/montebello.yaml --variant student -o worksheet.pdf
      argmap handout arguments/montebello.yaml --variant teacher --paper letter -o t.pdf
      argmap handout arguments/ --variant teacher -o renders/
      argmap handout --check arguments/ --variant student -o renders/
      argmap handout arguments/ --variant teacher -o renders/ --jobs 2
      argmap handout map.yaml --focus spp-fails --depth 1 -o renders/
    """
    from argmap.report_html import Paper, Variant, read_file_stamp, read_stamp
    from argmap.report_html import handout as build_handout
    from argmap.report_html.pdf import read_pdf_stamp, unavailable

    named = {".pdf": "pdf", ".html": "html", ".htm": "html"}
    chosen_format = (
        format_named_by(output, named, output_format, folder=named_folder(output)) or "pdf"
    )
    missing = unavailable() if chosen_format == "pdf" and not check else None
    if missing:
        say(f"argmap: {missing}")
        sys.exit(EXIT_ERROR)

    chosen_variant, chosen_paper, chosen_engine = (
        Variant(variant),
        Paper(paper.lower()),
        Engine(engine),
    )
    chosen_drawing = drawing_choice(rankdir, group_by)

    job = PageJob(
        name=lambda stem: f"{stem}{'.' + focus if focus else ''}-{variant}.{chosen_format}",
        focus=focus,
        suffixes=(".pdf", ".html", ".htm"),
        page=lambda outcome: build_handout(
            outcome,
            variant=chosen_variant,
            paper=chosen_paper,
            depth=depth,
            max_claims=max_claims,
            engine=chosen_engine,
            max_nodes=max_nodes,
            time_limit=time_limit,
            focus=focus,
            drawing=chosen_drawing,
        ),
        finish=partial(finish_handout, pdf=chosen_format == "pdf", time_limit=time_limit),
        stamp_of=read_pdf_stamp if chosen_format == "pdf" else read_file_stamp,
        stamp=read_stamp,
        command=f"argmap handout --variant {variant}",
        doing="making handouts",
    )
    # WeasyPrint holds the interpreter, so PDFs are made in worker processes; forked ones,
    # which is safe only while argmap runs no threads of its own (the embedded Graphviz does).
    pdf_in_workers = chosen_format == "pdf" and system_layouts(chosen_engine, OutputFormat.SVG)
    workers = (jobs or usable_cores()) if pdf_in_workers else 1
    binary = "pdf" if chosen_format == "pdf" else None
    run_pages(paths, output, job, check, stale_only, workers=workers, binary=binary)


def finish_handout(page: bytes, *, pdf: bool, time_limit: float | None) -> bytes:
    """The bytes of a handout file: the page as PDF (``pdf``), laid out within ``time_limit``
    seconds (:class:`argmap.render.RenderError` after), else as it is. At module level, so
    that a worker process can be handed it."""
    from argmap.report_html.pdf import html_to_pdf_within

    return html_to_pdf_within(page, time_limit) if pdf else page
