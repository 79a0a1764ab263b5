"""Checking a quote against its source: verified, verified with edits, paraphrase, not found.

The order of the search is the order of trust. A quote found exactly (after normalisation,
with its first letter's case free) is **verified**; one found once its omissions and
insertions are read as edits is **verified-with-edits**; one that is only similar to a passage
(rapidfuzz similarity at least ``threshold``) is a **paraphrase**; anything else is
**not-found**. Each result says where the quote, or the closest passage, stands in the
original text — offsets, line and column, paragraph, page — and whether the evidence's locator
agrees, with the right locator when it does not.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from argmap.verify.exact import Chain, edited_matches, exact_matches
from argmap.verify.fuzzy import best_alignment, refine
from argmap.verify.index import PreparedSource, first_letter, prepare
from argmap.verify.locator import (
    Locator,
    LocatorCheck,
    LocatorKind,
    PageLine,
    Place,
    check_locator,
    page_line_ranges,
    page_parts,
    parse_locator,
)
from argmap.verify.markdowntext import STRUCK
from argmap.verify.quote import (
    DEFAULT_INSERTION_GAP,
    DEFAULT_MAX_GAP,
    ParsedQuote,
    adds_negation,
    changed_number,
    edge_number_change,
    negation_before,
    parse_quote,
    stands_for_negation,
)
from argmap.verify.text import SourceText, Span
from argmap.verify.wrapping import drop_trailing, unwrap

DEFAULT_THRESHOLD = 85.0
# Passages longer than this are shortened in the middle.
PASSAGE_LIMIT = 400


class Status(StrEnum):
    VERIFIED = "verified"
    VERIFIED_WITH_EDITS = "verified-with-edits"
    PARAPHRASE = "paraphrase"
    NOT_FOUND = "not-found"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a quote (or the passage closest to it) stands in the original text.

    ``start``/``end`` are character offsets into :attr:`SourceText.text` (end exclusive);
    ``line``/``column`` are those of the first character and ``end_line``/``end_column`` those
    of the last, all 1-based, as are the paragraph and page numbers. ``paged`` says whether the
    source has pages of its own (a PDF); any other is one page. ``page_line`` and
    ``end_page_line`` are the first and last character's lines counted within their pages.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    paragraph: int
    end_paragraph: int
    page: int
    end_page: int
    paged: bool = False
    page_line: int = 0
    end_page_line: int = 0

    @property
    def place(self) -> Place:
        return Place(
            (self.paragraph, self.end_paragraph),
            (self.page, self.end_page),
            (self.line, self.end_line),
            ((self.page, self.page_line), (self.end_page, self.end_page_line))
            if self.paged
            else None,
        )


@dataclass(frozen=True, slots=True)
class QuoteEdits:
    """The editorial changes a quote was read with: how many omissions, which bracketed
    insertions, and whether a part's first letter differs in case from the source."""

    omissions: int = 0
    insertions: tuple[str, ...] = ()
    case_changed: bool = False


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """The verdict on one quote.

    ``location`` and ``passage`` are the match for a verified quote, and the closest passage
    (the hint) for a paraphrase or a miss — None when nothing in the source resembles it.
    ``spans`` are the original spans of the matched parts (one unless the quote has omissions
    or insertions). ``occurrences`` counts exact matches (0 for a paraphrase or a miss, capped
    at :data:`argmap.verify.exact.MAX_OCCURRENCES`); when there are several, the first one
    that agrees with the locator is reported, else the first. ``similarity`` is 100 for a
    verified quote. ``negation`` is true when the quote's parts do stand in the source, but
    only if an omission or insertion is read as removing or adding a negation (see
    :func:`argmap.verify.quote.changes_negation`): the reason it is not verified.
    ``negated_before`` is the source's word right before a verified quote when it negates the
    quoted words (``not`` before ``approve the plan``), as the source writes it. ``gave_up``
    is true when the quote has so many omissions or insertions that the search for its parts
    ran out of its budget: it is not verified, but may stand in the source all the same (the
    status is ``not-found``, never ``paraphrase``; the closest passage is still given).
    ``marks_only`` is true when the quote, not found as written, has no words but its
    omissions and insertions (``...``, ``[sic]``): there was nothing to look for.
    ``number_change`` is, for a quote not verified only because an insertion would change a
    number of the source, that insertion as written (``[15]``) and the source's text it
    stands for (``1.5``). ``unwrapped`` is the pair of quotation marks the quote was checked
    without, which the source does not have around the quoted words (``“`` and ``”``);
    ``trailing`` is the mark the quote ends with, which the source does not have after them:
    without it the quote would be verified (see :mod:`.wrapping`).
    """

    quote: str
    status: Status
    similarity: float
    location: Location | None
    passage: str | None
    occurrences: int = 0
    spans: tuple[Span, ...] = ()
    edits: QuoteEdits = QuoteEdits()
    locator: LocatorCheck | None = None
    negation: bool = False
    negated_before: str | None = None
    gave_up: bool = False
    marks_only: bool = False
    number_change: tuple[str, str] | None = None
    unwrapped: tuple[str, str] | None = None
    trailing: str | None = None

    @property
    def verified(self) -> bool:
        return self.status in (Status.VERIFIED, Status.VERIFIED_WITH_EDITS)


