"""The map inside a page: argmap's own SVG made inline, and views that fit a printed page.

The SVG comes from :mod:`argmap.render` only, which escapes all text and refuses any SVG
holding a script, an event handler or a script link; :func:`inline_svg` checks that again
on exactly what goes into the page. Its ids carry the prefix ``map-`` so they never clash
with the page's ``claim-ID`` anchors, while its links still point at ``#claim-ID``. A
handout's second and later maps take ``map2-``, ``map3-``, ... (:func:`id_prefix`): each
draws the same claims, and one id must name one element of the page.

On paper a map is never shrunk below :data:`MIN_SCALE`: a map too wide for the page is
simplified (no quotes, then only the claims near the thesis, then only the first of the
claims one step from it) and split (one more page per branch of the thesis), and the page
says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from argmap.argument_map import MapIndex, roots
from argmap.render import (
    DEFAULT_MAX_NODES,
    DEFAULT_TIMEOUT,
    Engine,
    OutputFormat,
    RenderOptions,
    TooLarge,
    digest,
    dot_source,
    select,
)
from argmap.render.output import render_source
from argmap.render.settings import NOT_CHOSEN, DrawingChoice, drawing_options
from argmap.render.svg import UnsafeSvg, check_safe
from argmap.render.text import clean
from argmap.render.views import view_name
from argmap.report_html.claims import Checked
from argmap.report_html.excerpt import part_of
from argmap.report_html.map_page import any_heading, heading, map_room
from argmap.report_html.outline import children
from argmap.report_html.views import MapFigure
from argmap.verify.evidence import quote_marks

MIN_SCALE = 0.6  # below this, 10 pt map text prints under 6 pt
ID_PREFIX = "map-"
AUTO_DEPTHS = (3, 2, 1)
FIT_TRIES = 3  # drawings tried for the first claims below a thesis that fit the page

_ROOT_TAG = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(width|height)="([0-9.]+)(pt|px)?"')


@dataclass(frozen=True, slots=True)
class Drawn:
    """One drawing of the map with one set of options."""

    svg: bytes  # the <svg> element, UTF-8
    width_pt: float
    height_pt: float
    digest: str
    claims: frozenset[str]


def draw(
    checked: Checked,
    options: RenderOptions,
    *,
    show_verdicts: bool,
    label: str,
    engine: Engine = Engine.AUTO,
    prefix: str = ID_PREFIX,
    timeout: float = DEFAULT_TIMEOUT,
) -> Drawn:
    """The map drawn with ``options`` (ids prefixed ``prefix``), ready to go inline; a layout
    that takes more than ``timeout`` seconds is stopped."""
    options = replace(options, id_prefix=prefix, show_verdicts=show_verdicts)
    quote_status = {eid: c.status for eid, c in checked.checks.items()}
    source = dot_source(
        checked.map,
        verdicts=checked.verdicts if show_verdicts else None,
        quote_status=quote_status if show_verdicts else None,
        options=options,
        quote_marks=quote_marks(checked.checks) if show_verdicts else None,
        weaker=checked.weaker,
    )
    drawing = render_source(source, OutputFormat.SVG, engine, timeout=timeout)
    svg, width, height = inline_svg(drawing, label)
    shown = select(checked.map, focus=options.focus, depth=options.depth, evidence=False)
    return Drawn(svg, width, height, digest(source), shown.claims)


def inline_svg(svg: bytes, label: str) -> tuple[bytes, float, float]:
    """The ``<svg>`` element alone (no XML prolog), UTF-8, sized by CSS, labelled for screen
    readers; with its natural width and height in points.

    Only the root tag is read as text; the rest is copied once and stays bytes, which the
    page splices in (a 5,000-claim map is 15 MB of SVG, and a text copy of it 31 MB)."""
    start, end = svg.find(b"<svg"), svg.rfind(b"</svg>")
    close = svg.find(b">", start) if start >= 0 else -1
    root = _ROOT_TAG.match(svg[start : close + 1].decode("utf-8")) if 0 <= close < end else None
    if root is None:
        raise UnsafeSvg("the renderer's output holds no <svg> element")
    sizes = {name: _points(value, unit) for name, value, unit in _SIZE.findall(root.group())}
    tag = _SIZE.sub("", root.group())
    tag = tag.replace(
        "<svg",
        f'<svg class="argmap-map" role="group" aria-label="{_attribute(label)}"',
        1,
    )
    element = b"".join((tag.encode("utf-8"), memoryview(svg)[close + 1 : end + len(b"</svg>")]))
    check_safe(element)
    return element, sizes.get("width", 0.0), sizes.get("height", 0.0)


def id_prefix(number: int) -> str:
    """The prefix of the SVG ids of a page's map ``number`` (from 1): ``map-``, then
    ``map2-``, ``map3-``...; none of them begins another, so no two maps share an id."""
    return ID_PREFIX if number == 1 else f"map{number}-"


def _points(value: str, unit: str) -> float:
    number = float(value)
    return number * 0.75 if unit == "px" else number


def _attribute(text: str) -> str:
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def report_figure(
    checked: Checked,
    engine: Engine = Engine.AUTO,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    timeout: float = DEFAULT_TIMEOUT,
    chosen: DrawingChoice = NOT_CHOSEN,
) -> MapFigure:
    """The whole map, quotes and verdicts included, for the report; a map of more than
    ``max_nodes`` nodes is not drawn (the figure has no SVG and a note says why). Its
    direction and groups are those ``chosen`` on the command line, else the map file's."""
    title = clean(checked.map.title)
    options = RenderOptions(title=False, legend=False, max_nodes=max_nodes)
    try:
        drawn = draw(
            checked,
            drawing_options(options, checked.map.drawing, chosen, layout_only=True),
            show_verdicts=True,
            label=f"Argument map: {title}",
            engine=engine,
            timeout=timeout,
        )
    except TooLarge as exc:
        note = (
            f"This map has {exc.count:,} nodes, too many to draw on one page; the claims "
            "below hold all of it, and 'argmap render --focus CLAIM' draws a part of it."
        )
        return MapFigure(b"", 0.0, 0.0, 1.0, "", title, note, "")
    return MapFigure(drawn.svg, drawn.width_pt, drawn.height_pt, 1.0, "", title, None, drawn.digest)


