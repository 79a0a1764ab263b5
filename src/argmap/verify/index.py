"""A source prepared once for many quotes: its normalised text and a word index.

Verifying an argument file checks dozens to thousands of quotes against the same few sources.
Normalising a source and indexing its words is done once here; each quote then costs a lookup
of its rarest word and a few comparisons, not a scan of the whole text:

* exact search starts from the positions of the quote's rarest word (:func:`anchored_find`);
* fuzzy search only aligns the quote with the few windows of the source where the most of its
  rare words stand near each other (:func:`candidate_windows`), so its cost does not grow with
  the size of the source.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from itertools import tee

from argmap.verify.footnotes import hide_footnote_markers
from argmap.verify.markdowntext import hide_markup
from argmap.verify.normalize import (
    FRACTION_SLASH,
    WORD,
    Normalized,
    is_boundary,
    is_word_char,
    iter_words,
    normalize,
    offset_code,
    words,
)
from argmap.verify.text import SourceText

# Windows aligned fuzzily per quote, and words of a quote used to find them.
MAX_WINDOWS = 4
MAX_ANCHOR_WORDS = 8
# Below this span, or when even the rarest word of a needle is this common, ``str.find`` (a C
# loop over the text) beats trying each position of the word.
SCAN_BELOW = 4096
SCAN_ABOVE = 1500
# Hits inside words skipped by a scan before it gives up.
MAX_REJECTED = 10_000
# A word found more often than this is no anchor for the fuzzy search (``the``, ``and``).
MAX_ANCHOR_HITS = 2000
# What may open a quote before the letter whose case is free (normalised: one kind of quote).
_OPENING = "\"'(["
# The case pairs of Turkish and Azerbaijani that ``str.swapcase`` does not give as one letter.
_TURKIC_CASE = {"\u0130": "i", "i": "\u0130", "\u0131": "I", "I": "\u0131"}
# Spaces that group a number's digits (``4 500``): typeset on purpose, unlike a plain space.
_GROUPING_SPACES = frozenset("\u00a0\u202f\u2009")


@dataclass(frozen=True)
class PreparedSource:
    """A :class:`SourceText` with its normalised form; the word index is built on first use.
    ``join_set`` holds the joins that are word boundaries (not those of hyphens)."""

    source: SourceText
    normalized: Normalized
    join_set: frozenset[int] = field(default_factory=frozenset)

    @property
    def text(self) -> str:
        """The normalised text."""
        return self.normalized.text

    @cached_property
    def index(self) -> dict[str, array[int]]:
        """Lower-cased word → its offsets in the normalised text, in order.

        Built straight from the text's words, one at a time, into arrays of machine integers:
        about 4 bytes a word, where lists of Python integers took 36 and a list of all the
        words first some 200 (a 5 MB source indexed in 158 MB, now in a few)."""
        text, joins = self.normalized.text, self.normalized.joins
        code = offset_code(len(text))
        if not joins:  # nearly every source: each word filed in C, no Python call per word
            filed: defaultdict[str, array[int]] = defaultdict(partial(array, code))
            matches, again = tee(WORD.finditer(text))
            words = map(str.lower, map(re.Match.group, matches))
            deque(map(array.append, map(filed.__getitem__, words), map(re.Match.start, again)), 0)
            return dict(filed)
        index: dict[str, array[int]] = {}
        get = index.get
        for offset, word in iter_words(text, joins):
            offsets = get(word)
            if offsets is None:
                index[word] = array(code, (offset,))
            else:
                offsets.append(offset)
        return index

    def boundary(self, offset: int) -> bool:
        """Whether a quote may begin or end at ``offset``: not inside a word, nor inside a
        number (see :meth:`cuts_number`), nor inside a negating contraction (see
        :func:`cuts_contraction`)."""
        text = self.normalized.text
        return (
            is_boundary(text, offset, self.join_set)
            and not self.cuts_number(offset)
            and not cuts_contraction(text, offset)
        )

    def cuts_number(self, offset: int) -> bool:
        """Whether ``offset`` splits a number: between a digit and the decimal point,
        thousands separator or fraction slash next to it (``4|.5``, ``4,|500``, ``1|/2``, and
        ``4 500`` grouped by a no-break or thin space, ``1| 1/2`` for ``1½``), between a number
        and its exponent (``10|^6``, ``10^|6``), or between a number and its minus sign
        (``-|5``). A quote cut there changes the number: "500 dollars" is not what "4,500
        dollars" says, nor "5 degrees" what "-5 degrees" says."""
        text = self.normalized.text
        if offset <= 0 or offset >= len(text):
            return False
        before, after = text[offset - 1], text[offset]
        if (before.isdecimal() and after == "^") or (before == "^" and after in "0123456789-+"):
            return True  # 10^6 is one number: neither 10 nor 6
        if before.isdecimal():
            return self._separator(offset) and text[offset + 1 : offset + 2].isdecimal()
        if not after.isdecimal():
            return False
        if before in ". ,/":
            return offset >= 2 and text[offset - 2].isdecimal() and self._separator(offset - 1)
        return before == "-" and self.is_sign(offset - 1)

    def _separator(self, at: int) -> bool:
        """Whether the normalised character at ``at`` may separate a number's digits: a
        decimal point, a comma, a fraction's slash, or a space that was one no-break or thin
        space, or that sets a vulgar fraction apart (``1½`` reads ``1 1/2``)."""
        char = self.normalized.text[at]
        if char != " ":
            return char in ".,/"
        offsets = self.normalized.offsets
        start = offsets.start(at)
        if offsets.end(at + 1) != start + 1:
            return False
        original = self.source.text[start]
        return original in _GROUPING_SPACES or FRACTION_SLASH in unicodedata.normalize(
            "NFKC", original
        )

    def is_sign(self, dash: int) -> bool:
        """Whether the dash at normalised ``dash``, before a digit, is that number's sign: in
        the original it touches the digit, and no letter or digit stands just before it (as
        in ``1994-1995`` or ``Covid-19``; spaces before a dash are not in the normalised
        text, so the original is asked)."""
        offsets = self.normalized.offsets
        if offsets.end(dash + 1) != offsets.start(dash + 1):
            return False  # "result - 5 people": a dash of prose
        start = offsets.start(dash)
        return start == 0 or not self.source.text[start - 1].isalnum()


