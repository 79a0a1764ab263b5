"""Reading a quote's editorial marks: omissions (``...``, ``…``, ``[...]``) and insertions.

Quoting conventions let an editor shorten a passage and fit it into a sentence without it
becoming a misquote. argmap honours them, and only them:

* an **omission** — ``...``, ``…``, ``. . .`` or any of them in brackets — splits the quote into
  parts that must appear in the source in order and close together (within ``max_gap``
  normalised characters: an ellipsis that leaves out half the article is not an omission);
* an **insertion** — ``[the SPP]``, ``[sic]`` — is the editor's, not the source's: it is skipped,
  and the parts around it may stand up to ``insertion_gap`` characters apart (the bracket often
  replaces a word of the source, ``[the SPP]`` for ``it``); ``[sic]`` and a bracket without a
  word replace nothing, so the parts around them may only be a space apart;
* a bracketed letter that starts a word — ``[T]he`` — is a change of case: the letter is kept and
  its case is free;
* the first letter of the quote, and of each part, may differ in case from the source
  ("the" for "The" when the quote starts mid-sentence), after any opening quotation marks and
  brackets (``"the plan`` for ``“The plan``).

Neither may turn the source's meaning round: what an omission leaves out, or an insertion
stands for, may not hold a negation (``not``, ``never``, ``n't``…) next to the quoted words
(not set off from them by punctuation), unless the insertion says it too; and an insertion
may not add a negation its source does not have (:func:`changes_negation`), nor one at the
quote's start or end (:func:`adds_negation`). Nor may an insertion change a number: each
number it holds must be one of the text it stands for, when that text has any
(:func:`changed_number`, :func:`edge_number_change`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.verify.footnotes import hide_footnote_markers
from argmap.verify.negations import NEGATING_WORD as _NEGATING_WORD
from argmap.verify.negations import NEGATION as _NEGATION
from argmap.verify.negations import PAIRED_SECONDS, negates
from argmap.verify.normalize import normalize, words
from argmap.verify.numbers import numbers_in, values_in

DEFAULT_MAX_GAP = 400
DEFAULT_INSERTION_GAP = 80

# What sets a clause off from its neighbours; the words that negate are
# :mod:`.negations`'s, in every language it knows. The last word of a text with what follows
# it is only tried where a word begins, and neither run gives back a character: tried from
# every letter of a long word, each attempt ran to its end (a 100 KB insertion took 86 s).
_FIRST_WORD = re.compile(r"([^\w'\u2019]*+)([\w'\u2019]++)")
_LAST_WORD = re.compile(r"(?<![\w'\u2019])([\w'\u2019]++)(\W*+)$")
_SIC = re.compile(r"\s*sic\s*!?\s*", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\"]")
_CLAUSE_WORD = re.compile(r"[\w'\u2019]+")
# What ends a clause but for a decimal point or comma between two digits.
_NUMBER_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]\"]|(?<!\d)[.,]|[.,](?!\d)")
# Marks that set off a negating word alone, around it (see _set_off_alone).
_PAIRS = {"(": ")", "[": "]", '"': '"', ",": ","}

# An omission (possibly bracketed), a bracketed insertion, or a bracketed letter before a word.
_MARK = re.compile(
    r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]"  # [...] or […]
    r"|\.\s\.\s\.|\.{3,}|…"  # . . . or ... or …
    r"|\[(?P<letter>[^\W\d_])\](?=\w)"  # [T]he
    r"|\[(?P<insertion>[^\[\]]*)\]"  # [the SPP], [sic]
)


@dataclass(frozen=True, slots=True)
class QuotePart:
    """One stretch of a quote that must appear verbatim (after normalisation).

    ``max_gap`` is how many normalised characters may separate it from the part before (0 for
    the first part); ``joins`` are its normalised joins (see :mod:`.normalize`); ``inserted``
    are the bracketed insertions written between it and the part before.
    """

    text: str
    max_gap: int
    joins: tuple[int, ...] = ()
    inserted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedQuote:
    """A quote as written, its normalised whole, and the parts to find when it has edits.

    ``whole`` keeps the marks literally: a source that itself contains ``...`` or ``[sic]`` is
    matched exactly before the marks are read as edits.
    """

    raw: str
    whole: str
    whole_joins: tuple[int, ...]
    parts: tuple[QuotePart, ...]
    omissions: int
    insertions: tuple[str, ...]
    leading: tuple[str, ...] = ()  # insertions before the first part
    trailing: tuple[str, ...] = ()  # and after the last
    # How many characters of the source the marks before the first part (after the last) may
    # stand for: 0 without marks, 1 for [sic] or a bracketed letter, more for an omission or
    # an insertion with words.
    leading_gap: int = 0
    trailing_gap: int = 0

    @property
    def has_edits(self) -> bool:
        return bool(self.omissions or self.insertions)

    @property
    def joined(self) -> str:
        """The parts run together: what a fuzzy search compares with the source."""
        return " ".join(part.text for part in self.parts)


def parse_quote(
    quote: str,
    *,
    max_gap: int = DEFAULT_MAX_GAP,
    insertion_gap: int = DEFAULT_INSERTION_GAP,
) -> ParsedQuote:
    """Split ``quote`` at its editorial marks and normalise each part. Footnote markers
    (``works.[1]``) are not marks: they are dropped, as from the source."""
    raw, quote = quote, hide_footnote_markers(quote)
    pieces: list[tuple[str, int, tuple[str, ...]]] = []
    omissions = 0
    insertions: list[str] = []
    gap = 0
    inserted: tuple[str, ...] = ()  # the insertions of the mark before the next piece
    position = 0
    carry = ""  # a bracketed letter that begins the next piece
    for mark in _MARK.finditer(quote):
        pieces.append((carry + quote[position : mark.start()], gap, inserted))
        position = mark.end()
        letter, insertion = mark.group("letter"), mark.group("insertion")
        carry, inserted = "", ()
        if letter is not None:
            insertions.append(letter)
            carry, gap = letter, 1
        elif insertion is not None:
            insertions.append(insertion.strip())
            gap, inserted = _insertion_gap(insertion, insertion_gap), (insertion.strip(),)
        else:
            omissions += 1
            gap = max_gap
    pieces.append((carry + quote[position:], gap, inserted))

    parts: list[QuotePart] = []
    pending = 0
    pending_inserted: tuple[str, ...] = ()
    leading: tuple[str, ...] = ()
    leading_gap = 0
    for text, piece_gap, piece_inserted in pieces:
        stripped, joins = _normalized(text)
        pending = max(pending, piece_gap)
        pending_inserted += piece_inserted
        if stripped:
            if parts:
                parts.append(QuotePart(stripped, pending, joins, pending_inserted))
            else:
                parts.append(QuotePart(stripped, 0, joins))
                leading, leading_gap = pending_inserted, pending
            pending, pending_inserted = 0, ()
    whole, whole_joins = _normalized(quote)
    trailing = pending_inserted if parts else ()
    return ParsedQuote(
        raw,
        whole,
        whole_joins,
        tuple(parts),
        omissions,
        tuple(insertions),
        leading,
        trailing,
        leading_gap,
        pending if parts else 0,
    )


def _insertion_gap(insertion: str, insertion_gap: int) -> int:
    """How much of the source an insertion may stand for: ``[sic]`` (the words before it are
    the source's own) and a bracket without a word (``[]``, ``[,]``) stand for nothing but a
    space; any other, such as ``[the SPP]`` for ``it``, for up to ``insertion_gap``."""
    if _SIC.fullmatch(insertion) or not any(c.isalnum() for c in insertion):
        return 1
    return insertion_gap


def _normalized(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalised ``text`` without leading and trailing spaces and dashes, and its joins.

    A dash at a quote's edge ("—maybe inter-planetary—") has no word on its far side, so it
    would not be dropped as the source's dash between two words is: it is trimmed instead;
    but not a minus sign, a dash right before the digit that begins the quote ("-5 degrees").
    """
    normalized = normalize(text)
    stripped = normalized.text.strip(" -")
    offset = normalized.text.find(stripped) if stripped else 0
    if offset and normalized.text[offset - 1] == "-" and stripped[:1].isdecimal():
        offsets = normalized.offsets
        if offsets.end(offset) == offsets.start(offset):  # the dash touches the digit
            offset -= 1
            stripped = normalized.text[offset : offset + len(stripped) + 1]
    joins = tuple(j - offset for j in normalized.joins if offset < j < offset + len(stripped))
    return stripped, joins


def negation_count(text: str) -> int:
    """How many negating words ``text`` holds (``not``, ``never``, ``cannot``, ``isn't``...)."""
    return sum(1 for _ in _NEGATION.finditer(text))


def changes_negation(
    before: str, gap: str, after: str, inserted: tuple[str, ...], preceding: str = ""
) -> bool:
    """Whether reading ``gap`` (the source's normalised text between two parts of a quote,
    ``before`` and ``after`` being the characters around it) as an edit would remove or add a
    negation: ``did … approve`` for ``did not approve``, ``[Smith] approved`` for ``never
    approved``, ``was [not] a failure`` for ``was a failure``.

    A negation left out counts only next to the quoted words: ``The plan, … was approved``
    for ``The plan, which was not popular, was approved`` leaves out a clause of its own. A
    negation alone between the marks (``was (not) approved``, ``is “not” final``) is no
    clause of its own: it negates the words around it. ``preceding`` is the source's text
    before the gap, where the first word of a pair may stand (``ne`` of ``ne … plus``).
    """
    clauses = _CLAUSE_BREAK.split(f"{before} {gap} {after}")
    removed = (
        _NEGATION.search(clauses[0]) is not None
        or _NEGATION.search(clauses[-1]) is not None
        or any(_only_negation(clause) for clause in clauses[1:-1])
        or _completes_pair(preceding, clauses[0])
    )
    added = any(_NEGATION.search(text) for text in inserted)
    if added:
        return _NEGATION.search(gap) is None
    return removed


def _completes_pair(preceding: str, clause: str) -> bool:
    """Whether a word of ``clause`` (the first clause of a gap) negates as the second word of
    a pair whose first stands in ``preceding``, the text before it (``Ils ne sont`` before
    ``plus``)."""
    lowered = clause.lower()
    if not preceding or not any(second in lowered for second in PAIRED_SECONDS):
        return False
    return any(
        negates(word.group(), preceding + clause[: word.start()])
        for word in _CLAUSE_WORD.finditer(clause)
    )


def changed_number(gap: str, inserted: tuple[str, ...]) -> str | None:
    """The insertion of ``inserted`` that changes a number of ``gap``, the source's text it
    stands for: one with a number that is none of the gap's (``[15]`` for ``1.5``, ``[two]``
    for ``3``); None when each of its numbers is one of them, written alike or not (``[1,000]``
    for ``1000``, ``[fifteen]`` for ``15``, see :mod:`.numbers`), or when the gap has no number
    (``[in 2020]`` for ``then`` adds one, and changes none)."""
    found = values_in(gap)
    if not found:
        return None
    for text in inserted:
        if any(not number.values & found for number in numbers_in(text)):
            return text
    return None


def edge_number_change(
    context: str, inserted: tuple[str, ...], *, before: bool
) -> tuple[str, int, int] | None:
    """Whether insertions at a quote's start (``before``) or end change a number of the
    source's clause just before or after the quoted words, ``context``: ``[15]% in 2020``
    for ``rose by 1.5% in 2020``. The insertion, and where in ``context`` the numbers it
    stands for stand (from the first to the last of the clause's); None if none changes."""
    breaks = list(_NUMBER_CLAUSE_BREAK.finditer(context))
    if before:
        start, end = (breaks[-1].end() if breaks else 0), len(context)
    else:
        start, end = 0, (breaks[0].start() if breaks else len(context))
    clause = context[start:end]
    changed = changed_number(clause, inserted)
    if changed is None:
        return None
    numbers = numbers_in(clause)
    return changed, start + numbers[0].start, start + numbers[-1].end


def _only_negation(clause: str) -> bool:
    """Whether ``clause`` holds words and each negates (``(not)``, ``“never”``): no clause
    of its own, but the negation of the words around it set off by marks."""
    found = _CLAUSE_WORD.findall(clause)
    return bool(found) and all(_NEGATING_WORD.fullmatch(word) for word in found)


def adds_negation(context: str, inserted: tuple[str, ...], *, before: bool) -> bool:
    """Whether insertions at a quote's start (``before``) or end add a negation that the
    source's clause just before or after the quoted words, ``context``, does not have:
    ``[It is not true that] the plan works`` for ``The plan works``."""
    if not any(_NEGATION.search(text) for text in inserted):
        return False
    clauses = _CLAUSE_BREAK.split(context)
    return _NEGATION.search(clauses[-1] if before else clauses[0]) is None


def stands_for_negation(
    context: str, inserted: tuple[str, ...], gap: int, *, before: bool, edge: str = ""
) -> bool:
    """Whether the marks at a quote's start (``before``) or end, which may stand for ``gap``
    characters of the source, stand for the negating word right next to the quoted words in
    ``context`` (the source's text before or after them) without saying it: ``[Smith]
    approved`` for ``never approved``, ``said [yes]`` or ``said …`` for ``said no``. At the
    start only an insertion counts: an omission there is rule AM014's (see
    :func:`negation_before`). ``edge`` is the quote's last character: a comma there sets the
    word after off (``approved, …`` for ``approved, not rejected``)."""
    if gap <= 1 or any(_NEGATION.search(text) for text in inserted):
        return False
    if before:
        return bool(inserted) and negation_before(context) is not None
    found = _FIRST_WORD.match(context)
    return (
        found is not None
        and _CLAUSE_BREAK.search(edge + found.group(1)) is None
        and _NEGATING_WORD.fullmatch(found.group(2)) is not None
    )


def negation_before(context: str) -> tuple[int, int] | None:
    """Where in ``context`` (the source's text just before the quoted words) the word right
    before them stands, when it negates them: ``approve the plan`` from ``did not approve the
    plan``. None when that word negates nothing, or punctuation sets the quote off from it,
    but for marks around that word alone (``was (not) approved``)."""
    found = _LAST_WORD.search(context)
    if found is None or not negates(found.group(1), context[: found.start(1)]):
        return None
    if _CLAUSE_BREAK.search(found.group(2)) and not _set_off_alone(context, found):
        return None
    return found.start(1), found.end(1)


def _set_off_alone(context: str, found: re.Match[str]) -> bool:
    """Whether the negating word ``found`` at the end of ``context`` stands alone between a
    pair of marks that set off no sentence (``(not)``, ``"not"``, ``, never,``): it negates
    the words after it as a bare one does. Not ``was "no", the minister said``: a comma
    after the closing mark ends the clause."""
    opening = context[: found.start(1)].rstrip()[-1:]
    closing = found.group(2).strip()
    return bool(opening) and _PAIRS.get(opening) == closing


def words_of(part: QuotePart) -> list[tuple[int, str]]:
    """The words of a part, cut as the source's are (see :func:`.normalize.words`)."""
    return words(part.text, part.joins)
