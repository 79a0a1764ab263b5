"""Hiding a Markdown source's markup: what a reader sees keeps its place."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.verify import Status, build_source_text, verify_quote
from argmap.verify.footnotes import hide_footnote_markers
from argmap.verify.markdowntext import HIDDEN, hide_markup

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
