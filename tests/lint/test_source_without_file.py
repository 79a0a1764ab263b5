"""AM005: a source without a local file is reported once, where its ``file:`` is missing."""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic

MAP = """\
argmap: 1
sources:
  book:
    title: A book on paper
  pamphlet: {title: A pamphlet}
claims:
  t:
    text: T.
    kind: thesis
    evidence:
      - {quote: first words, source: book}
      - {quote: other words, source: pamphlet}
evidence:
  e1:
    supports: t
    source: book
    quote: more words
"""


def test_a_source_without_a_file_is_reported_once_at_its_id(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    # It was reported at each evidence item that cites the source (11:9, 12:9, 14:3): the
    # same advice three times, none of them where the 'file:' goes.
    found = [(d.line, d.col, d.message, d.hint) for d in checked(MAP) if d.code == "AM005"]
    hint = "save the source's text beside the map and name it with 'file:'"
    assert found == [
        (3, 3, "source 'book' has no local file: 2 quotes from it cannot be verified", hint),
        (5, 3, "source 'pamphlet' has no local file: 1 quote from it cannot be verified", hint),
    ]
