"""``# argmap: disable=...`` comments silence a rule on their line, or on the next one, counted
the way every position is: lines end at LF, CRLF or a lone CR (argmap.lines)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.commands.check import check_result
from argmap.lint.registry import suppressions
from argmap.load import load_text
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


# AM009 finds nothing on line 7 ('B' is short): that word of the comment silences nothing,
# which AM017 reports where the word stands.
def test_comments_silence_their_own_line_or_the_next(tmp_path: Path) -> None:
    assert findings(MAP.replace("{BREAK}", " "), tmp_path) == [("AM017", 6, 50), ("AM002", 8, 3)]


# YAML 1.1 also ends a line at NEL, LS and PS (here inside a quoted text, where they are
# allowed); editors and argmap's positions do not, so the comments after one still silence the
# findings of their own lines (they silenced those of the line below, and 'c' went unseen).
@pytest.mark.parametrize("odd_break", ["\x85", "\u2028", "\u2029"])
def test_an_odd_line_break_does_not_shift_the_comments(odd_break: str, tmp_path: Path) -> None:
    assert findings(MAP.replace("{BREAK}", odd_break), tmp_path) == [
        ("AM017", 6, 50),
        ("AM002", 8, 3),
    ]


# A lone CR ends a line, for editors as for argmap: 'c' is a line further down, and the
# comments still silence the findings of their own lines.
def test_a_lone_cr_is_a_line_break_for_comments_and_findings_alike(tmp_path: Path) -> None:
    assert findings(MAP.replace("{BREAK}", "\r"), tmp_path) == [("AM017", 7, 50), ("AM002", 9, 3)]


def test_suppressions_count_lines_as_every_position_does() -> None:
    text = (
        "a: 1\u2028 # argmap: disable=AM001\n"
        "b: 2\r # argmap: disable=AM002\r\n"
        "c: 3 # argmap: disable=all\n"
    )
    assert suppressions(text) == {
        1: frozenset({"AM001"}),
        3: frozenset({"AM002"}),
        4: frozenset({"all"}),
    }


# A '# argmap: disable=' that ends a line inside a block or quoted text is the text's, not a
# comment: it silenced the findings of the next line all the same (g and i went unseen).
QUOTED = """\
argmap: 1
title: Quoted
claims:
  t: {text: "T", kind: thesis}
  c:
    supports: t
    text: |
      A claim about comments.
      # argmap: disable-next-line=AM002
  g: {text: G, supports: t}
  d:
    supports: t
    text: "Two lines
      # argmap: disable-next-line=AM002
      three"
  e: {text: "E # x", supports: t}  # argmap: disable=AM002
  f:
    supports: t
    text: >-
      # argmap: disable-next-line=AM002
  i: {text: I, supports: t}
"""


def test_only_real_comments_silence(tmp_path: Path) -> None:
    assert [f for f in findings(QUOTED, tmp_path) if f[0] == "AM002"] == [
        ("AM002", 5, 3),
        ("AM002", 10, 3),
        ("AM002", 11, 3),
        ("AM002", 17, 3),
        ("AM002", 21, 3),
    ]


def test_suppressions_skip_texts() -> None:
    doc = load_text(QUOTED, "map.yaml")
    assert suppressions(doc.text, doc.hashed) == {16: frozenset({"AM002"})}


def test_a_hash_in_a_plain_text_is_no_comment() -> None:
    # 'x#argmap:disable=AM002' is one plain text: a '#' begins a comment only after a space.
    doc = load_text("argmap: 1\ntitle: x#argmap:disable=AM002\n", "map.yaml")
    assert doc.data == {"argmap": "1", "title": "x#argmap:disable=AM002"}
    assert suppressions(doc.text, doc.hashed) == {}


# AM012 counted lines as str.splitlines does, so a NEL, LS or PS in a quoted text (no line
# break to an editor, nor to any other finding) put every hidden character after it a line
# too far down; a lone CR is one, for AM012 as for the rest.
@pytest.mark.parametrize(
    ("odd_break", "line"),
    [("\x85", 9), ("\u2028", 9), ("\u2029", 9), ("\r", 10), (" ", 9)],
    ids=["nel", "ls", "ps", "lone-cr", "space"],
)
def test_a_hidden_character_is_at_the_line_every_position_counts(
    odd_break: str, line: int, tmp_path: Path
) -> None:
    hidden = MAP.replace("{BREAK}", odd_break) + '  e: {text: "zero\u200bwidth", supports: t}\n'
    assert findings(hidden, tmp_path) == [
        ("AM017", line - 3, 50),
        ("AM002", line - 1, 3),
        ("AM002", line, 3),
        ("AM012", line, 18),
    ]


def test_a_code_silences_in_any_case_as_the_configuration_takes_it(tmp_path: Path) -> None:
    """``ignore = ["am002"]`` in argmap.toml ignores AM002 (a code is read in any case), but
    ``# argmap: disable=am002`` silenced nothing: the line's finding stayed, and nothing said
    why."""
    text = """\
