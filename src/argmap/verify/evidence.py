"""Every quote of a map checked against its source: the map-level edge of the verify stage.

Each source file is read once (the only I/O here) and prepared once for all its quotes.
A quote whose source has no local file, or an unreadable one, is ``unchecked``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from argmap.argument_map import ArgumentMap, Evidence
from argmap.verdict import GAVE_UP_TEXT, MARKS_ONLY_TEXT, QuoteStatus
from argmap.verify.cache import read_source_once
from argmap.verify.index import prepare
from argmap.verify.match import DEFAULT_THRESHOLD, Location, QuoteCheck, verify_many
from argmap.verify.sources import SourceError
from argmap.verify.text import SourceText

PASSAGE_HINT = 160  # characters of the closest passage shown in a hint


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """One evidence item's quote check, in the words the rules and reports use."""

    evidence: str
    status: QuoteStatus
    similarity: float
    check: QuoteCheck | None = None

    @property
    def location(self) -> Location | None:
        return self.check.location if self.check is not None else None

    @property
    def negation(self) -> bool:
        """Whether the quote is not verified only because an edit would turn a negation round."""
        return self.check is not None and self.check.negation

    @property
    def number_change(self) -> tuple[str, str] | None:
        """The insertion that would change a number of the source, and what it stands for,
        when that is why the quote is not verified."""
        return self.check.number_change if self.check is not None else None

    @property
    def unwrapped(self) -> tuple[str, str] | None:
        """The quotation marks around the quote that the source does not have around the
        quoted words, and that it was checked without (``“``, ``”``); None if none."""
        return self.check.unwrapped if self.check is not None else None

    @property
    def trailing(self) -> str | None:
        """The mark the quote ends with that the source does not have after the quoted words,
        when that (and only that, with any quotation marks around it) is why the quote is not
        verified; None otherwise."""
        if self.check is None or self.check.verified:
            return None
        return self.check.trailing

    @property
    def gave_up(self) -> bool:
        """Whether the quote has so many omissions and insertions that the search gave up: it
        is not verified, but is not known to be absent either."""
        return self.check is not None and self.check.gave_up

    @property
    def marks_only(self) -> bool:
        """Whether the quote is nothing but omissions and insertions (and was not found)."""
        return self.check is not None and self.check.marks_only

    @property
    def unverified_text(self) -> str | None:
        """What a quote not found for want of a search is called instead of "not found" (it
        has too many omissions and insertions, or nothing else); None for any other quote."""
        if self.marks_only:
            return MARKS_ONLY_TEXT
        return GAVE_UP_TEXT if self.gave_up else None

    @property
    def marks(self) -> int:
        """How many omissions and insertions the quote was read with."""
        if self.check is None:
            return 0
        return self.check.edits.omissions + len(self.check.edits.insertions)

    @property
    def negated_before(self) -> str | None:
        """The source's negating word right before a verified quote (``not``), if any."""
        return self.check.negated_before if self.check is not None else None

    @property
    def location_text(self) -> str | None:
        loc = self.location
        if loc is None:
            return None
        if loc.paged:  # the line within the page, as a locator cites it
            return f"para {loc.paragraph}, page {loc.page}, line {loc.page_line}, col {loc.column}"
        return (
            f"para {loc.paragraph}, line {loc.line}, col {loc.column}"  # a text file has no pages
        )

    @property
    def hint(self) -> str | None:
        """The closest passage, for a paraphrase or a quote not found (and what to do, when
        the search gave up); for a quote that only its last mark keeps from being verified,
        what to drop."""
        if self.check is not None and self.check.gave_up and self.check.passage is None:
            return "split it into shorter quotes, with fewer omissions and insertions"
        if self.trailing is not None:
            drop = f"drop the '{self.trailing}' at the end of the quote"
            if self.unwrapped is not None:
                opening, closing = self.unwrapped
                if opening and closing:
                    return f"{drop}, and the quotation marks '{opening}' and '{closing}' around it"
                if opening:
                    return f"{drop}, and the quotation mark '{opening}' at its start"
                return f"{drop}, and the quotation mark '{closing}' before it"
            return drop
        if self.check is None or self.check.passage is None or self.check.verified:
            return None
        passage = " ".join(self.check.passage.split())
        if len(passage) > PASSAGE_HINT:
            passage = passage[: PASSAGE_HINT - 1] + "…"
        where = f" ({self.location_text})" if self.location_text else ""
        closest = f"closest passage{where}: “{passage}”"
        if self.check.gave_up:
            return f"split it into shorter quotes, with fewer omissions and insertions; {closest}"
        return closest

    @property
    def locator_roman(self) -> tuple[str, bool] | None:
        """A page in roman numerals that names no page of the source, as written, and whether
        the source labels its pages at all (without labels, ``p. ii`` is no page)."""
        locator = self.check.locator if self.check is not None else None
        if locator is None or locator.roman is None:
            return None
        return locator.roman.label, locator.roman.labelled

    @property
    def locator_fix(self) -> str | None:
        """How to write the locator, when argmap can tell: a range of lines that ends before
        it starts, for want of its last number in full (``lines 20-22`` for ``lines
        20-2``)."""
        locator = self.check.locator if self.check is not None else None
        if locator is None or locator.backwards is None or locator.backwards.full is None:
            return None
        last, written = locator.backwards.full
        first = locator.backwards.first
        return f"write a range of lines in full: '{written}' for lines {first} to {last}"

    @property
    def locator_unreadable(self) -> bool:
        """Whether the locator does not follow the grammar (whatever became of the quote)."""
        locator = self.check.locator if self.check is not None else None
        return locator is not None and not locator.understood

    @property
    def locator_hint(self) -> str | None:
        """What is wrong with the locator, to follow ``locator '...'``; None if nothing."""
        locator = self.check.locator if self.check is not None else None
        if locator is None:
            return None
        if locator.backwards is not None:
            wrong = locator.backwards
            noun = str(wrong.kind)
            return f"ends before it starts: {noun} {wrong.last} comes before {noun} {wrong.first}"
        if not locator.understood:
            return "is not one argmap understands: write 'para 3', 'page 2' or 'line 40'"
        if locator.agrees is False and locator.expected:
            return f"disagrees with the source: the quote stands at {locator.expected}"
        return None


