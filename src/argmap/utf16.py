"""Telling UTF-16 text that has no byte-order mark, for argument files and sources alike."""

from __future__ import annotations


def looks_like_utf16(data: bytes) -> bool:
    """Whether ``data`` reads as mostly-ASCII UTF-16 (little or big endian): NUL in nearly
    every other byte of its beginning, and almost never in the bytes between."""
    head = data[:1024]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 4:
        return False
    for text, zeros in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.8 * len(zeros) and text.count(0) <= 0.05 * len(text):
            return True
    return False
