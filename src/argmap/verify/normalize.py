"""Normalisation for matching, with a map from every normalised offset back to the original.

A quote typed on a keyboard and the same words in a typeset source differ in ways that are not
misquotation: curly or straight quotes, an em dash or ``--``, a line wrapped or hyphenated at
its end, a no-break space, a soft hyphen, a ligature. Both the source and the quote pass through
:func:`normalize`, so they meet in one form; the :class:`OffsetMap` then turns a match in that
form back into a span of the original text, so line, column, paragraph and page can be reported.

What is unified (case is not: only a quote's first letter may differ, see :mod:`.quote`):

* Unicode NFKC (ligatures, full-width forms, ``…`` → ``...``, compatibility spaces);
* single quotes, apostrophes and primes → ``'``; double quotes, guillemets → ``"``;
* every dash (hyphen, en and em dash, minus, ``--``) → ``-``, spaces around it dropped (but
  not the line break before a Markdown bullet, ``- item``); a dash
  between two letters is dropped altogether, together with a line break after it. That one rule
  joins ``gov-\\nernment`` into ``government`` and makes ``inter-\\nplanetary``, ``inter-planetary``
  and ``continent—maybe`` / ``continent -- maybe`` compare equal, whether the source broke the
  line at a compound's hyphen or not. The place where such a dash stood is kept as a *join*: it
  still counts as a word boundary, so a quote may begin right after an em dash; but a *hyphen*
  (one ``-``, ``‐`` or ``‑`` touching the letter before it, and the one after or only a line
  break) joins the parts of one word: ``violent protest`` does not stand in ``non-violent
  protest``, nor ``ernment`` in ``gov-\\nernment``;
* a superscript (subscript) digit or sign right after a digit → ``^`` (``_``) before it:
  ``10⁶`` reads ``10^6``, not the number ``106``;
* a vulgar fraction → its digits and a slash, apart from a digit before it: ``1½`` reads
  ``1 1/2``, not ``11/2``;
* whitespace runs, line breaks and NBSP → one space; soft hyphens and zero-width and other
  format characters (Unicode category Cf) are removed; control characters count as spaces;
* between two letters of a joining script (Arabic, Persian, Urdu, Syriac…), spaces are
  dropped too, their place kept as a join (a word boundary): a Persian word spelled with a
  zero-width non-joiner (``می‌خواهم``) is typed with a space or with nothing where keyboards
  have no key for it, and the three compare equal.

Speed: plain ASCII between the characters that need work is copied wholesale and the map keeps
one entry per stretch, not per character, so a megabyte of English normalises in well under a
tenth of a second.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.unseen import JOINING_SCRIPTS, joining_letter

SINGLE_QUOTES = "'‘’‚‛′‵‹›`´ʼ"
DOUBLE_QUOTES = '"“”„‟″‶«»〝〞〟'
DASHES = "-‐‑‒–—―−⸺⸻﹘﹣－"
SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010\u2011"
# What NFKC makes the slash of a vulgar fraction (½ is 1⁄2): a slash, as typed; after a digit
# the fraction stands apart, a space before it.
FRACTION_SLASH = "\u2044"

_QUOTE_MAP = {c: "'" for c in SINGLE_QUOTES} | {c: '"' for c in DOUBLE_QUOTES}
_DASH_SET = frozenset(DASHES)
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# A line break or tab alone between plain text is a space, one for one (see normalize).
_LONE_SPACES = "\n\r\t"
_AS_SPACE = str.maketrans(dict.fromkeys(_LONE_SPACES, " "))

# Unicode's format characters (category Cf) as of Unicode 14: zero-width spaces and joiners,
# bidi marks, the BOM, tags… Spelled out because scanning the code space at import is slow.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)

# Characters copied as they are: printable ASCII except the dash and the backtick (a quote).
_PLAIN = r"\x21-\x2c\x2e-\x5f\x61-\x7e"
# A run of characters that need work, with the spaces around and between them; or two spaces.
# Possessive, as nothing is ever given back: the engine kept some 120 bytes of state for each
# character of a run, and 12 MB of zero-width markup (or of Chinese) took 1.5 GB.
_RUN = re.compile(rf"(?:[ ]*+[^{_PLAIN} ])++[ ]*+|[ ]{{2,}}")
# What a run begins with, but for one space before it; not a line break or tab alone between
# plain text (one before plain text, not after a space), which is a space, one for one, and
# stays in the plain stretch around it: a source of millions of short lines would otherwise be
# millions of runs, each found, matched and skipped.
_CORE = re.compile(
    rf"[^{_PLAIN} {_LONE_SPACES}]|[ ]{{2}}|(?<=[ ])[{_LONE_SPACES}]"
    rf"|[{_LONE_SPACES}](?![{_PLAIN}]|\Z)"
)
# Inside a run, anything that is not an NFKC-stable letter or mark needs the slow path.
_NEEDS_WORK = re.compile(
    rf"[^\S ]|[ ]{{2}}|[\x00-\x1f\x7f-\x9f{re.escape(SINGLE_QUOTES + DOUBLE_QUOTES)}"
    rf"{re.escape(DASHES)}{_FORMAT}{FRACTION_SLASH}]"
)
# Characters of an NFKC result that need classifying again (a compatibility space included).
_RECLASSIFY = re.compile(
    rf"[\s\x00-\x1f\x7f-\x9f{re.escape(SINGLE_QUOTES + DOUBLE_QUOTES)}{re.escape(DASHES)}{_FORMAT}]"
)
_FORMAT_RUN = re.compile(f"[{_FORMAT[1:]}]+")  # not the soft hyphen, which joins lines
_WORD = re.compile(r"\w+")
WORD = _WORD  # a word, as the index and a quote are cut into them (before joins cut it)
# Output pieces joined at a time while normalising.
_PIECES = 4096
# Normalising makes a text at most this many times longer (NFKC of U+FDFA has 18 characters).
_MAX_GROWTH = 18

# A superscript or subscript digit or sign right after a digit starts an exponent or index of
# its own, marked as typed on a keyboard: NFKC alone would make 10⁶ the number 106.
_RAISED_OR_LOWERED = dict.fromkeys("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "^") | dict.fromkeys("₀₁₂₃₄₅₆₇₈₉₊₋", "_")

# Runs (and pieces of long ones) this long or shorter are folded once for each context they
# are met in, up to this many of them.
_REMEMBERED = 16
_REMEMBERED_RUNS = 10_000
# Where a long run is cut, to be folded in pieces: before a quotation mark or a private-use
# character (a Markdown or HTML source's struck-out words are one, see .markdowntext), and
# before a dash that one space (not a line break) or hidden character parts from the dash
# before it.
_CUT = re.compile(
    f"(?=[{re.escape(SINGLE_QUOTES + DOUBLE_QUOTES)}\ue000-\uf8ff])"
    f"|(?<=[{re.escape(DASHES)}][ \t{_FORMAT[1:]}])(?=[{re.escape(DASHES)}])"
)
# Dashes in a row.
_DASH_RUN = re.compile(f"[{re.escape(DASHES)}]+")
# A run of nothing but spaces, controls and characters dropped (not the soft hyphen).
_BLANK = re.compile(f"[\\s\x00-\x1f\x7f-\x9f{_FORMAT[1:]}]+")

# The letters of the joining scripts, and what a space after which joins a letter to them:
# those letters and the marks on them (Arabic's vowel signs, ``بَ``); a space between the one
# and the other. Sets and a class of characters, not a test of each: a Persian source has a
# space every few letters.
_JOINING_LETTERS = frozenset(
    chr(code)
    for low, high in JOINING_SCRIPTS
    for code in range(low, high + 1)
    if joining_letter(chr(code))
)
_JOINS_ON = _JOINING_LETTERS | frozenset(
    chr(code)
    for low, high in JOINING_SCRIPTS
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
)
_JOINING_SPACE = re.compile(
    f"(?<=[{''.join(sorted(_JOINS_ON))}]) (?=[{''.join(sorted(_JOINING_LETTERS))}])"
)

# Units of a source longer than this are not looked for repeated (see normalize).
_MAX_UNIT = 256
# The first combining mark: no character below it is one.
_FIRST_MARK = "\u0300"

# Token kinds of the slow path.
_TEXT, _SPACE, _DASH, _SHY, _DROP = range(5)
# (kind, output, original start, original end, holds a line break)
_Token = tuple[int, str, int, int, bool]


# What folding a short run reads outside it (see _Builder._fold_short), and what it wrote:
# (output, original start, original end, linear) relative to the run, joins and hyphens
# relative to the output's length before it.
_Context = tuple[str, bool, bool, bool, bool, bool, bool]


@dataclass(frozen=True, slots=True)
class _Folded:
    stretches: tuple[tuple[str, int, int, bool], ...]
    joins: tuple[int, ...]
    hyphens: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Mark:
    """Where a :class:`_Builder` stood (see :meth:`_Builder.mark`)."""

    chunks: int
    stretches: int
    length: int
    joins: int
    hyphens: int
    last: str


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Normalised offsets → original offsets, stored as stretches.

    Stretch ``i`` covers normalised ``[norm_starts[i], norm_starts[i + 1])`` and came from
    original ``[orig_starts[i], orig_ends[i])``. A *linear* stretch was copied (or replaced one
    character for one), so offsets inside it map one to one; any other stretch (a collapsed run
    of spaces, a ligature, ``…``) maps as a whole.
    """

    norm_starts: array[int]
    orig_starts: array[int]
    orig_ends: array[int]
    linear: bytes  # 1 for a linear stretch, 0 otherwise
    norm_length: int
    orig_length: int

    def start(self, offset: int) -> int:
        """Original offset where the normalised character at ``offset`` begins."""
        if offset >= self.norm_length or not self.norm_starts:
            return self.orig_length
        i = bisect_right(self.norm_starts, offset) - 1
        if self.linear[i]:
            return self.orig_starts[i] + offset - self.norm_starts[i]
        return self.orig_starts[i]

    def end(self, offset: int) -> int:
        """Original offset just after the normalised character at ``offset - 1``: the
        exclusive end of a match that ends at ``offset``."""
        if offset <= 0 or not self.norm_starts:
            return self.orig_starts[0] if self.norm_starts else 0
        i = bisect_right(self.norm_starts, offset - 1) - 1
        if self.linear[i]:
            return self.orig_starts[i] + offset - self.norm_starts[i]
        return self.orig_ends[i]


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text, its map back to the original, and its joins (sorted offsets where a
    dash between two letters was dropped: word boundaries though no space marks them).
    ``hyphens`` are the joins where the dash was a hyphen inside a word (see the module
    docstring): words are still cut there, as at any join, but a quote may not begin or end
    there."""

    text: str
    offsets: OffsetMap
    joins: tuple[int, ...]
    hyphens: tuple[int, ...] = ()


class _Builder:
    """Accumulates output pieces and map stretches; one instance per :func:`normalize` call.

    A text with an accent in every other word has a stretch every few characters: the map is
    kept in arrays of machine integers, and the output pieces are joined a few thousand at a
    time, so that a megabyte of text does not become a million small objects.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.chunks: list[str] = []  # pieces joined
        self.pieces: list[str] = []
        self.length = 0
        self.last = ""
        code = offset_code(len(source) * _MAX_GROWTH)
        self.norm_starts: array[int] = array(code)
        self.orig_starts: array[int] = array(code)
        self.orig_ends: array[int] = array(code)
        self.linear = bytearray()
        self.joins: list[int] = []
        self.hyphens: list[int] = []
        self.folded: dict[_Context, _Folded] = {}

    def emit(self, out: str, start: int, end: int, *, linear: bool) -> None:
        if not out:
            return
        self.pieces.append(out)
        if len(self.pieces) >= _PIECES:
            self._flush()
        self.norm_starts.append(self.length)
        self.orig_starts.append(start)
        self.orig_ends.append(end)
        self.linear.append(linear)
        self.length += len(out)
        self.last = out[-1]

    def _flush(self) -> None:
        self.chunks.append("".join(self.pieces))
        self.pieces.clear()

    def mark(self) -> _Mark:
        """Where the builder stands: what :meth:`repeat` copies is what it wrote since."""
        return _Mark(
            len(self.chunks),
            len(self.norm_starts),
            self.length,
            len(self.joins),
            len(self.hyphens),
            self.last,
        )

    def repeat(self, mark: _Mark, size: int, times: int) -> None:
        """What was written since ``mark`` (of the ``size`` characters before the source's
        last one written), written ``times`` times more, each ``size`` characters further on:
        stretch for stretch, as if each repetition had been normalised, and in a few
        operations for all of them, not a few for each stretch."""
        grown = self.length - mark.length
        self._flush()
        since = "".join(self.chunks[mark.chunks :])  # what was written since, and before
        written = since[len(since) - grown :]
        stretches = len(self.norm_starts) - mark.stretches
        code = self.norm_starts.typecode
        for kept, step in (
            (self.norm_starts, grown),
            (self.orig_starts, size),
            (self.orig_ends, size),
        ):
            block = array(code, bytes(kept.itemsize * stretches * times))
            for k, value in enumerate(kept[mark.stretches :]):
                first = value + step
                block[k::stretches] = array(code, range(first, first + step * times, step))
            kept.extend(block)
        self.linear.extend(self.linear[mark.stretches :] * times)
        self.chunks.append(written * times)
        for kept_offsets, count in ((self.joins, mark.joins), (self.hyphens, mark.hyphens)):
            offsets = kept_offsets[count:]
            kept_offsets.extend(at + grown * k for k in range(1, times + 1) for at in offsets)
        self.length += grown * times

    def copy(self, start: int, end: int) -> None:
        """Plain text, as it stands but for the lone line breaks in it, each a space."""
        if start < end:
            plain = self.source[start:end]
            self.emit(plain.translate(_AS_SPACE), start, end, linear=True)

    def run(self, start: int, end: int) -> None:
        """Normalise ``source[start:end]``, a run of characters that may need work."""
        chunk = self.source[start:end]
        if _NEEDS_WORK.search(chunk) is None and unicodedata.is_normalized("NFKC", chunk):
            self._copy_joining(start, end)
            return
        if chunk.isspace():
            # only spaces and line breaks (most runs: the line break of every line), which
            # _fold would make one space: without its tokens, a source of millions of short
            # lines is normalised several times faster
            self.emit(" ", start, end, linear=False)
            return
        if end - start <= _REMEMBERED:
            self._fold_short(start, end)
            return
        if _BLANK.fullmatch(chunk):
            # spaces and hidden characters (a Markdown heading's hidden marker on every line):
            # one space, or nothing if all are hidden, as _fold makes them
            if _FORMAT_RUN.fullmatch(chunk) is None:
                self.emit(" ", start, end, linear=False)
            return
        # A long run is folded in pieces, each cut before a quotation mark or a private-use
        # character, or before a dash that one space or hidden character parts from the dash
        # before it: what comes before a cut looks no further than the character after it (no
        # letter, raw or normalised, and no mark; the dash before takes the space with it),
        # and what comes after a cut does not look back but at the last character written
        # and whether a space stands before it.
        # Pieces repeated (a quotation mark after every letter) are copied as the one before
        # them was folded, as repeated units of plain text and runs are (see normalize).
        cut = start
        pieces: list[tuple[int, _Mark]] = []
        cuts = _CUT.finditer(self.source, start + 1, end)
        while (found := next(cuts, None)) is not None:
            times = self._repeats(pieces, cut, found.start(), end) if len(pieces) == 2 else 0
            if times:
                size = cut - pieces[1][0]
                self.repeat(pieces[1][1], size, times)
                cut += times * size
                pieces.clear()
                cuts = _CUT.finditer(self.source, cut + 1, end)
                continue
            pieces = [*pieces[-1:], (cut, self.mark())]
            self._fold_piece(cut, found.start())
            cut = found.start()
        self._fold_piece(cut, end)

    def _copy_joining(self, start: int, end: int) -> None:
        """A run that needs no work copied, but for a space between two letters of a joining
        script, which is dropped, a join in its place (see the module docstring)."""
        at = start
        for space in _JOINING_SPACE.finditer(self.source, start, end):
            self.copy(at, space.start())
            self.joins.append(self.length)
            at = space.end()
        self.copy(at, end)

    def _repeats(self, pieces: list[tuple[int, _Mark]], cut: int, stop: int, end: int) -> int:
        """How many times the last piece (from ``pieces[1]``'s start to ``cut``) repeats from
        ``cut`` before ``end``, less the last repetition, and can be copied as it was folded:
        0 unless the piece before it was the same text and the last character written is
        the one written before the last piece. ``stop`` is where the piece from ``cut``
        ends."""
        (before, _), (first, mark) = pieces
        size = cut - first
        if size > _MAX_UNIT or first - before != size or stop - cut != size:
            return 0
        if mark.last != self.last:
            return 0
        source = self.source
        unit = source[first:cut]
        if not source.startswith(unit, before) or not source.startswith(unit, cut):
            return 0
        return _count_repeats(source, unit, cut, end) - 1

    def _fold_piece(self, start: int, end: int) -> None:
        if end - start <= _REMEMBERED:
            self._fold_short(start, end)
        else:
            self._fold(self._tokens(start, end), end)

    def _fold_short(self, start: int, end: int) -> None:
        """A short run (or piece of one) folded as :meth:`_fold` does, but folded once for
        each context it is met in: a hostile source repeats the same few runs millions of
        times (``\\*`` after every letter, a ``<!--`` left open), and the same run in the
        same context folds the same way. The context is all that folding reads outside the
        run: whether the character before it is a digit (an exponent follows one) or no
        space (a hyphen touches it), whether the one after it and the last one written are
        letters (a dash between two letters joins them), and letters of a joining script (so
        does a space between two of those)."""
        source = self.source
        before = source[start - 1] if start > 0 else " "
        after = source[end : end + 1]
        context = (
            source[start:end],
            before.isdecimal(),
            before.isspace(),
            after.isalpha(),
            self.last.isalpha(),
            after in _JOINING_LETTERS,
            bool(self.last) and _joins_on(self.last),
        )
        folded = self.folded.get(context)
        if folded is None:
            alone = _Builder(source)
            alone.last = self.last
            alone._fold(alone._tokens(start, end), end)
            folded = _Folded(
                tuple(
                    zip(
                        alone.pieces,
                        [at - start for at in alone.orig_starts],
                        [at - start for at in alone.orig_ends],
                        map(bool, alone.linear),
                        strict=True,
                    )
                ),
                tuple(alone.joins),
                tuple(alone.hyphens),
            )
            if len(self.folded) < _REMEMBERED_RUNS:
                self.folded[context] = folded
        length = self.length
        for out, begin, stop, linear in folded.stretches:
            self.emit(out, start + begin, start + stop, linear=linear)
        self.joins.extend(length + at for at in folded.joins)
        self.hyphens.extend(length + at for at in folded.hyphens)

    def _tokens(self, start: int, end: int, *, dashes_together: bool = True) -> list[_Token]:
        """(kind, output, original start, original end, holds a line break) per character or
        cluster (a base character with its combining marks, normalised together).

        A run of dashes is two tokens, its first dash and the others, if ``dashes_together``
        (folding reads only where the run starts and ends and whether it is one dash): a
        page of dashes is not a token for each."""
        text = self.source
        tokens: list[_Token] = []
        i = start
        while i < end:
            ch = text[i]
            if ch in _QUOTE_MAP:
                tokens.append((_TEXT, _QUOTE_MAP[ch], i, i + 1, False))
            elif ch in _DASH_SET:
                tokens.append((_DASH, "-", i, i + 1, False))
                more = _DASH_RUN.match(text, i + 1, end) if dashes_together else None
                if more is not None:
                    tokens.append((_DASH, "-", i + 1, more.end(), False))
                    i = more.end()
                    continue
            elif ch == SOFT_HYPHEN:
                tokens.append((_SHY, "", i, i + 1, False))
            elif ch.isspace() or unicodedata.category(ch) == "Cc":
                tokens.append((_SPACE, " ", i, i + 1, ch in _LINE_BREAKS))
            elif unicodedata.category(ch) == "Cf":
                # a run of them is one token (Markdown's hidden markup, see .markdowntext)
                stop = _FORMAT_RUN.match(text, i, end)
                j = stop.end() if stop is not None else i + 1
                tokens.append((_DROP, "", i, j, False))
                i = j
                continue
            else:
                j = i + 1
                while j < end and _is_mark(text[j]):
                    j += 1
                out = unicodedata.normalize("NFKC", text[i:j])
                if ch in _RAISED_OR_LOWERED and i > 0 and text[i - 1].isdecimal():
                    out = _RAISED_OR_LOWERED[ch] + out  # 10⁶ is 10^6, not 106
                elif FRACTION_SLASH in out:
                    out = out.replace(FRACTION_SLASH, "/")
                    if ch != FRACTION_SLASH and i > 0 and text[i - 1].isdecimal():
                        out = " " + out  # 1½ is 1 1/2, not 11/2
                self._cluster(out, i, j, tokens)
                i = j
                continue
            i += 1
        return tokens

    @staticmethod
    def _cluster(out: str, start: int, end: int, tokens: list[_Token]) -> None:
        """A cluster's NFKC form may itself hold quotes, dashes or spaces (a full-width
        quotation mark, a compatibility space): classify its characters once more."""
        if _RECLASSIFY.search(out) is None:
            tokens.append((_TEXT, out, start, end, False))
            return
        for ch in out:
            if ch in _QUOTE_MAP:
                tokens.append((_TEXT, _QUOTE_MAP[ch], start, end, False))
            elif ch in _DASH_SET:
                tokens.append((_DASH, "-", start, end, False))
            elif ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                tokens.append((_SPACE, " ", start, end, False))
            else:
                tokens.append((_TEXT, ch, start, end, False))

    def _fold(self, tokens: list[_Token], end: int) -> None:
        """Turn tokens into output: spaces collapse, dashes unify or join, drops vanish."""
        after = self.source[end : end + 1]
        tokens = _resolve_soft_hyphens(tokens)
        count = len(tokens)
        k = 0
        while k < count:
            kind, out, start, stop, _ = tokens[k]
            if kind in (_SPACE, _DROP):
                j, breaks, spaces = _spaces(tokens, k)
                if j < count and tokens[j][0] == _DASH and not (breaks and self._bullet(tokens, j)):
                    k = j  # spaces before a dash belong to the dash
                    continue
                if spaces and not self._between_joining(tokens, j, after):
                    self.emit(" ", start, tokens[j - 1][3], linear=False)
                elif spaces:  # between two letters of a joining script: a join
                    self.joins.append(self.length)
                k = j
            elif kind == _DASH:
                j = k
                while j < count and tokens[j][0] == _DASH:
                    j += 1
                dash_end = tokens[j - 1][3]
                hyphen = j == k + 1 and self._hyphen(start)
                j, breaks, spaces = _spaces(tokens, j)
                following = tokens[j][1][:1] if j < count else after
                if j < count and tokens[j][0] != _TEXT:
                    following = ""
                if self.last.isalpha() and following.isalpha():
                    self.joins.append(self.length)
                    if hyphen and (breaks or not spaces):
                        self.hyphens.append(self.length)
                else:
                    self.emit("-", start, dash_end, linear=dash_end - start == 1)
                k = j
            else:
                self.emit(out, start, stop, linear=len(out) == 1 and stop - start == 1)
                k += 1

    def _between_joining(self, tokens: list[_Token], j: int, after: str) -> bool:
        """Whether spaces before token ``j`` (``after`` when there is none) stand between two
        letters of a joining script: the last one written (or a mark on it) and the next."""
        if not self.last or not _joins_on(self.last):
            return False
        if j < len(tokens):
            following = tokens[j][1][:1] if tokens[j][0] == _TEXT else ""
        else:
            following = after
        return bool(following) and following in _JOINING_LETTERS

    def _hyphen(self, at: int) -> bool:
        """Whether the one dash at original offset ``at`` is a hyphen touching the character
        before it (``non-violent``, ``gov-``), not a dash set off by a space."""
        return self.source[at] in HYPHENS and at > 0 and not self.source[at - 1].isspace()

    def _bullet(self, tokens: list[_Token], k: int) -> bool:
        """Whether the dash at ``k``, first on its line, is a list bullet (``- item``) rather
        than a dash of prose wrapped to the start of a line (``—maybe``)."""
        return (
            self.source[tokens[k][2]] == "-" and k + 1 < len(tokens) and tokens[k + 1][0] == _SPACE
        )

    def result(self) -> Normalized:
        offsets = OffsetMap(
            norm_starts=self.norm_starts,
            orig_starts=self.orig_starts,
            orig_ends=self.orig_ends,
            linear=bytes(self.linear),
            norm_length=self.length,
            orig_length=len(self.source),
        )
        self.chunks.append("".join(self.pieces))
        return Normalized("".join(self.chunks), offsets, tuple(self.joins), tuple(self.hyphens))