Reader = Callable[[Path], SourceText | SourceError]


def quote_marks(checks: Mapping[str, EvidenceCheck]) -> dict[str, str]:
    """By evidence id, what the map says of a quote its status does not name rightly (see
    :attr:`EvidenceCheck.unverified_text`); empty for most maps."""
    return {
        evidence_id: text
        for evidence_id, check in checks.items()
        if (text := check.unverified_text) is not None
    }


def verify_evidence(
    m: ArgumentMap,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    reader: Reader = read_source_once,
) -> tuple[dict[str, EvidenceCheck], dict[str, str]]:
    """Check every quote; return the checks by evidence id, in the map's order (each source
    is read once, its quotes together), and the unreadable sources."""
    by_source: dict[str, list[Evidence]] = {}
    for e in m.evidence.values():
        by_source.setdefault(e.source, []).append(e)
    checks: dict[str, EvidenceCheck] = {}
    unreadable: dict[str, str] = {}
    for source_id, items in by_source.items():
        source = m.sources[source_id]
        text: SourceText | SourceError | None = None
        if source.path is not None:
            text = reader(source.path)
            if isinstance(text, SourceError):
                unreadable[source_id] = _as_written(text, source.file or text.name)
        if not isinstance(text, SourceText):
            for e in items:
                checks[e.id] = EvidenceCheck(e.id, QuoteStatus.UNCHECKED, 0.0)
            continue
        prepared = prepare(text)
        results = verify_many([(e.quote, e.locator) for e in items], prepared, threshold=threshold)
        for e, result in zip(items, results, strict=True):
            checks[e.id] = EvidenceCheck(
                e.id, QuoteStatus(result.status.value), result.similarity, result
            )
    return {eid: checks[eid] for eid in m.evidence}, unreadable


def _as_written(error: SourceError, written: str) -> str:
    """The reason, naming the file as the map writes it: the resolved absolute path would
    tell every reader of a published report where the check ran, and helps none of them."""
    prefix = f"{error.name}: "
    if error.message.startswith(prefix):
        return f"'{written}': {error.message[len(prefix) :]}"
    return error.message
