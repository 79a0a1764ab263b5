"""Finding a quote exactly, or part by part when it has omissions and insertions.

Matches are *chains*: the normalised ``(start, end)`` of each part of the quote, one part for
an exact match. Both searches return every match in order (up to :data:`MAX_OCCURRENCES`), so
the caller can count them and prefer the one its locator names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from argmap.verify.index import PreparedSource, anchored_find
from argmap.verify.negations import PAIR_REACH
from argmap.verify.quote import (
    ParsedQuote,
    QuotePart,
    changed_number,
    changes_negation,
    words_of,
)

# Occurrences counted (and tried against the locator) before giving up counting.
MAX_OCCURRENCES = 100
# Candidate positions tried while chaining the parts of an edited quote.
CHAIN_BUDGET = 20_000

Chain = tuple[tuple[int, int], ...]  # normalised (start, end) of each part
# A part's level in a search from the pivot, and the span it is placed after (or before).
_State = tuple[int, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class EditedMatches:
    """The chains an edited quote was found at, and whether the search ran out of its budget
    (:data:`CHAIN_BUDGET`) before it had tried every placement: then no chain found does not
    mean the quote is not in the source."""

    chains: list[Chain]
    gave_up: bool


def exact_matches(prepared: PreparedSource, parsed: ParsedQuote) -> list[Chain]:
    """Where the whole quote stands, marks and all (a source may itself hold ``...``)."""
    if not parsed.whole:
        return []
    length = len(parsed.whole)
    found = anchored_find(prepared, parsed.whole, parsed.whole_joins, flexible_case=True)
    return [((start, start + length),) for start in islice(found, MAX_OCCURRENCES)]


def edited_matches(
    prepared: PreparedSource, parts: tuple[QuotePart, ...], *, faithful: bool = True
) -> EditedMatches:
    """Every placement of the parts in order, each within its gap of the one before, and
    (unless ``faithful`` is false) none reading a gap as an edit that removes or adds a
    negation.

    The search starts from the part with the rarest word (the pivot) and extends backwards
    and forwards from each of its occurrences, depth first with a budget, so a common first
    part (``The``) does not multiply the work. Where a part may go depends only on the part
    and where the one next to it stands, so a placement that led nowhere once is not tried
    again from the next occurrence of the pivot.
    """
    pivot = min(range(len(parts)), key=lambda i: _frequency(prepared, parts[i]))
    budget = [CHAIN_BUDGET]
    dead_before: set[_State] = set()
    dead_after: set[_State] = set()
    chains: dict[int, Chain] = {}
    for start in anchored_find(prepared, parts[pivot].text, parts[pivot].joins, flexible_case=True):
        span = (start, start + len(parts[pivot].text))
        before = _dfs(
            pivot,
            lambda level, s: _before(prepared, parts, pivot - 1 - level, s, faithful),
            span,
            budget,
            dead_before,
        )
        if before is None:
            continue
        after = _dfs(
            len(parts) - pivot - 1,
            lambda level, s: _after(prepared, parts, pivot + 1 + level, s, faithful),
            span,
            budget,
            dead_after,
        )
        if after is None:
            continue
        chain = (*reversed(before), span, *after)
        chains.setdefault(chain[0][0], chain)
        if len(chains) >= MAX_OCCURRENCES or budget[0] <= 0:
            break
    return EditedMatches([chains[key] for key in sorted(chains)], budget[0] <= 0)


def _frequency(prepared: PreparedSource, part: QuotePart) -> int:
    counts = [len(prepared.index.get(word, ())) for _, word in words_of(part)]
    present = [count for count in counts if count]
    return min(present) if present else len(prepared.text)


def _after(
    prepared: PreparedSource,
    parts: tuple[QuotePart, ...],
    i: int,
    prev: tuple[int, int],
    faithful: bool,
) -> Iterator[tuple[int, int]]:
    part = parts[i]
    hi = prev[1] + part.max_gap + len(part.text)
    for start in anchored_find(
        prepared, part.text, part.joins, flexible_case=True, lo=prev[1], hi=hi
    ):
        if not faithful or _faithful(prepared, prev[1], start, part):
            yield (start, start + len(part.text))


def _before(
    prepared: PreparedSource,
    parts: tuple[QuotePart, ...],
    i: int,
    following: tuple[int, int],
    faithful: bool,
) -> Iterator[tuple[int, int]]:
    part = parts[i]
    lo = max(0, following[0] - parts[i + 1].max_gap - len(part.text))
    found = list(
        anchored_find(prepared, part.text, part.joins, flexible_case=True, lo=lo, hi=following[0])
    )
    for start in reversed(found):  # the nearest first
        if not faithful or _faithful(prepared, start + len(part.text), following[0], parts[i + 1]):
            yield (start, start + len(part.text))


def _faithful(prepared: PreparedSource, gap_start: int, gap_end: int, part: QuotePart) -> bool:
    """Whether the source's text between two parts may be read as the edit written before
    ``part`` without removing or adding a negation (see :func:`.quote.changes_negation`), nor
    changing a number (see :func:`.quote.changed_number`)."""
    text = prepared.text
    gap = text[gap_start:gap_end]
    return not changes_negation(
        text[gap_start - 1 : gap_start],
        gap,
        text[gap_end : gap_end + 1],
        part.inserted,
        text[max(0, gap_start - PAIR_REACH) : gap_start],
    ) and (not part.inserted or changed_number(gap, part.inserted) is None)


def _dfs(
    levels: int,
    candidates: Callable[[int, tuple[int, int]], Iterator[tuple[int, int]]],
    root: tuple[int, int],
    budget: list[int],
    dead: set[_State],
) -> list[tuple[int, int]] | None:
    """The first path of ``levels`` spans, each taken from the candidates of the one before.
    Iterative, so a quote with hundreds of omissions cannot exhaust the recursion limit.

    ``dead`` holds the states (a level and the span before it) whose every candidate was
    tried in vain; this search adds its own, and never tries one again."""
    if levels == 0:
        return []
    path: list[tuple[int, int]] = []
    stack = [candidates(0, root)]
    while stack:
        span = next(stack[-1], None)
        if span is None:
            stack.pop()
            dead.add((len(stack), path[-1] if path else root))
            if path:
                path.pop()
            continue
        budget[0] -= 1
        if budget[0] < 0:
            return None
        path.append(span)
        if len(path) == levels:
            return path
        if (len(path), span) in dead:
            path.pop()
            continue
        stack.append(candidates(len(path), span))
    return None