def offset_code(limit: int) -> str:
    """The array type code for offsets below ``limit``: 4 bytes each where they fit."""
    return "i" if limit < 2**31 else "q"


def _resolve_soft_hyphens(
    tokens: list[_Token],
) -> list[_Token]:
    """A soft hyphen vanishes; at a line's end it takes the line break (and indentation) with
    it, joining the word it split."""
    out = list(tokens)
    for k, token in enumerate(tokens):
        if token[0] != _SHY:
            continue
        j, breaks, _ = _spaces(out, k + 1)
        stop = j if breaks else k + 1
        for i in range(k, stop):
            out[i] = (_DROP, "", out[i][2], out[i][3], False)
    return out


def _spaces(tokens: list[_Token], k: int) -> tuple[int, bool, bool]:
    """Skip spaces and dropped characters from ``k``: (next index, saw a line break, saw a
    real space)."""
    breaks = spaces = False
    while k < len(tokens) and tokens[k][0] in (_SPACE, _DROP):
        breaks = breaks or tokens[k][4]
        spaces = spaces or tokens[k][0] == _SPACE
        k += 1
    return k, breaks, spaces


def _joins_on(ch: str) -> bool:
    """Whether a space after ``ch`` may join it to a letter of a joining script after it: a
    letter of such a script, or a mark on one (Arabic's vowel signs, ``بَ``)."""
    return ch in _JOINS_ON


