"""The visible text of an HTML page, with its block structure kept as blank lines.

A quote is checked against what a reader sees, not against markup: scripts, styles, templates,
``<noscript>`` fallbacks, the ``<head>``, closed dialogs, data lists and elements marked
``hidden`` or styled ``display: none`` in their ``style`` attribute are dropped, and text styled
``visibility: hidden`` (or ``collapse``) is not read unless a descendant makes itself visible
again; a quote that only exists inside a ``<script>`` must not verify. Stylesheets are not
applied. ``aria-hidden`` text is read: it is hidden from screen readers, not from the eye.
Block elements (paragraphs, headings, list items, table cells…) end a paragraph, so ``para N``
means the same as in a text file; ``<br>`` ends a line. Whitespace inside a block collapses as
a browser collapses it.

A superscript or subscript that starts with a digit or a sign right after a digit does not
join that number: ``10<sup>6</sup>`` reads ``10^6`` and ``10<sub>2</sub>`` ``10_2``, so that
"106" is not what the page says; elsewhere (``H<sub>2</sub>O``, ``21<sup>st</sup>``, a
footnote's ``works<sup>3</sup>``) it reads as typed.

Ruby annotations (``<rt>``, a reading set above the base text, and ``<rp>``) are not read: a
quote gives the base text. A ``<q>`` shows the quotation marks a browser puts around it.
Struck-out words (``<del>``, ``<s>``, ``<strike>``) are seen but taken back, as in Markdown
(:mod:`.markdowntext`): each element reads as one :data:`~.markdowntext.STRUCK` mark, which no
quote may hold, so a quote that runs across it marks the omission.

The tree is walked with an explicit stack, so deeply nested hostile markup cannot exhaust
Python's recursion limit. Parsing itself is quadratic in the nesting depth (each ``<div>``
looks for an open ``<p>`` through every element still open): a page nested deeper than
:data:`MAX_DEPTH` (see :func:`nesting_depth`) is refused before it is parsed: 100,000 nested
``<div>`` (1 MB) would otherwise take half a minute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from argmap.lines import split_lines
from argmap.verify.markdowntext import STRUCK

_DROPPED = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "canvas",
        "meta",
        "link",
        "base",
        "datalist",
        "rt",
        "rp",
    }
)

_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

MAX_DEPTH = 10_000  # parsed in 0.1 s; browsers stop nesting at 512, real pages under 100

# Elements that never hold others, or that the parser closes by itself when the next one
# starts: neither makes a page deeper.
_NOT_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    }
)  # fmt: skip
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed"})
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _RAW_TEXT}
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)|<!--")
# The same, passing over the tags of _NOT_NESTING spelled in ASCII letters of either case,
# which nesting_depth would pass over anyway: a page of a million <p> is counted without a
# step of Python for each. A name spelled otherwise (a Kelvin sign lower-cases to "k") still
# reaches the loop, which decides as before.
_NESTING_TAG = re.compile(
    r"<(/?)(?!(?ai:" + "|".join(sorted(_NOT_NESTING, key=lambda n: (-len(n), n)))
    + r")(?:[\s/>]|\Z))([A-Za-z][^\s/>]*)|<!--"
)  # fmt: skip
_COMMENT_END = re.compile(r"-->")


def nesting_depth(markup: str, limit: int = MAX_DEPTH) -> int:
    """How deep the elements of ``markup`` nest, counted from its tags alone (no parsing);
    counting stops as soon as the depth passes ``limit``.

    Script and style contents and comments are skipped; elements that cannot hold others or
    that close by themselves are not counted, so the count errs on the low side for
    well-formed pages and on the high side for unclosed ones.
    """
    return _depth(markup, limit, _NESTING_TAG)


def _depth(markup: str, limit: int, tags: re.Pattern[str]) -> int:
    """:func:`nesting_depth`, finding tags with ``tags`` (:data:`_TAG`, or the same pattern
    that passes over the tags the count skips)."""
    depth = deepest = 0
    position = 0
    while depth <= limit:
        match = tags.search(markup, position)
        if match is None:
            break
        position = match.end()
        if match.group() == "<!--":
            end = _COMMENT_END.search(markup, position)
            position = end.end() if end is not None else len(markup)
            continue
        name = match.group(2).lower()
        if name in _NOT_NESTING:
            continue
        if match.group(1):
            depth = max(depth - 1, 0)
            continue
        close = markup.find(">", position)
        if close < 0:
            break  # a tag never closed: no element starts
        position = close + 1
        if markup[close - 1] == "/":
            continue  # <div/>: nothing opens
        if name in _RAW_TEXT:
            end = _RAW_TEXT_END[name].search(markup, position)
            position = end.start() if end is not None else len(markup)
            continue
        depth += 1
        deepest = max(deepest, depth)
    return deepest


# HTML's own whitespace (not NBSP, which a browser keeps and normalisation handles later).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _Collector:
    """Accumulates lines of the current block and finished blocks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[list[str]] = [[]]

    def text(self, value: str, *, preformatted: bool) -> None:
        if not preformatted:
            self.lines[-1].append(value)
            return
        for index, piece in enumerate(split_lines(value)):
            if index:
                self.line_break()
            self.lines[-1].append(piece)

    def last_character(self) -> str:
        """The last character of the current line so far ("" if none)."""
        for piece in reversed(self.lines[-1]):
            if piece:
                return piece[-1]
        return ""

    def line_break(self) -> None:
        self.lines.append([])

    def end_block(self) -> None:
        if len(self.lines) == 1:
            if not self.lines[0]:
                return  # nothing since the last block ended (a block just inside another)
            # one line, as most blocks are: the same as below, without its lists
            line = _HTML_SPACE.sub(" ", "".join(self.lines[0])).strip()
            if line:
                self.blocks.append(line)
            self.lines = [[]]
            return
        lines = [_HTML_SPACE.sub(" ", "".join(pieces)).strip() for pieces in self.lines]
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        if lines:
            self.blocks.append("\n".join(lines))
        self.lines = [[]]


