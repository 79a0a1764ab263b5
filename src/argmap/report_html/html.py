"""The report and the handouts as HTML: Jinja2 with autoescaping everywhere.

Claim text, quotes, names and titles are data: every one goes through Jinja2's escaping,
and characters that change how text reads without being seen are shown as escapes
(:func:`shown`).
Only two things are inserted as markup, each from argmap itself: the stylesheets (package
data) and the map's SVG, which argmap's renderer made and :func:`map_svg` checks once more
(no script, no event handler, no script link) right where it enters the page. The SVG stays
UTF-8 bytes: the template holds a mark in its place (a comment that escaped text cannot
form, as its ``<`` would be ``&lt;``), and the page's bytes are spliced around it, so a
15 MB map is never copied as text (twice its size) nor into one more page-sized string;
the page's text is encoded once, whole, and let go of before the splice.

Each page carries a stamp, ``<meta name="argmap-sha256">``: the SHA-256 of the page with
every map replaced by the digest of the DOT it was drawn from (and its size left out). It
names what the page shows and not how Graphviz or WeasyPrint drew it, so ``--check`` holds
across their versions and engines.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from argmap.bidi import Direction, direction
from argmap.render.signatures import is_whole
from argmap.render.svg import check_safe
from argmap.report_html.views import HandoutContext, MapFigure, ReportContext
from argmap.unseen import UNSEEN, matched_joiner_in_place

STAMP_NAME = "argmap-sha256"
_PLACEHOLDER = "0" * 64
_STAMP = re.compile(rb'<meta name="argmap-sha256" content="([0-9a-f]{64})">')
_MARK = "<!--argmap-svg {}-->"
_MARKS = re.compile(rb"<!--argmap-svg ([0-9a-f]{64})-->")
_HEAD = 4096


# C0 and C1 controls (but tab, line feed and carriage return), and the unseen characters.
_UNSEEN_IN_PAGE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{UNSEEN}]")


def shown(value: object) -> object:
    """Jinja's ``finalize``, for every value printed into a page: a string's control and
    unseen characters (:mod:`argmap.unseen`) become escapes (``\\u202e``, ``\\x07``), as in
    the terminal's output, so that the page shows the text as written. Markup (argmap's own,
    from a macro or a filter) passes as it is."""
    if type(value) is str and _UNSEEN_IN_PAGE.search(value) is not None:
        return _UNSEEN_IN_PAGE.sub(_escape, value)
    return value


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if matched_joiner_in_place(match):
        return char  # part of the text's spelling (Persian, an emoji sequence)
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def text_direction(text: str) -> Direction:
    """The filter ``direction``: ``rtl`` or ``ltr``, for the text as the page shows it (with
    its unseen characters as escapes, :func:`shown`), written out in a ``dir`` attribute
    because WeasyPrint ignores ``dir="auto"`` and ``<bdi>``."""
    return direction(str(shown(text)))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("argmap", "templates"),
        autoescape=True,
        finalize=shown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["map_svg"] = map_svg
    env.filters["direction"] = text_direction
    env.filters["pt"] = points
    return env


def stylesheet(name: str) -> Markup:
    """A stylesheet of argmap's own, to inline in a ``<style>`` element."""
    loader = environment().loader
    assert loader is not None
    text, _, _ = loader.get_source(environment(), name)
    if "</" in text:
        raise ValueError(f"{name} must not contain '</'")
    return Markup(text)  # package data, never user text


def page_stylesheet(name: str) -> Markup:
    """A page's stylesheet followed by the one both pages share (badges, legend)."""
    return stylesheet(name) + "\n" + shared_stylesheet()


@cache
def shared_stylesheet() -> Markup:
    """The verdict badges' and the text legend's rules, in the colours of the map itself."""
    text = environment().get_template("shared.css.j2").render(c=map_colours())
    if "</" in text:
        raise ValueError("shared.css.j2 must not contain '</'")
    return Markup(text)  # package data and argmap's own colour constants, never user text


