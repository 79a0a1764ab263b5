"""The text reporter: rustc-like excerpts, safe against hostile files, with a summary line."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic, Severity
from argmap.report import ReportOptions, Summary
from argmap.report import text as text_report
from argmap.report.text import EXCERPT_CELLS, render, summary_line, visible

BOLD, RED, YELLOW, CYAN, RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[0m"

EXPECTED_PLAIN = """\
arguments/alpha.yaml:2:20: warning[AM001] section 'claims' is empty (empty-section)
  2 | claims:
    |        ^

arguments/alpha.yaml:3:2: error[AM201] unknown key 'thesis' (unknown-key)
  3 |     thesis: x
    |     ^
  hint: did you mean 'theses'?

arguments/beta.yaml:1:1: info[AM003] consider a title (style-note)
  1 | argmap: 1
    | ^
  hint: add 'title:'

arguments/beta.yaml:2:13: error[AM204] value 100%, expected: a slug\\nsecond line\\rX \
(invalid-value)
  2 | title: "\\x1b[2Jboom"
    |                ^
  hint: use lowercase: a-z, 0-9

2 errors, 1 warning, 1 info in 2 of 5 files
"""

EXPECTED_COLOR = f"""\
{BOLD}arguments/alpha.yaml:2:20:{RESET} {YELLOW}warning[AM001]{RESET} section 'claims' is empty \
(empty-section)
  2 | claims:
    |        {YELLOW}^{RESET}

{BOLD}arguments/alpha.yaml:3:2:{RESET} {RED}error[AM201]{RESET} unknown key 'thesis' (unknown-key)
  3 |     thesis: x
    |     {RED}^{RESET}
  {BOLD}hint:{RESET} did you mean 'theses'?

{BOLD}arguments/beta.yaml:1:1:{RESET} {CYAN}info[AM003]{RESET} consider a title (style-note)
  1 | argmap: 1
    | {CYAN}^{RESET}
  {BOLD}hint:{RESET} add 'title:'

{BOLD}arguments/beta.yaml:2:13:{RESET} {RED}error[AM204]{RESET} value 100%, expected: a slug\\n\
second line\\rX (invalid-value)
  2 | title: "\\x1b[2Jboom"
    |                {RED}^{RESET}
  {BOLD}hint:{RESET} use lowercase: a-z, 0-9

