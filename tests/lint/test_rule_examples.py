"""Each rule's documented examples are run: the PASS example gives no finding of that rule,
the FAIL example at least one. The examples that quote a source get sources/article.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.commands.check import check_result
from argmap.lint.registry import RULES, Rule
from argmap.lint.rules import EXAMPLE_ARTICLE
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics


def codes_for(example: str, folder: Path) -> list[str]:
    (folder / "argmap.toml").write_text("")
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "article.txt").write_text(EXAMPLE_ARTICLE, encoding="utf-8")
    path = folder / "example.yaml"
    path.write_text(example, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None, [d.message for d in result.diagnostics]
    outcome, problems = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    assert problems == []
    return [d.code for d in outcome.diagnostics]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_pass_example_passes(rule: Rule, tmp_path: Path) -> None:
    assert rule.code not in codes_for(rule.examples["PASS"], tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_fail_example_fails(rule: Rule, tmp_path: Path) -> None:
    assert rule.code in codes_for(rule.examples["FAIL"], tmp_path)
