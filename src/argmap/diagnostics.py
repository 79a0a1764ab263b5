"""The one currency of errors: every stage returns :class:`Diagnostic` values, none prints.

Positions are 1-based (line and column), the way editors and ``file:line:col`` show them.
A diagnostic without a known position uses line 1, column 1 of its file: every diagnostic
points somewhere a person can open. It says so (``positioned`` is false), so that a format
that can point at a whole file (SARIF) does so rather than claim line 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is. Errors fail a run; warnings fail it only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a file: 1-based line and column."""

    line: int
    col: int


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One finding, located in a file.

    ``code`` is stable (``AM101``), ``name`` is its readable form (``yaml-syntax``).
    ``positioned`` is false for a finding about a whole file, made without a position
    (``line`` and ``col`` are then 1).
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    hint: str | None = None
    name: str = field(default="", compare=False)
    positioned: bool = field(default=True, compare=False)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "hint": self.hint,
        }


def has_failures(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """True when a run with these findings must exit non-zero."""
    threshold = Severity.WARNING.rank if strict else Severity.ERROR.rank
    return any(d.severity.rank >= threshold for d in diagnostics)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.path, d.line, d.col, d.code, d.message)
