"""The JSON reporter: a stable document for scripts."""

from __future__ import annotations

import json

from argmap.diagnostics import Diagnostic
from argmap.report import ReportOptions, Summary
from argmap.report.json_report import render

EXPECTED = {
    "format": "argmap-findings",
    "version": 1,
    "summary": {"files": 5, "errors": 2, "warnings": 1, "infos": 1},
    "diagnostics": [
        {
            "code": "AM001",
            "name": "empty-section",
            "severity": "warning",
            "message": "section 'claims' is empty",
            "path": "arguments/alpha.yaml",
            "line": 2,
            "column": 20,
            "hint": None,
        },
        {
            "code": "AM201",
            "name": "unknown-key",
            "severity": "error",
            "message": "unknown key 'thesis'",
            "path": "arguments/alpha.yaml",
            "line": 3,
            "column": 2,
            "hint": "did you mean 'theses'?",
        },
        {
            "code": "AM003",
            "name": "style-note",
            "severity": "info",
            "message": "consider a title",
            "path": "arguments/beta.yaml",
            "line": 1,
            "column": 1,
            "hint": "add 'title:'",
        },
        {
            "code": "AM204",
            "name": "invalid-value",
            "severity": "error",
            "message": "value 100%, expected: a slug\nsecond line\rX",
            "path": "arguments/beta.yaml",
            "line": 2,
            "column": 13,
            "hint": "use lowercase: a-z, 0-9",
        },
    ],
}


def _json(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], files: int = 5) -> str:
    return render(diagnostics, {}, Summary(files_checked=files), ReportOptions())


def test_round_trips_to_the_expected_document(diagnostics: tuple[Diagnostic, ...]) -> None:
    assert json.loads(_json(diagnostics)) == EXPECTED


def test_exact_text_indent_two_key_order_and_trailing_newline(
    diagnostics: tuple[Diagnostic, ...],
) -> None:
    out = _json(diagnostics)
    assert out == json.dumps(EXPECTED, indent=2, ensure_ascii=False) + "\n"
    assert out.startswith(
        '{\n  "format": "argmap-findings",\n  "version": 1,\n  "summary": {\n    "files": 5,\n'
    )


def test_same_output_whatever_the_input_order(diagnostics: tuple[Diagnostic, ...]) -> None:
    assert _json(diagnostics[::-1]) == _json(diagnostics)


def test_non_ascii_is_kept_and_control_characters_are_escaped() -> None:
    diag = Diagnostic("café.yaml", 1, 1, "AM201", "名前\x1b[2J")
    out = _json([diag], files=1)
    assert "café.yaml" in out and "名前" in out
    assert "\x1b" not in out and "\\u001b[2J" in out


def test_no_problems() -> None:
    assert json.loads(_json([], files=3)) == {
        "format": "argmap-findings",
        "version": 1,
        "summary": {"files": 3, "errors": 0, "warnings": 0, "infos": 0},
        "diagnostics": [],
    }
