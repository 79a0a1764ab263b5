"""The visual grammar: one shape per kind of element, one line and arrow head per relation,
one border and badge per verdict, and the legend that explains them.

Colours are the Okabe–Ito palette, safe for the common colour-vision deficiencies; every
distinction is also made without colour (shape, line style, arrow head, badge text), so the
map reads in greyscale print.

Edges are written from the supported or attacked element to the supporting or attacking one
with ``dir=back``: the thesis is then ranked first (at the top with ``rankdir=TB``) and its
reasons below it, while the arrow head (Graphviz's ``arrowtail``) points at the target, the
way argument maps are read.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping
from typing import Final

import graphviz

from argmap.render.ids import IdAllocator, node_name
from argmap.render.statements import add_edge, add_node, set_attributes
from argmap.render.text import label_text
from argmap.verdict import QuoteStatus, Verdict

# Okabe & Ito (2008), "Color Universal Design", three of them darkened in their own hue so
# that every line and border stands out 3:1 from the paper and from every fill (WCAG 2.1
# SC 1.4.11): orange #E69F00 was 2.25:1 on white, reddish purple #CC79A7 2.76:1 on the
# fills. Orange darkened alone meets vermillion for a deuteranope (3 CIELAB units apart,
# where Okabe-Ito has 18), so vermillion is darkened further and keeps them 16 apart.
# tests/render/test_palette.py computes the ratios and the simulated colour blindness.
ORANGE: Final = "#B07800"  # #E69F00 darkened: 3.8:1 on white
SKY_BLUE: Final = "#56B4E9"
BLUISH_GREEN: Final = "#009E73"
YELLOW: Final = "#F0E442"
BLUE: Final = "#0072B2"
VERMILLION: Final = "#A04600"  # #D55E00 darkened: 6.2:1 on white
REDDISH_PURPLE: Final = "#A36186"  # #CC79A7 darkened: 4.6:1 on white
INK: Final = "#1A1A1A"
MUTED: Final = "#5F5F5F"
FAINT: Final = "#8C8C8C"
PAPER: Final = "#FFFFFF"
EVIDENCE_PAPER: Final = "#F3F3F3"
COUNTER_PAPER: Final = "#FDF1EA"
FOCUS_PAPER: Final = "#FBF7D5"  # a tint of the palette's yellow

# One family that both engines measure alike: the system dot finds Arial or its metric twin
# (Liberation Sans), and the embedded build has Arial's metrics built in (a list such as
# "Helvetica,Arial,sans-serif" would fall back to Times metrics there). The SVG is given
# fallbacks afterwards (svg.py).
FONT: Final = "Arial"

GRAPH_ATTR: Final[Mapping[str, str]] = {
    "fontname": FONT,
    "ordering": "out",
    "newrank": "true",
    "outputorder": "edgesfirst",
    "nodesep": "0.25",
    "ranksep": "0.45",
    "pad": "0.3",
    "bgcolor": PAPER,
}
NODE_ATTR: Final[Mapping[str, str]] = {
    "fontname": FONT,
    "fontsize": "10",
    "fontcolor": INK,
    "shape": "box",
    "style": "rounded,filled",
    "fillcolor": PAPER,
    "color": INK,
    "penwidth": "1.2",
    "margin": "0.14,0.07",
}
EDGE_ATTR: Final[Mapping[str, str]] = {
    "fontname": FONT,
    "fontsize": "8",
    "fontcolor": MUTED,
    "dir": "back",
    "arrowsize": "0.8",
}

# kind -> node attributes (on top of NODE_ATTR)
KIND_STYLE: Final[Mapping[str, Mapping[str, str]]] = {
    "thesis": {"style": "rounded,filled,bold", "peripheries": "2", "fontsize": "12"},
    "claim": {},
    "premise": {"style": "filled"},
    "assumption": {"style": "filled,diagonals"},
    "counterclaim": {"shape": "hexagon", "fillcolor": COUNTER_PAPER, "margin": "0.06,0.05"},
    "evidence": {
        "shape": "note",
        "style": "filled",
        "fillcolor": EVIDENCE_PAPER,
        "color": FAINT,
        "penwidth": "0.8",
        "fontsize": "8",
        "fontcolor": MUTED,
        "margin": "0.1,0.05",
    },
    "inference": {
        "shape": "point",
        "width": "0.09",
        "color": INK,
        "fillcolor": INK,
        "style": "filled",
    },
    "named-inference": {
        "shape": "ellipse",
        "style": "filled",
        "width": "0",
        "height": "0",
        "margin": "0.04,0.02",
        "color": INK,
        "penwidth": "0.8",
        "fontsize": "8",
    },
}

# relation -> edge attributes (on top of EDGE_ATTR)
RELATION_STYLE: Final[Mapping[str, Mapping[str, str]]] = {
    "support": {"arrowtail": "normal", "color": BLUE, "penwidth": "1.4"},
    "link": {"dir": "none", "color": BLUE, "penwidth": "1.4"},
    "rebut": {"arrowtail": "tee", "style": "dashed", "color": VERMILLION, "penwidth": "1.6"},
    "undermine": {
        "arrowtail": "diamond",
        "style": "dashed",
        "color": REDDISH_PURPLE,
        "penwidth": "1.6",
    },
    "undercut": {"arrowtail": "box", "style": "dotted", "color": ORANGE, "penwidth": "2.2"},
    "evidence-supports": {
        "arrowtail": "onormal",
        "color": FAINT,
        "penwidth": "0.8",
        "arrowsize": "0.6",
    },
    "evidence-attacks": {
        "arrowtail": "otee",
        "style": "dashed",
        "color": FAINT,
        "penwidth": "0.8",
        "arrowsize": "0.6",
    },
}

RELATION_NAME: Final[Mapping[str, str]] = {
    "support": "supports",
    "rebut": "rebuts",
    "undermine": "undermines",
    "undercut": "undercuts (the inference)",
    "weaker": "fails: the attacker is weaker",
    "evidence-supports": "quote for",
    "evidence-attacks": "quote against",
}

# An attack from a weaker claim (priorities) fails: it keeps its kind's line and head, drawn
# grey and thinner, with an open circle before the head (WEAKER_HEAD), so that it is told from
# a quote against (grey, dashed, an open bar) in greyscale print too. Not a relation of its
# own: the legend shows the circle alone, the heads having their kinds' entries.
WEAKER: Final[Mapping[str, str]] = {"color": FAINT, "penwidth": "1.2"}
WEAKER_HEAD: Final = "odot"
LEGEND_ARROW: Final[Mapping[str, Mapping[str, str]]] = {
    **RELATION_STYLE,
    "weaker": {"arrowtail": WEAKER_HEAD, "style": "dashed", **WEAKER},
}

# verdict -> (border colour, badge); the border is drawn thick, unsupported thinner and dashed.
VERDICT_STYLE: Final[Mapping[Verdict, tuple[str, str]]] = {
    Verdict.SUPPORTED: (BLUISH_GREEN, "✔ SUPPORTED"),
    Verdict.REFUTED: (VERMILLION, "✘ REFUTED"),
    Verdict.CONTESTED: (ORANGE, "⇄ CONTESTED"),
    Verdict.UNSUPPORTED: (FAINT, "○ UNSUPPORTED"),
}
VERDICT_PENWIDTH: Final = "2.6"
UNSUPPORTED_PENWIDTH: Final = "1.6"

GROUP_STYLE: Final[Mapping[str, str]] = {
    "style": "rounded,dashed",
    "color": FAINT,
    "fontcolor": MUTED,
    "fontsize": "11",
    "labeljust": "l",
}

QUOTE_NOT_FOUND: Final[Mapping[str, str]] = {"color": VERMILLION, "penwidth": "1.6"}

QUOTE_MARK: Final[Mapping[QuoteStatus, str]] = {
    QuoteStatus.VERIFIED: "✔ verified",
    QuoteStatus.VERIFIED_WITH_EDITS: "✔ verified, edited",
    QuoteStatus.PARAPHRASE: "≈ paraphrase",
    QuoteStatus.NOT_FOUND: "✘ quote not found",
    QuoteStatus.UNCHECKED: "? unchecked",
}

KIND_ORDER: Final = (
    "thesis",
    "claim",
    "premise",
    "assumption",
    "counterclaim",
    "evidence",
    "named-inference",
)
# what the legend calls a kind, when not by its own name
KIND_NAME: Final[Mapping[str, str]] = {"named-inference": "argument name"}
RELATION_ORDER: Final = (
    "support",
    "rebut",
    "undermine",
    "undercut",
    "weaker",
    "evidence-supports",
    "evidence-attacks",
)


def verdict_attrs(verdict: Verdict, style: str) -> dict[str, str]:
    """Node attributes that show a verdict on a node drawn with ``style``: a thick border
    in the verdict's colour, dashed when the claim is unsupported, faded text when refuted."""
    colour, _ = VERDICT_STYLE[verdict]
    attrs = {"color": colour, "penwidth": VERDICT_PENWIDTH}
    if verdict is Verdict.UNSUPPORTED:  # the weakest word: a thinner, dashed border
        attrs.update({"style": f"{style},dashed", "penwidth": UNSUPPORTED_PENWIDTH})
    if verdict is Verdict.REFUTED:
        attrs["fontcolor"] = MUTED
    return attrs