def verify_quote(
    quote: str,
    source: SourceText | PreparedSource,
    *,
    locator: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    max_gap: int = DEFAULT_MAX_GAP,
    insertion_gap: int = DEFAULT_INSERTION_GAP,
) -> QuoteCheck:
    """Check ``quote`` against ``source`` and its ``locator`` (see the module docstring).

    A quote not verified as written is tried again without the quotation marks around it and
    without a mark of punctuation it ends with (see :mod:`.wrapping`): verified without its
    marks, it is verified, and says which marks it was checked without (``unwrapped``);
    verified only without its last mark, it stays as it was, and names that mark
    (``trailing``).

    Pass a :class:`PreparedSource` (or call :func:`verify_many`) to check many quotes against
    one source without normalising it each time; a :class:`SourceText` is prepared through a
    small cache keyed by the object's identity.
    """
    prepared = source if isinstance(source, PreparedSource) else prepare(source)

    def check(text: str, *, closest: bool = True) -> QuoteCheck | None:
        return _verify_as_written(
            text,
            prepared,
            locator=locator,
            threshold=threshold,
            max_gap=max_gap,
            insertion_gap=insertion_gap,
            closest=closest,
        )

    written = check(quote)
    assert written is not None
    if written.verified:
        return written
    # tried again for a verified match only: no closest passage is looked for
    unwrapped = unwrap(quote)
    if unwrapped is not None:
        inner = check(unwrapped[0], closest=False)
        if inner is not None:
            return replace(inner, quote=quote, unwrapped=unwrapped[1])
    for marks, text in _without_trailing(quote, unwrapped):
        shorter = drop_trailing(text)
        if shorter is not None and check(shorter[0], closest=False) is not None:
            return replace(written, trailing=shorter[1], unwrapped=marks)
    return written


def _without_trailing(
    quote: str, unwrapped: tuple[str, tuple[str, str]] | None
) -> Iterator[tuple[tuple[str, str] | None, str]]:
    """The texts to try without their last mark, with the quotation marks each is without:
    the quote as written, and without its marks (``“works.”``), or its marks once its last
    mark is dropped (``“works”.``)."""
    yield None, quote
    if unwrapped is not None:
        yield unwrapped[1], unwrapped[0]
    shorter = drop_trailing(quote)
    if shorter is not None:
        inner = unwrap(shorter[0])
        if inner is not None:
            yield inner[1], inner[0] + shorter[1]


