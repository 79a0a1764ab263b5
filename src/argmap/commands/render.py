"""``argmap render``: argument maps as Graphviz diagrams (SVG, PNG, PDF, DOT), and
``--check`` for CI: exit 1 when a committed render is stale, like ``black --check``."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path

import click

from argmap.argument_map import ArgumentMap
from argmap.commands.common import (
    EXIT_ERROR,
    Checked,
    InputPath,
    OutputPath,
    Seconds,
    Settling,
    choice,
    depth_option,
    focus_option,
    focused,
    given,
    jobs_option,
    load_for_output,
    named_folder,
    old_name,
    refuse_check_with_stale_only,
    renamed,
    say,
    stale_only_option,
    stale_status,
    write_output,
)
from argmap.commands.layout import (
    drawing_choice,
    engine_option,
    evidence_option,
    group_by_option,
    legend_option,
    max_nodes_option,
    rankdir_option,
    time_limit_option,
)
from argmap.commands.progress import Progress, progress
from argmap.commands.targets import (
    files_read,
    format_named_by,
    on_stdout,
    plan_outputs,
    refuse_output,
    where_to,
)
from argmap.cores import usable_cores
from argmap.diagnostics import has_failures
from argmap.inorder import InOrder
from argmap.pipeline import ConfigCache, MapResult, find_files
from argmap.render import (
    FOCUS_DEPTH,
    Engine,
    GraphvizNotFound,
    OutputFormat,
    RenderError,
    RenderOptions,
    UnsupportedFormat,
    dot_source,
    drawable,
    is_current,
)
from argmap.render.ids import report_link
from argmap.render.many import Drawn, draw, layout_pool
from argmap.render.settings import drawing_options
from argmap.verdict import ClaimVerdict, QuoteStatus


@click.command()
@click.argument("paths", nargs=-1, required=True, type=InputPath())
@click.option(
    "-o",
    "--output",
    "output",
    type=OutputPath(),
    default=Path("renders"),
    show_default=True,
    help="NAME.svg (or .png, .pdf, .dot) for one map, a folder where each map becomes "
    "<stem>.<format> (NAME/ is one, made if need be), or - for standard output (one map; "
    "./- is a file named -).",
)
@old_name("--output-dir", "-o/--output", "output_dir", OutputPath())
@click.option(
    "--format",
    "-f",
    "output_format",
    type=choice(f.value for f in OutputFormat),
    default=None,
    help="svg, png or pdf (a drawing), or dot (argmap's DOT text, for other tools) "
    "[default: from the -o file name, else svg].",
)
@engine_option
@focus_option
@depth_option(f"{FOCUS_DEPTH} with --focus, else the whole map")
@evidence_option
@click.option("--no-verdicts", is_flag=True, help="Hide verdicts and quote checks (worksheets).")
@legend_option
@group_by_option
@rankdir_option
@click.option(
    "--link-to-report",
    is_flag=True,
    help="Link each box to its card in <stem>.html, the report that 'argmap report' writes "
    "for the map into the same folder. Without it, a box shows its text as a tooltip and "
    "links nowhere: its card is in no file beside the drawing.",
)
@max_nodes_option
@time_limit_option
@old_name("--timeout", "--time-limit", "timeout", Seconds())
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if an output is missing or stale (for CI).",
)
@stale_only_option
@jobs_option
def render(
    paths: tuple[Path, ...],
    output: Path | None,
    output_dir: Path | None,
    output_format: str | None,
    engine: str,
    focus: str | None,
    depth: int | None,
    evidence: bool | None,
    no_verdicts: bool,
    legend: bool | None,
    group_by: str | None,
    rankdir: str | None,
    link_to_report: bool,
    max_nodes: int,
    time_limit: float,
    timeout: float | None,
    check: bool,
    stale_only: bool,
    jobs: int | None,
) -> None:
    """Render argument maps as diagrams: SVG (default), PNG, PDF or DOT.

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map.

    Each map is written to OUTPUT/<stem>.<format> (with --focus: <stem>.<claim>.<format>),
    or, for one map, to the file -o names, atomically. A map that does not load or resolve
    (bad YAML, an unknown reference) is reported with file:line:col and not rendered. The
    findings of the rules do not stop it: a map with a support cycle (AM010) is drawn, the
    cycle in the picture; 'argmap check' reports them.

    -o - writes the one map's file to standard output: the bytes the file would get, and
    nothing else there (the findings go to stderr). Several maps, --check or --stale-only
    with it are usage errors, and so is PNG or PDF to a terminal. A file or folder named -
    is -o ./-. A device, a pipe or a descriptor (/dev/null, >(gzip > x.gz), /dev/stdout) is
    written into, as one file in --format, whatever its name (not with several maps,
    --check or --stale-only; PNG or PDF not to a terminal, by any name).

    A map file's drawing: settings (rankdir, group-by, evidence, legend) are that map's
    defaults for --rankdir, --group-by, --evidence/--no-evidence and --legend/--no-legend;
    each option given overrides them. --check and --stale-only draw with them too.

    SVG renders anywhere: without Graphviz's dot on PATH, argmap uses its embedded
    WebAssembly Graphviz. PNG and PDF need dot. The system dot lays out up to --jobs maps at
    once, each in a process of its own; the embedded Graphviz one at a time. The files are
    written, and said, in the order of the maps. On a terminal, from 50 maps on, a progress
    bar stands for the 'wrote FILE' lines, and one line sums them up (not with -v, -q or in
    CI).

    --max-nodes stands for Graphviz's time: --format dot, which lays nothing out, is held by
    it only when it is given.

    Exit status: 0 done, 1 a map does not load or resolve or (--check) a render is stale,
    2 a usage problem (no such path, unknown claim, no engine for the format, a file name
    for -o with several maps, an output Windows cannot create: con.yaml to con.svg), a map
    that could not be laid out, or an output that cannot be written (a folder, or a FIFO, a
    socket or a device in an output folder, in its place; a full disk).

    \b
    Examples:
      argmap render arguments/
      argmap render arguments/montebello.yaml --format pdf -o handouts/
      argmap render arguments/montebello.yaml -o montebello.png
      argmap render arguments/ -o renders/ --link-to-report
      argmap render map.yaml --focus spp-fails --depth 1 --no-verdicts
      argmap render map.yaml --depth 2 -o summary.svg
      argmap render map.yaml --format dot -o - | dot -Tpng > map.png
      argmap render --check arguments/
      argmap render --stale-only arguments/ -o renders/
    """
    output = renamed("--output-dir", "-o/--output", "output_dir", output_dir, output, "output")
    time_limit = renamed("--timeout", "--time-limit", "timeout", timeout, time_limit, "time_limit")
    formats = {f".{f.value}": f.value for f in OutputFormat}
    folder = named_folder(output)
    fmt = OutputFormat(
        format_named_by(output, formats, output_format, folder=folder) or OutputFormat.SVG
    )
    refuse_check_with_stale_only(check, stale_only)
    binary = fmt.value if fmt in (OutputFormat.PNG, OutputFormat.PDF) else None
    refusal = refuse_output(output, check=check, stale_only=stale_only, binary=binary)
    if refusal is not None:
        _error(refusal)
        sys.exit(EXIT_ERROR)
    chosen_engine = Engine(engine)
    if fmt is OutputFormat.DOT and not given("max_nodes"):
        max_nodes = sys.maxsize  # no layout runs: the default stands for Graphviz's minutes
    options = RenderOptions(
        focus=focus,
        depth=depth,
        show_verdicts=not no_verdicts,
        max_nodes=max_nodes,
        links=link_to_report,
        standalone=True,
    )
    chosen = drawing_choice(rankdir, group_by, evidence, legend)
    found = find_files(paths)
    configs = ConfigCache()
    results, status = load_for_output(found, configs, err=on_stdout(output))
    # maps counted once loaded: a folder also holds the files they include, and other YAML
    single, refused_output = where_to(output, (f".{fmt.value}",), len(results), folder=folder)
    if refused_output is not None:
        _error(refused_output)
        sys.exit(EXIT_ERROR)

    checked = Checked()
    layouts: InOrder[tuple[str, Path | None], Drawn] = InOrder(
        layout_pool(chosen_engine, fmt, min(jobs or usable_cores(), len(results)))
    )

    def in_turn(message: str) -> None:
        """A line on stderr, after those of the maps before it (whose layouts may still run),
        so that the lines come in the order of the maps."""
        nonlocal status
        status = _write(layouts.rest(), status, shown, fmt, stale_only, named=single)
        say(message)

    drawable_maps = [r for r in results if r.map is not None and not has_failures(r.diagnostics)]
    drawable_maps, unfocused = focused(drawable_maps, options.focus)
    for message in unfocused:
        say(message)
        status = EXIT_ERROR
    planned, refused = plan_outputs(
        drawable_maps,
        output,
        lambda result: _file_name(result, options, fmt),
        single,
        files_read(results),
    )
    for message in refused:
        _error(message)
        status = EXIT_ERROR

    label = "checking" if check else "rendering"
    with layouts, progress(len(planned), label) as shown:
        settle = Settling(check, checked, in_turn, partial(shown.kept, say=in_turn))
        for result, target in planned:
            argument_map = result.map
            assert argument_map is not None
            try:
                # the map's own drawing: settings, under those of the command line
                drawn = drawing_options(options, argument_map.drawing, chosen)
                drawable(argument_map, drawn)  # a view too large fails before quotes are read
                similarity = configs.for_root(result.root)[0].similarity
                view = _linked(drawn, result) if link_to_report else drawn
                source = map_source(argument_map, similarity, view, verdicts=not no_verdicts)
                # a PDF has no stamp: --stale-only compares it once drawn (_write), not twice
                comparing = check or (stale_only and fmt is not OutputFormat.PDF)
                current = partial(
                    is_current,
                    source=source,
                    output_format=fmt,
                    engine=chosen_engine,
                    timeout=time_limit,
                )
                if comparing and settle(target, current, result.path):
                    shown.advance()
                    continue
                layouts.put((result.path, target), draw, source, fmt, chosen_engine, time_limit)
            except (GraphvizNotFound, UnsupportedFormat) as exc:
                in_turn(f"argmap: {exc}")
                sys.exit(EXIT_ERROR)  # the same for every file: say it once
            except RenderError as exc:
                in_turn(f"argmap: {result.path}: {exc}")
                shown.advance()
                status = EXIT_ERROR
            status = _write(layouts.ready(), status, shown, fmt, stale_only, named=single)
        status = _write(layouts.rest(), status, shown, fmt, stale_only, named=single)
    status = stale_status(checked, "file", "argmap render", status)
    sys.exit(status)


def _write(
    drawn: Iterable[tuple[tuple[str, Path | None], Drawn]],
    status: int,
    shown: Progress,
    fmt: OutputFormat,
    keep_same: bool = False,
    *,
    named: bool = True,
) -> int:
    """Write each finished layout in ``fmt`` (or say why it failed), a step of ``shown``
    each; the exit status so far. With ``keep_same``, a file that already holds the same
    bytes is left as it is. A target of None is standard output; ``named``: the targets
    are the file -o names, not files in its folder (:func:`write_output`)."""
    for (path, target), data in drawn:
        shown.advance()
        if isinstance(data, GraphvizNotFound | UnsupportedFormat):
            _error(str(data))
            sys.exit(EXIT_ERROR)  # the same for every file: say it once
        if isinstance(data, RenderError):
            _error(f"{path}: {data}")
            status = EXIT_ERROR
            continue
        if keep_same and target is not None and target.is_file() and target.read_bytes() == data:
            shown.kept(target)
            continue
        if not write_output(target, data, f"{path}'s {fmt.value}", named=named):
            status = EXIT_ERROR
            continue
        if target is not None:
            shown.wrote(target)
    return status


def _linked(options: RenderOptions, result: MapResult) -> RenderOptions:
    """``options`` with links to the map's report, ``<stem>.html`` beside the drawing."""
    return replace(options, link_base=report_link(Path(result.path).stem))


