"""The pure builder: an :class:`ArgumentMap` (and its verdicts) as a ``graphviz.Digraph``.

No I/O: the digraph's ``.source`` is the DOT text, the same bytes for the same input (nodes
and edges in declaration order, attributes in a fixed order, no timestamps). Laying it out is
the job of :mod:`argmap.render.backends`. The builder is linear in the size of the map.

What is drawn (the grammar is in :mod:`argmap.render.style` and docs/rendering.md):

* a node per claim, shaped by its kind; its label is the text, wrapped, or the claim's short
  ``label`` when the text is long; the verdict shows as the border and a badge line;
* a node per evidence item under the claim it bears on: the quote shortened, its source and
  locator, and the quote check's mark;
* a junction for an argument whose premises are linked, that has a name, or whose inference
  is undercut: the premises meet there, one arrow goes on to the conclusion, and an undercut
  points at the junction; a small dot, or a small box holding the argument's name (never a
  label on an edge: one edge label makes ``dot`` double every rank of the map, and lay it
  out two to five times slower); any other argument is a single arrow from premise to
  conclusion;
* an edge per attack, styled by its kind.

Layout stability: statements follow the file's declaration order (claims, junctions,
evidence; then supports, attacks, evidence links), ``ordering=out`` keeps the reasons
under each claim in that order, and the top row hangs from one invisible point in the
file's order (:func:`_hang_top_row`), so an edit moves little of the map.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final, TypeVar

import graphviz

from argmap.argument_map import Argument, ArgumentMap, AttackKind, Claim, Evidence
from argmap.render import style
from argmap.render.document import DocumentName, describe, name_comment
from argmap.render.ids import IdAllocator, anchor, node_name, svg_id
from argmap.render.options import FOCUS_DEPTH, GroupBy, RenderOptions
from argmap.render.statements import add_edge, add_node, set_attributes
from argmap.render.text import citation, label_text, shorten, tooltip_text, wrap
from argmap.render.views import Selection, drawable, junctions, starts
from argmap.verdict import ClaimVerdict, QuoteStatus

T = TypeVar("T")

ARGUMENT_LABEL_WRAP = 26
# Graphviz's ``mclimit`` (scale of the crossing-minimisation passes) in a grouped view: stable
# under edits (0-3 swapped pairs of 135 in Montebello) for about a third more crossings.
GROUPED_MCLIMIT = "0.1"

Node = tuple[str, dict[str, str]]


@dataclass(slots=True)
class _Group:
    """The nodes of one cluster (or of the top level, ``key`` None), in order."""

    key: str | None
    label: str
    nodes: list[Node] = field(default_factory=list)


def build_digraph(
    argument_map: ArgumentMap,
    *,
    verdicts: Mapping[str, ClaimVerdict] | None = None,
    quote_status: Mapping[str, QuoteStatus] | None = None,
    options: RenderOptions = RenderOptions(),  # noqa: B008 - frozen, so a safe default
    quote_marks: Mapping[str, str] | None = None,
    weaker: Mapping[str, tuple[int, int]] | None = None,
) -> graphviz.Digraph:
    """The map as a Graphviz digraph. Raises ``views.UnknownFocus`` for a bad ``focus``.

    ``verdicts`` are by claim id, ``quote_status`` by evidence id; both are left out when
    ``options.show_verdicts`` is off (a worksheet). ``quote_marks`` (by evidence id) say
    what a quote's status alone would misname: "not verified" for a search that gave up.
    ``weaker``: the attacks that fail for a weaker attacker, as the whole map decides them
    (:func:`argmap.evaluate.priorities.weaker_attacks`), for ``argument_map`` that is a part
    of a map, whose claims' strengths may rest on arguments it leaves out; by default those
    of ``argument_map`` itself.
    """
    selection = drawable(argument_map, options)
    shown_verdicts = (verdicts or {}) if options.show_verdicts else {}
    shown_status = (quote_status or {}) if options.show_verdicts else {}
    ids = IdAllocator(options.id_prefix)
    graph = graphviz.Digraph(
        name="argmap",
        graph_attr=_graph_attr(argument_map, options, ids),
        node_attr=dict(style.NODE_ATTR),
        edge_attr=dict(style.EDGE_ATTR),
    )
    junctions_drawn = junctions(argument_map, selection)
    groups = _groups(argument_map, selection, options.group_by)
    nodes = _Nodes(
        argument_map, selection, options, ids, shown_verdicts, shown_status, quote_marks or {}
    )

    for claim in _selected(argument_map.claims, selection.claims):
        groups[_group_key(claim, options.group_by)].nodes.append(nodes.claim(claim))
    for argument in _selected(argument_map.arguments, junctions_drawn):
        group = _group_key(argument_map.claims[argument.conclusion], options.group_by)
        groups[group].nodes.append(nodes.junction(argument))
    for evidence in _selected(argument_map.evidence, selection.evidence):
        group = _group_key(argument_map.claims[evidence.target], options.group_by)
        groups[group].nodes.append(nodes.evidence(evidence))
    _add_groups(graph, groups, ids, options.group_by)

    for argument in _selected(argument_map.arguments, selection.arguments):
        _add_argument_edges(graph, ids, argument, argument.id in junctions_drawn)
    if verdicts is None or not options.show_verdicts:
        weaker = {}
    elif weaker is None:
        weaker = _weaker(argument_map)
    for attack in _selected(argument_map.attacks, selection.attacks):
        target_kind = "argument" if attack.kind is AttackKind.UNDERCUT else "claim"
        kind = attack.kind.value
        fails = weaker.get(attack.id)
        said = f"{attack.attacker} {kind}s {attack.target}"
        add_edge(
            graph,
            node_name(target_kind, attack.target),
            node_name("claim", attack.attacker),
            {
                "id": ids.take(svg_id("attack", attack.id)),
                "class": f"attack {kind}" if fails is None else f"attack {kind} weaker",
                **style.RELATION_STYLE[kind],
                **(_weaker_look(kind) if fails is not None else {}),
                "tooltip": tooltip_text(
                    [said, attack.note or ""]
                    if fails is None
                    else [said, _FAILS.format(*fails), attack.note or ""]
                ),
            },
        )
    for evidence in _selected(argument_map.evidence, selection.evidence):
        stance = evidence.stance.value
        add_edge(
            graph,
            node_name("claim", evidence.target),
            node_name("evidence", evidence.id),
            {
                "id": ids.take(svg_id("cites", evidence.id)),
                "class": f"evidence-link {stance}",
                **style.RELATION_STYLE[f"evidence-{stance}"],
                "tooltip": tooltip_text([f"{evidence.id} {stance} {evidence.target}"]),
            },
        )

    legend = None
    if options.legend and selection.claims:
        legend = style.add_legend(
            graph,
            ids,
            kinds=_kinds_shown(argument_map, selection, junctions_drawn),
            relations=_relations_shown(argument_map, selection, weaker),
            verdicts={v.verdict for c, v in shown_verdicts.items() if c in selection.claims},
        )
    top_row = _top_row(argument_map, selection)
    _hang_top_row(graph, top_row, legend, pinned=options.group_by is GroupBy.NONE)
    _hang_group_rows(graph, groups, top_row)
    if options.standalone:
        graph.comment = name_comment(
            DocumentName(
                _title(argument_map, options),
                describe(
                    claims=len(selection.claims),
                    arguments=len(selection.arguments),
                    attacks=len(selection.attacks),
                    quotes=len(selection.evidence),
                    verdicts=[
                        v.verdict for c, v in shown_verdicts.items() if c in selection.claims
                    ],
                ),
                ids.take("map-title"),
                ids.take("map-desc"),
            )
        )
    return graph


def _title(argument_map: ArgumentMap, options: RenderOptions) -> str:
    """The title of a view: the map's, and with a focus or a depth, which part of it."""
    part = _part(argument_map, options)
    return f"{argument_map.title}, {part}" if part else argument_map.title