Room = tuple[float, float]  # (width, height) in points that a map may take on its page


def scale_to(width_pt: float, height_pt: float, room: Room) -> float:
    """The scale at which a drawing ``width_pt`` by ``height_pt`` fits ``room`` (at most 1)."""
    room_w, room_h = room
    if width_pt <= 0 or height_pt <= 0:
        return 1.0
    return min(1.0, room_w / width_pt, room_h / height_pt)


def handout_figures(
    checked: Checked,
    *,
    paper: str,
    show_verdicts: bool,
    depth: int | None = None,
    engine: Engine = Engine.AUTO,
    max_nodes: int = DEFAULT_MAX_NODES,
    timeout: float = DEFAULT_TIMEOUT,
    focus: str | None = None,
    chosen: DrawingChoice = NOT_CHOSEN,
) -> list[MapFigure]:
    """The map pages of a handout: the whole map when it fits the page at a legible size;
    else the largest view around each thesis that fits, and when that leaves claims out, one
    more page per branch of the thesis with more below it (a claim with nothing below it is
    in the outline). A view of more than ``max_nodes`` nodes counts as one that does not fit.
    With ``depth``, one page: the top ``depth`` levels of the map, as render's ``--depth N``
    draws them (or the most that fit); with ``focus``, one page: the view around that claim,
    ``depth`` steps as render's ``--focus CLAIM --depth N`` draws it (or the largest that
    fits).

    The direction and groups of every page are those ``chosen`` on the command line, else
    the map file's.

    Raises :class:`argmap.render.UnknownFocus` when ``focus`` is not a claim of the map."""
    base = drawing_options(
        replace(BASE, max_nodes=max_nodes), checked.map.drawing, chosen, layout_only=True
    )
    fitter = _Fitter(checked, paper, show_verdicts, engine, base, timeout)
    figures = fitter.figures(depth) if focus is None else [fitter.around(focus, depth)]
    return fitted(figures, paper, show_verdicts)


