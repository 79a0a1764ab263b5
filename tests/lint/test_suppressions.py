"""``# argmap: disable=...`` comments silence a rule on their line, or on the next one, counted
the way every position is: lines end at a line feed only."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.commands.check import check_result
from argmap.lint.registry import suppressions
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics


def findings(text: str, folder: Path) -> list[tuple[str, int, int]]:
    (folder / "argmap.toml").write_text("")
    path = folder / "map.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = load_map(path)
    assert result.map is not None, [d.message for d in result.diagnostics]
    outcome, problems = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    assert problems == []
    return [(d.code, d.line, d.col) for d in outcome.diagnostics]


MAP = """\
argmap: 1
title: Suppressed
claims:
  t: {text: "T{BREAK}more", kind: thesis}
  a: {text: A, supports: t}  # argmap: disable=AM002
  # argmap: disable-next-line=unsupported-claim, AM009
  b: {text: B, supports: t}
  c: {text: C, supports: t}
"""


def test_comments_silence_their_own_line_or_the_next(tmp_path: Path) -> None:
    assert findings(MAP.replace("{BREAK}", " "), tmp_path) == [("AM002", 8, 3)]


# YAML 1.1 also ends a line at NEL, LS, PS and a lone CR (here inside a quoted text, where they
# are allowed); editors and argmap's positions do not, so the comments after one still silence
# the findings of their own lines (they silenced those of the line below, and 'c' went unseen).
@pytest.mark.parametrize("odd_break", ["\x85", "\u2028", "\u2029", "\r"])
def test_an_odd_line_break_does_not_shift_the_comments(odd_break: str, tmp_path: Path) -> None:
    assert findings(MAP.replace("{BREAK}", odd_break), tmp_path) == [("AM002", 8, 3)]


def test_suppressions_count_line_feeds_only() -> None:
    text = (
        "a: 1\u2028 # argmap: disable=AM001\n"
        "b: 2\r # argmap: disable=AM002\r\n"
        "c: 3 # argmap: disable=all\n"
    )
    assert suppressions(text) == {
        1: frozenset({"AM001"}),
        2: frozenset({"AM002"}),
        3: frozenset({"all"}),
    }
