"""Argument maps as Graphviz diagrams: a pure builder, views, and the engines that lay out.

* :func:`build_digraph` makes the ``graphviz.Digraph`` of a map (pure, no I/O);
* :func:`render_map` lays it out into SVG, PNG, PDF or DOT bytes with the system Graphviz
  or the embedded WebAssembly build; :func:`is_current` tells whether a file is stale;
* :class:`RenderOptions` chooses the view (focus, depth, evidence, verdicts, groups).

See docs/rendering.md for the visual grammar.
"""

from argmap.render.backends import (
    DEFAULT_TIMEOUT,
    EmbeddedUnavailable,
    Engine,
    GraphvizNotFound,
    LayoutFailed,
    OutputFormat,
    RenderError,
    UnsupportedFormat,
)
from argmap.render.dot import build_digraph
from argmap.render.ids import anchor, svg_id
from argmap.render.options import (
    DEFAULT_MAX_NODES,
    FOCUS_DEPTH,
    GroupBy,
    RankDir,
    RenderOptions,
)
from argmap.render.output import digest, dot_source, is_current, render_map, render_source
from argmap.render.svg import UnsafeSvg
from argmap.render.views import Selection, TooLarge, UnknownFocus, drawable, select

__all__ = [
    "DEFAULT_MAX_NODES",
    "DEFAULT_TIMEOUT",
    "FOCUS_DEPTH",
    "EmbeddedUnavailable",
    "Engine",
    "GraphvizNotFound",
    "GroupBy",
    "LayoutFailed",
    "OutputFormat",
    "RankDir",
    "RenderError",
    "RenderOptions",
    "Selection",
    "TooLarge",
    "UnknownFocus",
    "UnsafeSvg",
    "UnsupportedFormat",
    "anchor",
    "build_digraph",
    "digest",
    "dot_source",
    "drawable",
    "is_current",
    "render_map",
    "render_source",
    "select",
    "svg_id",
]