def map_colours() -> dict[str, str]:
    """The colours a page borrows from the map: verdicts, relations, kinds of box."""
    from argmap.render import style
    from argmap.verdict import Verdict

    relations = style.RELATION_STYLE
    colours = {
        "ink": style.INK,
        "paper": style.PAPER,
        "counter_paper": style.KIND_STYLE["counterclaim"]["fillcolor"],
        "evidence_paper": style.KIND_STYLE["evidence"]["fillcolor"],
        "evidence": style.KIND_STYLE["evidence"]["color"],
        "quote": relations["evidence-supports"]["color"],
        "quote_against": relations["evidence-attacks"]["color"],
        **{v.value: style.VERDICT_STYLE[v][0] for v in Verdict},
        **{r: relations[r]["color"] for r in ("support", "rebut", "undermine", "undercut")},
        "weaker": style.WEAKER["color"],
    }
    return {name: value.lower() for name, value in colours.items()}


def map_svg(figure: MapFigure) -> Markup:
    """The mark where the figure's SVG goes (:func:`_splice` puts it there), named by the
    digest of the DOT it was drawn from; the SVG is checked again here, where it enters the
    page."""
    check_safe(figure.svg)
    return Markup(_MARK.format(figure.digest))  # argmap's own mark


def _splice(page: bytes, figures: Iterable[MapFigure]) -> bytes:
    """The page, each figure's SVG in place of its mark. One DOT draws one SVG, so figures
    with one digest have one SVG. The page comes encoded, its text already let go of: as
    text, a page with one letter past Latin-1 takes two bytes a letter (a 5,000-claim
    report: 19 MB), and it would be held, and copied piece by piece, while the SVG is
    spliced in."""
    svgs = {f.digest.encode("ascii"): f.svg for f in figures}
    view = memoryview(page)
    parts: list[bytes | memoryview] = []
    start = 0
    for mark in _MARKS.finditer(page):
        parts += (view[start : mark.start()], svgs[mark.group(1)])
        start = mark.end()
    parts.append(view[start:])
    return b"".join(parts)


def points(value: float) -> str:
    """A length in points for CSS, with a fixed number of decimals (stable bytes)."""
    return f"{value:.2f}pt"


def report_html(context: ReportContext) -> bytes:
    """The self-contained report page."""
    template = environment().get_template("report.html.j2")

    def render(figure: MapFigure, stamp: str) -> bytes:
        page = template.render(
            page=context.page,
            figure=figure,
            actors=context.actors,
            sources=context.sources,
            style=page_stylesheet("report.css"),
            stamp=stamp,
        ).encode("utf-8")
        return _splice(page, (figure,))

    stamp = _digest(render(_stable(context.figure), _PLACEHOLDER))
    return render(context.figure, stamp)


def handout_html(context: HandoutContext) -> bytes:
    """The print-first handout page (WeasyPrint turns it into the PDF)."""
    template = environment().get_template("handout.html.j2")

    def render(figures: tuple[MapFigure, ...], stamp: str) -> bytes:
        page = template.render(
            page=context.page,
            variant=context.variant,
            paper=context.paper,
            figures=figures,
            pro=context.pro,
            con=context.con,
            sources=context.sources,
            excerpt_note=context.excerpt_note,
            style=page_stylesheet("handout.css"),
            stamp=stamp,
        ).encode("utf-8")
        return _splice(page, figures)

    stable = tuple(_stable(f) for f in context.figures)
    stamp = _digest(render(stable, _PLACEHOLDER))
    return render(context.figures, stamp)


def _stable(figure: MapFigure) -> MapFigure:
    """The figure as the stamp sees it: the DOT it was drawn from, not the drawing."""
    return replace(
        figure,
        svg=f'<svg data-dot-sha256="{figure.digest}"></svg>'.encode(),
        width_pt=0.0,
        height_pt=0.0,
        scale=0.0,
    )


def _digest(html: bytes) -> str:
    return hashlib.sha256(html).hexdigest()


def read_stamp(html: bytes) -> str | None:
    """The stamp of a page argmap wrote, or None."""
    found = _STAMP.search(html[:_HEAD])
    return found.group(1).decode() if found else None


def read_file_stamp(html: bytes) -> str | None:
    """The stamp of a page file, or None when it is no whole page: a file cut short after
    its head still has the stamp, and must not pass for the page (``--check``)."""
    return read_stamp(html) if is_whole(html, "html") else None
