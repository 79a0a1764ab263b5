"""``argmap report``: a checked map as one self-contained HTML page, and ``--check`` for CI.

The loop that ``argmap handout`` shares is here too (:func:`run_pages`): load, check, build
each page, then write it atomically or (``--check``) compare its stamp with the file's.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NoReturn

import click

from argmap.commands.common import (
    EXIT_ERROR,
    Checked,
    InputPath,
    OutputPath,
    Settling,
    focused,
    jobs_option,
    load_for_output,
    named_folder,
    refuse_check_with_stale_only,
    say,
    stale_only_option,
    stale_status,
    write_output,
)
from argmap.commands.layout import drawing_choice, page_drawing_options
from argmap.commands.progress import Progress, progress
from argmap.commands.targets import (
    files_read,
    on_stdout,
    plan_outputs,
    refuse_output,
    where_to,
)
from argmap.cores import usable_cores, worker_pool
from argmap.diagnostics import has_failures
from argmap.inorder import InOrder
from argmap.outcome import CheckOutcome
from argmap.pipeline import ConfigCache, find_files
from argmap.render import Engine, OutputFormat, RenderError
from argmap.render.many import system_layouts
from argmap.render.settings import DrawingChoice
from argmap.semantics.labels import Semantics

check_option = click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if an output is missing or stale (for CI).",
)


@dataclass(frozen=True, slots=True)
class PageJob:
    """How one kind of page is made, named, finished and checked."""

    name: Callable[[str], str]  # map file stem -> file name in a folder
    suffixes: tuple[str, ...]  # an -o ending in one of these is a file, not a folder
    page: Callable[[CheckOutcome], bytes]  # the stamped HTML page
    finish: Callable[[bytes], bytes]  # the page -> the bytes written to the target
    stamp_of: Callable[[bytes], str | None]  # the stamp of an existing file of its format
    stamp: Callable[[bytes], str | None]  # the stamp of a page
    command: str  # for the message about stale files
    doing: str  # what its progress bar says: "making reports"
    # page and finish are module-level functions (or partials of them), so that the whole
    # file is made in a worker process; else only finish is
    in_workers: bool = False
    focus: str | None = None  # the claim each page is drawn around (--focus), in its name


def run_pages(
    paths: Sequence[Path],
    output: Path | None,
    job: PageJob,
    check: bool,
    stale_only: bool = False,
    *,
    workers: int = 1,
    binary: str | None = None,
) -> NoReturn:
    """Build a page for every map in ``paths``; write it, or check the file already there
    (``check``), or write it only where the file there is missing or stale (``stale_only``).
    With ``workers`` > 1, ``job.finish`` (a module-level function) runs in that many worker
    processes while the next page is built; the whole of each file does when the job says
    so (``job.in_workers``) and it is not compared with the file there first. An
    ``output`` of None is standard output (``-o -``), for one map; ``binary`` names the
    format when it is not text (PDF), which a terminal is not sent."""
    from argmap.commands.check import check_result

    refuse_check_with_stale_only(check, stale_only)
    refusal = refuse_output(output, check=check, stale_only=stale_only, binary=binary)
    if refusal is not None:
        _error(refusal)
        sys.exit(EXIT_ERROR)
    found = find_files(paths)
    configs = ConfigCache()
    results, status = load_for_output(found, configs, err=on_stdout(output))
    # maps counted once loaded: a folder also holds the files they include, and other YAML
    folder = named_folder(output)
    single, refused_output = where_to(output, job.suffixes, len(results), folder=folder)
    if refused_output is not None:
        _error(refused_output)
        sys.exit(EXIT_ERROR)

    kind = Path(job.name("")).suffix.lstrip(".")  # what a map's file is: html, pdf
    checked = Checked()
    pool = None if check else _finishing_pool(min(workers, len(results)))
    finishing: InOrder[tuple[str, Path | None], bytes | RenderError] = InOrder(pool, _killed)

    def in_turn(message: str) -> None:
        """A line on stderr after those of the maps before it, whose files may be in the
        making."""
        nonlocal status
        status = _write_pages(finishing.rest(), status, shown, kind, named=single)
        say(message)

    drawable_maps = [r for r in results if r.map is not None and not has_failures(r.diagnostics)]
    drawable_maps, unfocused = focused(drawable_maps, job.focus)
    for message in unfocused:
        say(message)
        status = EXIT_ERROR
    planned, refused = plan_outputs(
        drawable_maps,
        output,
        lambda result: job.name(Path(result.path).stem),
        single,
        files_read(results),
    )
    for message in refused:
        _error(message)
        status = EXIT_ERROR

    label = "checking" if check else job.doing
    with finishing, progress(len(planned), label) as shown:
        settle = Settling(check, checked, in_turn, partial(shown.kept, say=in_turn))
        # Each map is let go of once its page is made, before the page is finished: a
        # PDF's layout is the peak of a handout's memory, as large again as a 5,000-claim
        # map loaded and checked (docs/performance.md).
        waiting = deque(planned)
        del results, drawable_maps, planned
        while waiting:
            result, target = waiting.popleft()
            path = result.path
            outcome, _ = check_result(result, configs, Semantics.GROUNDED, 10.0)
            del result
            try:
                if pool is not None and job.in_workers and not stale_only:
                    work = (job.page, job.finish, outcome)
                    finishing.put((path, target), _made, *work)
                    status = _write_pages(finishing.ready(), status, shown, kind, named=single)
                    continue
                page = job.page(outcome)
                del outcome
                if (check or stale_only) and settle(target, partial(_holds, job, page), path):
                    shown.advance()
                    continue
                finishing.put((path, target), _finished, job.finish, page)
            except RenderError as exc:
                in_turn(f"argmap: {path}: {exc}")
                shown.advance()
                status = EXIT_ERROR
            status = _write_pages(finishing.ready(), status, shown, kind, named=single)
        status = _write_pages(finishing.rest(), status, shown, kind, named=single)
    status = stale_status(checked, "file", job.command, status)
    sys.exit(status)


def _finishing_pool(workers: int) -> ProcessPoolExecutor | None:
    if workers < 2:
        return None
    return worker_pool(workers)


def _made(
    page: Callable[[CheckOutcome], bytes],
    finish: Callable[[bytes], bytes],
    outcome: CheckOutcome,
) -> bytes | RenderError:
    """The bytes of a map's file, made in a worker process; a map that cannot be laid out
    comes back as the error (its kind's own fields may not cross the process boundary)."""
    try:
        made = page(outcome)
    except RenderError as exc:
        return RenderError(str(exc))
    return _finished(finish, made)


def _finished(finish: Callable[[bytes], bytes], page: bytes) -> bytes | RenderError:
    """The bytes of a map's file, finished from its page, here or in a worker process; a
    page that cannot be (a PDF stopped at its time limit) comes back as the error."""
    try:
        return finish(page)
    except RenderError as exc:
        return RenderError(str(exc))


def _killed() -> RenderError:
    """What is said of a map whose file was in the making, or waiting, when a worker process
    was killed (by the system, for want of memory: a PDF of a huge map); the maps after it
    are made in this process."""
    return RenderError(
        "not written: a worker process making the files was killed (by the system, perhaps "
        "for want of memory); try again with --jobs 1"
    )


def _as_is(page: bytes) -> bytes:
    """A page written as it is made (a report); at module level for a worker process."""
    return page


def _report_page(
    outcome: CheckOutcome,
    *,
    engine: Engine,
    max_nodes: int,
    time_limit: float,
    drawing: DrawingChoice,
) -> bytes:
    """The report page of ``outcome``; at module level for a worker process."""
    from argmap.report_html import report as build_report

    return build_report(
        outcome, engine=engine, max_nodes=max_nodes, time_limit=time_limit, drawing=drawing
    )


def _write_pages(
    finished: Iterable[tuple[tuple[str, Path | None], bytes | RenderError]],
    status: int,
    shown: Progress,
    kind: str,
    *,
    named: bool = True,
) -> int:
    """Write each finished page (a ``kind`` file: html, pdf), or say why it could not be
    made, a step of ``shown`` each; the exit status so far. A target of None is standard
    output; ``named``: the targets are the file -o names, not files in its folder
    (:func:`write_output`)."""
    for (path, target), data in finished:
        shown.advance()
        if isinstance(data, RenderError):
            _error(f"{path}: {data}")
            status = EXIT_ERROR
            continue
        if not write_output(target, data, f"{path}'s {kind}", named=named):
            status = EXIT_ERROR
            continue
        if target is not None:
            shown.wrote(target)
    return status


def _holds(job: PageJob, page: bytes, data: bytes) -> bool:
    """Whether ``data``, read from the target, is ``page`` as written (by their stamps)."""
    return job.stamp_of(data) == job.stamp(page)


def _error(message: str) -> None:
    say(f"argmap: {message}")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=InputPath())