def _part(argument_map: ArgumentMap, options: RenderOptions) -> str | None:
    """Which part of the map a view draws (``around c, 2 steps``, ``1 step from the
    thesis``); None for the whole map."""
    if options.focus:
        depth = FOCUS_DEPTH if options.depth is None else options.depth
        return f"around {options.focus}, {_steps(depth)}"
    if options.depth is None:
        return None
    start = "the theses" if len(starts(argument_map)) > 1 else "the thesis"
    return f"{_steps(options.depth)} from {start}"


def _steps(depth: int) -> str:
    return "1 step" if depth == 1 else f"{depth} steps"


# Above this many claims in the top row (a list of free-standing claims more than a map) the
# point is left out: at 15,000 it would cost Graphviz 4 s and 230 MB more, at 1,000 0.02 s.
TOP_ROW_MAX = 1_000
_TOP_POINT: Final[Mapping[str, str]] = {
    "label": "",
    "shape": "point",
    "width": "0",
    "height": "0",
    "style": "invis",
}
_TOP_EDGE: Final[Mapping[str, str]] = {"style": "invis", "dir": "none", "weight": "0"}


# Up to this many claims in the top row, each hangs from the point through a point of its own
# (:func:`_pin_top_row`), which has an edge to every later claim of the row: a square of
# edges, each laid out by Graphviz. A longer row (a list of claims more than a map) hangs from
# the point alone.
ROW_PINS_MAX = 40
_PIN_EDGE: Final[Mapping[str, str]] = {"style": "invis", "dir": "none"}
_ORDER_EDGE: Final[Mapping[str, str]] = {**_TOP_EDGE, "constraint": "false"}


