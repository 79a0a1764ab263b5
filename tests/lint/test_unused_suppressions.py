"""AM017: a ``# argmap: disable`` word that silences no finding is a warning where the word
stands, judged only for rules that ran (not those ``select``/``ignore`` switch off, not the
source rules where sources were not read); a comment naming AM017 is never reported."""

from __future__ import annotations

from pathlib import Path

from argmap.commands.check import check_result
from argmap.lint.context import LintConfig
from argmap.pipeline import ConfigCache, lint_result, load_map
from argmap.semantics.labels import Semantics

SOURCE = "The plan moved the talks to a technical level in March.\n"


def write(tmp_path: Path, text: str, config: str = "") -> Path:
    (tmp_path / "argmap.toml").write_text(config)
    (tmp_path / "article.txt").write_text(SOURCE)
    path = tmp_path / "map.yaml"
    path.write_text(text)
    return path


def checked(path: Path) -> list[tuple[str, int, int, str, str | None]]:
    result = load_map(path)
    assert result.map is not None, [d.message for d in result.diagnostics]
    outcome, problems = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    assert problems == []
    return [(d.code, d.line, d.col, d.message, d.hint) for d in outcome.diagnostics]


MAP = """\
argmap: 1
sources:
  s: {title: The plan, file: article.txt}
claims:
  t: {text: T, kind: thesis}
  a: {text: A, supports: t}  # argmap: disable=AM009, unsupported-claim
  # argmap: disable-next-line=all
  b: {text: B, supports: t, evidence: [{quote: the talks, source: s}]}
  c: {text: C, supports: t}  # argmap: disable=am002
  d: {text: D, supports: t, evidence: [{quote: the talks, source: s}]}  # argmap: disable=AM001
"""


def test_each_idle_word_is_reported_where_it_stands_with_the_hint_to_remove_it(
    tmp_path: Path,
) -> None:
    assert checked(write(tmp_path, MAP)) == [
        (
            "AM017",
            6,
            48,
            "'# argmap: disable=AM009' silences nothing: AM009 (missing-label) finds nothing "
            "on this line",
            "remove 'AM009' from the comment",
        ),
        (
            "AM017",
            7,
            31,
            "'# argmap: disable-next-line=all' silences nothing: no rule finds anything on the "
            "next line, 8",
            "remove the comment",
        ),
        (
            "AM017",
            10,
            91,
            "'# argmap: disable=AM001' silences nothing: AM001 (quote-not-verified) finds "
            "nothing on this line",
            "remove the comment",
        ),
    ]


def test_a_word_that_silences_a_finding_is_not_reported(tmp_path: Path) -> None:
    text = MAP.replace("the talks, source: s}]}  #", "the plans, source: s}]}  #")
    assert [(code, line) for code, line, *_ in checked(write(tmp_path, text))] == [
        ("AM017", 6),
        ("AM017", 7),
    ]


def test_rules_switched_off_are_not_judged(tmp_path: Path) -> None:
    ignored = checked(write(tmp_path, MAP, 'ignore = ["missing-label", "AM001"]\n'))
    assert [(code, line) for code, line, *_ in ignored] == []  # 'all': not every rule ran
    selected = checked(write(tmp_path, MAP, 'select = ["AM001", "AM017"]\n'))
    assert [(code, line) for code, line, *_ in selected] == [("AM017", 10)]


def test_the_rule_itself_can_be_switched_off_or_silenced(tmp_path: Path) -> None:
    assert checked(write(tmp_path, MAP, 'ignore = ["unused-suppression"]\n')) == []
    text = MAP.replace("disable=AM009, unsupported-claim", "disable=AM009, AM002, AM017")
    assert [(code, line) for code, line, *_ in checked(write(tmp_path, text))] == [
        ("AM017", 7),
        ("AM017", 10),
    ]


def test_source_rules_are_not_judged_where_sources_were_not_read(tmp_path: Path) -> None:
    """``validate`` runs no rule that reads sources: AM001's word may silence something
    there once the quotes are read, and ``all`` cannot be judged."""
    result = load_map(write(tmp_path, MAP))
    lint_result(result, LintConfig())
    assert [(d.code, d.line) for d in result.diagnostics] == [("AM017", 6)]


def test_unknown_words_are_am904s_alone(tmp_path: Path) -> None:
    text = MAP.replace("disable=AM009, unsupported-claim", "disable=AM02, unsupported-claim")
    found = [(code, line, col) for code, line, col, *_ in checked(write(tmp_path, text))]
    assert found[0] == ("AM904", 6, 48)
    assert ("AM017", 6, 48) not in found
