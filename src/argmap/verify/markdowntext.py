"""What a reader sees of a Markdown source, without moving a character.

A Markdown file is quoted as it reads: ``The **plan** works, said [the minister](https://…)``
says "The plan works, said the minister". Its markup (emphasis and code delimiters, a link's
brackets and target, an image's, the angle brackets of an autolink to a web or an email
address, heading and block-quote markers, backslash escapes and line breaks, link reference
definitions, a footnote definition's label, inline HTML tags, comments) is replaced by
zero-width spaces, which normalisation drops (:mod:`.normalize`). The text keeps its length, so
a match still maps to the right line and column of the file; and a link's target, which a
reader does not see, cannot be quoted. An entity (``&amp;``, ``&mdash;``, ``&#233;``) reads as its
character, the rest of it hidden.

Struck-out words (``~~not~~``, ``<del>``, ``<s>``, ``<strike>``) are seen, struck: the author
took them back. They become one :data:`STRUCK`, which is neither a word nor a space, so no quote
can hold them, and a quote that runs across them must mark the omission (``The board ...
approved``).

Only what stands between words is handled, by regular expressions (no loop over characters);
list bullets and tables are left as they are. A code span shows its content as typed
(``2*3*4``, ``__init__``, ``\\*``): the content stands aside, as :data:`FILL`, while the other
markup is looked for, and comes back where nothing hid it (a link's target may hold code).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from argmap.lines import lone_crs_as_line_feeds

HIDDEN = "\u200b"  # a format character: normalisation drops it
FILL = "\ue000"  # a private-use character: no markup, no word, no space
STRUCK = "\ue001"  # another: what struck-out words become, which no quote can match


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

_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[^\n]*", re.MULTILINE)
# A footnote's definition is read at the foot of the page, without its label.
_FOOTNOTE_LABEL = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:", re.MULTILINE)
_LINK = re.compile(
    rf"(!?\[)((?:{_LINK_TEXT})?)(\]\((?:[^()\n]++|\([^()\n]*+\))*+\)|\][ ]?\[[^\]\n]*\])"
)
_AUTOLINK = re.compile(
    r"(<)((?:https?|ftp|mailto):[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]++@[A-Za-z0-9.-]++)(>)",
    re.IGNORECASE,
)
# Escapes, code spans and comments, found in one scan from the left, as a reader meets them:
# an escaped backtick (or ``<``) opens nothing, a backtick in a comment opens nothing, and a
# ``<!--`` in code is code. A run of escapes is one match. A comment stops short of the next
# ``<!--`` (which starts one of its own), so unclosed ones are each scanned once. An escape
# is taken with the text after it up to the next backtick or ``<`` (which an escape may
# precede): a page of escapes is a few matches, not one for each.
_ESCAPES_CODE_COMMENTS = re.compile(
    r"(?P<escaped>\\[\\`<](?:\\[\\`<]|[^`<\\]++|\\(?![\\`<]))*+)"
    rf"|(?<!`)(?P<ticks>`{{1,3}})(?!`)(?P<code>{_CODE_TEXT})(?P=ticks)(?!`)"
    r"|(?P<comment><!--(?:[^<-]++|-(?!->)|<(?!!--))*+-->)"
)
_STRUCK_TEXT = _inline("~")
# Two tildes only: one is GitHub's too, but elsewhere a subscript (pandoc's H~2~O) or a path's
# (~/notes, ~user), and a mark that is not there would stop a faithful quote.
_STRIKETHROUGH = re.compile(rf"(?<![~\\])(~~)(?![\s~])({_STRUCK_TEXT})(?<![\s\\])(~~)(?!~)")
# <del>, <s>, <strike>: the content stops short of the next opening tag of the three, so
# unclosed ones are each scanned once.
_STRUCK_ELEMENT = re.compile(
    r"(?<!\\)(<(del|s|strike)(?:\s[^<>]*+)?>)"
    r"((?:[^<\n]++|<(?!/?(?:del|s|strike)\b)|\n(?![ \t]*\n))*+)"
    r"(</\2\s*>)",
    re.IGNORECASE,
)
_TAG = re.compile(r"(?<!\\)</?([A-Za-z][A-Za-z0-9-]*+)(?:\s[^<>\n]*+)?/?>")
_ENTITY = re.compile(r"(?<!\\)&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Emphasis inside emphasis (``**bold *and* more**``) is found by a second pass. Each pattern
# with the delimiter that every match of it holds.
_STRONG_OR_EMPHASIS = (
    (re.compile(rf"(?<![*\\])(\*{{1,3}})(?![\s*])({_STAR_TEXT})(?<![\s\\])(\1)(?!\*)"), "*"),
    (re.compile(rf"(?<![\w\\])(_{{1,3}})(?![\s_])({_UNDERSCORE_TEXT})(?<![\s\\])(\1)(?!\w)"), "_"),
)
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_BLOCK_QUOTE = re.compile(r"^( {0,3})(>(?:[ ]?>)*+)", re.MULTILINE)
# an escape, or a backslash that breaks the line
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\r?\n)")


def hide_markup(text: str) -> str:
    """``text`` with its Markdown markup replaced by :data:`HIDDEN`, character for character;
    a lone CR comes back as the LF it stands for (:mod:`argmap.lines`), so that the markup of
    a line after it (a '#', a '>', a reference) is found there too."""
    text = lone_crs_as_line_feeds(text)
    text = _sub(_REFERENCE, "]:", _hide_all, text)
    text = _sub(_FOOTNOTE_LABEL, "[^", _hide_all, text)
    original = text
    if "`" in text or "\\" in text or "<!--" in text:  # what each of its three opens with
        text = _ESCAPES_CODE_COMMENTS.sub(_escape_code_or_comment, text)
    # An escaped backslash shows one backslash, set aside (it comes back below), so that no
    # markup after it counts as escaped.
    text = text.replace("\\\\", HIDDEN + FILL)
    text = _sub(_LINK, "[", _hide_ends, text)
    text = _sub(_AUTOLINK, "<", _hide_ends, text)
    text = _sub(_STRIKETHROUGH, "~~", _strike, text)
    text = _sub(_STRUCK_ELEMENT, "<", _strike, text)
    text = _sub(_TAG, "<", _hide_tag, text)
    found = 0
    for pattern, delimiter in _STRONG_OR_EMPHASIS:
        if delimiter in text:
            text, count = pattern.subn(_hide_ends, text)
            found += count
    if found:  # emphasis inside emphasis; with none found, a second pass would find none
        for pattern, delimiter in _STRONG_OR_EMPHASIS:
            text = _sub(pattern, delimiter, _hide_ends, text)
    text = _sub(_HEADING, "#", _hide_last, text)
    text = _sub(_BLOCK_QUOTE, ">", _hide_last, text)
    text = _sub(_ENTITY, "&", _entity, text)
    # every other escape's backslash is hidden (a plain replacement: no call for each)
    text = _sub(_ESCAPE, "\\", HIDDEN, text)
    # Every character kept its place: what is still FILL is the original's, code (or a FILL of
    # the source itself, which comes back as it was).
    return _sub(_FILLED, FILL, lambda match: original[match.start() : match.end()], text)


def _sub(
    pattern: re.Pattern[str], needed: str, replace: str | Callable[[re.Match[str]], str], text: str
) -> str:
    """``pattern.sub(replace, text)``, or ``text`` as it is when it lacks ``needed``, a string
    that every match of ``pattern`` holds: one scan in C, where the pattern's own scan of a
    text of millions of characters without it (a page of code spans, of lines of one letter)
    took a tenth of a second or more for each of a dozen patterns."""
    return pattern.sub(replace, text) if needed in text else text


def _escape_code_or_comment(match: re.Match[str]) -> str:
    """Escapes left for the last pass; a comment hidden; a code span's delimiters hidden and its
    content (but line breaks) filled with :data:`FILL`, so that no other markup is looked for
    in it."""
    kind = match.lastgroup  # the alternative that matched: each ends with its own group
    if kind == "escaped":
        return match.group()
    if kind == "comment":
        return HIDDEN * len(match.group())
    ticks, code = match.group("ticks", "code")
    hidden = HIDDEN * len(ticks)
    return hidden + _filled(code) + hidden


def _filled(code: str) -> str:
    """``code`` with every character but its line breaks made :data:`FILL`. Spans of one line
    (nearly all) are filled at once, with no pass over the text: 3 million one-letter spans
    spent a third of their time in the pass."""
    if "\n" not in code:
        return FILL * len(code)
    return _LINE_CONTENT.sub(_fill, code)


def _strike(match: re.Match[str]) -> str:
    """Struck-out words, their markup with them, made one :data:`STRUCK` and hidden: the mark
    stops a quote, and a run of zero-width spaces normalises at once (a character of its own
    on each line of a long struck passage would cost the normaliser a run each)."""
    return STRUCK + HIDDEN * (len(match.group()) - 1)


def _hide_tag(match: re.Match[str]) -> str:
    """A tag hidden; a ``<br>`` is the space between the words it separates; ``<sup>``
    (``<sub>``) between a digit and a digit or sign is ``^`` (``_``), so that
    ``10<sup>6</sup>`` is not the number 106 (as in an HTML source, see :mod:`.htmltext`)."""
    name, tag = match.group(1).lower(), match.group()
    if name == "br":
        return " " + HIDDEN * (len(tag) - 1)
    if name in _MARKS and tag[1] != "/" and _between_number_and_exponent(match):
        return _MARKS[name] + HIDDEN * (len(tag) - 1)
    return HIDDEN * len(tag)


_MARKS = {"sup": "^", "sub": "_"}


def _between_number_and_exponent(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start(), match.end()
    return start > 0 and text[start - 1].isdecimal() and text[end : end + 1] in _EXPONENT_STARTS


_EXPONENT_STARTS = frozenset("0123456789+-\u2212")


def _entity(match: re.Match[str]) -> str:
    """An entity's character, the rest of it hidden; an unknown one as typed."""
    entity = match.group()
    character = unescape(entity)
    if character == entity:
        return entity
    return character + HIDDEN * (len(entity) - len(character))


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