argmap: 1
claims:
  t: {text: T, kind: thesis}
  a: {text: A, supports: t}  # argmap: disable=am002
  # argmap: disable-next-line=Am002
  b: {text: B, supports: t}
  c: {text: C, supports: t}  # argmap: disable=AM002
  d: {text: D, supports: t}
"""
    assert findings(text, tmp_path) == [("AM002", 8, 3)]


# A comment that names no rule silenced nothing and said nothing: the user believed the finding
# silenced. It is a warning where the word stands, with the nearest rule as a hint.
UNKNOWN = """\
argmap: 1
title: Unknown
claims:
  t: {text: T, kind: thesis}
  a: {text: A, supports: t}  # argmap: disable=AM02
  # argmap: disable-next-line=AM009, unsuported-claim
  b: {text: B, supports: t}
  c: {text: C, supports: t}  # argmap: disable=all, AM201, zzz
"""


def test_a_comment_that_names_no_rule_is_a_warning_where_the_word_stands(
    tmp_path: Path,
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(UNKNOWN)
    done = run_cli("validate", "map.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # warnings: the run passes, as with any warning
    shown = [line for line in done.stdout.splitlines() if line.startswith(("map", "  hint"))]
    assert shown == [
        "map.yaml:5:3: warning[AM002] claim 'a' has neither evidence nor premises "
        "(unsupported-claim)",
        "  hint: add a quote under 'evidence:', a premise with 'supports:', or mark it "
        "'kind: assumption'",
        "map.yaml:5:48: warning[AM904] '# argmap: disable' names no rule 'AM02' "
        "(unknown-suppression)",
        "  hint: did you mean 'AM002' (unsupported-claim)?",
        "map.yaml:6:31: warning[AM017] '# argmap: disable-next-line=AM009' silences nothing: "
        "AM009 (missing-label) finds nothing on the next line, 7 (unused-suppression)",
        "  hint: remove 'AM009' from the comment",
        "map.yaml:6:38: warning[AM904] '# argmap: disable-next-line' names no rule "
        "'unsuported-claim' (unknown-suppression)",
        "  hint: did you mean 'unsupported-claim' (AM002)?",
        "map.yaml:7:3: warning[AM002] claim 'b' has neither evidence nor premises "
        "(unsupported-claim)",
        "  hint: add a quote under 'evidence:', a premise with 'supports:', or mark it "
        "'kind: assumption'",
        "map.yaml:8:53: warning[AM904] '# argmap: disable' names AM201 (unknown-key), which is "
        "not a rule: the checks of the pipeline stages cannot be switched off "
        "(unknown-suppression)",
        "map.yaml:8:60: warning[AM904] '# argmap: disable' names no rule 'zzz' "
        "(unknown-suppression)",
        "  hint: see 'argmap rules'",
    ]
    assert done.stdout.endswith("7 warnings in 1 of 1 file\n")
    strict = run_cli("validate", "--strict", "map.yaml", cwd=tmp_path)
    assert strict.returncode == 1


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=env,
    )