def _file_name(result: MapResult, options: RenderOptions, fmt: OutputFormat) -> str:
    stem = Path(result.path).stem
    if options.focus:
        stem = f"{stem}.{options.focus}"
    return f"{stem}.{fmt.value}"


def _error(message: str) -> None:
    say(f"argmap: {message}")


def map_source(
    argument_map: ArgumentMap,
    similarity: float,
    options: RenderOptions,
    *,
    verdicts: bool = True,
) -> str:
    """The DOT of ``argument_map`` as ``argmap render`` draws it: its quotes verified with the
    project's ``similarity`` and the map evaluated, unless ``verdicts`` is false (a worksheet).
    The benchmark's in-process render runs this too, so that it measures what the command does."""
    if not verdicts:
        return dot_source(argument_map, options=options)
    checks, marks = _quote_status_for(argument_map, similarity)
    return dot_source(
        argument_map,
        verdicts=_verdicts_for(argument_map, checks, marks),
        quote_status=checks,
        options=options,
        quote_marks=marks,
    )


def _verdicts_for(
    argument_map: ArgumentMap,
    quote_status: Mapping[str, QuoteStatus] | None = None,
    quote_marks: Mapping[str, str] | None = None,
) -> Mapping[str, ClaimVerdict]:
    """The verdicts of the evaluate stage (grounded semantics): where render meets evaluate."""
    from argmap.evaluate import evaluate_map

    return evaluate_map(argument_map, quote_status, quote_marks=quote_marks).verdicts


def _quote_status_for(
    argument_map: ArgumentMap, similarity: float
) -> tuple[Mapping[str, QuoteStatus], Mapping[str, str]]:
    """The quote checks of the verify stage by evidence id, with the project's threshold:
    their statuses, and the marks of those their status would misname."""
    from argmap.verify.evidence import quote_marks, verify_evidence

    checks, _ = verify_evidence(argument_map, threshold=similarity)
    return {evidence_id: check.status for evidence_id, check in checks.items()}, quote_marks(checks)
