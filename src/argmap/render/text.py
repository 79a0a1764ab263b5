"""Text for the map: cleaning, wrapping, shortening, and escaping into DOT strings.

Claim text is the user's, and may hold anything: quotes, backslashes, braces, ``<b>``,
``]; x [``, entities. Everything that reaches DOT goes through :func:`label_text` or
:func:`tooltip_text`, so that Graphviz shows it literally in every engine:

* ``"`` is escaped when the statement is written (statements.py, or the ``graphviz`` package
  for graph attributes), and the result is wrapped in ``nohtml``, so a text that looks like
  ``<...>`` never becomes an HTML-like label;
* Graphviz reads backslashes in labels as escapes (``\\N`` is the node's name, ``\\l`` a
  line end): each ``\\`` is doubled in labels; tooltips are unescaped twice (once when read,
  once when written to the SVG), so there it is written four times;
* Graphviz decodes ``&amp;``-style entities in labels and tooltips: each ``&`` is written
  ``&amp;`` so an entity in the text stays literal;
* Graphviz refuses a quoted string of more than 16,384 bytes (a syntax error): a label shows
  at most :data:`LABEL_CHARS` characters, a tooltip at most :data:`TOOLTIP_CHARS` (each of its
  paragraphs :data:`PARAGRAPH_CHARS`), cut with an ellipsis. Escaped, a character takes at most
  five bytes (``&amp;``), so no string comes near the limit, whatever the text.

The embedded WebAssembly Graphviz has no HTML-like labels at all (it is built without
expat), so the map uses plain labels only; both engines then draw the same DOT.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence

import graphviz

from argmap.argument_map import Source
from argmap.bidi import first_strong
from argmap.unseen import ZWJ, ZWNJ, show_unseen

ELLIPSIS = "…"
LABEL_CHARS = 2_000
PARAGRAPH_CHARS = 1_000
TOOLTIP_CHARS = 3_000

# C0/C1 controls (but tab and newlines, NEL among them, handled as spaces), lone surrogates,
# non-characters: none is valid in the SVG's XML, none can be shown.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of printable text: whitespace runs (newlines too) become one space, and
    characters that change how text reads unseen are shown as escapes (:mod:`argmap.unseen`)."""
    if text.isprintable() and "  " not in text and text.strip(" ") == text:
        return text  # the common case, without a regular expression
    return _SPACES.sub(" ", show_unseen(_UNPRINTABLE.sub("", text))).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: _before_character(text, max(limit - 1, 1))]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS


def wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """Lines of at most ``width`` characters, filled greedily (a word longer than a line is
    broken); with ``max_lines``, the last line kept ends with an ellipsis when text was cut.

    Not ``textwrap``: this is the builder's hottest function, and one regular expression
    (the longest run that ends before a space, else a piece of a long word) is several
    times faster for the same lines.
    """
    cleaned, pattern = clean(text), _line_pattern(width)
    lines: list[str] = pattern.findall(cleaned) or [""]
    ascii_only = text.isascii()
    if not ascii_only and len(lines) > 1 and _may_cut(lines):
        lines = _whole_lines(cleaned, pattern)
    if max_lines is not None and len(lines) > max_lines:
        line = lines[max_lines - 1]
        last = line[: _before_character(line, width - 1)].rstrip(" ,;:.-–—")
        lines = [*lines[: max_lines - 1], last + ELLIPSIS]
    if len(lines) > 1 and not ascii_only:
        return _directed(lines)
    return lines


def _extends(char: str) -> bool:
    """Whether ``char`` belongs to the character before it as a reader sees it (one
    grapheme): a combining mark (an accent, a vowel sign, a variation selector), an emoji's
    skin tone, a tag of a flag's emoji, a vowel or final jamo of a Hangul syllable."""
    code = ord(char)
    return (
        unicodedata.category(char) in _MARK_CATEGORIES
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or 0x1160 <= code <= 0x11FF
        or 0xD7B0 <= code <= 0xD7FF
    )


_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})


_REGIONAL = range(0x1F1E6, 0x1F200)  # the regional indicators: a flag is two of them
_JOINERS = (ZWNJ, ZWJ)  # left in the text where they are part of its spelling (show_unseen)
_ESCAPE = re.compile(r"\\u[0-9a-f]{4}")  # an unseen character as shown (argmap.unseen)


def _cuts(text: str, at: int) -> bool:
    """Whether a break before ``text[at]`` would cut a character as read in two: before
    a mark (:func:`_extends`), before or after a joiner kept in the text (an emoji sequence,
    👩‍💻, is one character as read; a non-joiner belongs to the letter before it), or
    between the two regional indicators of a flag (they pair up from the start of their run:
    🇨🇦🇲🇽 is two flags, and no break falls after its first or third indicator)."""
    char = text[at]
    if _extends(char) or char in _JOINERS or (at > 0 and text[at - 1] == ZWJ):
        return True
    if ord(char) not in _REGIONAL:
        return False
    before = at
    while before > 0 and ord(text[before - 1]) in _REGIONAL:
        before -= 1
    return (at - before) % 2 == 1


def _escape_start(text: str, at: int) -> int | None:
    """The start of the escape (``\\u200d``) that a break before ``text[at]`` would cut in two,
    if any: it reads as one character, and as nothing in two pieces."""
    start = text.rfind("\\u", max(at - 5, 0), at)
    if start < 0 or _ESCAPE.match(text, start) is None or start + 6 <= at:
        return None
    return start