def _hang_top_row(
    graph: graphviz.Digraph, top_row: list[str], legend: str | None, *, pinned: bool
) -> None:
    """Hang the map's top row (``top_row``, in declaration order) from one invisible point
    above it, whose out-edges ``ordering=out`` keeps in that order; with a legend, the point
    stands in the legend's lower rank (``legend`` is its last node), so that the legend has
    ranks of its own above the map.

    Graphviz is otherwise free to order the top row as it likes: adding one claim to the
    Montebello map swapped 45 of its 91 pairs of claims side by side in a rank when the
    legend was a cluster in the map's top ranks; now none. Weight 0: the point orders the
    row, it does not pull the claims together (weight 1 would put the whole row in the top
    rank, in order: a change of every such drawing). ``pinned`` (the plain view, with at
    most :data:`ROW_PINS_MAX` claims in the row): each claim hangs from the point through a
    point of its own, :func:`_pin_top_row`, which keeps the claims of the row in the file's
    order in the lower ranks too. A group's claims of the row hang from the group's own
    point (:func:`_hang_group_rows`)."""
    if len(top_row) > TOP_ROW_MAX or (legend is None and len(top_row) < 2):
        return
    point = node_name("layout", "top")
    add_node(graph, point, _TOP_POINT)
    if legend is not None:
        add_edge(graph, legend, point, {**_TOP_EDGE, "minlen": "0"})
    if pinned and 2 <= len(top_row) <= ROW_PINS_MAX:
        _pin_top_row(graph, point, top_row, own_rank=legend is not None)
        return
    for name in top_row:
        add_edge(graph, point, name, _TOP_EDGE)


def _pin_top_row(
    graph: graphviz.Digraph, point: str, top_row: list[str], *, own_rank: bool
) -> None:
    """Hang each claim of ``top_row`` from ``point`` through a point pinned right above it,
    with an edge to each later claim of the row that does not rank (``constraint=false``,
    weight 0): those of them that Graphviz draws in the claim's rank are heads of the pin's
    edges there, and ``ordering=out`` keeps them after the claim.

    The map's point alone orders only the rank right below it. A claim of the row that
    Graphviz draws lower (its reasons run deep) hangs from it through Graphviz's virtual
    nodes, which its crossing minimisation orders freely: Montebello's congress-must-join
    and open-to-ngos, two ranks below its theses, came out the other way round. Which
    claims share a rank is Graphviz's to decide, hence an edge to every later claim. The
    pin's edge to its claim has weight 1, which ranks the pin and pulls no claim (the pin
    has no other edge that ranks but the point's, of weight 0).

    ``own_rank`` (under a legend): the pins stand in a rank of their own between the point
    and the topmost claims; in the legend's lower rank, beside the point, they pushed the
    legend aside (Montebello's drawing grew 5.8 in wider, the legend at its right end).
    Without a legend the pins of the topmost claims stand beside the point (``minlen=0``),
    and the drawing has no rank more. (Pins without the point let Graphviz rank the map
    anew: 42 of Montebello's claims moved up or down.)"""
    hang = _TOP_EDGE if own_rank else {**_TOP_EDGE, "minlen": "0"}
    for index, name in enumerate(top_row, start=1):
        pin = node_name("layout", f"row-{index}")
        add_node(graph, pin, _TOP_POINT)
        add_edge(graph, point, pin, hang)
        add_edge(graph, pin, name, _PIN_EDGE)
        for later in top_row[index:]:
            add_edge(graph, pin, later, _ORDER_EDGE)