# What a browser shows around a <q>, and around one inside it.
_QUOTATION_MARKS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
_STRUCK = frozenset({"del", "s", "strike"})
_NUMBER_TAGS = frozenset({"sup", "sub"})

_NO_STYLE: dict[str, str] = {}
# A property's name starts where no letter stands before it: a long word without a colon is
# tried once, not again from each of its letters (quadratic: a 200 KB style took minutes).
_STYLE_DECLARATION = re.compile(r"(?<![A-Za-z-])([A-Za-z-]++)\s*+:\s*([^;]*)")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_EXPONENT_START = re.compile(r"[ \t\n\r\f]*[0-9+\-\u2212]")
_HTML_WHITESPACE = " \t\n\r\f"


def _style(attributes: dict[str, str | None]) -> dict[str, str]:
    """The declarations of a ``style`` attribute, by property (the last one wins, as in CSS),
    values lower-cased and without ``!important``."""
    style = attributes.get("style")
    if not style:
        return {}
    declarations: dict[str, str] = {}
    for match in _STYLE_DECLARATION.finditer(_CSS_COMMENT.sub("", style)):
        value = match.group(2).lower().replace("!important", "").strip()
        declarations[match.group(1).lower()] = value
    return declarations


def _not_displayed(tag: str, attributes: dict[str, str | None], style: dict[str, str]) -> bool:
    """Whether an element and all it holds are not displayed at all."""
    if tag in _DROPPED or "hidden" in attributes:
        return True
    if tag == "dialog" and "open" not in attributes:
        return True
    return style.get("display") == "none"


# What _not_displayed says of an element without attributes (nor style): the dropped ones,
# and a <dialog> that is not open.
_NOT_DISPLAYED_BARE = _DROPPED | {"dialog"}


