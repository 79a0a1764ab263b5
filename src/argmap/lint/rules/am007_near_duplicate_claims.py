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
from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM007"
NAME = "near-duplicate-claims"
SEVERITY = Severity.WARNING

_WORD = re.compile(r"\w+")


def check(ctx: LintContext) -> Iterator[Finding]:
    """Compare only claims that share one of their rarest words, so large maps stay linear."""
    from rapidfuzz import fuzz  # only when the rule runs: it costs start-up time otherwise

    claims = list(ctx.map.claims.values())
    words = [_WORD.findall(c.text.casefold()) for c in claims]
    folded = [" ".join(w) for w in words]
    frequency: dict[str, int] = {}
    for ws in words:
        for w in set(ws):
            frequency[w] = frequency.get(w, 0) + 1
    buckets: dict[str, list[int]] = {}
    rarest = [sorted(set(ws), key=lambda w: (frequency[w], w))[:3] for ws in words]
    for i, chosen in enumerate(rarest):
        for w in chosen:
            buckets.setdefault(w, []).append(i)
    reported: set[int] = set()
    threshold = ctx.config.duplicate_similarity
    for j in range(len(claims)):
        if j in reported or not folded[j]:
            continue
        candidates = sorted({i for w in rarest[j] for i in buckets[w][:64] if i < j})
        for i in candidates:
            similarity = fuzz.ratio(folded[i], folded[j], score_cutoff=threshold)
            if similarity:
                reported.add(j)
                yield Finding(
                    claims[j].origin,
                    f"claim '{claims[j].id}' repeats claim '{claims[i].id}' "
                    f"({similarity:.0f}% similar)",
                    "merge them into one claim, and move its relations there",
                )
                break