def fitted(figures: list[MapFigure], paper: str, show_verdicts: bool) -> list[MapFigure]:
    """``figures``, each at a scale that leaves room on its page for its heading as the
    handout numbers it and for its note (the note of a map printed small is longer than
    the one its scale was chosen with)."""
    count = len(figures)
    return [
        replace(
            figure,
            scale=min(
                figure.scale,
                scale_to(
                    figure.width_pt,
                    figure.height_pt,
                    map_room(paper, heading(n, count, figure.caption), figure.note, show_verdicts),
                ),
            ),
        )
        for n, figure in enumerate(figures, 1)
    ]


class _Fitter:
    def __init__(
        self,
        checked: Checked,
        paper: str,
        show_verdicts: bool,
        engine: Engine,
        base: RenderOptions,
        timeout: float,
    ) -> None:
        self.base = base
        self.timeout = timeout
        self.checked = checked
        self.map = checked.map
        self.index = MapIndex.of(checked.map)
        self.paper = paper
        self.show_verdicts = show_verdicts
        self.engine = engine

    def room(self, caption: str, note: str | None) -> Room:
        """The room of a map page headed by ``caption`` and ``note`` under the map."""
        return map_room(self.paper, any_heading(caption), note, self.show_verdicts)

    def attempt(
        self, options: RenderOptions, label: str, room: Room, prefix: str = ID_PREFIX
    ) -> tuple[Drawn, float]:
        drawn = draw(
            self.checked,
            options,
            show_verdicts=self.show_verdicts,
            label=label,
            engine=self.engine,
            prefix=prefix,
            timeout=self.timeout,
        )
        return drawn, scale_to(drawn.width_pt, drawn.height_pt, room)

    def largest(
        self,
        options: RenderOptions,
        depths: tuple[int, ...],
        label: str,
        prefix: str,
        caption: str,
        note: Callable[[int], str | None],
        asked: TooLarge | None = None,
    ) -> tuple[Drawn, float, int]:
        """The view at the largest of ``depths`` that fits its page, headed ``caption`` with
        the ``note`` of that depth under it; else the smallest, fitted.
        Raises :class:`TooLarge` when even the smallest is over --max-nodes: counting what
        was ``asked`` for (the whole map), else the first of ``depths``, and the smallest."""
        for d in depths:
            try:
                drawn, scale = self.attempt(
                    replace(options, depth=d), label, self.room(caption, note(d)), prefix
                )
            except TooLarge as exc:
                asked = asked or exc
                if d == depths[-1]:
                    raise fallen_short(asked, exc) from None
                continue
            if scale >= MIN_SCALE:
                break
        return drawn, scale, d

    def figures(self, depth: int | None) -> list[MapFigure]:
        if depth is not None:
            return [self.levels(depth)]
        title = clean(self.map.title)
        label = f"Argument map: {title}"
        whole: TooLarge | None = None  # what the views around each thesis say, if too large
        try:
            drawn, scale = self.attempt(
                replace(self.base, show_evidence=True), label, self.room(title, None)
            )
            if scale >= MIN_SCALE:
                return [_figure(drawn, scale, ("", title), None)]
            drawn, scale = self.attempt(
                replace(self.base, focus=None), label, self.room(title, NO_QUOTES)
            )
            if scale >= MIN_SCALE or not roots(self.map):
                return [_figure(drawn, scale, ("", title), NO_QUOTES)]
        except TooLarge as exc:  # far too large for a page: the views around each thesis
            if not roots(self.map):
                raise
            whole = exc
        figures: list[MapFigure] = []
        drawn_claims: set[str] = set()
        for root in roots(self.map):
            if root in drawn_claims:
                continue
            root_title = clean(self.map.claims[root].title)
            prefix = id_prefix(len(figures) + 1)
            caption = ("Around the thesis: ", root_title)
            overview, scale, used = self.largest(
                replace(self.base, focus=root),
                AUTO_DEPTHS,
                f"Argument map around: {root_title}",
                prefix,
                "".join(caption),
                _overview_note,
                whole,
            )
            first = None if scale >= MIN_SCALE else self.first_that_fit(root, scale, prefix)
            if first is not None:
                overview, scale, note = first
            else:
                note = _overview_note(used)
            figures.append(_figure(overview, scale, caption, note))
            drawn_claims |= overview.claims
            for branch in dict.fromkeys(c for c, _, _ in children(self.map, self.index, root)):
                below = self.below(branch)
                if below <= drawn_claims or below == {branch}:
                    continue  # drawn already, or nothing below it: the outline has it
                branch_title = clean(self.map.claims[branch].title)
                view, scale, used = self.largest(
                    replace(self.base, focus=branch),
                    (2, 1),
                    f"Argument map around: {branch_title}",
                    id_prefix(len(figures) + 1),
                    f"Branch: {branch_title}",
                    _depth_note,
                    whole,
                )
                note = _branch_note(used, scale)
                figures.append(_figure(view, scale, ("Branch: ", branch_title), note))
                drawn_claims |= view.claims
        return figures

    def levels(self, depth: int) -> MapFigure:
        """The top ``depth`` levels of the map, the claims within ``depth`` steps of a thesis
        (render's ``--depth N``): when they do not fit the page, the most levels that do,
        saying how far they reach."""
        title = clean(self.map.title)
        view, scale, used = self.largest(
            replace(self.base, focus=None),
            _asked(depth),
            f"Argument map: {title}",
            ID_PREFIX,
            title,
            lambda d: None if d == depth else _levels_note(d, 1.0),
        )
        if used == depth:
            note = None if scale >= MIN_SCALE else PRINTED_SMALL
        else:
            note = _levels_note(used, scale)
        return _figure(view, scale, ("", title), note)

    def around(self, focus: str, depth: int | None) -> MapFigure:
        """The view around ``focus``: ``depth`` steps when it fits the page, else (or without
        ``depth``) the largest that does, saying how far it reaches."""
        select(self.map, focus=focus, depth=0)  # an unknown claim is refused before drawing
        title = clean(self.map.claims[focus].title)
        depths = AUTO_DEPTHS if depth is None else _asked(depth)
        view, scale, used = self.largest(
            replace(self.base, focus=focus),
            depths,
            f"Argument map around: {title}",
            ID_PREFIX,
            f"Around: {title}",
            lambda d: None if d == depth else _depth_note(d),
        )
        if depth is not None and used == depth:
            note = None if scale >= MIN_SCALE else PRINTED_SMALL
        else:
            note = _branch_note(used, scale)
        return _figure(view, scale, ("Around: ", title), note)

    def first_that_fit(
        self, root: str, scale: float, prefix: str
    ) -> tuple[Drawn, float, str] | None:
        """``root`` and the first claims one step below it, as many as fit the page at
        :data:`MIN_SCALE` by a guess (a row of all of them prints at ``scale``), and the
        note that says so; None when not even one does. A few tries, each guessing from the
        last drawing's scale, since a row's width grows with the claims in it."""
        below = list(dict.fromkeys(c for c, _, _ in children(self.map, self.index, root)))
        count = len(below)
        for _ in range(FIT_TRIES):
            shown = self.whole_arguments(
                root, below[: min(count - 1, int(count * scale / MIN_SCALE))]
            )
            if not shown:
                return None
            drawn = draw(
                replace(self.checked, map=part_of(self.map, {root, *shown})),
                self.base,
                show_verdicts=self.show_verdicts,
                label=f"Argument map around: {clean(self.map.claims[root].title)}",
                engine=self.engine,
                prefix=prefix,
                timeout=self.timeout,
            )
            note = _first_note(len(shown), len(below))
            room = self.room(f"Around the thesis: {clean(self.map.claims[root].title)}", note)
            scale = scale_to(drawn.width_pt, drawn.height_pt, room)
            if scale >= MIN_SCALE:
                return drawn, scale, note
            count = len(shown)
        return None

    def whole_arguments(self, root: str, first: list[str]) -> list[str]:
        """``first`` less the premises of each argument for ``root`` that it holds only in
        part: a linked argument is drawn whole or not at all. The premises of an argument
        come together, and before the objections, so what is left is still a first part."""
        kept = set(first)
        arguments = self.index.arguments_for.get(root, [])
        while split := [
            a
            for a in arguments
            if not kept.isdisjoint(a.premises) and not kept.issuperset(a.premises)
        ]:
            for argument in split:
                kept.difference_update(argument.premises)
        return [c for c in first if c in kept]

    def below(self, claim: str) -> set[str]:
        """``claim`` and its reasons and objections, all the way down."""
        seen = {claim}
        stack = [claim]
        while stack:
            for child, _, _ in children(self.map, self.index, stack.pop()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen


def fallen_short(asked: TooLarge, smallest: TooLarge) -> TooLarge:
    """The refusal of a handout whose view ``asked`` for (the map, ``--depth 2``) is over
    --max-nodes, and so is the ``smallest`` of the views it falls back to: it counts both,
    and says the limit that the smallest needs (counting the smallest alone said "the map
    has 7 nodes to draw" of a map of 97). ``asked`` itself when the smallest draws as much."""
    if smallest.nodes == asked.nodes:
        return asked
    return TooLarge(
        f"{view_name(asked.view)} has {asked.count:,} nodes to draw ({asked.nodes.parts}), "
        f"more than --max-nodes {asked.limit:,}, and so has the smallest view a handout falls "
        f"back to, {smallest.view}: {smallest.count:,} nodes ({smallest.nodes.parts}); hand "
        f"out a part with --focus CLAIM --depth N, or raise --max-nodes to "
        f"{smallest.count:,} at least",
        asked.view,
        asked.nodes,
        asked.limit,
    )


# The page prints the title and (in text) the legend: the drawing has neither.
BASE = RenderOptions(title=False, legend=False, show_evidence=False)
PRINTED_SMALL = "Printed small: the report has this map at full size."
NO_QUOTES = "Simplified: the quotes are left out (they are on the evidence cards)."


def _overview_note(depth: int) -> str:
    steps = "one step" if depth == 1 else f"{depth} steps"
    return (
        f"Simplified: the claims within {steps} of the thesis, without the quotes (they are "
        "on the evidence cards). Each branch that goes further has a page of its own; every "
        "claim is in the outline."
    )


def _asked(depth: int) -> tuple[int, ...]:
    """The depths tried for a view asked for at ``depth``, from it down to one step (a view
    asked for at depth 0 is one claim, or the theses, alone)."""
    return tuple(range(depth, min(depth, 1) - 1, -1))


def _levels_note(depth: int, scale: float) -> str:
    note = f"Simplified: the claims within {_steps(depth)} of the thesis. Every claim is in the"
    return _small(note + " outline.", scale)


def _first_note(shown: int, of: int) -> str:
    return (
        f"Simplified: the thesis and the first {shown:,} of the {of:,} claims one step below "
        "it, which do not all fit the page, without the quotes (they are on the evidence "
        "cards). Every claim is in the outline."
    )


def _branch_note(depth: int, scale: float) -> str:
    return _small(_depth_note(depth), scale)


def _depth_note(depth: int) -> str:
    return f"The claims within {_steps(depth)} of this one."


def _steps(depth: int) -> str:
    return "one step" if depth == 1 else f"{depth} steps"


def _small(note: str, scale: float) -> str:
    """``note``, and that the map is printed small when it is."""
    return f"{note} {PRINTED_SMALL}" if scale < MIN_SCALE else note


def _figure(drawn: Drawn, scale: float, caption: tuple[str, str], note: str | None) -> MapFigure:
    """A drawing as a figure; ``caption``: argmap's words before the title, and the title."""
    lead, subject = caption
    return MapFigure(
        drawn.svg, drawn.width_pt, drawn.height_pt, scale, lead, subject, note, drawn.digest
    )