def node_style(kind: str) -> dict[str, str]:
    """The attributes of a node of ``kind`` that differ from ``NODE_ATTR``."""
    return dict(KIND_STYLE[kind])


def base_style(kind: str) -> str:
    """The ``style`` a node of ``kind`` is drawn with."""
    return KIND_STYLE[kind].get("style", NODE_ATTR["style"])


def add_legend(
    graph: graphviz.Digraph,
    ids: IdAllocator,
    *,
    kinds: Collection[str],
    relations: Collection[str],
    verdicts: Collection[Verdict],
) -> str:
    """Two rows explaining the shapes, lines and verdicts that this map uses: the word
    "Legend", the kinds and the verdicts; then each relation as its name and a short arrow.
    Returns the last node of the lower row, under which the builder hangs the map.

    Not a cluster, though a box around it would look better: Graphviz orders a cluster and
    ``ordering=out`` badly together, and with a legend cluster, adding one claim to a
    1,000-claim map swapped 5,727 of the 38,531 pairs of claims side by side in a rank
    (without it, none). Each row is a ``rank=same`` subgraph whose nodes are chained left
    to right (by the relations' own arrows, else invisible edges).
    """
    upper: list[str] = []
    lower: list[str] = []
    with graph.subgraph(name="legend") as legend:
        with legend.subgraph() as row:
            set_attributes(row, {"rank": "same"})
            title = node_name("legend", "title")
            add_node(
                row,
                title,
                {
                    "label": label_text(["Legend"]),
                    "id": ids.take("legend"),
                    "class": "legend title",
                    **LEGEND_TITLE,
                },
            )
            upper.append(title)
            for kind in (k for k in KIND_ORDER if k in kinds):
                name = node_name("legend", kind)
                add_node(
                    row,
                    name,
                    {
                        "label": label_text([KIND_NAME.get(kind, kind)]),
                        "id": ids.take(f"legend-{kind}"),
                        "class": f"legend {kind}",
                        **node_style(kind),
                    },
                )
                upper.append(name)
            for verdict in (v for v in Verdict if v in verdicts):
                name = node_name("legend", verdict.value)
                add_node(
                    row,
                    name,
                    {
                        "label": label_text([VERDICT_STYLE[verdict][1]]),
                        "id": ids.take(f"legend-{verdict.value}"),
                        "class": f"legend {verdict.value}",
                        "fontsize": "8",
                        **verdict_attrs(verdict, NODE_ATTR["style"]),
                    },
                )
                upper.append(name)
        arrows: list[tuple[str, str, str]] = []
        with legend.subgraph() as row:
            set_attributes(row, {"rank": "same"})
            for relation in (r for r in RELATION_ORDER if r in relations):
                word = node_name("legend", f"{relation}-name")
                end = node_name("legend", f"{relation}-end")
                add_node(
                    row,
                    word,
                    {
                        "label": label_text([RELATION_NAME[relation]]),
                        "id": ids.take(f"legend-{relation}-name"),
                        "class": "legend name",
                        **_WORD,
                    },
                )
                add_node(row, end, _ARROW_END)
                arrows.append((relation, word, end))
                lower.extend([word, end])
        for relation, word, end in arrows:
            look = dict(LEGEND_ARROW[relation])  # drawn left to right: the head at the end
            head = look.pop("arrowtail", "none")
            add_edge(
                legend,
                word,
                end,
                {
                    "id": ids.take(f"legend-{relation}"),
                    "class": f"legend {relation}",
                    **look,
                    "dir": "forward",
                    "arrowhead": head,
                    "headclip": "false",
                },
            )
        for names in (upper, lower):
            for left, right in itertools.pairwise(names):
                if not (left.endswith("-name") and right.endswith("-end")):
                    add_edge(legend, left, right, _INVISIBLE_EDGE)
        if upper and lower:
            add_edge(legend, upper[0], lower[0], _INVISIBLE_EDGE)
    return (lower or upper)[-1]


LEGEND_TITLE: Final[Mapping[str, str]] = {
    "shape": "plaintext",
    "style": "",
    "fontsize": "10",
    "fontcolor": MUTED,
}
_ARROW_END: Final[Mapping[str, str]] = {
    "label": "",
    "shape": "box",
    "width": "0.45",
    "height": "0.1",
    "style": "invis",
}
# a relation's word in the legend: its margin keeps a word wider than the node's least
# width ("undercuts (the inference)") off the arrow that starts at the node's edge
_WORD: Final[Mapping[str, str]] = {
    "shape": "plaintext",
    "style": "",
    "fontsize": "8",
    "fontcolor": MUTED,
    "margin": "0.08,0.02",
    "height": "0.2",
}
_INVISIBLE_EDGE: Final[Mapping[str, str]] = {"style": "invis", "dir": "none"}