def _may_cut(lines: list[str]) -> bool:
    """Whether a break between ``lines`` may cut a character as read: a line starts with a
    mark, a regional indicator or a joiner, or one ends with a joiner or within five
    characters of a backslash."""
    return any(
        _extends(line[0])
        or ord(line[0]) in _REGIONAL
        or line[0] in _JOINERS
        or before[-1] == ZWJ
        or "\\" in before[-5:]
        for before, line in itertools.pairwise(lines)
    )


def _whole_lines(text: str, pattern: re.Pattern[str]) -> list[str]:
    """The lines of ``pattern`` (:func:`_line_pattern`) over ``text``, but that a long word
    is never broken inside a character as read: the marks and the second half of a flag
    that would start a line stay on the line before, to the letter they belong to (they add
    no width there); an emoji sequence (👩‍💻) or an escape that would be cut in two starts
    the next line (unless it starts this one: then it stays whole on it)."""
    lines: list[str] = []
    at, end_of_text = 0, len(text)
    while at < end_of_text:
        if text[at] == " ":
            at += 1
            continue
        if lines and _extends(text[at]):  # a word that starts with a mark, after a space
            lines[-1] += text[at]
            at += 1
            continue
        match = pattern.match(text, at)
        assert match is not None  # a word that fits, else a piece of one: always
        end = match.end()
        while end < end_of_text and _cuts(text, end):
            if ZWJ in (text[end], text[end - 1]):  # an emoji sequence: it starts the next line
                start = _before_character(text, end)
                if at < start < end:
                    end = start
                    break
            end += 1
        escape = _escape_start(text, end) if end < end_of_text else None
        if escape is not None:
            end = escape if escape > at else escape + 6
        lines.append(text[at:end])
        at = end
    return lines


def _before_character(text: str, end: int) -> int:
    """``end``, or the start of the character as read (a letter and its marks, a flag, an
    escape) that ``end`` would cut in two; ``end`` itself when that character is all of
    ``text[:end]``."""
    at = end
    while 0 < at < len(text) and _cuts(text, at):
        at -= 1
    escape = _escape_start(text, at) if 0 < at < len(text) else None
    if escape is not None:
        at = escape
    return at if at > 0 else end


# Graphviz writes a wrapped text line by line, and a line without a direction of its own
# takes that of its first letter (argmap.render.svg): a continuation line that starts with a
# letter of the other direction starts with an invisible mark of its paragraph's instead.
_MARKS = {"rtl": "\u200f", "ltr": "\u200e"}  # RIGHT-TO-LEFT MARK, LEFT-TO-RIGHT MARK


def _directed(lines: list[str]) -> list[str]:
    paragraph = first_strong(" ".join(lines))
    if paragraph is None:
        return lines
    mark = _MARKS[paragraph]
    return [mark + line if first_strong(line) not in (paragraph, None) else line for line in lines]


@functools.lru_cache(maxsize=32)
def _line_pattern(width: int) -> re.Pattern[str]:
    return re.compile(rf"\S.{{0,{width - 1}}}(?= |$)|\S{{{width}}}")


def _escape(text: str, backslash: str) -> str:
    if not (text.isprintable() and "  " not in text and text.strip(" ") == text):
        # not clean yet (clean's own test, here for the builder's most frequent call); a
        # direction mark that wrap put first (which is not printable) is kept as it is
        mark = text[:1] if text[:1] in _OWN_MARKS else ""
        text = mark + clean(text[len(mark) :])
    return text.replace("\\", backslash).replace("&", "&amp;")


_OWN_MARKS = frozenset(_MARKS.values())


def label_text(lines: Sequence[str], *, align: str = "center") -> str:
    """A plain DOT label showing ``lines`` literally: centred, or left-aligned (``left``)."""
    end = "\\l" if align == "left" else "\\n"
    body = end.join(_escape(line, "\\\\") for line in _within(lines, LABEL_CHARS))
    escaped: str = graphviz.nohtml(body + end if align == "left" else body)
    return escaped


def tooltip_text(paragraphs: Sequence[str]) -> str:
    """A DOT tooltip showing ``paragraphs`` literally, one per line."""
    shown = [shorten(p, PARAGRAPH_CHARS) for p in paragraphs if p]
    escaped: str = graphviz.nohtml(
        "\\n".join(_escape(p, "\\\\\\\\") for p in _within(shown, TOOLTIP_CHARS))
    )
    return escaped


def _within(lines: Sequence[str], limit: int) -> list[str]:
    """The first of ``lines`` that hold at most ``limit`` characters together; when some are
    left out, the last one kept is cut to make room for an ellipsis."""
    kept: list[str] = []
    room = limit
    for line in lines:
        if len(line) > room:
            kept.append(shorten(line, room) if room > len(ELLIPSIS) else ELLIPSIS)
            break
        kept.append(line)
        room -= len(line)
    return kept


def citation(source: Source | None, source_id: str, locator: str | None) -> str:
    """``Anderson & Sands 2007, para 12``: authors' last names and year, else the title."""
    if source is None:
        where = source_id
    else:
        names = [_last_name(a) for a in source.authors if clean(a)]
        if len(names) > 2:
            who = f"{names[0]} et al."
        elif names:
            who = " & ".join(names)
        else:
            who = shorten(source.title, 32)
        year = (source.date or "")[:4]
        where = f"{who} {year}" if year.isdigit() else who
    return f"{where}, {clean(locator)}" if locator and clean(locator) else where


def _last_name(author: str) -> str:
    """``Greg Anderson`` -> ``Anderson``; ``Doe, J.`` -> ``Doe``."""
    author = clean(author)
    if "," in author:
        return author.split(",", 1)[0].strip()
    return author.rsplit(" ", 1)[-1]
