"""The GitHub reporter: workflow commands that become annotations on a pull request.

Escaping follows the Actions toolkit (``packages/core/src/command.ts``): ``escapeData`` turns
``%``, CR and LF into ``%25``, ``%0D`` and ``%0A``; ``escapeProperty`` does the same and also
turns ``:`` into ``%3A`` and ``,`` into ``%2C``.
"""

from __future__ import annotations

import pytest

from argmap.diagnostics import Diagnostic, Severity
from argmap.report import ReportOptions, Summary
from argmap.report.github import escape_data, escape_property, render

EXPECTED = """\
::warning file=arguments/alpha.yaml,line=2,col=20,title=AM001 empty-section::\
section 'claims' is empty
::error file=arguments/alpha.yaml,line=3,col=2,title=AM201 unknown-key::\
unknown key 'thesis'%0Ahint: did you mean 'theses'?
::notice file=arguments/beta.yaml,line=1,col=1,title=AM003 style-note::\
consider a title%0Ahint: add 'title:'
::error file=arguments/beta.yaml,line=2,col=13,title=AM204 invalid-value::\
value 100%25, expected: a slug%0Asecond line%0DX%0Ahint: use lowercase: a-z, 0-9
"""


def _github(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
    return render(diagnostics, {}, Summary(files_checked=5), ReportOptions())


def test_exact_output(diagnostics: tuple[Diagnostic, ...]) -> None:
    assert _github(diagnostics) == EXPECTED


def test_one_line_per_diagnostic_whatever_the_message(
    diagnostics: tuple[Diagnostic, ...],
) -> None:
    lines = _github(diagnostics).split("\n")
    assert lines[-1] == ""
    assert len(lines[:-1]) == len(diagnostics)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain text", "plain text"),
        ("100%", "100%25"),
        ("%0A is not a newline", "%250A is not a newline"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac"),
        ("key: a, b", "key: a, b"),
        ("::error::forged", "::error::forged"),
        # A lone surrogate (a file name that is not UTF-8) cannot be written to the log: it is
        # shown as its escape, as the text format shows it.
        ("bad\udcff.yaml", "bad\\udcff.yaml"),
    ],
)
def test_escape_data(raw: str, escaped: str) -> None:
    assert escape_data(raw) == escaped


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("arguments/a.yaml", "arguments/a.yaml"),
        ("a,b.yaml", "a%2Cb.yaml"),
        ("c:/x.yaml", "c%3A/x.yaml"),
        ("50%.yaml", "50%25.yaml"),
        ("a\nb\rc", "a%0Ab%0Dc"),
        ("%2C", "%252C"),
        ("caf\udce9,x.yaml", "caf\\udce9%2Cx.yaml"),
    ],
)
def test_escape_property(raw: str, escaped: str) -> None:
    assert escape_property(raw) == escaped


def test_hostile_path_cannot_add_properties_or_end_the_command() -> None:
    diag = Diagnostic("x.yaml,line=99::forged\n::error::x", 1, 1, "AM201", "m", name="unknown-key")
    assert _github([diag]) == (
        "::error file=x.yaml%2Cline=99%3A%3Aforged%0A%3A%3Aerror%3A%3Ax,line=1,col=1,"
        "title=AM201 unknown-key::m\n"
    )


def test_severities_map_to_commands() -> None:
    diags = [
        Diagnostic("a.yaml", 1, 1, "AM201", "e", severity=Severity.ERROR),
        Diagnostic("a.yaml", 2, 1, "AM201", "w", severity=Severity.WARNING),
        Diagnostic("a.yaml", 3, 1, "AM201", "i", severity=Severity.INFO),
    ]
    commands = [line.split(" ", 1)[0] for line in _github(diags).splitlines()]
    assert commands == ["::error", "::warning", "::notice"]


def test_title_is_the_code_alone_without_a_name() -> None:
    assert _github([Diagnostic("a.yaml", 1, 1, "AM201", "m")]) == (
        "::error file=a.yaml,line=1,col=1,title=AM201::m\n"
    )


def test_no_problems_no_output() -> None:
    assert _github([]) == ""


def test_a_finding_about_a_whole_file_names_the_file_alone() -> None:
    """A finding made without a position (``Code.at(path, None, ...)``: positioned false) was
    an annotation of line 1, column 1; GitHub's workflow commands take every property as
    optional, and ``file`` alone annotates the file, as SARIF gives it no region."""
    from argmap import codes

    unread = codes.FILE_UNREADABLE.at("maps/a.yaml", None, "cannot read: Permission denied")
    assert _github([unread]) == (
        "::error file=maps/a.yaml,title=AM101 file-unreadable::cannot read: Permission denied\n"
    )
