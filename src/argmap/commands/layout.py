"""The options of the commands that lay maps out (render, report, handout): one name, one
help and one default each, since one layout runs under them all."""

from __future__ import annotations

import click

from argmap.commands.common import Seconds, choice
from argmap.render import DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, Engine

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
    help="Seconds a layout may take before it is stopped (more than 0 to 86400, a day; the "
    "embedded Graphviz: on Linux only).",
)
