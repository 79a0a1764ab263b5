"""Untrusted input: whatever the text, the importers answer with diagnostics, never raise;
and any claim text survives Argdown's escaping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.interchange.argdown.export import escape
from argmap.interchange.argdown.inline import Content, parse_inline
from argmap.interchange.argdown.lexer import lex
from argmap.interchange.importing import import_text
from argmap.interchange.text import one_line

ARGDOWN_ALPHABET = st.sampled_from(
    [*"ab [](){}<>#*_@:/\\-+=!,.\n\t\"'", "--", "->", "<_", "><", "+>", "/*", "*/", "<!--"]
)
argdown_text = st.lists(ARGDOWN_ALPHABET, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(argdown_text)
def test_argdown_never_raises(text: str) -> None:
    outcome = import_text(text, "fuzz.argdown", "argdown")
    assert outcome.draft is not None or outcome.diagnostics


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_kialo_and_aif_never_raise(text: str) -> None:
    for fmt in ("kialo", "aif"):
        outcome = import_text(text, "fuzz", fmt)
        assert outcome.draft is not None or outcome.diagnostics


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    source = escape(text)
    lexed = lex(source, "t")
    assert len(lexed.lines) <= 1
    if not lexed.lines:
        assert not one_line(text)
        return
    inline = parse_inline(Content([(lexed.lines[0], 0)]), 0)
    assert inline.problems == []
    assert inline.clean == one_line(text)
