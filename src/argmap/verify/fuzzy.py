"""The passage of a source most like a quote that is not in it.

A paraphrase is reported with its similarity and a misquote with the closest passage as its
hint, so this search must find the right neighbourhood and then fit the passage to whole words.
rapidfuzz's ``partial_ratio_alignment`` finds the neighbourhood (in candidate windows of a
large source, see :func:`argmap.verify.index.candidate_windows`); ``fuzz.ratio`` then scores
passages cut at nearby word edges.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from argmap.verify.index import PreparedSource, candidate_windows, cuts_contraction
from argmap.verify.normalize import is_word_char

# A source this short is aligned with a fuzzy quote as a whole; longer ones window by window.
WHOLE_TEXT_FUZZY = 16_384
# A fuzzy quote longer than this is aligned by its beginning (see best_alignment).
PROBE = 256
# No fuzzy search for a quote longer than this: no evidence quote is that long, and comparing
# texts costs the product of their lengths.
MAX_FUZZY = 5_000
# Word edges tried on each side when fitting a fuzzy passage to whole words.
REFINE_EDGES = 6


def best_alignment(prepared: PreparedSource, target: str) -> tuple[float, int, int] | None:
    """(similarity, start, end) in the normalised text of the passage most like ``target``.

    ``partial_ratio`` slows down steeply with the length of what it aligns, so a long target is
    aligned by its first :data:`PROBE` characters, and the passage is taken as long as the
    target from there (:func:`refine` then fits its edges).
    """
    text = prepared.text
    if not target or not text or len(target) > MAX_FUZZY:
        return None
    probe = target[:PROBE]
    if len(text) <= WHOLE_TEXT_FUZZY:
        windows = [(0, len(text))]
    else:
        windows = [(w.start, w.end) for w in candidate_windows(prepared, target, len(probe))]
    best: tuple[float, int, int] | None = None
    for lo, hi in windows:
        cutoff = best[0] if best is not None else 0.0
        result = fuzz.partial_ratio_alignment(probe, text[lo:hi], score_cutoff=cutoff)
        if result is None or result.dest_end <= result.dest_start:
            continue
        if best is None or result.score > best[0]:
            best = (float(result.score), lo + result.dest_start, lo + result.dest_end)
    if best is not None and len(target) > len(probe):
        start = best[1]
        best = (best[0], start, min(len(text), start + len(target)))
    return best


def refine(prepared: PreparedSource, target: str, start: int, end: int) -> tuple[float, int, int]:
    """Move an alignment's edges to the word edges nearby that make the passage most like the
    quote, and score it as a whole (``fuzz.ratio``): ``partial_ratio`` aligns a window of the
    quote's length, which may start with the full stop before the passage or cut a word."""
    text = prepared.text
    reach = len(target) // 4 + 8
    starts = _edges(prepared, start, reach, opening=True)
    ends = _edges(prepared, end, reach, opening=False)
    best = (-1.0, start, end)
    for first in starts:
        for last in ends:
            if last <= first:
                continue
            score = fuzz.ratio(target, text[first:last])
            if score > best[0]:
                best = (float(score), first, last)
    if best[0] < 0:  # no word edges around it (the passage is a space): score it as it is
        best = (float(fuzz.ratio(target, text[start:end])), start, end)
    return best


def _edges(prepared: PreparedSource, near: int, reach: int, *, opening: bool) -> list[int]:
    """Up to :data:`REFINE_EDGES` word edges (starts if ``opening``, else ends) nearest to
    ``near``."""
    limit = len(prepared.text)
    found: list[int] = []
    for distance in range(reach + 1):
        for offset in (near - distance, near + distance) if distance else (near,):
            if 0 <= offset <= limit and _is_edge(prepared, offset, opening=opening):
                found.append(offset)
        if len(found) >= REFINE_EDGES:
            break
    return found[:REFINE_EDGES] or [near]


def _is_edge(prepared: PreparedSource, offset: int, *, opening: bool) -> bool:
    """Whether a passage may begin (``opening``) or end at ``offset``: at a space, or at the
    edge of a word, but not inside a number (``4,|500``) nor a contraction (``won|'t``); a
    number's minus sign begins one."""
    text = prepared.text
    if opening:
        if offset >= len(text) or text[offset] == " ":
            return False
        if text[offset] == "-" and text[offset + 1 : offset + 2].isdecimal():
            return prepared.is_sign(offset)
        before = text[offset - 1] if offset else " "
        edge = before == " " or (is_word_char(text[offset]) and not is_word_char(before))
    else:
        if offset <= 0 or text[offset - 1] == " ":
            return False
        after = text[offset] if offset < len(text) else " "
        edge = after == " " or (is_word_char(text[offset - 1]) and not is_word_char(after))
    return edge and not prepared.cuts_number(offset) and not cuts_contraction(text, offset)
