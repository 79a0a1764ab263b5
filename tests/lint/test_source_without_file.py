"""AM005: a source without a local file is reported once, where its ``file:`` is missing."""

from __future__ import annotations

from pathlib import Path

from argmap.commands.check import check_result
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics

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


def test_a_source_without_a_file_is_reported_once_at_its_id(tmp_path: Path) -> None:
    # It was reported at each evidence item that cites the source (11:9, 12:9, 14:3): the
    # same advice three times, none of them where the 'file:' goes.
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None
    outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    found = [(d.line, d.col, d.message, d.hint) for d in outcome.diagnostics if d.code == "AM005"]
    hint = "save the source's text beside the map and name it with 'file:'"
    assert found == [
        (3, 3, "source 'book' has no local file: 2 quotes from it cannot be verified", hint),
        (5, 3, "source 'pamphlet' has no local file: 1 quote from it cannot be verified", hint),
    ]
