"""The example folders are the specification: every invalid file has its exact diagnostics
(line:col CODE message) stored beside it; every valid file loads with none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.diagnostics import sort_key
from argmap.lint.context import LintConfig
from argmap.pipeline import MapResult, find_files, lint_result, load_map, load_maps

EXAMPLES = Path(__file__).parent.parent / "examples"
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_example_gives_its_expected_diagnostics(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    result = validated(path)
    got = [f"{d.line}:{d.col} {d.code} {d.message}" for d in result.diagnostics]
    assert got == expected


def validated(path: Path) -> MapResult:
    """What ``argmap validate`` does to one file: load, model, resolve, structural rules."""
    result = load_map(path)
    lint_result(result, LintConfig())
    result.diagnostics.sort(key=sort_key)
    return result


def test_every_invalid_example_has_expectations() -> None:
    assert len(INVALID) >= 25
    for path in INVALID:
        assert path.with_suffix(".expected").is_file(), path
        assert path.with_suffix(".expected").read_text().strip(), path


def test_valid_examples_load_clean_and_resolve() -> None:
    found = find_files([EXAMPLES / "valid"])
    files, problems = found.files, found.problems
    assert problems == []
    results = load_maps(files)
    for result in results:
        lint_result(result, LintConfig())
    # parts/linked-history.yaml is included by linked.yaml, so it is checked through it
    assert sorted(Path(r.path).name for r in results) == [
        "linked.yaml",
        "minimal.yaml",
        "uniforms.yaml",
    ]
    for result in results:
        assert result.diagnostics == [], result.path
        assert result.map is not None


def test_short_forms_expand_into_arguments_attacks_and_evidence() -> None:
    result = load_map(EXAMPLES / "valid" / "uniforms.yaml")
    m = result.map
    assert m is not None
    assert list(m.arguments) == ["attendance->require-uniforms"]
    assert m.arguments["attendance->require-uniforms"].premises == ("attendance",)
    assert {a.id: (a.kind.value, a.attacker, a.target) for a in m.attacks.values()} == {
        "expression-/->require-uniforms": ("rebut", "expression", "require-uniforms"),
        "confound-/->attendance->require-uniforms": (
            "undercut",
            "confound",
            "attendance->require-uniforms",
        ),
    }
    ev = m.evidence["attendance.ev1"]
    assert (ev.source, ev.target, ev.locator, ev.strength) == (
        "report",
        "attendance",
        "para 3",
        0.7,
    )
    assert (ev.origin.line, ev.origin.col) == (31, 9)  # the "- quote:" item
    assert m.sources["report"].date == "2021"
    assert m.sources["report"].path == (EXAMPLES / "valid/sources/uniforms-report.txt").resolve()
    assert m.title == "School uniforms"
    assert [q.text for q in m.questions] == [
        "Does a rise in attendance show that uniforms caused it?"
    ]


def test_attacks_short_form_undermines_a_premise() -> None:
    result = load_map(EXAMPLES / "valid" / "linked.yaml")
    m = result.map
    assert m is not None
    kinds = {a.id: a.kind.value for a in m.attacks.values()}
    assert kinds == {
        "r-rebuts-t": "rebut",
        "u-undermines-p1": "undermine",
        "x-undercuts-linked": "undercut",
        "r-and-h": "rebut",
    }
    assert m.arguments["linked"].premises == ("p1", "p2")
    assert m.arguments["h->p2"].origin.path.endswith("parts/linked-history.yaml")
    assert len(m.files) == 2


def test_the_valid_examples_check_clean(runner: CliRunner) -> None:
    """The specification's valid maps are valid to ``check`` too: every quote verified where
    its locator says (uniforms.yaml said para 4 of a three-paragraph source)."""
    result = runner.invoke(main, ["-q", "check", "--strict", str(EXAMPLES / "valid")])
    assert (result.exit_code, result.output) == (0, "")