def cuts_contraction(text: str, offset: int) -> bool:
    """Whether ``offset`` in normalised ``text`` splits a negating contraction before its
    ``'t`` (``can|'t``, ``won|'t``, ``don|'t``): ``can't`` is one word, and a quote cut there
    (``They won`` from ``They won't pay``, ``can ... confirm`` from ``can't confirm``) says
    the opposite of its source. Normalised, every apostrophe is ``'``."""
    return (
        offset > 0
        and text[offset - 1] in "nN"
        and text[offset : offset + 2] in ("'t", "'T")
        and not is_word_char(text[offset + 2 : offset + 3] or " ")
    )


def prepare(source: SourceText) -> PreparedSource:
    """Normalise ``source`` for matching. Repeated calls with the same source object return
    the same preparation (a small cache keyed by identity)."""
    return _prepare(source)


@lru_cache(maxsize=4)
def _prepare(source: SourceText) -> PreparedSource:
    # Footnote markers and Markdown's markup are hidden: matched as the text reads, every
    # offset kept in place
    text = hide_footnote_markers(source.text)
    normalized = normalize(hide_markup(text) if source.kind == "markdown" else text)
    # a hyphen's join cuts words for the index, but a quote may not begin or end there
    boundaries = frozenset(normalized.joins).difference(normalized.hyphens)
    return PreparedSource(source, normalized, boundaries)


def anchored_find(
    prepared: PreparedSource,
    needle: str,
    joins: tuple[int, ...],
    *,
    flexible_case: bool,
    lo: int = 0,
    hi: int | None = None,
) -> Iterator[int]:
    """Offsets in ``[lo, hi)`` where ``needle`` occurs at word boundaries, in order.

    ``flexible_case`` lets the needle's first letter differ in case. When a word of the needle
    is in the index, only the offsets of its rarest word are tried; otherwise (a needle without
    words, or one whose words the source spells with a dash, ``gov-ernment``) the text is
    scanned.
    """
    text = prepared.text
    hi = len(text) if hi is None else hi
    variants = _variants(needle, flexible_case)
    # a short span is scanned before the index is asked: a small source never builds one
    anchor = None if hi - lo < SCAN_BELOW else _rarest(prepared, needle, joins)
    if anchor is None or len(anchor[1]) > SCAN_ABOVE:
        yield from _scan(prepared, variants, lo, hi)
        return
    offset_in_needle, positions = anchor
    length = len(needle)
    for position in positions[bisect_left(positions, lo + offset_in_needle) :]:
        start = position - offset_in_needle
        if start + length > hi:
            break
        if any(text.startswith(variant, start) for variant in variants) and _bounded(
            prepared, start, length
        ):
            yield start


