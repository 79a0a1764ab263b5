"""What a reader sees of a Markdown source, without moving a character.

A Markdown file is quoted as it reads: ``The **plan** works, said [the minister](https://…)``
says "The plan works, said the minister". Its markup (emphasis and code delimiters, a link's
brackets and target, an image's, an autolink's angle brackets, heading and block-quote markers,
backslash escapes, link reference definitions) is replaced by zero-width spaces, which
normalisation drops (:mod:`.normalize`). The text keeps its length, so a match still maps to the
right line and column of the file; and a link's target, which a reader does not see, cannot be
quoted.

Only what stands between words is handled, by regular expressions (no loop over characters);
list bullets, tables and raw HTML are left as they are. A code span shows its content as typed
(``2*3*4``, ``__init__``, ``\\*``): the content stands aside, as :data:`FILL`, while the other
markup is looked for, and comes back where nothing hid it (a link's target may hold code).
"""

from __future__ import annotations

import re

HIDDEN = "\u200b"  # a format character: normalisation drops it
FILL = "\ue000"  # a private-use character: no markup, no word, no space


def _inline(excluded: str) -> str:
    """Text inside a paragraph (line breaks too, but not a blank line) without ``excluded``:
    content that cannot hold its own delimiter is scanned once, so a page of unmatched ``*``
    costs linear time, not quadratic. Possessive: such content always runs to the next
    delimiter, so nothing is to be given back, and the engine keeps no state for each
    character (it kept some 170 bytes: a 6 MB code span ran out of 1 GB)."""
    return rf"(?:[^{excluded}\n]++|\n(?![ \t]*\n))++"


_LINK_TEXT = _inline(r"\[\]")
_CODE_TEXT = _inline("`")
_STAR_TEXT = _inline(r"*")
_UNDERSCORE_TEXT = _inline("_")

_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*", re.MULTILINE)
_LINK = re.compile(
    rf"(!?\[)((?:{_LINK_TEXT})?)(\]\((?:[^()\n]++|\([^()\n]*+\))*+\)|\][ ]?\[[^\]\n]*\])"
)
_AUTOLINK = re.compile(r"(<)((?:https?|ftp|mailto):[^\s<>]*)(>)", re.IGNORECASE)
_CODE = re.compile(rf"(?<!`)(`{{1,3}})(?!`)({_CODE_TEXT})(\1)(?!`)")
# Emphasis inside emphasis (``**bold *and* more**``) is found by a second pass.
_STRONG_OR_EMPHASIS = (
    re.compile(rf"(?<![*\\])(\*{{1,3}})(?![\s*])({_STAR_TEXT})(?<![\s\\])(\1)(?!\*)"),
    re.compile(rf"(?<![\w\\])(_{{1,3}})(?![\s_])({_UNDERSCORE_TEXT})(?<![\s\\])(\1)(?!\w)"),
) * 2
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_BLOCK_QUOTE = re.compile(r"^( {0,3})(>(?:[ ]?>)*+)", re.MULTILINE)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def hide_markup(text: str) -> str:
    """``text`` with its Markdown markup replaced by :data:`HIDDEN`, character for character."""
    text = _REFERENCE.sub(_hide_all, text)
    original = text
    text = _CODE.sub(_set_code_aside, text)
    text = _LINK.sub(_hide_ends, text)
    text = _AUTOLINK.sub(_hide_ends, text)
    for pattern in _STRONG_OR_EMPHASIS:
        text = pattern.sub(_hide_ends, text)
    text = _HEADING.sub(_hide_last, text)
    text = _BLOCK_QUOTE.sub(_hide_last, text)
    text = _ESCAPE.sub(HIDDEN, text)
    # Every character kept its place: what is still FILL is the original's, code (or a FILL of
    # the source itself, which comes back as it was).
    return _FILLED.sub(lambda match: original[match.start() : match.end()], text)


def _set_code_aside(match: re.Match[str]) -> str:
    """A code span's delimiters hidden and its content (but line breaks) filled with
    :data:`FILL`, so that no other markup is looked for in it."""
    opening, kept, closing = match.group(1, 2, 3)
    return HIDDEN * len(opening) + _LINE_CONTENT.sub(_fill, kept) + HIDDEN * len(closing)


_LINE_CONTENT = re.compile(r"[^\n]+")
_FILLED = re.compile(f"{FILL}+")


def _fill(match: re.Match[str]) -> str:
    return FILL * len(match.group())


def _hide_all(match: re.Match[str]) -> str:
    return HIDDEN * len(match.group())


def _hide_ends(match: re.Match[str]) -> str:
    """The first and third groups hidden, the second (what a reader sees) kept."""
    opening, kept, closing = match.group(1, 2, 3)
    return HIDDEN * len(opening) + kept + HIDDEN * len(closing)


def _hide_last(match: re.Match[str]) -> str:
    """The indentation kept, the marker after it hidden."""
    indent, marker = match.group(1, 2)
    return indent + HIDDEN * len(marker)