def _verify_as_written(
    quote: str,
    prepared: PreparedSource,
    *,
    locator: str | None,
    threshold: float,
    max_gap: int,
    insertion_gap: int,
    closest: bool = True,
) -> QuoteCheck | None:
    """:func:`verify_quote` of ``quote`` as it is written; None, when not ``closest``, for a
    quote that is not verified (then no closest passage is looked for)."""
    parsed = parse_quote(quote, max_gap=max_gap, insertion_gap=insertion_gap)
    labels = prepared.source.page_labels
    wanted = parse_locator(locator, labels) if locator is not None and locator.strip() else None
    edits = QuoteEdits(parsed.omissions, parsed.insertions)
    if not parsed.parts:  # nothing but marks and spaces: nothing to look for
        if not closest:
            return None
        check = _closest(quote, prepared, parsed, edits, locator, threshold)
        return replace(check, marks_only=True)

    exact = exact_matches(prepared, parsed)
    if exact:
        return _found(parsed, prepared, exact, Status.VERIFIED, locator, wanted)
    negation = gave_up = False
    number: tuple[str, str] | None = None
    if parsed.has_edits:
        edited = edited_matches(prepared, parsed.parts)
        chains = [
            chain
            for chain in edited.chains
            if _edges_faithful(prepared, parsed, chain, insertion_gap)
        ]
        if chains:
            return _found(parsed, prepared, chains, Status.VERIFIED_WITH_EDITS, locator, wanted)
        gave_up = edited.gave_up
        if not gave_up and closest:
            unfaithful = edited_matches(prepared, parsed.parts, faithful=False).chains
            number = next(
                (
                    found
                    for chain in unfaithful
                    if (found := _number_change(prepared, parsed, chain, insertion_gap))
                ),
                None,
            )
            negation = bool(unfaithful) and number is None
    if not closest:
        return None
    check = _closest(quote, prepared, parsed, edits, locator, threshold)
    if gave_up:  # undecided: neither absent nor a paraphrase
        return replace(
            check,
            status=Status.NOT_FOUND,
            gave_up=True,
            locator=None
            if locator is None
            else check_locator(locator, None, prepared.source.page_labels),
        )
    if number is not None:
        return replace(check, number_change=number)
    return replace(check, negation=True) if negation else check


def _edges_faithful(
    prepared: PreparedSource, parsed: ParsedQuote, chain: Chain, reach: int
) -> bool:
    """Whether the insertions before and after the quoted words add no negation that the
    source's text next to them (as far as an insertion may stand for) does not have, and the
    marks there stand for none it has."""
    text = prepared.text
    start, end = chain[0][0], chain[-1][1]
    before, after = text[max(0, start - reach) : start], text[end : end + reach]
    return not (
        adds_negation(before, parsed.leading, before=True)
        or adds_negation(after, parsed.trailing, before=False)
        or stands_for_negation(before, parsed.leading, parsed.leading_gap, before=True)
        or stands_for_negation(
            after, parsed.trailing, parsed.trailing_gap, before=False, edge=text[end - 1 : end]
        )
        or edge_number_change(before, parsed.leading, before=True) is not None
        or edge_number_change(after, parsed.trailing, before=False) is not None
    )


def _number_change(
    prepared: PreparedSource, parsed: ParsedQuote, chain: Chain, reach: int
) -> tuple[str, str] | None:
    """The first insertion of a placement of the quote's parts that changes a number of the
    source, written as in the quote (``[15]``), and the source's text it stands for (``1.5``):
    all the text between two parts, or at the quote's start or end the numbers of the clause
    next to the quoted words (see :func:`argmap.verify.quote.edge_number_change`)."""
    text, source = prepared.text, prepared.source.text

    def original(start: int, end: int) -> str:
        span = _original(prepared, start, end)
        return " ".join(source[span.start : span.end].split())

    start, end = chain[0][0], chain[-1][1]
    lo = max(0, start - reach)
    found = edge_number_change(text[lo:start], parsed.leading, before=True)
    if found is not None:
        return f"[{found[0]}]", original(lo + found[1], lo + found[2])
    for (_, gap_start), (gap_end, _), part in zip(chain, chain[1:], parsed.parts[1:], strict=False):
        changed = changed_number(text[gap_start:gap_end], part.inserted) if part.inserted else None
        if changed is not None:
            return f"[{changed}]", original(gap_start, gap_end)
    found = edge_number_change(text[end : end + reach], parsed.trailing, before=False)
    if found is not None:
        return f"[{found[0]}]", original(end + found[1], end + found[2])
    return None


def verify_many(
    quotes: Iterable[str | tuple[str, str | None]],
    source: SourceText | PreparedSource,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    max_gap: int = DEFAULT_MAX_GAP,
    insertion_gap: int = DEFAULT_INSERTION_GAP,
) -> list[QuoteCheck]:
    """:func:`verify_quote` for each quote (or ``(quote, locator)`` pair), preparing the source
    once."""
    prepared = source if isinstance(source, PreparedSource) else prepare(source)
    results: list[QuoteCheck] = []
    for item in quotes:
        text, locator = (item, None) if isinstance(item, str) else item
        results.append(
            verify_quote(
                text,
                prepared,
                locator=locator,
                threshold=threshold,
                max_gap=max_gap,
                insertion_gap=insertion_gap,
            )
        )
    return results


