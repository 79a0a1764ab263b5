"""The walk of an HTML page takes shortcuts for the common case (a text appended to the
line without a call, an element without attributes tested against the tags that are never
shown, a block that ends nothing not ended); it reads every page as the walk that goes
through the collector and the tests each time."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from argmap.verify.htmltext import (
    _BLOCKS,
    _NO_STYLE,
    _NUMBER_TAGS,
    _QUOTATION_MARKS,
    _STRUCK,
    STRUCK,
    _Collector,
    _not_displayed,
    _number_mark,
    _style,
    _visibility,
    visible_text,
)


def _visible_text_as_defined(markup: str) -> str:
    """visible_text as defined: every text through the collector's ``text``, every element
    through ``_not_displayed``, every block through ``end_block``."""
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
                if inherited:
                    out.text(node.text_content or "", preformatted=preformatted > 0)
                continue
            if tag.startswith(("-", "!")):
                continue  # a comment, a doctype
            attributes = node.attributes
            style = _style(attributes) if attributes else _NO_STYLE
            if _not_displayed(tag, attributes, style):
                continue
            if tag == "br":
                out.line_break()
                continue
            visible = _visibility(style, inherited) if style else inherited
            if tag in _BLOCKS:
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


_PIECES = st.sampled_from(
    [
        "a",
        "word",
        " ",
        "\n",
        "\u00a0",
        "1",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<pre>",
        "</pre>",
        "<q>",
        "</q>",
        "<del>",
        "</del>",
        "<sup>",
        "</sup>",
        "<span>",
        "</span>",
        "<dialog>",
        "</dialog>",
        "<dialog open>",
        "<script>x</script>",
        "<title>t</title>",
        "<p hidden>",
        '<div style="display:none">',
        '<span style="visibility:hidden">',
        '<b style="visibility:visible">',
        "</b>",
        "<!-- c -->",
        "<li>",
        "<ul>",
        "</ul>",
        "<h1>",
        "</h1>",
        "<template>t</template>",
    ]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_walk_reads_a_page_as_the_walk_through_every_test(page: str) -> None:
    assert visible_text(page) == _visible_text_as_defined(page)
