"""An id given where a claim's is taken (``render --focus``, ``handout --focus``, ``check
--why``) that is no claim of the map: what it is instead and the claim meant, when the map
says, or the claim it differs from only in case or in ``-``, ``_`` and spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

MAP = """\
argmap: 1
title: Uniforms
sources:
  survey:
    title: A survey of parents
actors:
  head:
    name: The head teacher
claims:
  uniforms:
    text: Schools should require uniforms.
    kind: thesis
    holder: head
  cheaper:
    text: Uniforms cost families less than fashion.
    kind: assumption
  expression:
    text: Uniforms stifle self-expression.
    rebuts: uniforms
    kind: assumption
  second-hand:
    text: Second-hand fashion is cheap too.
    undercuts: cost
    kind: assumption
arguments:
  cost:
    conclusion: uniforms
    premises: [cheaper]
evidence:
  poll:
    quote: Parents spend less
    source: survey
    supports: cheaper
"""

TAKES = "{option} takes a claim's id, as 'argmap check' lists them"
SAID = [
    (
        "cost",
        "'cost' is an argument of this map, not a claim; did you mean its conclusion 'uniforms'?",
    ),
    (
        "poll",
        "'poll' is an evidence item of this map, not a claim; did you mean its claim 'cheaper'?",
    ),
    (
        "expression-/->uniforms",
        "'expression-/->uniforms' is an attack of this map, not a claim; did you mean its "
        "attacker 'expression' or its target 'uniforms'?",
    ),
    (
        "second-hand-/->cost",
        "'second-hand-/->cost' is an attack of this map, not a claim; did you mean its "
        "attacker 'second-hand'?",
    ),
    ("survey", "'survey' is a source of this map, not a claim; " + TAKES),
    ("head", "'head' is an actor of this map, not a claim; " + TAKES),
    ("UNIFORMS", "no claim 'UNIFORMS' in this map; did you mean 'uniforms'?"),
    ("Second_Hand", "no claim 'Second_Hand' in this map; did you mean 'second-hand'?"),
    ("second hand", "no claim 'second hand' in this map; did you mean 'second-hand'?"),
    ("secondhand", "no claim 'secondhand' in this map; did you mean 'second-hand'?"),
    ("EXPRESION", "no claim 'EXPRESION' in this map; did you mean 'expression'?"),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def _refused(result: Result, said: str, option: str) -> None:
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"argmap: map.yaml: {said.format(option=option)}\n"


@pytest.mark.parametrize(("given", "said"), SAID)
def test_render_says_what_the_focus_is(
    runner: CliRunner, project: Path, given: str, said: str
) -> None:
    result = runner.invoke(main, ["render", "map.yaml", "-f", "dot", "-o", "out", "--focus", given])
    _refused(result, said, "--focus")
    assert not Path("out").exists()


@pytest.mark.parametrize(("given", "said"), SAID)
def test_handout_says_what_the_focus_is(
    runner: CliRunner, project: Path, given: str, said: str
) -> None:
    result = runner.invoke(
        main, ["handout", "map.yaml", "-f", "html", "-o", "out", "--focus", given]
    )
    _refused(result, said, "--focus")
    assert not Path("out").exists()


@pytest.mark.parametrize(("given", "said"), SAID)
def test_check_says_what_the_why_is(
    runner: CliRunner, project: Path, given: str, said: str
) -> None:
    _refused(runner.invoke(main, ["check", "map.yaml", "--why", given]), said, "--why")


def test_a_folder_says_it_once_naming_the_map(runner: CliRunner, project: Path) -> None:
    Path("maps").mkdir()
    Path("map.yaml").rename("maps/a.yaml")
    Path("maps/b.yaml").write_text(MAP.replace("cost", "price"), encoding="utf-8")
    result = runner.invoke(main, ["check", "maps", "--why", "cost"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "argmap: no claim 'cost' in the 2 maps checked; 'cost' is an argument of "
        f"{Path('maps/a.yaml')}, not a claim; did you mean its conclusion 'uniforms'?\n"
    )
    result = runner.invoke(main, ["check", "maps", "--why", "Cheaper"])
    assert (
        result.stderr
        == "argmap: no claim 'Cheaper' in the 2 maps checked; did you mean 'cheaper'?\n"
    )
