"""Configuration: ``[tool.argmap]`` in ``pyproject.toml``, or ``argmap.toml`` at the project root.

    [tool.argmap]
    select = ["AM001", "AM002"]      # only these rules (default: all)
    ignore = ["missing-label"]       # codes or names
    similarity = 85                  # a fuzzy quote match at or above this is a paraphrase
    long-text = 80                   # claims longer than this want a label
    duplicate-similarity = 90        # near-duplicate claim texts

    [tool.argmap.severity]
    AM002 = "error"                  # error, warning or info

``argmap.toml`` holds the same keys at its top level (no ``[tool.argmap]`` header).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from argmap import codes
from argmap.diagnostics import Diagnostic, Severity
from argmap.lint.context import LintConfig

KNOWN_KEYS = frozenset(
    {"select", "ignore", "severity", "similarity", "long-text", "duplicate-similarity"}
)


def find_config(root: Path) -> Path | None:
    for name in ("argmap.toml", "pyproject.toml"):
        candidate = root / name
        if candidate.is_file():
            return candidate
    return None


def load_config(root: Path) -> tuple[LintConfig, list[Diagnostic]]:
    """The configuration at ``root``; defaults (and a diagnostic) when it is broken."""
    path = find_config(root)
    if path is None:
        return LintConfig(), []
    shown = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return LintConfig(), [
            codes.INVALID_CONFIG.at(shown, None, f"cannot read the configuration: {exc}")
        ]
    table: Any = data.get("tool", {}).get("argmap", {}) if path.name == "pyproject.toml" else data
    return parse_config(table, shown)


def parse_config(table: Any, shown: str) -> tuple[LintConfig, list[Diagnostic]]:
    problems: list[Diagnostic] = []

    def bad(message: str) -> None:
        problems.append(codes.INVALID_CONFIG.at(shown, None, message))

    if not isinstance(table, dict):
        bad("[tool.argmap] must be a table")
        return LintConfig(), problems
    for key in sorted(set(table) - KNOWN_KEYS):
        bad(f"unknown setting '{key}'; known: {', '.join(sorted(KNOWN_KEYS))}")
    config = LintConfig()
    select = _strings(table.get("select", []), "select", bad)
    ignore = _strings(table.get("ignore", []), "ignore", bad)
    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if isinstance(raw_severity, dict):
        for code, level in raw_severity.items():
            try:
                severity[str(code).upper()] = Severity(str(level))
            except ValueError:
                bad(f"severity of {code} must be error, warning or info, not {level!r}")
    else:
        bad("'severity' must be a table of code = level")
    numbers: dict[str, float] = {}
    for key, default in (
        ("similarity", config.similarity),
        ("long-text", float(config.long_text)),
        ("duplicate-similarity", config.duplicate_similarity),
    ):
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            bad(f"'{key}' must be a non-negative number")
            value = default
        numbers[key] = float(value)
    return (
        LintConfig(
            select=frozenset(select),
            ignore=frozenset(ignore),
            severity=severity,
            similarity=min(numbers["similarity"], 100.0),
            long_text=int(numbers["long-text"]),
            duplicate_similarity=min(numbers["duplicate-similarity"], 100.0),
        ),
        problems,
    )


def _strings(value: Any, key: str, bad: Any) -> list[str]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.upper() if v[:2].lower() == "am" else v for v in value]
    bad(f"'{key}' must be a list of rule codes or names")
    return []
