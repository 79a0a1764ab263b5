"""Two claims with (nearly) the same text.

Two claims that say the same thing split the support and attacks that belong to one claim.
Texts are compared after folding case and punctuation; a similarity of 90% or more (setting
``duplicate-similarity``) counts.

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


def check(ctx: LintContext) -> Iterator[Finding]:
    """Compare only claims that share one of their rarest words, so large maps stay linear.

    Each claim is filed under its three rarest words (fewest claims, then alphabetical) and
    compared with the earlier claims among the first 64 filed under each of them; it repeats
    the earliest of those that is similar enough. The comparisons run a word's list at a time:
    one call of rapidfuzz per claim and word tells whether any of them is similar enough, and
    only then are they compared one by one, so a map with no duplicates costs a call per claim
    and word, not one per pair.
    """
    from rapidfuzz import fuzz, process  # only when the rule runs: start-up time otherwise

    claims = list(ctx.map.claims.values())
    lists = [_WORD.findall(c.text.casefold()) for c in claims]
    folded = [" ".join(ws) for ws in lists]  # the texts compared
    words = list(map(set, lists))
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
                    if ratio(text, folded[j], score_cutoff=threshold):
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
