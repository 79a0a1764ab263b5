"""The report stage: Diagnostics -> text | json | github | sarif.

Each format is a module with a pure ``render(diagnostics, sources, summary, options) -> str``;
``REPORTERS`` maps the ``--format`` names to them, and ``render_report`` is the one call the CLI
makes. This package is imported when ``argmap validate`` starts, so it and its modules import
the standard library only (and ``argmap.codes`` / ``argmap.diagnostics``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.diagnostics import Diagnostic
from argmap.report import github, json_report, sarif, text
from argmap.report.common import Reporter, ReportOptions, RuleHelp, Summary

__all__ = ["REPORTERS", "ReportOptions", "Reporter", "RuleHelp", "Summary", "render_report"]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
    "sarif": sarif.render,
}


def render_report(
    format_name: str,
    diagnostics: Iterable[Diagnostic],
    *,
    sources: Mapping[str, str] | None = None,
    files_checked: int = 0,
    color: bool = False,
    rule_descriptions: Mapping[str, str] | None = None,
    rule_help: Mapping[str, RuleHelp] | None = None,
    srcroot_uri: str | None = None,
) -> str:
    """The whole output of a run in ``format_name``; raises ValueError for an unknown format."""
    reporter = REPORTERS.get(format_name)
    if reporter is None:
        known = ", ".join(REPORTERS)
        raise ValueError(f"unknown output format {format_name!r} (known: {known})")
    options = ReportOptions(
        color=color,
        rule_descriptions=rule_descriptions or {},
        rule_help=rule_help or {},
        srcroot_uri=srcroot_uri,
    )
    return reporter(list(diagnostics), sources or {}, Summary(files_checked), options)
