"""The nesting depth of a page is counted with a pattern that passes over the tags the count
skips (``<p>``, ``<li>``, ``<br>``…) without a step of Python for each; the count is exactly
the one the plain tag pattern gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.verify.htmltext import _NESTING_TAG, _TAG, _depth, nesting_depth

_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<P >", "<p/>", "<pre>", "</pre>", "<div>", "</DIV>", "<li>", "<LI\t>",
        "<br/>", "<track>", "<trac\u212a>", "<p\u00a0>", "<p<div>", "<ba\u017fefont>", "<rtc>",
        "<rt", "<r>",
        "<!--", "-->", "<script>", "</script>", "<div/>", "<tbody>", "x", " ", ">", "<",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 4))
def test_the_depth_is_that_of_the_plain_pattern(markup: str, limit: int) -> None:
    assert _depth(markup, limit, _NESTING_TAG) == _depth(markup, limit, _TAG)
    assert nesting_depth(markup) == _depth(markup, 10_000, _TAG)


def test_skipped_and_counted_tags() -> None:
    assert nesting_depth("<div><p>a<p>b<li>c<div><br></div></div>") == 2
    # a Kelvin sign lower-cases to "k": "trac\u212a" is "track", which holds nothing
    assert nesting_depth("<div><trac\u212a><track>") == 1
    # a long s lower-cases to itself: "ba\u017fefont" is no "basefont", and counts
    assert nesting_depth("<div><ba\u017fefont>") == 2
