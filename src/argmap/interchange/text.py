"""Small text helpers shared by the importers: slugs, whitespace, hidden characters."""

from __future__ import annotations

import re
import unicodedata

from argmap.model import SLUG_PATTERN
from argmap.unseen import matched_joiner_in_place

_SLUG = re.compile(SLUG_PATTERN)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s+")
# Characters that change how text displays without being seen (lint rule AM012 refuses them).
_HIDDEN = re.compile(
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff\u00ad]"
)
MAX_SLUG = 48


def slugify(text: str, fallback: str = "item", *, max_words: int | None = None) -> str:
    """A readable identifier: ASCII letters and digits joined by ``-``, at most 48 characters.

    ``max_words`` keeps the first words only (for ids made from a sentence).
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _NOT_SLUG.split(folded.lower()) if w]
    if max_words is not None:
        words = words[:max_words]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:MAX_SLUG]
    return slug if slug and _SLUG.fullmatch(slug) else fallback


def one_line(text: str) -> str:
    """Runs of whitespace (newlines too) become one space; no space at either end."""
    return _SPACE.sub(" ", text).strip()


def strip_hidden(text: str) -> tuple[str, bool]:
    """The text without bidirectional controls and zero-width characters, but the joiners that
    are part of its spelling (:func:`argmap.unseen.joins_in_place`); True if any went."""
    if _HIDDEN.search(text) is None:
        return text, False
    cleaned = _HIDDEN.sub(_kept, text)
    return cleaned, cleaned != text


def _kept(match: re.Match[str]) -> str:
    return match.group() if matched_joiner_in_place(match) else ""


class IdAllocator:
    """Unique identifiers across a whole map, whatever their kind, as argmap requires."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        # base -> the number to try next: the numbers below it were all taken, and stay so
        self._next: dict[str, int] = {}

    def take(self, wanted: str, fallback: str = "item") -> str:
        base = (
            wanted if _SLUG.fullmatch(wanted) and len(wanted) <= 80 else slugify(wanted, fallback)
        )
        candidate = base
        n = self._next.get(base, 2)
        while candidate in self._used:
            candidate = f"{base[:70]}-{n}"
            n += 1
        if candidate != base:
            self._next[base] = n
        self._used.add(candidate)
        return candidate

    def reserve(self, name: str) -> None:
        self._used.add(name)

    def __contains__(self, name: str) -> bool:
        return name in self._used
