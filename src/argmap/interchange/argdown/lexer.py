"""Argdown, step 1: the text as logical lines, comments removed, positions kept.

Argdown's comments (``<!-- -->``, ``/* */``, ``// ...``) may stand anywhere a token may start,
so they are removed by a scanner that knows the tokens they cannot start inside: escapes,
links, ``[...]`` and ``<...>`` references, ``{...}`` data and ``#(...)`` tags. A line holding
nothing but a comment disappears (it does not end a block, as an empty line does); a comment
running over several lines joins what stands before and after it, as in the reference
implementation. ``{...}`` data that runs over several lines is joined onto one logical line.

Every character of a logical line maps back to its offset in the input, so every diagnostic
is ``file:line:col``. The scanner is a loop over the text: no recursion, linear time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.lines import line_feeds

_SPECIAL = re.compile(r"[\\<\[/{#\n]")
# Relation symbols and inference lines at a line start: scanned as such, never as ``<...>``.
_LINE_START = re.compile(r"[ \t]*(?:--|\+>|->|<\+|<-|<_|_>|><|\+|-)")
_LINK = re.compile(r"\[[^\]\n]+?\]\([^)\n]+?\)")
_BRACKET = re.compile(r"\[[^-\n][^\n]*?\]")  # as Argdown: a reference never starts with "-"
_ANGLE = re.compile(r"<[^-\n][^\n]*?>")
_TAG_PAREN = re.compile(r"#\([^)\n]+\)")
_FENCE = re.compile(r"[ \t]*={3,}[ \t]*")
MAX_DATA_CHARS = 65_536


@dataclass(frozen=True, slots=True)
class SourceText:
    """The whole input (newlines normalised to ``\\n``) and where its lines start."""

    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, raw: str) -> SourceText:
        text = line_feeds(raw)
        starts = [0, *(m.end() for m in re.finditer("\n", text))]
        return cls(text, tuple(starts))

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(index + 1, offset - self.line_starts[index] + 1)


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line: its text and, for each run of characters, where the run came from."""

    text: str
    runs: tuple[tuple[int, int], ...]  # (index in text, offset in the source) per run

    def offset(self, index: int) -> int:
        """The source offset of the character at ``index`` (the end of the line past it)."""
        if not self.runs:
            return 0
        starts = [r[0] for r in self.runs]
        at = max(bisect.bisect_right(starts, index) - 1, 0)
        start, source = self.runs[at]
        return source + (index - start)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Lexed:
    source: SourceText
    front_matter: tuple[str, int] | None  # its YAML text and the line it starts on
    lines: list[Line] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class NextChar:
    """Where a character next occurs in a text: its positions found once, then bisected.

    A pattern such as ``\\[[^\\n]+?\\]`` tried at every ``[`` of a line of ``[`` alone scans the
    rest of the line each time: quadratic, minutes for a 100 KB line. Asking here for the
    closer first, and matching only up to it, keeps the scans linear: a match that is tried
    consumes what it scans, and one that cannot close is never tried.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._positions: dict[str, list[int]] = {}

    def find(self, ch: str, start: int, end: int) -> int | None:
        """The position of the first ``ch`` in ``text[start:end]``, or None."""
        positions = self._positions.get(ch)
        if positions is None:
            positions = [m.start() for m in re.finditer(re.escape(ch), self.text)]
            self._positions[ch] = positions
        k = bisect.bisect_left(positions, start)
        return positions[k] if k < len(positions) and positions[k] < end else None


def data_end(text: str, start: int, limit: int) -> int | None:
    """The end (exclusive) of the ``{...}`` data starting at ``start``, or None if unclosed.

    Braces are counted outside YAML's quoted scalars; a quote opens a scalar only where one
    may start (after ``{``, ``[``, ``,`` or ``:``), so ``{note: don't}`` is read as YAML does.
    """
    depth = 0
    quote = ""
    previous = ""
    k = start
    end = min(len(text), limit)
    while k < end:
        ch = text[k]
        if quote:
            if quote == '"' and ch == "\\":
                k += 2
                continue
            if ch == quote:
                if quote == "'" and k + 1 < end and text[k + 1] == "'":
                    k += 2
                    continue
                quote = ""
            k += 1
            continue
        if ch in "\"'" and previous in ("", "{", "[", ",", ":"):
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return k + 1
        if not ch.isspace():
            previous = ch
        k += 1
    return None


class _LineBuilder:
    """Collects the characters of the current logical line with their source offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0
        self.next_source = -1
        self.had_comment = False

    def add(self, chunk: str, source: int) -> None:
        if not chunk:
            return
        if source != self.next_source:
            self.runs.append((self.length, source))
        self.parts.append(chunk)
        self.length += len(chunk)
        self.next_source = source + len(chunk)

    def finish(self, at: int) -> Line | None:
        """The line, or None when it held only a comment (such a line is not an empty line)."""
        text = "".join(self.parts)
        runs = tuple(self.runs) if self.runs else ((0, at),)
        dropped = self.had_comment and not text.strip()
        self.parts, self.runs, self.length = [], [], 0
        self.next_source, self.had_comment = -1, False
        return None if dropped else Line(text, runs)


def lex(raw: str, path: str) -> Lexed:
    """Front matter, then the logical lines of the rest."""
    source = SourceText.of(raw)
    text = source.text
    lexed = Lexed(source, None)
    start = _front_matter(source, path, lexed)
    builder = _LineBuilder()
    i, n = start, len(text)
    at_line_start = True
    budget = 20 * max(n, 1) + MAX_DATA_CHARS  # bounds the work spent looking for data ends
    blocks = _BlockEnds(text)
    nxt = NextChar(text)
    while i < n:
        if at_line_start:
            at_line_start = False
            m = _LINE_START.match(text, i)
            if m and m.end() > i:
                builder.add(text[i : m.end()], i)
                i = m.end()
                continue
        m = _SPECIAL.search(text, i)
        j = m.start() if m else n
        if j > i:
            builder.add(text[i:j], i)
            i = j
            continue
        ch = text[i]
        if ch == "\n":
            line = builder.finish(i)
            if line is not None:
                lexed.lines.append(line)
            i += 1
            at_line_start = True
            continue
        if ch == "\\":
            width = 2 if i + 1 < n and text[i + 1] != "\n" else 1
            builder.add(text[i : i + width], i)
            i += width
            continue
        comment_end = _comment_end(text, i, path, source, lexed)
        if comment_end is not None:
            builder.had_comment = True
            i = comment_end
            continue
        if ch in "[<":
            end = _reference_end(text, i, nxt)
            builder.add(text[i:end], i)
            i = end
            continue
        if ch == "{":
            limit = blocks.after(i)
            scan_end = min(limit, i + MAX_DATA_CHARS)
            budget -= scan_end - i
            closed = data_end(text, i, scan_end) if budget > 0 else None
            if closed is not None:
                builder.add(text[i:closed].replace("\n", " "), i)
                i = closed
                continue
            builder.add("{", i)
            i += 1
            continue
        if ch == "#":
            close = (
                nxt.find(")", i + 2, _line_end(text, i, nxt))
                if text[i + 1 : i + 2] == "("
                else None
            )
            m = _TAG_PAREN.match(text, i, close + 1) if close is not None else None
            end = m.end() if m else i + 1
            builder.add(text[i:end], i)
            i = end
            continue
        builder.add(ch, i)
        i += 1
    line = builder.finish(n)
    if line is not None and (line.text or builder.runs):
        lexed.lines.append(line)
    return lexed


def _line_end(text: str, i: int, nxt: NextChar) -> int:
    end = nxt.find("\n", i, len(text))
    return len(text) if end is None else end


def _reference_end(text: str, i: int, nxt: NextChar) -> int:
    """The end of the link, ``[...]`` or ``<...>`` at ``i`` (``i + 1`` when none closes)."""
    eol = _line_end(text, i, nxt)
    if text[i] == "<":
        close = nxt.find(">", i + 2, eol)
        m = _ANGLE.match(text, i, close + 1) if close is not None else None
        return m.end() if m else i + 1
    m = None
    close = nxt.find("]", i + 1, eol)
    if close is not None:
        paren = nxt.find(")", close + 1, eol)
        m = _LINK.match(text, i, paren + 1) if paren is not None else None
        if m is None:
            close = nxt.find("]", i + 2, eol)
            m = _BRACKET.match(text, i, close + 1) if close is not None else None
    return m.end() if m else i + 1


def _comment_end(text: str, i: int, path: str, source: SourceText, lexed: Lexed) -> int | None:
    """Where the comment starting at ``i`` ends, or None if none starts there."""
    for opener, closer in (("<!--", "-->"), ("/*", "*/")):
        if text.startswith(opener, i):
            end = text.find(closer, i + len(opener))
            if end < 0:
                lexed.diagnostics.append(
                    codes.IMPORT_SYNTAX.at(
                        path,
                        source.position(i),
                        f"this comment is never closed with '{closer}'",
                        hint="everything after it would be ignored",
                    )
                )
                return len(text)
            return end + len(closer)
    if text.startswith("//", i):
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    return None


_EMPTY_LINE = re.compile(r"\n[ \t]*\n")


class _BlockEnds:
    """Where each block ends (data never runs past an empty line), found once."""

    def __init__(self, text: str) -> None:
        self.ends = [m.start() for m in _EMPTY_LINE.finditer(text)]
        self.size = len(text)

    def after(self, i: int) -> int:
        at = bisect.bisect_left(self.ends, i)
        return self.ends[at] if at < len(self.ends) else self.size


def _front_matter(source: SourceText, path: str, lexed: Lexed) -> int:
    """Find ``===`` ... ``===`` at the start; return where the body starts."""
    text = source.text
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            break
        pos = end + 1
    if pos >= len(text):
        return pos
    first_end = text.find("\n", pos)
    first_end = len(text) if first_end < 0 else first_end
    if not _FENCE.fullmatch(text, pos, first_end):
        return 0
    scan = first_end + 1
    while scan <= len(text):
        end = text.find("\n", scan)
        end = len(text) if end < 0 else end
        if _FENCE.fullmatch(text, scan, end):
            yaml_text = text[first_end + 1 : scan]
            lexed.front_matter = (yaml_text, source.position(first_end + 1).line)
            return min(end + 1, len(text))
        if end >= len(text):
            break
        scan = end + 1
    lexed.diagnostics.append(
        codes.IMPORT_SYNTAX.at(
            path,
            source.position(pos),
            "the front matter opened with '===' is never closed",
            hint="close it with a line of '==='",
        )
    )
    return len(text)
