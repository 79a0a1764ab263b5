"""The registry of reporters and the one call the CLI makes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from argmap.diagnostics import Diagnostic
from argmap.report import REPORTERS, ReportOptions, Summary, render_report


def test_the_four_formats() -> None:
    assert list(REPORTERS) == ["text", "json", "github", "sarif"]


@pytest.mark.parametrize("name", ["text", "json", "github", "sarif"])
def test_render_report_is_the_registered_reporter(
    name: str, diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    direct = REPORTERS[name](diagnostics, sources, Summary(files_checked=5), ReportOptions())
    assert render_report(name, diagnostics, sources=sources, files_checked=5) == direct


@pytest.mark.parametrize("name", ["text", "json", "github", "sarif"])
def test_every_reporter_accepts_an_empty_run(name: str) -> None:
    out = render_report(name, [], sources={}, files_checked=0)
    assert out == "" or out.endswith("\n")


def test_color_only_changes_text(diagnostics: tuple[Diagnostic, ...]) -> None:
    for name in ("json", "github", "sarif"):
        plain = render_report(name, diagnostics, files_checked=5)
        assert render_report(name, diagnostics, files_checked=5, color=True) == plain


def test_rule_descriptions_reach_sarif(diagnostics: tuple[Diagnostic, ...]) -> None:
    out = render_report(
        "sarif", diagnostics, files_checked=5, rule_descriptions={"AM003": "Style."}
    )
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert {"text": "Style."} in [rule.get("shortDescription") for rule in rules]


def test_unknown_format_is_a_value_error_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="text, json, github, sarif"):
        render_report("xml", [], files_checked=0)


def test_importing_the_package_stays_light() -> None:
    """``argmap validate`` imports this package at start-up: the stdlib only."""
    code = (
        "import sys, argmap.report; "
        "heavy = {'click', 'pydantic', 'jinja2', 'yaml', 'graphviz', 'jsonschema', 'rapidfuzz'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
