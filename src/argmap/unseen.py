"""Characters that change how text reads without being seen: bidirectional controls (a
right-to-left override makes "Pay evol 001" read "Pay 100 love", as in Trojan Source) and
zero-width characters.

Rule AM012 reports them in an argument file. The map, the report and the handouts show them as
escapes (``\\u202e``), as the terminal output does, so that what they show is the text as it
was written, never a text it only looks like.
"""

from __future__ import annotations

import re

# A character class body (for a regular expression): those of rule AM012 but the soft
# hyphen, which only ever shows as a hyphen at the end of a line.
UNSEEN = "\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_UNSEEN = re.compile(f"[{UNSEEN}]")


def show_unseen(text: str) -> str:
    """``text`` with each unseen character written as its escape, ``\\uXXXX``."""
    if _UNSEEN.search(text) is None:
        return text
    return _UNSEEN.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
