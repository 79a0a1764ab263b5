"""AM007 on long claim texts: the work per claim is bounded, whatever the length of its text.

Only the first :data:`COMPARED` characters of a folded text are compared, and each claim is
compared with at most three lists of 64 earlier claims, so a map of 20 KB claims costs what a
map of 500-character claims costs. Near-identical long texts are still reported.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
import rapidfuzz

from argmap.argument_map import ArgumentMap, Claim, Origin
from argmap.lint.context import LintConfig, LintContext
from argmap.lint.rules import am007_near_duplicate_claims as am007


def _claims_map(texts: list[str]) -> ArgumentMap:
    claims = {f"c{i}": Claim(f"c{i}", t, Origin("m.yaml", i + 1, 3)) for i, t in enumerate(texts)}
    return ArgumentMap(path="m.yaml", title="m", claims=claims)


def _messages(texts: list[str], threshold: float = 90.0) -> list[str]:
    ctx = LintContext(_claims_map(texts), LintConfig(duplicate_similarity=threshold))
    return [f.message for f in am007.check(ctx)]


class _Counted:
    """rapidfuzz's ``fuzz.ratio`` and ``process.extractOne`` with every comparison counted
    (per claim text compared) and the longest text handed to them recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.per_text: Counter[str] = Counter()
        self.longest = 0
        ratio, extract_one = rapidfuzz.fuzz.ratio, rapidfuzz.process.extractOne

        def counted_ratio(a: str, b: str, **kwargs: Any) -> float:
            self._seen(b, [a])
            return ratio(a, b, **kwargs)

        def counted_extract_one(query: str, choices: list[str], **kwargs: Any) -> Any:
            self._seen(query, choices)
            return extract_one(query, choices, **{**kwargs, "scorer": ratio})

        monkeypatch.setattr(rapidfuzz.fuzz, "ratio", counted_ratio)
        monkeypatch.setattr(rapidfuzz.process, "extractOne", counted_extract_one)

    def _seen(self, text: str, others: list[str]) -> None:
        self.per_text[text] += len(others)
        self.longest = max(self.longest, len(text), *map(len, others))


def test_long_texts_are_compared_by_a_bounded_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    vocabulary = ["".join(rng.choices("abcdefghij", k=rng.randint(3, 8))) for _ in range(8)]
    # every claim holds every word, so all of them are filed under the same three words
    texts = [" ".join(rng.choices(vocabulary, k=3500)) for _ in range(150)]
    assert min(map(len, texts)) > 20_000
    original = texts[40]
    texts.append(original[:100] + "X" + original[100:-60] + " and so on.")  # near-identical
    counted = _Counted(monkeypatch)
    assert _messages(texts) == ["claim 'c150' repeats claim 'c40' (100% similar)"]
    assert counted.longest == am007.COMPARED == 500
    # each claim is screened against at most 3 x 64 earlier ones; the copy is also compared
    # one by one with those before the claim it repeats
    screened = sorted(counted.per_text.values())
    assert screened[-2] == 3 * 64
    assert screened[-1] <= 2 * 3 * 64


def test_long_texts_of_very_different_lengths_are_not_duplicates() -> None:
    rng = random.Random(3)
    words = ["".join(rng.choices("abcdefghijklmnop", k=rng.randint(2, 9))) for _ in range(900)]
    short = " ".join(words[:200])
    assert 1000 < len(short) < 2000
    longer = short + " " + " ".join(words[200:])  # the same first 500 characters
    assert _messages([short, longer]) == []
    # same length, same beginning: the same claim, as far as the rule can tell
    altered = short[:-200] + short[-200:][::-1]
    assert _messages([short, altered]) == ["claim 'c1' repeats claim 'c0' (100% similar)"]
    assert _messages(["Short text.", "Short text!" + "." * 900]) == [
        "claim 'c1' repeats claim 'c0' (100% similar)"
    ]
