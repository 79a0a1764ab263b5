"""Untrusted text made safe for one terminal line: control characters shown as escapes.

Argument files are untrusted, and so are paths, ids and messages that quote them. Control
characters (C0, DEL, C1, so ESC and the one-byte CSI too), line and paragraph separators and
bidirectional controls are shown as escapes (``\\x1b``, ``\\n``, ``\\u202e``), so that a hostile
file can neither move the cursor, recolour the screen, nor forge a line of output. So is a lone
surrogate (``\\udce9``, from a file name that is not UTF-8), which no UTF-8 stream can write.

A module of its own, importing nothing, because every message on stderr goes through it
(``argmap render``'s "wrote ..." too): it costs a command nothing of the reporters
(:mod:`argmap.report`), which only a command that prints findings needs.
"""

from __future__ import annotations

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# Bidirectional controls (Trojan Source, CVE-2021-42574) and the Unicode line separators.
_UNICODE_ESCAPED = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)


def escaped_char(ch: str) -> str | None:
    """The visible form of a character a terminal would act on; None for any other."""
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"\\x{code:02x}"
    if ch in _UNICODE_ESCAPED or 0xD800 <= code <= 0xDFFF:
        # A lone surrogate comes from a file name that is not UTF-8 (read with
        # surrogateescape): no UTF-8 stream can carry it.
        return f"\\u{code:04x}"
    return None


def visible(text: str) -> str:
    """``text`` with every control character shown as an escape, safe for one terminal line."""
    if text.isprintable():  # every character escaped_char() acts on is non-printable
        return text
    return "".join(escaped_char(ch) or ch for ch in text)
