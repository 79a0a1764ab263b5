"""Characters that change how text reads without being seen: bidirectional controls (a
right-to-left override makes "Pay evol 001" read "Pay 100 love", as in Trojan Source) and
zero-width characters.

Rule AM012 reports them in an argument file. The map, the report and the handouts show them as
escapes (``\\u202e``), as the terminal output does, so that what they show is the text as it
was written, never a text it only looks like.
"""

from __future__ import annotations

import re
import unicodedata

# A character class body (for a regular expression): those of rule AM012 but the soft
# hyphen, which only ever shows as a hyphen at the end of a line.
UNSEEN = "\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_UNSEEN = re.compile(f"[{UNSEEN}]")

ZWNJ, ZWJ = "\u200c", "\u200d"  # ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER
_VIRAMA = 9  # the canonical combining class of a virama (Devanagari's ्, Bengali's ্...)
# The scripts whose letters join their neighbours (Arabic, Syriac, N'Ko, Mongolian,
# Phags-pa), where a non-joiner keeps two letters of one word apart: Persian's می‌خواهم.
JOINING_SCRIPTS = (
    (0x0600, 0x074F),
    (0x0750, 0x077F),
    (0x07C0, 0x07FF),
    (0x0860, 0x08FF),
    (0x1800, 0x18AF),
    (0xA840, 0xA87F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_SKIN_TONES = range(0x1F3FB, 0x1F400)


def joins_in_place(text: str, at: int) -> bool:
    """Whether the joiner ``text[at]`` (ZWNJ or ZWJ) does in ``text`` the work it is made for,
    so that it is part of the text's spelling, not a character hidden in it: either after a
    virama (it chooses how an Indic conjunct is drawn, as IDNA's rules for these two allow,
    RFC 5892, A.1 and A.2); or, for ZWNJ, between two letters of a joining script (Persian,
    Urdu, Kurdish, Syriac...), or, for ZWJ, between two pictographs (an emoji sequence: 👩‍💻,
    👨‍👩‍👧, 🏳️‍🌈). Between Latin letters, at a word's edge, or doubled, it hides there."""
    joiner = text[at]
    if joiner not in (ZWNJ, ZWJ) or at == 0 or at + 1 >= len(text):
        return False
    if unicodedata.combining(text[at - 1]) == _VIRAMA:  # and a letter to join it to
        return unicodedata.category(text[at + 1]).startswith("L")
    before, after = _base_before(text, at), _base_after(text, at)
    if before is None or after is None:
        return False
    if joiner == ZWNJ:
        return joining_letter(before) and joining_letter(after)
    return _pictograph(before) and _pictograph(text[at + 1])


def matched_joiner_in_place(match: re.Match[str]) -> bool:
    """Whether ``match`` (one character of a search for unseen characters) is a joiner that
    spells its text (:func:`joins_in_place`): kept as written where the others are escaped
    or removed."""
    return match.group() in (ZWNJ, ZWJ) and joins_in_place(match.string, match.start())


def _base_before(text: str, at: int) -> str | None:
    """The letter or symbol before ``text[at]``, past its marks, variation selectors and
    skin tones."""
    at -= 1
    while at >= 0 and (
        unicodedata.category(text[at]) in ("Mn", "Me") or ord(text[at]) in _SKIN_TONES
    ):
        at -= 1
    return text[at] if at >= 0 and text[at] not in (ZWNJ, ZWJ) else None


def _base_after(text: str, at: int) -> str | None:
    """The letter or symbol after ``text[at]``, past the marks that may come between."""
    at += 1
    while at < len(text) and unicodedata.category(text[at]) in ("Mn", "Me"):
        at += 1
    return text[at] if at < len(text) and text[at] not in (ZWNJ, ZWJ) else None


def joining_letter(char: str) -> bool:
    """Whether ``char`` is a letter of a script whose letters join (Arabic's ``ب``)."""
    return unicodedata.category(char) in ("Lo", "Lm") and in_joining_script(char)


def in_joining_script(char: str) -> bool:
    """Whether ``char`` is in the blocks of a joining script (a letter, a mark, a digit...)."""
    code = ord(char)
    return any(low <= code <= high for low, high in JOINING_SCRIPTS)


def _pictograph(char: str) -> bool:
    return ord(char) >= 0x2000 and unicodedata.category(char) == "So"


def show_unseen(text: str) -> str:
    """``text`` with each unseen character written as its escape, ``\\uXXXX``, but the
    joiners that are part of its spelling (:func:`joins_in_place`)."""
    if _UNSEEN.search(text) is None:
        return text
    return _UNSEEN.sub(_shown, text)


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    return char if matched_joiner_in_place(match) else f"\\u{ord(char):04x}"


# Characters that show as nothing, or as a plain space: format characters (zero-width ones,
# the byte-order mark, the soft hyphen, bidirectional controls), controls, and every space but
# U+0020 (the no-break space, the ideographic space), and the line and paragraph separators.
_BLANK_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp"})


def show_blank(text: str) -> str:
    """``text`` as a message quotes a key or a short value: each character that shows as
    nothing or as a space, but the space, written as its escape (``\\u200b``), so that a
    message about ``'\\u200ba'`` says why it is no valid identifier."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"\\u{ord(char):04x}"
        if char != " " and unicodedata.category(char) in _BLANK_CATEGORIES
        else char
        for char in text
    )
