"""The options of the commands that lay maps out (render, report, handout, watch): one name,
one help and one default each, since one layout runs under them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from argmap.commands.common import Seconds, choice
from argmap.render import DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, Engine, GroupBy, RankDir
from argmap.render.settings import DrawingChoice

engine_option = click.option(
    "--engine",
    type=choice(e.value for e in Engine),
    default=Engine.AUTO.value,
    show_default=True,
    help="How the map is laid out: system (Graphviz's dot on PATH), embedded (the built-in "
    "WebAssembly Graphviz), or auto (system when dot is on PATH, else embedded).",
)
max_nodes_option = click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="Refuse a view with more nodes (claims, quotes, junctions) than this: Graphviz "
    "would take minutes on it.",
)
time_limit_option = click.option(
    "--time-limit",
    type=Seconds(),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a layout may take before it is stopped: Graphviz's, and WeasyPrint's of a "
    "handout's PDF (more than 0 to 86400, a day; the embedded Graphviz and WeasyPrint: on "
    "Linux only).",
)

# --- the settings a map file may also give (drawing:); None here: not given --------------------
rankdir_option = click.option(
    "--rankdir",
    type=choice(r.value.lower() for r in RankDir),
    default=None,
    help="Where the map grows from the thesis: tb puts the thesis at the top "
    "[default: the map file's drawing: rankdir, else tb].",
)
group_by_option = click.option(
    "--group-by",
    type=choice(g.value for g in GroupBy),
    default=None,
    help="Draw a box around the claims of each actor, or of each (first) tag "
    "[default: the map file's drawing: group-by, else none].",
)
evidence_option = click.option(
    "--evidence/--no-evidence",
    default=None,
    help="Draw the evidence (quotes), or leave it out "
    "[default: the map file's drawing: evidence, else drawn].",
)
legend_option = click.option(
    "--legend/--no-legend",
    default=None,
    help="Draw the legend, or leave it out [default: the map file's drawing: legend, else drawn].",
)


F = TypeVar("F", bound=Callable[..., object])


def page_drawing_options(command: F) -> F:
    """The options of the commands that draw a map into a page (report, handout, watch), in
    render's order: the engine, the file's settings they take (direction and groups), and the
    layout's limits."""
    for option in reversed(
        (engine_option, rankdir_option, group_by_option, max_nodes_option, time_limit_option)
    ):
        command = option(command)
    return command


def drawing_choice(
    rankdir: str | None,
    group_by: str | None,
    evidence: bool | None = None,
    legend: bool | None = None,
) -> DrawingChoice:
    """The drawing settings given on the command line; None for each one not given."""
    return DrawingChoice(
        rankdir=None if rankdir is None else RankDir(rankdir.upper()),
        group_by=None if group_by is None else GroupBy(group_by),
        evidence=evidence,
        legend=legend,
    )
