"""Argdown, step 2: the text of one element, over one or more lines.

An element's text is Markdown-like: ``**bold**``, ``_italic_``, ``[links](url)``, ``#tags``,
mentions ``@[Title]`` and ``@<Title>``, escapes ``\\x`` and ``{...}`` data. The result keeps the
text as the reference implementation shows it (markup removed, tags and mentions kept) and
the same text without its tags, which is what argmap stores (the tags go to ``tags:``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from argmap.interchange.argdown.lexer import MAX_DATA_CHARS, Line, NextChar, data_end
from argmap.interchange.text import one_line

_INLINE = re.compile(r"[\\\[<@#{*_]")
_ESCAPE = re.compile(r"\\(.)([ \t]*)", re.DOTALL)
_LINK = re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)([ \t]?)")
_BRACKET = re.compile(r"\[([^-].*?)\]")  # as Argdown: a reference never starts with "-"
_ANGLE = re.compile(r"<([^-].*?)>")
_MENTION = re.compile(r"@(?:\[.+?\]|<.+?>)[ \t]?")
_TAG = re.compile(
    r"#(?:\(([^)]+)\)|([A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?"
)
_MARKER = re.compile(r"\*\*|__|\*|_")
_CLOSERS = frozenset(" \t)}_.,!?;:-*")

HEAD_LINK = re.compile(r"[ \t]*\[[^\]]+?\]\([^)]+?\)")
STATEMENT_DEFINITION = re.compile(r"[ \t]*\[(.+?)\]:")
STATEMENT_REFERENCE = re.compile(r"[ \t]*\[([^-].*?)\]")
ARGUMENT_DEFINITION = re.compile(r"[ \t]*<(.+?)>:")
ARGUMENT_REFERENCE = re.compile(r"[ \t]*<([^-].*?)>")


class Content:
    """The text of an element: segments of logical lines, joined by single spaces."""

    def __init__(self, segments: list[tuple[Line, int]]) -> None:
        self.segments = segments
        texts = [line.text[start:] for line, start in segments]
        self.starts: list[int] = []
        at = 0
        for t in texts:
            self.starts.append(at)
            at += len(t) + 1
        self.text = " ".join(texts)

    def offset(self, index: int) -> int:
        """Source offset of the character at ``index`` of the joined text."""
        if not self.segments:
            return 0
        at = max(bisect.bisect_right(self.starts, index) - 1, 0)
        line, start = self.segments[at]
        return line.offset(start + min(index - self.starts[at], len(line.text) - start))


@dataclass(frozen=True, slots=True)
class Data:
    raw: str
    offset: int  # source offset of its "{"


@dataclass(slots=True)
class InlineText:
    text: str = ""  # markup removed, tags kept: the reference's text
    clean: str = ""  # tags removed too: argmap's text
    tags: list[str] = field(default_factory=list)
    data: list[Data] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (source offset, message)
    after_data: int | None = None  # source offset of the first text after {...} data, if any
    unpaired: tuple[int, str] | None = None  # the first bold/italic marker never closed


@dataclass(slots=True)
class _Piece:
    kind: str  # "text", "tag" or "marker"
    text: str
    keep: bool = True
    at: int = -1  # a marker's index in the text


@dataclass(slots=True)
class _Scan:
    """The text being read, what was read so far, and how to read it in linear time."""

    content: Content
    out: InlineText
    pieces: list[_Piece] = field(default_factory=list)
    nxt: NextChar = field(init=False)
    budget: int = field(init=False)  # characters left to spend looking for data ends

    def __post_init__(self) -> None:
        self.nxt = NextChar(self.content.text)
        self.budget = 20 * len(self.content.text) + MAX_DATA_CHARS

    def closer(self, ch: str, start: int) -> int | None:
        """Where the first ``ch`` at or after ``start`` is (None: nothing closes)."""
        return self.nxt.find(ch, start, len(self.content.text))


def parse_inline(content: Content, start: int) -> InlineText:
    """Read the text of ``content`` from index ``start`` on."""
    s = content.text
    scan = _Scan(content, InlineText())
    pieces = scan.pieces
    i, n = start, len(s)
    out = scan.out
    while i < n:
        m = _INLINE.search(s, i)
        j = m.start() if m else n
        if out.data and out.after_data is None:  # the reference ends a text with its data
            spaces = len(s[i:j]) - len(s[i:j].lstrip())
            if j == i or i + spaces < j:
                out.after_data = content.offset(i + spaces)
        if j > i:
            pieces.append(_Piece("text", s[i:j]))
            i = j
            continue
        i = _token(scan, i)
    unpaired = _pair_markers(pieces)
    if unpaired:
        out.unpaired = (content.offset(unpaired[0].at), unpaired[0].text)
    out.text = one_line("".join(p.text for p in pieces if p.keep))
    out.clean = one_line("".join(p.text for p in pieces if p.keep and p.kind != "tag"))
    return out


def _token(scan: _Scan, i: int) -> int:
    """Read the token at ``i``; return where the next one starts.

    Patterns that run to a closing character are tried only up to the first one (after it
    they could not match), so that no character is scanned again and again.
    """
    content, pieces, out = scan.content, scan.pieces, scan.out
    s = content.text
    ch = s[i]
    if ch == "\\":
        m = _ESCAPE.match(s, i)
        if m:
            pieces.append(_Piece("text", m.group(1) + m.group(2)))
            return m.end()
    elif ch == "[":
        close = scan.closer("]", i + 1)
        paren = scan.closer(")", close + 1) if close is not None else None
        m = _LINK.match(s, i, paren + 2) if paren is not None else None
        if m:
            out.links.append((m.group(1), m.group(2)))
            pieces.append(_Piece("text", m.group(1) + m.group(3)))
            return m.end()
        close = scan.closer("]", i + 2)
        m = _BRACKET.match(s, i, close + 1) if close is not None else None
        if m:
            out.problems.append(
                (
                    content.offset(i),
                    f"'{m.group()}' inside a text reads as a statement reference; "
                    "write '\\[' and '\\]' for brackets",
                )
            )
            pieces.append(_Piece("text", m.group()))
            return m.end()
    elif ch == "<":
        close = scan.closer(">", i + 2)
        m = _ANGLE.match(s, i, close + 1) if close is not None else None
        if m:
            out.problems.append(
                (
                    content.offset(i),
                    f"'{m.group()}' inside a text reads as an argument reference; "
                    "write '\\<' and '\\>' for angle brackets",
                )
            )
            pieces.append(_Piece("text", m.group()))
            return m.end()
    elif ch == "@":
        after = s[i + 1 : i + 2]
        close = scan.closer({"[": "]", "<": ">"}[after], i + 3) if after in ("[", "<") else None
        m = _MENTION.match(s, i, close + 2) if close is not None else None
        if m:
            pieces.append(_Piece("text", m.group()))
            return m.end()
    elif ch == "#":
        close = scan.closer(")", i + 2) if s[i + 1 : i + 2] == "(" else len(s)
        m = _TAG.match(s, i, close + 2) if close is not None else None
        if m:
            out.tags.append((m.group(1) or m.group(2)).strip())
            pieces.append(_Piece("tag", m.group()))
            return m.end()
    elif ch == "{":
        limit = min(len(s), i + MAX_DATA_CHARS)
        scan.budget -= limit - i
        end = data_end(s, i, limit) if scan.budget > 0 else None
        if end is not None:
            out.data.append(Data(s[i:end], content.offset(i)))
            return end
    elif ch in "*_":
        m = _MARKER.match(s, i)
        assert m is not None
        pieces.append(_Piece("marker", m.group(), at=i))
        return m.end()
    pieces.append(_Piece("text", ch))
    return i + 1


def _pair_markers(pieces: list[_Piece]) -> list[_Piece]:
    """Bold and italic markers that open and close a range disappear; others stay as text.

    Returns the openers never closed, which the reference implementation refuses (a marker
    that cannot open, such as ``*`` between spaces or ``_`` at the end, it reads as text)."""
    stack: list[int] = []
    for index, piece in enumerate(pieces):
        if piece.kind != "marker":
            continue
        before = _neighbour(pieces, index, -1)
        after = _neighbour(pieces, index, 1)
        can_close = bool(before) and not before.isspace() and (not after or after in _CLOSERS)
        can_open = bool(after) and not after.isspace()
        if stack and pieces[stack[-1]].text == piece.text and can_close:
            pieces[stack.pop()].keep = False
            piece.keep = False
        elif can_open:
            stack.append(index)
    for piece in pieces:
        if piece.kind == "marker":
            piece.kind = "text"
    return [pieces[k] for k in stack]


def _neighbour(pieces: list[_Piece], index: int, step: int) -> str:
    """The character just before (step -1) or after (step 1) piece ``index``."""
    k = index + step
    while 0 <= k < len(pieces):
        text = pieces[k].text
        if text:
            return text[-1] if step < 0 else text[0]
        k += step
    return ""
