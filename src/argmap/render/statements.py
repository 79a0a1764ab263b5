"""DOT statements written straight into a ``graphviz.Digraph``'s body.

The ``graphviz`` package quotes every attribute with regular expressions, which is most of
the builder's time on a large map. The values here are already safe for a quoted DOT string
(text went through :mod:`argmap.render.text`, where every backslash is doubled, so a ``"``
is never escaped by accident; ids are slugs), so quoting is one ``replace``. Attributes are
written in the order given, which the builder keeps fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import graphviz

# Every attribute the renderer writes. Nothing else can reach Graphviz: in particular no
# ``image``, ``shapefile`` or ``stylesheet`` (which would pull files into the SVG), and ``URL``
# only as argmap builds it (``link_base`` + ``#claim-ID``).
ALLOWED: Final = frozenset(
    {
        "label", "id", "class", "tooltip", "URL",
        "shape", "style", "peripheries", "fontsize", "fontcolor", "fillcolor", "color",
        "penwidth", "margin", "width", "height",
        "dir", "arrowtail", "arrowhead", "arrowsize", "headclip",
        "rank", "labeljust", "labelloc", "weight", "minlen", "constraint",
    }
)  # fmt: skip


_QUOTE, _ESCAPED_QUOTE = '"', '\\"'


def quote(value: str) -> str:
    """A DOT quoted string of ``value`` (whose backslashes are already escaped)."""
    return '"' + value.replace('"', '\\"') + '"'


def attributes(attrs: Mapping[str, str]) -> str:
    if not ALLOWED.issuperset(attrs):  # no set is made for the attributes that are allowed
        raise ValueError(f"attributes argmap does not write: {sorted(attrs.keys() - ALLOWED)}")
    return " ".join(
        [f'{key}="{value.replace(_QUOTE, _ESCAPED_QUOTE)}"' for key, value in attrs.items()]
    )


def add_node(graph: graphviz.Digraph, name: str, attrs: Mapping[str, str]) -> None:
    graph.body.append(f"\t{quote(name)} [{attributes(attrs)}]\n")


def add_edge(graph: graphviz.Digraph, tail: str, head: str, attrs: Mapping[str, str]) -> None:
    graph.body.append(f"\t{quote(tail)} -> {quote(head)} [{attributes(attrs)}]\n")


def set_attributes(graph: graphviz.Digraph, attrs: Mapping[str, str]) -> None:
    """``graph [...]`` inside a (sub)graph: its label, id, class and style."""
    graph.body.append(f"\tgraph [{attributes(attrs)}]\n")