2 errors, 1 warning, 1 info in 2 of 5 files
"""


def _text(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str] | None = None,
    files: int = 1,
    color: bool = False,
) -> str:
    return render(diagnostics, sources or {}, Summary(files_checked=files), ReportOptions(color))


def test_plain_output_is_exact(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    assert _text(diagnostics, sources, files=5) == EXPECTED_PLAIN


def test_color_output_is_exact(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    assert _text(diagnostics, sources, files=5, color=True) == EXPECTED_COLOR


def test_no_escape_sequences_at_all_without_color(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    assert "\x1b" not in _text(diagnostics, sources, files=5)


def test_only_our_own_escape_sequences_with_color(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    out = _text(diagnostics, sources, files=5, color=True)
    for sgr in (BOLD, RED, YELLOW, CYAN, RESET):
        out = out.replace(sgr, "")
    assert "\x1b" not in out


def test_order_does_not_depend_on_input_order(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    assert _text(diagnostics[::-1], sources, files=5) == EXPECTED_PLAIN


@pytest.mark.parametrize(
    ("counts", "files", "expected"),
    [
        ((0, 0, 0), 0, "0 files checked, no problems"),
        ((0, 0, 0), 1, "1 file checked, no problems"),
        ((0, 0, 0), 5, "5 files checked, no problems"),
        ((1, 0, 0), 1, "1 error in 1 of 1 file"),
        ((0, 1, 0), 3, "1 warning in 1 of 3 files"),
        ((0, 0, 1), 3, "1 info in 1 of 3 files"),
        ((3, 1, 0), 5, "3 errors, 1 warning in 1 of 5 files"),
        ((2, 2, 2), 5, "2 errors, 2 warnings, 2 infos in 1 of 5 files"),
    ],
)
def test_summary_wording(counts: tuple[int, int, int], files: int, expected: str) -> None:
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    diags = [
        Diagnostic("a.yaml", i + 1, 1, "AM201", "m", severity=severity)
        for severity, count in zip(severities, counts, strict=True)
        for i in range(count)
    ]
    assert summary_line(diags, Summary(files_checked=files)) == expected
    assert _text(diags, files=files).endswith(expected + "\n")


def test_summary_counts_files_with_findings() -> None:
    diags = [
        Diagnostic("a.yaml", 1, 1, "AM201", "m"),
        Diagnostic("a.yaml", 2, 1, "AM201", "m"),
        Diagnostic("b.yaml", 1, 1, "AM201", "m"),
    ]
    assert summary_line(diags, Summary(files_checked=4)) == "3 errors in 2 of 4 files"


def test_summary_when_findings_are_in_files_not_checked() -> None:
    """A path given on the command line that does not exist: nothing was checked."""
    diags = [Diagnostic("missing.yaml", 1, 1, "AM901", "no such file or folder")]
    assert summary_line(diags, Summary(files_checked=0)) == "1 error in 1 file (0 files checked)"


def test_no_problems_is_just_the_summary() -> None:
    assert _text([], files=5) == "5 files checked, no problems\n"


def test_missing_source_means_no_excerpt() -> None:
    diag = Diagnostic("gone.yaml", 2, 3, "AM101", "cannot read", hint="check permissions")
    assert _text([diag]) == (
        "gone.yaml:2:3: error[AM101] cannot read\n"
        "  hint: check permissions\n"
        "\n"
        "1 error in 1 of 1 file\n"
    )


def test_line_beyond_the_end_of_the_file_means_no_excerpt() -> None:
    diag = Diagnostic("a.yaml", 9, 1, "AM105", "empty", name="empty-file")
    assert _text([diag], {"a.yaml": "x: 1\n"}) == (
        "a.yaml:9:1: error[AM105] empty (empty-file)\n\n1 error in 1 of 1 file\n"
    )


def test_a_finding_about_a_whole_file_has_no_excerpt() -> None:
    """Made without a position (an empty file, one that cannot be read), it is located at
    1:1 for editors, but its caret under the first character pointed at nothing; SARIF gives
    it no region and GitHub no line."""
    from argmap import codes

    empty = codes.EMPTY_FILE.at("a.yaml", None, "the file holds no document")
    unread = codes.FILE_UNREADABLE.at("b.yaml", None, "cannot read: Permission denied")
    assert _text([empty, unread], {"a.yaml": "", "b.yaml": ""}, files=2) == (
        "a.yaml:1:1: error[AM105] the file holds no document (empty-file)\n"
        "\n"
        "b.yaml:1:1: error[AM101] cannot read: Permission denied (file-unreadable)\n"
        "\n"
        "2 errors in 2 of 2 files\n"
    )


def test_the_line_after_a_final_newline_is_empty_and_shown() -> None:
    diag = Diagnostic("a.yaml", 2, 1, "AM106", "unexpected end")
    assert _text([diag], {"a.yaml": "x: [1\n"}).startswith(
        "a.yaml:2:1: error[AM106] unexpected end\n  2 |\n    | ^\n\n"
    )


def test_crlf_line_endings_are_not_shown() -> None:
    diag = Diagnostic("a.yaml", 1, 4, "AM201", "m")
    assert "  1 | x: 1\n    |    ^\n" in _text([diag], {"a.yaml": "x: 1\r\nz: 2\r\n"})


def _excerpt(line: str, col: int) -> tuple[str, str]:
    """The source line and the caret line the text reporter prints, without the gutter."""
    out = _text([Diagnostic("a.yaml", 1, col, "AM201", "m")], {"a.yaml": line + "\n"})
    source, caret = out.splitlines()[1:3]
    assert source.startswith("  1 |") and caret.startswith("    |")
    return source[6:], caret[6:]


def test_tabs_expand_to_stops_of_four_and_the_caret_follows() -> None:
    assert _excerpt("a\tb", 3) == ("a   b", "    ^")
    assert _excerpt("\t\tkey: v", 3) == ("        key: v", "        ^")
    assert _excerpt("abcd\tx", 6) == ("abcd    x", "        ^")


def test_caret_on_the_tab_itself_points_at_its_start() -> None:
    assert _excerpt("ab\tc", 3) == ("ab  c", "  ^")


def test_column_past_the_end_points_just_after_the_last_character() -> None:
    assert _excerpt("abc", 4) == ("abc", "   ^")
    assert _excerpt("abc", 400) == ("abc", "   ^")


def test_column_zero_or_negative_points_at_the_start() -> None:
    assert _excerpt("abc", 0) == ("abc", "^")


def test_wide_characters_take_two_cells() -> None:
    assert _excerpt("名前: x", 5) == ("名前: x", "      ^")


def test_combining_characters_take_no_cell() -> None:
    # "e" + COMBINING ACUTE ACCENT is one cell on screen but two code points.
    assert _excerpt("ce\u0301u: x", 4) == ("ce\u0301u: x", "  ^")


@pytest.mark.parametrize(
    ("before", "cells"),
    [
        # Korean in conjoining jamo (NFD, as macOS names files): a leading consonant, a vowel
        # and a final consonant make one syllable of two cells; the vowel and the final took
        # a cell each, putting the caret two cells right of the character.
        ("\u1100\u1161\u11a8", 2),
        ("\u1100\ud7b0\ud7cb", 2),  # the extended medial and final jamo
        # A soft hyphen is shown as a hyphen; it took no cell (it is a format character).
        ("a\u00adb", 3),
        # An Arabic number sign is shown ahead of its digits: a cell of its own.
        ("\u0600\u0661", 2),
        # A spacing mark (Tagalog pamudpod) takes its own cell, though it combines
        # (a nonzero combining class); it took none. A wide one (a Hangul tone mark) takes two.
        ("\u1703\u1715", 2),
        ("\u302e", 2),
        ("e\u0301", 1),  # a nonspacing mark still takes none
    ],
)
def test_the_caret_counts_cells_as_the_terminal_does(before: str, cells: int) -> None:
    """Cells as glibc's wcwidth gives them (which terminals use): checked over every
    assigned code point of Python's Unicode tables, these were the classes that differed."""
    assert _excerpt(before + " x", len(before) + 2) == (before + " x", " " * (cells + 1) + "^")