def _hang_group_rows(
    graph: graphviz.Digraph, groups: Mapping[str | None, _Group], top_row: list[str]
) -> None:
    """Hang the top-row claims of each group (a cluster) from a point of its own inside
    the cluster, in declaration order, as :func:`_hang_top_row` hangs the whole row: the
    map's point is outside the clusters, and its ``ordering=out`` does not reach into
    them. Graphviz (2.43) then laid a cluster's claims out in reverse order: under one tag
    that every claim holds, the top row was drawn right to left; grouped by actor, adding a
    reason to a claim of the top row swapped 12 or 13 of Montebello's 135 pairs of claims
    side by side (0 or 1 now). Left out where the map's point is (more than
    :data:`TOP_ROW_MAX` claims in the row)."""
    if len(top_row) > TOP_ROW_MAX:
        return
    row = set(top_row)
    for index, group in enumerate(groups.values(), start=1):
        names = [name for name, _ in group.nodes if name in row]
        if group.key is None or len(names) < 2:
            continue
        with graph.subgraph(name=_cluster(index)) as cluster:  # the group's, named again
            point = node_name("layout", f"top-{index}")
            add_node(cluster, point, _TOP_POINT)
            for name in names:
                add_edge(cluster, point, name, _TOP_EDGE)


def _top_row(argument_map: ArgumentMap, selection: Selection) -> list[str]:
    """The drawn claims no drawn edge points into (edges run from a conclusion to its
    premises or junction, and from an attack's target to the attacker), in declaration
    order: the top row of the map."""
    below: set[str] = set()
    for argument in _selected(argument_map.arguments, selection.arguments):
        below.update(argument.premises)
    for attack in _selected(argument_map.attacks, selection.attacks):
        below.add(attack.attacker)
    return [
        node_name("claim", claim.id)
        for claim in _selected(argument_map.claims, selection.claims)
        if claim.id not in below
    ]


