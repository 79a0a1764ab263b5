"""Two claims with (nearly) the same text.

Two claims that say the same thing split the support and attacks that belong to one claim.
Texts are compared after folding case and punctuation; a similarity of 90% or more (setting
``duplicate-similarity``) counts. Two texts with a different number of negations (``not``,
``never``, ``cannot``, ``isn't``..., and those of French, German, Spanish, Italian,
Portuguese and Dutch: ``pas``, ``nicht``, ``no``, ``non``, ``não``, ``niet``...) are never
duplicates, however alike: "Censorship is wrong" denies "Censorship is not wrong". Of a
text longer than 500 characters after folding, only the first 500 are compared, so that long
texts cost no more than short ones: such a text
repeats another that begins alike, however differently they end, if their lengths as
written are close enough for that similarity (at 90%, the shorter at least 9/11 of the longer).

PASS:

    argmap: 1
    claims:
      a: {text: Congress must be brought into the SPP process., kind: assumption}
      b: {text: The SPP must be opened up to NGOs and citizen groups., kind: assumption}

FAIL:

    argmap: 1
    claims:
      a: {text: Congress must be brought into the SPP process., kind: assumption}
      b: {text: Congress must be brought into the SPP process!, kind: assumption}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM007"
NAME = "near-duplicate-claims"
SEVERITY = Severity.WARNING

_WORD = re.compile(r"\w+")
_RAREST = 3  # a claim is filed under its three rarest words
_HEAD = 64  # and compared with the first 64 claims filed under each of them
COMPARED = 500  # characters of a folded text compared: the cost of a comparison is bounded
_FOLDED_FIRST = 2 * COMPARED  # characters of a text folded to find them (usually enough)


def check(ctx: LintContext) -> Iterator[Finding]:
    """Compare only claims that share one of their rarest words, so large maps stay linear.

    Each claim is filed under its three rarest words (fewest claims, then alphabetical) and
    compared with the earlier claims among the first 64 filed under each of them; it repeats
    the earliest of those that is similar enough. The comparisons run a word's list at a time:
    one call of rapidfuzz per claim and word tells whether any of them is similar enough, and
    only then are they compared one by one, so a map with no duplicates costs a call per claim
    and word, not one per pair. Only the first :data:`COMPARED` characters of each folded text
    take part (the words and the comparisons), so each call costs at most that much whatever
    the length of the texts; where a text was cut, the lengths of the two texts as written
    rule out pairs too different in length.
    """
    from rapidfuzz import fuzz, process  # only when the rule runs: start-up time otherwise

    from argmap.verify.quote import negation_count

    claims = list(ctx.map.claims.values())
    heads = [_folded_head(c.text) for c in claims]
    folded = [head[:COMPARED] for head in heads]  # the texts compared
    cut = [len(head) > COMPARED for head in heads]
    lengths = [len(c.text) for c in claims]  # as written
    # how many negating words each text holds, counted only for the texts a similar one is
    # found for (0.4 s for 100,000 claims, nearly all of them never compared)
    negations: dict[int, int] = {}

    def negated_alike(i: int, j: int) -> bool:  # a denial is no repeat
        for k in (i, j):
            if k not in negations:
                negations[k] = negation_count(claims[k].text)
        return negations[i] == negations[j]

    words = [set(_whole_words(head).split()) for head in heads]
    del heads
    frequency = Counter(chain.from_iterable(words))
    count = frequency.__getitem__
    buckets: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        # (frequency, word) order: by word, then (stably) by frequency; no key tuples
        chosen: Iterable[str] = sorted(sorted(ws), key=count)[:_RAREST] if len(ws) > _RAREST else ws
        for w in chosen:
            bucket = buckets.get(w)
            if bucket is None:
                buckets[w] = [i]
            else:
                bucket.append(i)
    threshold = ctx.config.duplicate_similarity
    screen = max(threshold - 0.01, 0.0)  # a hair looser than the test: rounding hides nothing
    ratio, extract_one = fuzz.ratio, process.extractOne
    repeats: dict[int, int] = {}  # claim -> the earliest claim it repeats
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        head = bucket[:_HEAD]
        texts = [folded[i] for i in head]
        for k in range(1, len(bucket)):
            j = bucket[k]
            earlier = texts[:k]  # the bucket is in claim order: these come before j
            if extract_one(folded[j], earlier, scorer=ratio, score_cutoff=screen, processor=None):
                for i, text in zip(head, earlier, strict=False):  # earlier: a prefix
                    if (
                        (
                            not (cut[i] or cut[j])
                            or _lengths_allow(lengths[i], lengths[j], threshold)
                        )
                        and ratio(text, folded[j], score_cutoff=threshold)
                        and negated_alike(i, j)
                    ):
                        if i < repeats.get(j, j):
                            repeats[j] = i
                        break
    for j in sorted(repeats):
        i = repeats[j]
        similarity = ratio(folded[i], folded[j], score_cutoff=threshold)
        yield Finding(
            claims[j].origin,
            f"claim '{claims[j].id}' repeats claim '{claims[i].id}' ({similarity:.0f}% similar)",
            "merge them into one claim, and move its relations there",
        )


def _fold(text: str) -> str:
    """``text`` with case folded and punctuation dropped: its words, one space apart."""
    return " ".join(_WORD.findall(text.casefold()))


def _folded_head(text: str) -> str:
    """The first ``COMPARED + 1`` characters of ``_fold(text)`` (one more than compared, to
    tell a cut text and a cut word), folding no more of a long text than it takes: the fold
    of a beginning of a text is a beginning of the text's fold."""
    head = _fold(text[:_FOLDED_FIRST])
    if len(head) <= COMPARED and len(text) > _FOLDED_FIRST:
        head = _fold(text)  # mostly punctuation: fold it all
    return head[: COMPARED + 1]


def _whole_words(head: str) -> str:
    """The compared part of ``head`` without a word that the cut split (unless that is its
    only word): a word's fragment would be filed as a rare word."""
    text = head[:COMPARED]
    if len(head) > COMPARED and head[COMPARED] != " " and " " in text:
        return text.rpartition(" ")[0]
    return text


def _lengths_allow(first: int, second: int, threshold: float) -> bool:
    """Whether texts of these lengths may count as ``threshold`` % similar, as far as an edit
    distance of at least the difference of their lengths allows. Asked only when one of them
    was cut: the ratio of two texts compared whole is never above this bound anyway."""
    return 100.0 * (1.0 - abs(first - second) / (first + second)) >= threshold