@click.option(
    "-o",
    "--output",
    type=OutputPath(),
    default=Path("renders"),
    show_default=True,
    help="NAME.html for one map, a folder where each map becomes <stem>.html (NAME/ is "
    "one, made if need be), or - for standard output (one map; ./- is a file named -).",
)
@page_drawing_options
@check_option
@stale_only_option
@jobs_option
def report(
    paths: tuple[Path, ...],
    output: Path | None,
    engine: str,
    rankdir: str | None,
    group_by: str | None,
    max_nodes: int,
    time_limit: float,
    check: bool,
    stale_only: bool,
    jobs: int | None,
) -> None:
    """Write a self-contained HTML report of each map: the question, the map (each node links
    to its claim), the claims from the thesis down with verdicts, objections and evidence
    cards, who holds what, the sources, and a summary.

    The page loads nothing from the network (inline SVG and CSS, no scripts), so it works
    offline, from a USB stick. Links of the form NAME.html#claim-ID stay valid when the
    report is written again.

    PATHS are files or folders. A folder is searched for argument maps: its *.yaml and *.yml
    files (any case), except hidden ones and those whose top level is not a mapping with an
    argmap: or a claims: key (a docker-compose.yml, an Ansible playbook, a CI workflow), which
    are skipped (-v lists them). A file named is always read as a map.

    A map that does not load or resolve (bad YAML, an unknown reference) is reported with
    file:line:col and not written. The findings of the rules do not stop it: a map with a
    support cycle (AM010) is written; 'argmap check' reports them.

    -o - writes the one map's page to standard output, and nothing else there (not with
    several maps, --check or --stale-only); a file or folder named - is -o ./-. A device,
    a pipe or a descriptor (/dev/null, >(gzip > x.gz), /dev/stdout) is written into, as one
    file, whatever its name (not with several maps, --check or --stale-only).

    The map is drawn in the direction and with the groups of its file's drawing: settings
    (--rankdir and --group-by override them), with its quotes and without a legend: the
    page explains the marks and has the quotes on its cards.

    When the system dot lays the maps out, the reports of a folder are made side by side in
    worker processes (--jobs), and written and said in the order of the maps. On a terminal,
    from 50 maps on, a progress bar stands for the 'wrote FILE' lines, and one line sums
    them up (not with -v, -q or in CI).

    Exit status: 0 done, 1 a map does not load or resolve or (--check) a report is stale,
    2 a usage problem, a map that could not be laid out, or an output that cannot be written.

    \b
    Examples:
      argmap report arguments/montebello.yaml -o montebello.html
      argmap report map.yaml -o - | gzip > map.html.gz
      argmap report arguments/ -o renders/
      argmap report --check arguments/ -o renders/
      argmap report --stale-only arguments/ -o renders/
      argmap report arguments/ -o renders/ --jobs 2
    """
    from argmap.report_html import read_file_stamp, read_stamp

    chosen = Engine(engine)
    job = PageJob(
        name=lambda stem: f"{stem}.html",
        suffixes=(".html", ".htm"),
        page=partial(
            _report_page,
            engine=chosen,
            max_nodes=max_nodes,
            time_limit=time_limit,
            drawing=drawing_choice(rankdir, group_by),
        ),
        finish=_as_is,
        stamp_of=read_file_stamp,
        stamp=read_stamp,
        command="argmap report",
        doing="making reports",
        in_workers=True,
    )
    # forked workers: safe only while argmap runs no threads of its own (the embedded
    # Graphviz does), as for handout's PDFs
    workers = (jobs or usable_cores()) if system_layouts(chosen, OutputFormat.SVG) else 1
    run_pages(paths, output, job, check, stale_only, workers=workers)