def _visibility(style: dict[str, str], inherited: bool) -> bool:
    """Whether a node's own text is seen, given its parent's: ``visibility`` is inherited, and
    a descendant may set it back to ``visible``."""
    value = style.get("visibility")
    if value in ("hidden", "collapse"):
        return False
    if value == "visible":
        return True
    return inherited


def _number_mark(tag: str, node: LexborNode, out: _Collector) -> str:
    """``^`` (or ``_`` for a subscript) before a superscript that starts with a digit or sign
    right after a digit: ``10<sup>6</sup>`` is not 106."""
    if tag not in _NUMBER_TAGS or not out.last_character().isdecimal():
        return ""
    if not _starts_exponent(node):
        return ""
    return "^" if tag == "sup" else "_"


def _starts_exponent(node: LexborNode) -> bool:
    """Whether the text of ``node`` and all it holds starts with a digit or a sign, after HTML
    whitespace: read from its first text on, up to the first character that is not
    whitespace, not whole (superscripts nested ten thousand deep, each after a digit, read
    all the text under each: quadratic, 10 MB took 9 s)."""
    for inner in node.traverse(include_text=True):
        if inner.tag != "-text":
            continue
        text = (inner.text_content or "").lstrip(_HTML_WHITESPACE)
        if text:
            return _EXPONENT_START.match(text) is not None
    return False


def visible_text(markup: str) -> str:
    """The text a reader sees in ``markup``: blocks separated by one blank line."""
    parser = LexborHTMLParser(markup)
    root = parser.root
    if root is None:
        return ""
    out = _Collector()
    preformatted = quoted = 0
    # The elements entered and not yet left, each with its children still to read, its tag
    # and whether its text is visible; the first is a stand-in parent for the root. Text
    # children are read where they are met, never pushed: a page of a million paragraphs
    # walked twice as fast as when every node went through the stack.
    stack: list[tuple[Iterator[LexborNode], str, bool]] = [(iter((root,)), "", True)]
    while stack:
        children, parent, inherited = stack[-1]
        for node in children:
            tag = node.tag or ""
            if tag == "-text":
                if not inherited:
                    continue
                if preformatted > 0:
                    out.text(node.text_content or "", preformatted=True)
                else:  # out.text's own first step, without a call for each text
                    out.lines[-1].append(node.text_content or "")
                continue
            if tag.startswith(("-", "!")):
                continue  # a comment, a doctype
            attributes = node.attributes
            if attributes:
                style = _style(attributes)
                if _not_displayed(tag, attributes, style):
                    continue
                visible = _visibility(style, inherited) if style else inherited
            elif tag in _NOT_DISPLAYED_BARE:  # _not_displayed without attributes
                continue
            else:
                visible = inherited
            if tag == "br":
                out.line_break()
                continue
            # a block opened just inside another, or after one, ends nothing: no call
            if tag in _BLOCKS and (out.lines[0] or len(out.lines) > 1):
                out.end_block()
            if tag == "pre":
                preformatted += 1
            if tag in _STRUCK and visible:
                out.text(STRUCK, preformatted=False)  # seen, but taken back: see the docstring
                continue
            if tag == "q":
                if visible:
                    out.text(_QUOTATION_MARKS[quoted % 2][0], preformatted=False)
                quoted += 1
            if visible and tag in _NUMBER_TAGS and (mark := _number_mark(tag, node, out)):
                out.text(mark, preformatted=False)
            stack.append((node.iter(include_text=True), tag, visible))
            break  # its children first; this loop goes on where it stopped when it is left
        else:
            stack.pop()  # all its children read: leave it
            if parent == "pre":
                preformatted -= 1
            if parent == "q":
                quoted -= 1
                if inherited:
                    out.text(_QUOTATION_MARKS[quoted % 2][1], preformatted=False)
            if parent in _BLOCKS:
                out.end_block()
    out.end_block()
    return "\n\n".join(out.blocks)
