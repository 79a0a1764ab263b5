"""What every reporter shares: the shape of a reporter, its inputs, the order and the counts.

A reporter is a pure function: the diagnostics of a run, the text of each file, a summary and
options in; the whole output as one ``str`` out. It prints nothing and touches no file, so the
CLI decides where the text goes and tests compare strings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from argmap.diagnostics import Diagnostic, Severity, sort_key


@dataclass(frozen=True, slots=True)
class Summary:
    """What the run covered beyond its findings: how many files were checked."""

    files_checked: int


@dataclass(frozen=True, slots=True)
class RuleHelp:
    """A rule's documentation, for what code scanning shows beside its findings (SARIF's
    ``fullDescription`` and ``help``): ``description``, a paragraph of plain text, and the
    whole reference as ``text`` (as ``argmap rules CODE`` prints it) and as ``markdown`` (as
    docs/rules.md gives it)."""

    description: str
    text: str
    markdown: str


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Options a reporter may use; each ignores those that do not concern it.

    ``color``: ANSI colours in the text format (the CLI decides: a terminal, ``NO_COLOR``...).
    ``rule_descriptions``: code -> one-sentence description, for SARIF rules that the codes
    registry does not know (lint rules); it wins over the registry.
    ``rule_help``: code -> the rule's documentation, for SARIF; a code without it (a stage
    code) is documented by its summary.
    ``srcroot_uri``: the absolute URI of the folder the paths are relative to, for SARIF's
    ``originalUriBaseIds``; without it the base is described but not given.
    """

    color: bool = False
    rule_descriptions: Mapping[str, str] = field(default_factory=dict)
    rule_help: Mapping[str, RuleHelp] = field(default_factory=dict)
    srcroot_uri: str | None = None


Reporter: TypeAlias = Callable[
    [Sequence[Diagnostic], Mapping[str, str], Summary, ReportOptions], str
]
"""``(diagnostics, sources, summary, options) -> output``; ``sources`` maps a path to its text
(a path without an entry just gets no excerpt)."""


@dataclass(frozen=True, slots=True)
class Counts:
    errors: int
    warnings: int
    infos: int


def count(diagnostics: Iterable[Diagnostic]) -> Counts:
    tally = {severity: 0 for severity in Severity}
    for d in diagnostics:
        tally[d.severity] += 1
    return Counts(tally[Severity.ERROR], tally[Severity.WARNING], tally[Severity.INFO])


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """By path, line, column, code (then message), whatever order the stages produced."""
    return sorted(diagnostics, key=sort_key)