# --- building results -----------------------------------------------------------------------


def _found(
    parsed: ParsedQuote,
    prepared: PreparedSource,
    chains: list[Chain],
    status: Status,
    locator: str | None,
    wanted: Locator | None,
) -> QuoteCheck:
    chosen = chains[_preferred(prepared, chains, wanted) if wanted is not None else 0]
    location = _location(prepared, chosen[0][0], chosen[-1][1])
    spans = tuple(_original(prepared, start, end) for start, end in chosen)
    return QuoteCheck(
        quote=parsed.raw,
        status=status,
        similarity=100.0,
        location=location,
        passage=_passage(prepared.source.text, location.start, location.end),
        occurrences=len(chains),
        spans=spans,
        edits=_edits(prepared, parsed, chosen, status),
        locator=None
        if locator is None
        else check_locator(locator, location.place, prepared.source.page_labels),
        negated_before=_negated_before(prepared, parsed, chosen[0][0]),
    )


# How much of the source before a quote is looked at for the word right before it.
_WORD_BEFORE_REACH = 40


def _negated_before(prepared: PreparedSource, parsed: ParsedQuote, start: int) -> str | None:
    """The source's word right before the quoted words, at ``start``, when it negates them
    and the quote's own leading insertion does not say so too."""
    if any(negation_before(text) for text in parsed.leading):
        return None
    begin = _word_before_begins(prepared, start)
    found = negation_before(prepared.text[begin:start])
    if found is None:
        return None
    span = _original(prepared, begin + found[0], begin + found[1])
    return prepared.source.text[span.start : span.end]


def _word_before_begins(prepared: PreparedSource, start: int) -> int:
    """Where the source's text looked at for the word before ``start`` begins: at most
    :data:`_WORD_BEFORE_REACH` characters back, and not before the last join of a dash
    between words (``was—not—approved`` reads ``wasnotapproved``, cut at the joins: the word
    before ``approved`` is ``not``). A hyphen's join is inside a word, and is passed over."""
    begin = max(0, start - _WORD_BEFORE_REACH)
    joins = prepared.normalized.joins
    k = bisect_left(joins, start) - 1
    while k >= 0 and joins[k] > begin:
        if joins[k] in prepared.join_set:
            return joins[k]
        k -= 1
    return begin


def _preferred(prepared: PreparedSource, chains: list[Chain], wanted: Locator) -> int:
    """The first match that agrees with the locator (the first match if none does).

    Each part of the locator becomes a range of original offsets once, so trying a thousand
    occurrences of a common phrase costs two lookups each, not a full :class:`Location`.
    """
    source = prepared.source
    paired = page_parts(wanted) if source.kind == "pdf" else {}
    bounds = [
        [
            _page_line_bounds(source, lo, hi)
            for lo, hi in page_line_ranges(wanted.parts[paired[index]], part)
        ]
        if index in paired
        else [_bounds(source, part.kind, first, last) for first, last in part.ranges]
        for index, part in enumerate(wanted.parts)
    ]
    offsets = prepared.normalized.offsets
    for index, chain in enumerate(chains):
        first = offsets.start(chain[0][0])
        last = max(first, offsets.end(chain[-1][1]) - 1)
        if all(any(first < hi and last >= lo for lo, hi in ranges) for ranges in bounds):
            return index
    return 0


def _bounds(source: SourceText, kind: LocatorKind, first: int, last: int) -> tuple[float, float]:
    """Original offsets ``[lo, hi)`` of the paragraphs, pages or lines ``first..last``; a
    stretch that starts in the gap after a paragraph counts for that paragraph, as in
    :meth:`SourceText.paragraph_at`."""
    if kind is LocatorKind.LINE:
        starts: Sequence[int] = source.line_starts
        lo = starts[first - 1] if first <= len(starts) else math.inf
        hi = starts[last] if last < len(starts) else math.inf
        return lo, hi
    # index the two starts needed, not a list of every start (this runs once per quote)
    if kind is LocatorKind.PARAGRAPH:
        starts = source.paragraph_starts
        lo = starts[first - 1] if first <= len(starts) else math.inf
        hi = starts[last] if last < len(starts) else math.inf
        return lo, hi
    pages = source.pages
    lo = pages[first - 1].start if first <= len(pages) else math.inf
    hi = pages[last].start if last < len(pages) else math.inf
    return lo, hi