def _scan(prepared: PreparedSource, variants: tuple[str, ...], lo: int, hi: int) -> Iterator[int]:
    """``str.find`` from ``lo`` on; gives up after :data:`MAX_REJECTED` hits inside words,
    so a needle repeated through a hostile text (``aaaa…``) cannot take seconds.

    Each variant is looked for only as far as the earliest hit found so far: the needle with
    its first letter's case swapped, which most texts never hold, is not looked for through
    the whole text first (a 5 MB source and 5,000 quotes of common words: 2 s of ``find``).
    """
    text = prepared.text
    length = len(variants[0])
    upcoming: list[int | None] = [None] * len(variants)  # next hit at or after `at`; -1: none
    clear = [lo] * len(variants)  # no hit of the variant starts in [`at`, clear[i])
    at, rejected = lo, 0
    while rejected <= MAX_REJECTED:
        best = -1
        for i, variant in enumerate(variants):
            hit = upcoming[i]
            if hit is None or 0 <= hit < at:
                # only a hit that starts before `best` matters now
                stop = hi if best == -1 else min(hi, best + length - 1)
                begin = max(at, clear[i])
                hit = text.find(variant, begin, stop)
                if hit == -1:
                    if stop >= hi:
                        upcoming[i] = -1
                    else:
                        upcoming[i], clear[i] = None, max(begin, stop - length + 1)
                    continue
                upcoming[i] = hit
            if hit != -1 and (best == -1 or hit < best):
                best = hit
        if best == -1:
            return
        if _bounded(prepared, best, length):
            yield best
        else:
            rejected += 1
        at = best + 1


def _bounded(prepared: PreparedSource, start: int, length: int) -> bool:
    return prepared.boundary(start) and prepared.boundary(start + length)


def _variants(needle: str, flexible_case: bool) -> tuple[str, ...]:
    """The needle, and if ``flexible_case`` the needle with its first letter in each other
    case (see :func:`case_partners`)."""
    if not (flexible_case and needle):
        return (needle,)
    at = first_letter(needle)
    others = (needle[:at] + partner + needle[at + 1 :] for partner in case_partners(needle[at]))
    return (needle, *others)


def case_partners(letter: str) -> tuple[str, ...]:
    """The letters that are ``letter`` in another case, one character each: its swapped case,
    and as Turkish and Azerbaijani pair them, dotted İ with i and dotless ı with I (Python's
    ``swapcase`` makes İ two characters, an i and a combining dot)."""
    found = [letter.swapcase(), _TURKIC_CASE.get(letter, "")]
    return tuple(dict.fromkeys(p for p in found if len(p) == 1 and p != letter))


def first_letter(needle: str) -> int:
    """Where the letter whose case is free stands in a non-empty ``needle``: its first
    character, or the one after the opening quotation marks and brackets it begins with
    (``"the plan works,"`` for ``“The plan works,”``)."""
    stripped = needle.lstrip(_OPENING)
    return len(needle) - len(stripped) if stripped else 0


def _rarest(
    prepared: PreparedSource, needle: str, joins: tuple[int, ...]
) -> tuple[int, array[int]] | None:
    """(offset in the needle, offsets in the source) of the needle's rarest indexed word."""
    best: tuple[int, array[int]] | None = None
    for offset, word in words(needle, joins):
        positions = prepared.index.get(word)
        if positions is not None and (best is None or len(positions) < len(best[1])):
            best = (offset, positions)
    return best


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch ``[start, end)`` of the normalised source worth aligning a quote with."""

    start: int
    end: int
    votes: int


def candidate_windows(
    prepared: PreparedSource, target: str, aligned: int | None = None
) -> list[Window]:
    """The few stretches of the source where most of ``target``'s rare words stand where they
    would if the target were there: each hit of a rare word votes for the offset where the
    target would start; the neighbourhoods with most distinct words win.

    Each window is wide enough to align the first ``aligned`` characters of the target
    (all of it by default) wherever in the neighbourhood it starts.
    """
    text = prepared.text
    size = len(target)
    if not size:
        return []
    reach = size if aligned is None else min(size, aligned)
    bucket = max(32, size // 2)
    pad = size // 4 + 24
    hits: dict[str, tuple[int, int]] = {}  # word -> (its count in the source, offset in target)
    for offset, word in words(target):
        positions = prepared.index.get(word)
        if positions is not None and word not in hits and len(positions) <= MAX_ANCHOR_HITS:
            hits[word] = (len(positions), offset)
    rarest = sorted(hits.items(), key=lambda item: (item[1][0], item[0]))[:MAX_ANCHOR_WORDS]
    votes: dict[int, set[str]] = {}
    budget = MAX_ANCHOR_HITS * 2
    for word, (count, offset) in rarest:
        budget -= count
        if budget < 0:
            break
        for position in prepared.index[word]:
            votes.setdefault((position - offset) // bucket, set()).add(word)
    # A quote whose start falls near a bucket's edge spreads its votes over two buckets.
    scored = [(len(found | votes.get(b + 1, set())), b) for b, found in votes.items()]
    scored.sort(key=lambda item: (-item[0], item[1]))
    windows = [
        Window(max(0, b * bucket - pad), min(len(text), (b + 2) * bucket + reach + pad), score)
        for score, b in scored[:MAX_WINDOWS]
    ]
    return _merge(windows)


def _merge(windows: list[Window]) -> list[Window]:
    merged: list[Window] = []
    for window in sorted(windows, key=lambda w: w.start):
        if merged and window.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Window(
                last.start, max(last.end, window.end), max(last.votes, window.votes)
            )
        else:
            merged.append(window)
    return merged
