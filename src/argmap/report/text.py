"""The human format: ``path:line:col: severity[CODE] message (name)``, the line, a caret.

Like rustc and yamllint's standard format::

    arguments/a.yaml:3:2: error[AM201] unknown key 'thesis' (unknown-key)
      3 |     thesis: x
        |     ^
      hint: did you mean 'theses'?

    1 error in 1 of 5 files

Argument files are untrusted, and so are paths, messages (they quote the file) and source
lines. Nothing from them reaches the terminal raw: control characters (C0, DEL, C1, so ESC
and the one-byte CSI too), line and paragraph separators and bidirectional controls are shown
as escapes (``\\x1b``, ``\\n``, ``\\r``, ``\\t``, ``\\u202e``), so a hostile file can neither
move the cursor, recolour the screen, nor forge a line of output. Backslashes are not doubled:
the aim is output that cannot act, not output that can be parsed back.

The caret: columns count characters (code points), as the loader does. On screen, a tab in the
source line expands to the next stop of ``TAB_SIZE`` cells; East Asian wide characters take two
cells, nonspacing marks and format characters none (but the soft hyphen and the prepended
concatenation marks, which are seen, one), nor do the vowels and finals of Korean in
conjoining jamo; escapes take their own length. That is glibc's ``wcwidth``, which terminals
use, for every character of Python's Unicode tables but those whose width a later Unicode
changed; it places the caret right for CJK text, emoji, accents in decomposed form, decomposed
Korean and tabs. A terminal that draws emoji sequences (ZWJ, a variation selector) or
ambiguous-width characters as one wide cell can still be off by one or more. Right-to-left text
stays in the order of the file, as terminals without a bidi engine show it. A column past the
end of the line points just after its last character.
Lines wider than ``EXCERPT_CELLS`` cells are cut around the column, marked with ``…``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from argmap.diagnostics import Diagnostic, Severity
from argmap.lines import split_lines
from argmap.report.common import ReportOptions, Summary, count, ordered
from argmap.visible import escaped_char as _escape
from argmap.visible import visible

TAB_SIZE = 4
EXCERPT_CELLS = 120  # the widest a source line is shown, in cells
EXCERPT_CHARS = 4 * EXCERPT_CELLS  # and in characters (accents written as marks take none)

BOLD = "\x1b[1m"
RESET = "\x1b[0m"
SEVERITY_COLORS = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}


# Format characters that are seen: the soft hyphen (shown as a hyphen) and the prepended
# concatenation marks (an Arabic number sign ahead of its digits).
_SEEN_FORMAT = frozenset(
    "\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)


def _cells(ch: str) -> int:
    """Terminal cells a printable character takes (see the module docstring)."""
    if ch in _SEEN_FORMAT:
        return 1
    # A vowel or final consonant in conjoining jamo joins the syllable its leading consonant
    # opens, two cells wide: it adds none.
    if "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff":
        return 0
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _shown_cells(ch: str) -> int:
    """Cells ``ch`` takes as shown: a tab at most ``TAB_SIZE``, an escape its length."""
    if ch == "\t":
        return TAB_SIZE
    escaped = _escape(ch)
    return _cells(ch) if escaped is None else len(escaped)


def _window(line: str, index: int) -> tuple[int, int]:
    """The characters ``[start, end)`` of ``line`` shown around ``index``: at most
    ``EXCERPT_CELLS`` cells, about half of them before it, and no more than ``EXCERPT_CHARS``
    characters (zero-width ones would otherwise have no end). A line of printable ASCII, a
    cell per character, is cut by arithmetic: measuring it character by character took 0.8 s
    of the 20,000 findings of a map of dangling references (:func:`_window_measured`)."""
    if line.isascii() and line.isprintable():
        start = max(0, min(index - EXCERPT_CELLS // 2, len(line) - EXCERPT_CELLS))
        return start, min(len(line), start + EXCERPT_CELLS)
    return _window_measured(line, index)


def _window_measured(line: str, index: int) -> tuple[int, int]:
    """:func:`_window`, each character measured in the cells it is shown in."""
    start = end = index
    used = 0

    def widen_left(budget: int) -> None:
        nonlocal start, used
        while start > 0 and end - start < EXCERPT_CHARS:
            width = _shown_cells(line[start - 1])
            if used + width > budget:
                break
            start, used = start - 1, used + width

    widen_left(EXCERPT_CELLS // 2)
    while end < len(line) and end - start < EXCERPT_CHARS:
        width = _shown_cells(line[end])
        if used + width > EXCERPT_CELLS:
            break
        end, used = end + 1, used + width
    widen_left(EXCERPT_CELLS)  # the end came first: the rest of the cells go before
    return start, end


def excerpt(line: str, col: int) -> tuple[str, int]:
    """The source line as shown, and the cell (0-based) under which the caret goes."""
    index = min(max(col, 1), len(line) + 1) - 1  # at most one past the last character
    start, end = _window(line, index)
    lead = 1 if start else 0
    pieces = ["…"] if start else []
    cells = lead
    caret = -1
    for i in range(start, end):
        if i == index:
            caret = cells
        ch = line[i]
        if ch == "\t":
            piece = " " * (TAB_SIZE - (cells - lead) % TAB_SIZE)
            width = len(piece)
        else:
            escaped = _escape(ch)
            piece = ch if escaped is None else escaped
            width = _cells(ch) if escaped is None else len(escaped)
        pieces.append(piece)
        cells += width
    if caret < 0:
        caret = cells
    if end < len(line):
        pieces.append("…")
    return "".join(pieces), caret


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(diagnostics: Sequence[Diagnostic], summary: Summary) -> str:
    """``3 errors, 1 warning in 2 of 5 files`` or ``5 files checked, no problems``."""
    checked = _plural(summary.files_checked, "file")
    if not diagnostics:
        return f"{checked} checked, no problems"
    counts = count(diagnostics)
    found = ", ".join(
        _plural(n, word)
        for n, word in (
            (counts.errors, "error"),
            (counts.warnings, "warning"),
            (counts.infos, "info"),
        )
        if n
    )
    files = len({d.path for d in diagnostics})
    if files <= summary.files_checked:
        return f"{found} in {files} of {checked}"
    # Findings about paths that were never checked (a path given that does not exist).
    return f"{found} in {_plural(files, 'file')} ({checked} checked)"


def _block(d: Diagnostic, lines: Sequence[str] | None, color: bool) -> list[str]:
    location = f"{visible(d.path)}:{d.line}:{d.col}:"
    label = f"{d.severity.value}[{visible(d.code)}]"
    name = f" ({visible(d.name)})" if d.name else ""
    paint = SEVERITY_COLORS[d.severity] if color else ""
    reset = RESET if color else ""
    bold = BOLD if color else ""
    out = [f"{bold}{location}{reset} {paint}{label}{reset} {visible(d.message)}{name}"]
    # A finding about a whole file (not positioned) has no place in it to show: its 1:1 is
    # where an editor opens the file, not what the finding points at.
    if d.positioned and lines is not None and 1 <= d.line <= len(lines):
        shown, caret = excerpt(lines[d.line - 1], d.col)
        number = str(d.line)
        out.append(f"  {number} | {shown}".rstrip(" "))
        out.append(f"  {' ' * len(number)} | {' ' * caret}{paint}^{reset}")
    if d.hint:
        out.append(f"  {bold}hint:{reset} {visible(d.hint)}")
    return out


def render(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str],
    summary: Summary,
    options: ReportOptions,
) -> str:
    """Every diagnostic with its excerpt, a blank line between them, then the summary line."""
    split: dict[str, list[str] | None] = {}

    def lines_of(path: str) -> list[str] | None:
        if path not in split:
            text = sources.get(path)
            # Lines end where every position counts them (argmap.lines), their ends dropped.
            split[path] = None if text is None else split_lines(text)
        return split[path]

    blocks: Iterable[list[str]] = (
        _block(d, lines_of(d.path), options.color) for d in ordered(diagnostics)
    )
    body = "\n\n".join("\n".join(block) for block in blocks)
    last = summary_line(diagnostics, summary)
    return f"{body}\n\n{last}\n" if body else f"{last}\n"