class _Nodes:
    """The node statements of one build; holds what every node needs."""

    def __init__(
        self,
        argument_map: ArgumentMap,
        selection: Selection,
        options: RenderOptions,
        ids: IdAllocator,
        verdicts: Mapping[str, ClaimVerdict],
        quote_status: Mapping[str, QuoteStatus],
        quote_marks: Mapping[str, str],
    ) -> None:
        self.map = argument_map
        self.focus = selection.focus
        self.options = options
        self.ids = ids
        self.verdicts = verdicts
        self.quote_status = quote_status
        self.quote_marks = quote_marks

    def claim(self, claim: Claim) -> Node:
        options = self.options
        kind = claim.kind.value
        shown = claim.label if claim.label and len(claim.text) > options.long_text else claim.text
        lines = wrap(shown, options.wrap, options.max_lines)
        classes = ["claim", kind]
        tooltip = [claim.text]
        holder = self.map.actors.get(claim.holder) if claim.holder else None
        if holder is not None:
            tooltip.append(f"— {holder.name}")
        look = style.node_style(kind)
        verdict = self.verdicts.get(claim.id)
        if verdict is not None:
            lines.append(style.VERDICT_STYLE[verdict.verdict][1])
            look.update(style.verdict_attrs(verdict.verdict, style.base_style(kind)))
            classes.append(verdict.verdict.value)
            reasons = "; ".join(r.text for r in verdict.reasons[:3])
            tooltip.append(f"{verdict.verdict.value}: {reasons}" if reasons else verdict.verdict)
        if claim.id == self.focus:
            classes.append("focus")
            look["fillcolor"] = style.FOCUS_PAPER
        return node_name("claim", claim.id), {
            "label": label_text(lines),
            "id": self.ids.take(svg_id("claim", claim.id)),
            "class": " ".join(classes),
            **look,
            "tooltip": tooltip_text(tooltip),
            **self._link(anchor("claim", claim.id)),
        }

    def evidence(self, evidence: Evidence) -> Node:
        options = self.options
        source = self.map.sources.get(evidence.source)
        quote = shorten(evidence.quote, options.quote_chars)
        lines = wrap(f"“{quote}”", options.evidence_wrap)
        lines += wrap(
            f"— {citation(source, evidence.source, evidence.locator)}", options.evidence_wrap
        )
        classes = ["evidence", evidence.stance.value]
        where = source.title if source else evidence.source
        tooltip = [
            f"“{evidence.quote}”",
            f"— {where}, {evidence.locator}" if evidence.locator else f"— {where}",
        ]
        if evidence.strength != 1.0:
            tooltip.append(f"strength {evidence.strength:g}")
        look = style.node_style("evidence")
        status = self.quote_status.get(evidence.id)
        if status is not None:
            mark = self.quote_marks.get(evidence.id)
            if mark is None:
                mark = style.QUOTE_MARK[status]
                lines.append(mark)
            else:
                lines += wrap(mark, options.evidence_wrap)
            classes.append(status.value)
            tooltip.append(mark)
            if status is QuoteStatus.NOT_FOUND:
                look.update(style.QUOTE_NOT_FOUND)
        return node_name("evidence", evidence.id), {
            "label": label_text(lines, align="left"),
            "id": self.ids.take(svg_id("evidence", evidence.id)),
            "class": " ".join(classes),
            **look,
            "tooltip": tooltip_text(tooltip),
            **self._link(anchor("evidence", evidence.id)),
        }

    def _link(self, target: str) -> dict[str, str]:
        """A box's link to its card in the report, unless links are off."""
        return {"URL": self.options.link_base + target} if self.options.links else {}

    def junction(self, argument: Argument) -> Node:
        linked = "linked" if len(argument.premises) > 1 else "single"
        premises = ", ".join(argument.premises)
        name = argument.label
        named = bool(name)
        return node_name("argument", argument.id), {
            "label": label_text(wrap(name, ARGUMENT_LABEL_WRAP)) if name else "",
            "id": self.ids.take(svg_id("argument", argument.id)),
            "class": f"inference {linked} named" if named else f"inference {linked}",
            **style.node_style("named-inference" if named else "inference"),
            "tooltip": tooltip_text(
                [
                    argument.label or argument.id,
                    f"{premises} → {argument.conclusion}",
                    argument.note or "",
                ]
            ),
        }


def _add_argument_edges(
    graph: graphviz.Digraph, ids: IdAllocator, argument: Argument, junction: bool
) -> None:
    """One arrow into the conclusion (from the junction, or from the single premise), and
    with a junction, a plain line from each premise to it."""
    conclusion = node_name("claim", argument.conclusion)
    linked = len(argument.premises) > 1
    support = {
        "id": ids.take(svg_id("support", argument.id)),
        "class": "support linked" if linked else "support",
        **style.RELATION_STYLE["support"],
        "tooltip": tooltip_text(
            [argument.label or "", f"{', '.join(argument.premises)} → {argument.conclusion}"]
        ),
    }
    if not junction:
        add_edge(graph, conclusion, node_name("claim", argument.premises[0]), support)
        return
    inference = node_name("argument", argument.id)
    add_edge(graph, conclusion, inference, support)
    for index, premise in enumerate(argument.premises, start=1):
        add_edge(
            graph,
            inference,
            node_name("claim", premise),
            {
                "id": ids.take(svg_id("link", f"{argument.id}.{index}")),
                "class": "support link",
                **style.RELATION_STYLE["link"],
                "tooltip": tooltip_text([f"{premise}: a premise of {argument.id}"]),
            },
        )


def _graph_attr(
    argument_map: ArgumentMap, options: RenderOptions, ids: IdAllocator
) -> dict[str, str]:
    attrs = dict(style.GRAPH_ATTR)
    attrs.update({"rankdir": options.rankdir.value, "id": ids.take("map"), "class": "argmap"})
    if options.group_by is not GroupBy.NONE:
        # Groups are clusters, and Graphviz's crossing minimisation reorders clusters freely
        # (``ordering=out`` does not hold there): an added claim swapped up to 87 of the 135
        # pairs of claims side by side in Montebello. Cut short, it keeps the file's order.
        attrs["mclimit"] = GROUPED_MCLIMIT
    if options.title:
        heading = wrap(argument_map.title, 70)
        part = _part(argument_map, options)
        if part:
            heading += wrap(part, 70)
        attrs.update({"label": label_text(heading), "labelloc": "t", "fontsize": "18"})
    return attrs


