"""Hiding a Markdown source's markup: what a reader sees keeps its place."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.lines import lone_crs_as_line_feeds
from argmap.verify import Status, build_source_text, markdowntext, verify_quote
from argmap.verify.footnotes import hide_footnote_markers
from argmap.verify.markdowntext import (
    _LINE_CONTENT,
    HIDDEN,
    STRUCK,
    _fill,
    _filled,
    hide_markup,
)

_MARKUP = "*_`[]()!<>#\\: \n"


@given(st.text(alphabet=st.sampled_from(_MARKUP + "ab1\u200b\ue000")))
def test_hiding_keeps_the_length_and_only_hides(text: str) -> None:
    hidden = hide_markup(text)
    assert len(hidden) == len(text)
    assert all(h in (c, HIDDEN) for h, c in zip(hidden, text, strict=True))


@given(st.text(alphabet=st.sampled_from(_MARKUP.replace("`", "").replace("\n", "") + "ab1")))
def test_a_code_span_shows_its_content_as_written(content: str) -> None:
    # Inside a code span nothing is markup: "2*3*4", "__init__", "\*", "[a](b)" read as typed.
    text = f"Use `{content}x` here."
    assert hide_markup(text) == f"Use {HIDDEN}{content}x{HIDDEN} here."


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("2*3*4", "The product `2*3*4` is 24."),
        ("__init__", "Define `__init__` first."),
        ("a\\*b", "Type `a\\*b` to escape it."),
        ("x = [a](b)", "Write `x = [a](b)` for a link."),
        ("<https://example.org>", "Write ``<https://example.org>`` for an autolink."),
        ("# not a heading", "In code, `# not a heading`."),
    ],
)
def test_a_quote_of_code_is_verified_as_it_reads(quote: str, source: str) -> None:
    check = verify_quote(quote, build_source_text("a.md", "markdown", [source]))
    assert check.status is Status.VERIFIED
    assert check.passage == quote
    assert check.edits.insertions == ()


def test_a_link_target_holding_code_stays_hidden() -> None:
    source = build_source_text("a.md", "markdown", ["See [the page](`secret`) now."])
    assert verify_quote("See the page now.", source).status is Status.VERIFIED
    assert verify_quote("secret", source).occurrences == 0


_OLD_MARKERS = re.compile(
    r"(?<=[^\s\[\]])(?:\[(?:\^?[0-9]{1,3}|[a-z]|citation needed)\])+(?![^\W_])"
)


_PIECES = st.sampled_from(["[1]", "[a]", "[^2]", "[T]", "x", "_", " ", "[", "]", "é"])


@given(st.lists(_PIECES).map("".join))
def test_footnote_markers_hidden_as_the_backtracking_expression_did(text: str) -> None:
    # The markers are now taken whole, the last one given back before a letter by hand; the
    # expression they replace, which backtracked, is the reference on short texts.
    expected = _OLD_MARKERS.sub(lambda match: HIDDEN * len(match.group()), text)
    assert hide_footnote_markers(text) == expected


_VERIFIED = (Status.VERIFIED, Status.VERIFIED_WITH_EDITS)


def _check(quote: str, markdown: str) -> Status:
    return verify_quote(quote, build_source_text("a.md", "markdown", [markdown])).status


def test_a_comment_is_not_read() -> None:
    source = "The plan <!-- TODO: say it failed --> works.\n<!--\nnot shown\n\nat all\n-->\nEnd."
    assert hide_markup(source) == ("The plan " + HIDDEN * 28 + " works.\n" + HIDDEN * 26 + "\nEnd.")
    assert _check("The plan works.", source) is Status.VERIFIED
    assert _check("say it failed", source) is Status.NOT_FOUND
    assert _check("not shown", source) is Status.NOT_FOUND
    # in code, a comment reads as typed
    assert _check("<!-- kept -->", "Type `<!-- kept -->` to hide.") is Status.VERIFIED


@pytest.mark.parametrize(
    "struck",
    [
        "~~did not approve~~",
        "<del>did not approve</del>",
        "<s>did not approve</s>",
        '<strike class="x">did not approve</strike>',
        "~~did *not* approve~~",
    ],
)
def test_struck_out_words_cannot_be_quoted_nor_silently_crossed(struck: str) -> None:
    # A reader sees the words struck out: the author retracted them. They are not quotable,
    # and a quote that runs across them marks the omission, as the reader sees words there.
    source = f"The board {struck} approved the plan."
    assert _check("did not approve", source) not in _VERIFIED
    assert _check("The board did not approve the plan", source) not in _VERIFIED
    assert _check("The board approved the plan", source) not in _VERIFIED
    assert _check("The board ... approved the plan", source) is Status.VERIFIED_WITH_EDITS
    assert _check("approved the plan", source) is Status.VERIFIED
    hidden = hide_markup(source)
    assert len(hidden) == len(source)
    assert "approve " not in hidden


@pytest.mark.parametrize(
    "source",
    [
        "It is ~5 km and ~6 km away.",
        "Type `~~x~~` here.",
        "Not \\~~struck~~ at all.",
        "Files in ~/notes/~user and H~2~O.",
    ],
)
def test_tildes_that_strike_nothing_read_as_typed(source: str) -> None:
    assert STRUCK not in hide_markup(source)


def test_an_escaped_backtick_opens_no_code_span() -> None:
    source = "A \\`tick and **bold** words\\` here"
    assert hide_markup(source) == (
        f"A {HIDDEN}`tick and {HIDDEN * 2}bold{HIDDEN * 2} words{HIDDEN}` here"
    )
    assert _check("A `tick and bold words` here", source) is Status.VERIFIED
    # an escaped backslash escapes nothing after it: the backtick opens a code span
    assert hide_markup("a \\\\`*b*` c") == f"a {HIDDEN}\\{HIDDEN}*b*{HIDDEN} c"


def test_inline_html_tags_are_not_read() -> None:
    source = 'A <b>bold</b> and <span class="x">plain</span> word,<br/>then more.'
    assert _check("A bold and plain word, then more.", source) is Status.VERIFIED
    assert _check("class", source) is Status.NOT_FOUND
    assert _check("<b>", "Write `<b>` for bold.") is Status.VERIFIED
    assert _check("a <b> c", "Escaped: a \\<b> c.") is Status.VERIFIED


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("AT&T said", "AT&amp;T said"),
        ("\u201cYes\u201d \u2014 he said", "&ldquo;Yes&rdquo; &mdash; he said"),
        ("the plan \u00e9t\u00e9 works", "the plan &#233;t&#xE9; works"),
        ("one two", "one&nbsp;two"),
        ("&amp;", "Write `&amp;` for it."),
        ("&amp;", "Escaped \\&amp; reads as typed."),
    ],
)
def test_entities_read_as_their_characters(quote: str, source: str) -> None:
    assert _check(quote, source) is Status.VERIFIED


def test_an_unknown_entity_reads_as_typed() -> None:
    assert hide_markup("a &bogus; b") == "a &bogus; b"


@given(st.text(alphabet=st.sampled_from(_MARKUP + "~&;#x9!-/ab1\u200b\ue000\ue001")))
def test_hiding_keeps_the_length(text: str) -> None:
    assert len(hide_markup(text)) == len(text)


def test_an_escaped_backslash_shows_one_backslash() -> None:
    assert hide_markup("C:\\\\*dir* and \\\\\\*x") == (
        f"C:{HIDDEN}\\{HIDDEN}dir{HIDDEN} and {HIDDEN}\\{HIDDEN}*x"
    )


def test_a_footnote_definition_is_read_without_its_label() -> None:
    source = "The plan works.[^1]\n\n[^1]: The report was leaked in 2007.\n[^note]: Another."
    assert hide_markup(source) == (
        f"The plan works.[^1]\n\n{HIDDEN * 5} The report was leaked in 2007.\n{HIDDEN * 8} Another."
    )
    assert _check("The report was leaked in 2007.", source) is Status.VERIFIED
    assert _check("The plan works.", source) is Status.VERIFIED
    # a link reference definition is still not read
    assert hide_markup("[home]: https://example.org") == HIDDEN * 27


def test_a_backslash_hard_line_break_is_not_read() -> None:
    source = "first line\\\nsecond line"
    assert hide_markup(source) == f"first line{HIDDEN}\nsecond line"
    assert _check("first line second line", source) is Status.VERIFIED


@pytest.mark.parametrize(
    ("markdown", "reads"),
    [
        ("About 10<sup>6</sup> tonnes", "About 10^6 tonnes"),
        ("About 10<SUP>-3</SUP> m", "About 10^-3 m"),
        ("Read 10<sub>2</sub> here", "Read 10_2 here"),
        ("Drink H<sub>2</sub>O", "Drink H2O"),
        ("The 21<sup>st</sup> century", "The 21st century"),
    ],
)
def test_a_superscript_tag_after_a_number_does_not_join_it(markdown: str, reads: str) -> None:
    # as in an HTML source (docs/format.md): 10<sup>6</sup> is not 106
    assert hide_markup(markdown).replace(HIDDEN, "") == reads
    assert _check(reads, markdown) is Status.VERIFIED
    if "^" in reads:
        assert _check(reads.replace("^", ""), markdown) is not Status.VERIFIED


def test_an_email_autolink_reads_without_its_brackets() -> None:
    source = "Write to <press.office@example.org> today."
    assert hide_markup(source) == f"Write to {HIDDEN}press.office@example.org{HIDDEN} today."
    assert _check("Write to press.office@example.org today.", source) is Status.VERIFIED


@given(st.text(alphabet=st.sampled_from("ab `*\n\r\t\u2028\ue000")))
def test_a_code_span_of_one_line_is_filled_as_one_of_many_is(code: str) -> None:
    # The fast path for spans without a line break fills as the pass over each line does.
    assert _filled(code) == _LINE_CONTENT.sub(_fill, code)
    assert _filled(code.replace("\n", "")) == _LINE_CONTENT.sub(_fill, code.replace("\n", ""))


@pytest.mark.parametrize("count", [1, 3, -1], ids=["one-cr", "three-crs", "all-crs"])
def test_a_lone_cr_ends_a_line_for_the_markup_too(count: int) -> None:
    """A line ends at a lone CR for every reader (argmap.lines), and so for Markdown's
    line-start markup: a reference definition, a block quote's '>', a heading's '#' and a
    backslash line break after one were read as text (a quote across them did not verify)."""
    lf = "Intro.\n[1]: http://x.org\n> A *quoted* line\\\n# Heading\n"
    assert hide_markup(lf.replace("\n", "\r", count)) == hide_markup(lf)


def _hide_markup_every_pass(text: str) -> str:
    """hide_markup as defined: every pattern run over the whole text, and the emphasis
    patterns twice, whether or not the text holds what the pattern looks for."""
    text = lone_crs_as_line_feeds(text)
    text = markdowntext._REFERENCE.sub(markdowntext._hide_all, text)
    text = markdowntext._FOOTNOTE_LABEL.sub(markdowntext._hide_all, text)
    original = text
    text = markdowntext._ESCAPES_CODE_COMMENTS.sub(markdowntext._escape_code_or_comment, text)
    text = text.replace("\\\\", HIDDEN + markdowntext.FILL)
    text = markdowntext._LINK.sub(markdowntext._hide_ends, text)
    text = markdowntext._AUTOLINK.sub(markdowntext._hide_ends, text)
    text = markdowntext._STRIKETHROUGH.sub(markdowntext._strike, text)
    text = markdowntext._STRUCK_ELEMENT.sub(markdowntext._strike, text)
    text = markdowntext._TAG.sub(markdowntext._hide_tag, text)
    for pattern, _ in markdowntext._STRONG_OR_EMPHASIS * 2:
        text = pattern.sub(markdowntext._hide_ends, text)
    text = markdowntext._HEADING.sub(markdowntext._hide_last, text)
    text = markdowntext._BLOCK_QUOTE.sub(markdowntext._hide_last, text)
    text = markdowntext._ENTITY.sub(markdowntext._entity, text)
    text = markdowntext._ESCAPE.sub(HIDDEN, text)
    return markdowntext._FILLED.sub(lambda match: original[match.start() : match.end()], text)


_PIECES_OF_MARKUP = st.sampled_from(
    [
        *"*_`[]()!<>#\\:;&~^ \n\r\tab1",
        "**",
        "__",
        "~~",
        "```",
        "<!--",
        "-->",
        "](",
        "]:",
        "[^",
        "<del>",
        "</del>",
        "<sup>",
        "</sup>",
        "<br>",
        "&amp;",
        "&#42;",
        "&lowbar;",
        "&gt;",
        "&num;",
        "https://a.b",
        "\u200b",
        "\ue000",
        "\ue001",
        "\\\\",
    ]
)


@given(st.lists(_PIECES_OF_MARKUP, max_size=40).map("".join))
def test_passes_skipped_for_what_the_text_lacks_hide_what_every_pass_hides(text: str) -> None:
    # hide_markup runs a pattern only over a text that holds the delimiter every match of it
    # holds, and the emphasis patterns a second time only after the first found some.
    assert hide_markup(text) == _hide_markup_every_pass(text)


@pytest.mark.parametrize(
    "text",
    [
        "**bold *and* more**",
        "__a _b_ c__",
        "&#42;a&#42; &lowbar;b&lowbar;",
        "*a `b*` c*",
        "\\\\*a*",
        "<sup>1</sup>_x_",
        "line\n&num; heading\n&gt; quote",
    ],
)
def test_markup_spelled_by_an_earlier_pass_is_hidden_as_every_pass_hides_it(text: str) -> None:
    assert hide_markup(text) == _hide_markup_every_pass(text)