def _is_mark(ch: str) -> bool:
    return unicodedata.combining(ch) != 0 or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _runs(text: str, pos: int = 0) -> Iterator[tuple[int, int]]:
    """The spans of ``_RUN.finditer(text)`` but those of a line break or tab alone before
    plain text, found about twice as fast on plain text: a run can only begin at its first
    character that needs work (or its first two spaces), or at the one space before it (two
    spaces would have begun it), so ``_CORE`` looks for that character and ``_RUN`` matches
    from there instead of being tried at every space. ``pos`` is where the last run ended.
    """
    search, match = _CORE.search, _RUN.match
    while (found := search(text, pos)) is not None:
        start = found.start()
        if start > pos and text[start - 1] == " ":
            start -= 1
        run = match(text, start)
        if run is None:  # never: _CORE found what begins a run
            raise AssertionError(f"no run at {start}")
        pos = run.end()
        yield start, pos


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching (see the module docstring for what is unified)."""
    builder = _Builder(text)
    pos = done = 0  # where the last run ended, and how far the text is normalised
    # The last two units (a run and the plain text after it, up to the next run): where each
    # began, where its run ended, and the builder as it stood before it.
    units: list[tuple[int, int, _Mark]] = []
    runs = _runs(text)
    while (span := next(runs, None)) is not None:
        start, end = span
        if start > pos and text[start] >= _FIRST_MARK and _is_mark(text[start]):
            start -= 1  # the ASCII letter before a combining mark composes with it
        builder.copy(done, start)
        times = _repeats(text, units, start, builder.last) if len(units) == 2 else 0
        if times:
            # The text from here on is the last unit again, ``times`` times and more, and it
            # meets each one as it met the last: each is normalised as the last one was.
            first, stop, mark = units[1]
            size = start - first
            builder.repeat(mark, size, times)
            pos, done = stop + times * size, start + times * size
            units.clear()
            runs = _runs(text, pos)  # on from the last run repeated
            continue
        units = [*units[-1:], (start, end, builder.mark())]
        builder.run(start, end)
        pos = done = end
    builder.copy(done, len(text))
    return builder.result()


def _repeats(text: str, units: list[tuple[int, int, _Mark]], start: int, last: str) -> int:
    """How many times the last unit (from ``units[1]``'s start to ``start``, where the next
    run begins) repeats from ``start`` and can be copied as it was normalised: 0 unless the
    unit before it was the same text, its run as long, and the last character written is the
    one written before the last unit (so the last unit met what the ones after it meet: the
    same characters around it, the same last character written). The last repetition is
    left out: what follows it differs."""
    (before, before_stop, _), (first, stop, mark) = units
    size = start - first
    if (
        size > _MAX_UNIT
        or first - before != size
        or before_stop - before != stop - first
        or mark.last != last
    ):
        return 0
    unit = text[first:start]
    if not text.startswith(unit, before) or not text.startswith(unit, start):
        return 0
    return _count_repeats(text, unit, start, len(text)) - 1


def _count_repeats(text: str, unit: str, at: int, end: int) -> int:
    """How many times ``unit`` stands in a row in ``text`` from ``at`` before ``end``: doubled,
    then halved, so that a million repetitions take some forty comparisons, each a C loop."""
    count, block, times = 0, unit, 1
    while text.startswith(block, at, end):
        at += len(block)
        count += times
        block, times = block + block, times * 2
    while times > 1:
        times //= 2
        block = block[: len(block) // 2]
        if text.startswith(block, at, end):
            at += len(block)
            count += times
    return count


def is_word_char(ch: str) -> bool:
    """A character of a word, as ``\\w`` in a regular expression."""
    return ch.isalnum() or ch == "_"


def is_boundary(text: str, offset: int, joins: frozenset[int] | tuple[int, ...] = ()) -> bool:
    """Whether ``offset`` in normalised ``text`` is not inside a word (a join is a boundary)."""
    if offset <= 0 or offset >= len(text):
        return True
    if not (is_word_char(text[offset - 1]) and is_word_char(text[offset])):
        return True
    return offset in joins


def words(text: str, joins: tuple[int, ...] = ()) -> list[tuple[int, str]]:
    """(offset, lower-cased word) for each word of normalised ``text``, split at joins, so that
    the source and a quote are cut into the same words."""
    return list(iter_words(text, joins))


def iter_words(text: str, joins: tuple[int, ...] = ()) -> Iterator[tuple[int, str]]:
    """:func:`words`, one at a time: a source of megabytes is indexed without a list of all
    its words. ``joins`` are sorted; one inside a word cuts it in two."""
    if not joins:
        for match in _WORD.finditer(text):
            yield match.start(), match.group().lower()
        return
    k, count = 0, len(joins)
    for match in _WORD.finditer(text):
        start, end = match.span()
        while k < count and joins[k] <= start:
            k += 1
        while k < count and joins[k] < end:
            yield start, text[start : joins[k]].lower()
            start = joins[k]
            k += 1
        yield start, text[start:end].lower()