def _selected(elements: Mapping[str, T], chosen: frozenset[str] | set[str]) -> Iterator[T]:
    """The chosen elements, in declaration order."""
    return (element for key, element in elements.items() if key in chosen)


def _group_key(claim: Claim, group_by: GroupBy) -> str | None:
    if group_by is GroupBy.ACTOR:
        return claim.holder
    if group_by is GroupBy.TAG:
        return claim.tags[0] if claim.tags else None
    return None


def _groups(
    argument_map: ArgumentMap, selection: Selection, group_by: GroupBy
) -> dict[str | None, _Group]:
    """Every group that a shown claim belongs to, in order of first appearance."""
    groups: dict[str | None, _Group] = {}
    for claim in _selected(argument_map.claims, selection.claims):
        key = _group_key(claim, group_by)
        if key in groups:
            continue
        if key is None:
            label = ""
        elif group_by is GroupBy.ACTOR:
            label = argument_map.actors[key].name if key in argument_map.actors else key
        else:
            label = f"#{key}"
        groups[key] = _Group(key, label)
    return groups


def _cluster(index: int) -> str:
    """The DOT name of the ``index``-th group (from 1, in order of first appearance): a
    cluster, named by number only (never by user text). :func:`_hang_group_rows` names it
    again to put its row's point inside it."""
    return f"cluster_{index}"


def _add_groups(
    graph: graphviz.Digraph,
    groups: Mapping[str | None, _Group],
    ids: IdAllocator,
    group_by: GroupBy,
) -> None:
    """Nodes outside any group go in the graph itself; a group is a cluster, numbered in
    order of first appearance (its name never holds user text)."""
    for index, group in enumerate(groups.values(), start=1):
        if group.key is None:
            for name, attrs in group.nodes:
                add_node(graph, name, attrs)
            continue
        with graph.subgraph(name=_cluster(index)) as cluster:
            set_attributes(
                cluster,
                {
                    "label": label_text(wrap(group.label, 40)),
                    "id": ids.take(svg_id(f"group-{group_by.value}", group.key)),
                    "class": f"group {group_by.value}",
                    **style.GROUP_STYLE,
                },
            )
            for name, attrs in group.nodes:
                add_node(cluster, name, attrs)


def _kinds_shown(
    argument_map: ArgumentMap, selection: Selection, junctions_drawn: set[str]
) -> set[str]:
    kinds = {argument_map.claims[c].kind.value for c in selection.claims}
    if selection.evidence:
        kinds.add("evidence")
    if any(argument_map.arguments[a].label for a in junctions_drawn):
        kinds.add("named-inference")
    return kinds


def _weaker(argument_map: ArgumentMap) -> Mapping[str, tuple[int, int]]:
    """The attacks that fail for a weaker attacker (with both strengths): drawn faint, as
    the verdicts they lead to are drawn (never on a worksheet)."""
    from argmap.evaluate.priorities import weaker_attacks

    return weaker_attacks(argument_map)


_FAILS = "fails: the attacker is weaker (priority {} < {})"


def _weaker_look(kind: str) -> dict[str, str]:
    """How an attack that fails for a weaker attacker differs from its kind's look."""
    head = style.RELATION_STYLE[kind]["arrowtail"]
    return {**style.WEAKER, "arrowtail": f"{head}{style.WEAKER_HEAD}"}


def _relations_shown(
    argument_map: ArgumentMap, selection: Selection, weaker: Mapping[str, object]
) -> set[str]:
    relations = {argument_map.attacks[a].kind.value for a in selection.attacks}
    if any(a in weaker for a in selection.attacks):
        relations.add("weaker")
    if selection.arguments:
        relations.add("support")
    relations.update(
        f"evidence-{argument_map.evidence[e].stance.value}" for e in selection.evidence
    )
    return relations