def _page_line_bounds(source: SourceText, lo: PageLine, hi: PageLine) -> tuple[float, float]:
    """Original offsets ``[lo, hi)`` from line ``lo[1]`` of page ``lo[0]`` to the end of line
    ``hi[1]`` of page ``hi[0]``, lines counted within their pages; a line past a page's last
    is its end, as :func:`argmap.verify.locator.agrees` compares them."""
    return _page_line_start(source, *lo), _page_line_start(source, hi[0], hi[1] + 1)


def _page_line_start(source: SourceText, page: int, line: int) -> float:
    """Where line ``line`` of page ``page`` begins: no later than the next page's start."""
    if page > len(source.pages):
        return math.inf
    index = source.page_line(page) + line - 2  # into line_starts
    start = source.line_starts[index] if index < len(source.line_starts) else math.inf
    return min(start, source.pages[page].start) if page < len(source.pages) else start


def _edits(
    prepared: PreparedSource, parsed: ParsedQuote, chain: Chain, status: Status
) -> QuoteEdits:
    """The edits a match was read with. An exact match has none, even when the quote holds
    ``...`` or brackets (the source has them too); either may have a first letter's case
    changed."""
    if status is Status.VERIFIED:
        texts = [parsed.whole]
        edits = QuoteEdits()
    else:
        texts = [part.text for part in parsed.parts]
        edits = QuoteEdits(parsed.omissions, parsed.insertions)
    case_changed = any(
        text[first_letter(text)] != prepared.text[start + first_letter(text)]
        for text, (start, _) in zip(texts, chain, strict=False)
        if text
    )
    return QuoteEdits(edits.omissions, edits.insertions, case_changed)


# --- paraphrases and misses --------------------------------------------------------------------


def _closest(
    quote: str,
    prepared: PreparedSource,
    parsed: ParsedQuote,
    edits: QuoteEdits,
    locator: str | None,
    threshold: float,
) -> QuoteCheck:
    target = parsed.joined
    best = best_alignment(prepared, target)
    if best is None:
        return QuoteCheck(
            quote=quote,
            status=Status.NOT_FOUND,
            similarity=0.0,
            location=None,
            passage=None,
            edits=edits,
            locator=None
            if locator is None
            else check_locator(locator, None, prepared.source.page_labels),
        )
    score, start, end = refine(prepared, target, best[1], best[2])
    location = _location(prepared, start, end)
    status = Status.PARAPHRASE if score >= threshold else Status.NOT_FOUND
    place = location.place if status is Status.PARAPHRASE else None
    return QuoteCheck(
        quote=quote,
        status=status,
        similarity=round(score, 1),
        location=location,
        passage=_passage(prepared.source.text, location.start, location.end),
        spans=(Span(location.start, location.end),),
        edits=edits,
        locator=None
        if locator is None
        else check_locator(locator, place, prepared.source.page_labels),
    )


# --- from normalised offsets to the original -------------------------------------------------


def _original(prepared: PreparedSource, start: int, end: int) -> Span:
    offsets = prepared.normalized.offsets
    if end <= start:
        at = offsets.start(start)
        return Span(at, at)
    return Span(offsets.start(start), offsets.end(end))


def _location(prepared: PreparedSource, start: int, end: int) -> Location:
    span = _original(prepared, start, end)
    source = prepared.source
    first = source.position(span.start)
    last = source.position(max(span.start, span.end - 1))
    return Location(
        start=span.start,
        end=span.end,
        line=first.line,
        column=first.column,
        end_line=last.line,
        end_column=last.column,
        paragraph=first.paragraph,
        end_paragraph=last.paragraph,
        page=first.page,
        end_page=last.page,
        paged=source.kind == "pdf",
        page_line=source.line_in_page(span.start),
        end_page_line=source.line_in_page(max(span.start, span.end - 1)),
    )


def _passage(text: str, start: int, end: int) -> str:
    """The original text of a match, shortened in the middle when it is long; struck-out
    words of an HTML page, one mark in its text, are named."""
    passage = text[start:end].replace(STRUCK, "[struck out]")
    if len(passage) <= PASSAGE_LIMIT:
        return passage
    half = PASSAGE_LIMIT // 2
    return f"{passage[:half].rstrip()} […] {passage[-half:].lstrip()}"