def test_escape_sequences_in_source_lines_are_shown_not_run() -> None:
    source, caret = _excerpt("a\x1b[2Jb", 6)
    assert source == "a\\x1b[2Jb"
    assert caret == "        ^"


def test_bidi_controls_are_shown_not_applied() -> None:
    source, caret = _excerpt("x\u202ey", 3)
    assert source == "x\\u202ey"
    assert caret == "       ^"


def test_long_lines_are_cut_around_the_column() -> None:
    line = "".join(chr(ord("a") + i % 26) for i in range(1000))
    source, caret = _excerpt(line, 500)
    assert source.startswith("…") and source.endswith("…")
    assert len(source) <= 200
    assert source[caret.index("^")] == line[499]


def _cells_shown(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def test_a_long_line_of_wide_characters_is_cut_to_as_many_cells() -> None:
    """The cut counted characters: 120 CJK characters are 240 cells, twice the width an
    ASCII line is cut to. It counts cells now, the caret in the middle of the window."""
    line = "".join(chr(0x4E00 + i) for i in range(1000))
    source, caret = _excerpt(line, 500)
    assert source.startswith("…") and source.endswith("…")
    assert _cells_shown(source) <= EXCERPT_CELLS + 2
    at = caret.index("^")
    shown_before = next(i for i in range(len(source)) if _cells_shown(source[:i]) == at)
    assert source[shown_before] == line[499]
    assert abs(at - EXCERPT_CELLS // 2) <= 2


def test_a_long_line_that_fits_in_cells_is_not_cut() -> None:
    line = "e\u0301" * 100  # 200 characters, 100 cells
    assert _excerpt(line, 151) == (line, " " * 75 + "^")


def test_long_lines_are_cut_at_the_start_when_the_column_is_near_it() -> None:
    line = "x" * 1000
    source, caret = _excerpt(line, 3)
    assert not source.startswith("…") and source.endswith("…")
    assert caret == "  ^"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain", "plain"),
        ("a\nb", "a\\nb"),
        ("a\rb", "a\\rb"),
        ("a\tb", "a\\tb"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("\x07bell\x00nul\x7fdel", "\\x07bell\\x00nul\\x7fdel"),
        ("\x9b31mcsi", "\\x9b31mcsi"),
        ("\u2028line\u2029para", "\\u2028line\\u2029para"),
        ("\u202eevil\u2066", "\\u202eevil\\u2066"),
        ("naïve 名前 café", "naïve 名前 café"),
        # A file name that is not UTF-8 (b"bad\xff.yaml", read with surrogateescape).
        ("bad\udcff.yaml", "bad\\udcff.yaml"),
        ("\ud800\U0001f600", "\\ud800\U0001f600"),
    ],
)
def test_visible(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_hostile_path_message_and_hint_cannot_move_the_cursor_or_add_lines() -> None:
    diag = Diagnostic(
        "evil\x1b[1A.yaml",
        1,
        1,
        "AM201",
        "ok\n\x1b[2Kfake.yaml:1:1: error[AM000] forged",
        hint="x\r\x1b]0;title\x07",
        name="n\x1b",
    )
    out = _text([diag], {"evil\x1b[1A.yaml": "k: v\x1b[H\n"})
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    lines = out.splitlines()
    assert len(lines) == 6  # header, source, caret, hint, blank, summary
    assert lines[0].startswith("evil\\x1b[1A.yaml:1:1: error[AM201] ok\\n\\x1b[2Kfake.yaml")
    assert lines[3] == "  hint: x\\r\\x1b]0;title\\x07"


def test_a_diagnostic_without_a_name_has_no_parentheses() -> None:
    out = _text([Diagnostic("a.yaml", 1, 1, "AM201", "m")])
    assert out.splitlines()[0] == "a.yaml:1:1: error[AM201] m"


@settings(max_examples=300, deadline=None)
@given(
    line=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=400),
    at=st.integers(min_value=0, max_value=401),
)
def test_a_printable_ascii_line_is_cut_as_measuring_it_would_cut_it(line: str, at: int) -> None:
    """The arithmetic for a line of printable ASCII gives the window that measuring each
    character's cells gives."""
    index = min(at, len(line))
    assert text_report._window(line, index) == text_report._window_measured(line, index)
