"""The verdict vocabulary, one everywhere: terminal, SVG colours, HTML badges, JSON.

* ``supported``: the claim stands, and rests on verified evidence or on an argument that does;
* ``refuted``: the claim is defeated;
* ``contested``: undecided: attacks and defences balance;
* ``unsupported``: the claim stands only because nothing attacks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    SUPPORTED = "supported"
    REFUTED = "refuted"
    CONTESTED = "contested"
    UNSUPPORTED = "unsupported"


class QuoteStatus(StrEnum):
    VERIFIED = "verified"
    VERIFIED_WITH_EDITS = "verified-with-edits"
    PARAPHRASE = "paraphrase"
    NOT_FOUND = "not-found"
    UNCHECKED = "unchecked"  # no local source file to check against


# A quote not found for want of a search, not because the source lacks it: what the report's
# evidence cards and the map's evidence nodes say instead of "not found".
GAVE_UP_TEXT = "✘ not verified: too many omissions and insertions to search for"
MARKS_ONLY_TEXT = "✘ not verified: nothing but omissions and insertions"


@dataclass(frozen=True, slots=True)
class Reason:
    """One line of a verdict's justification, naming the element it rests on."""

    kind: str  # "evidence", "argument", "attack", "no-support"
    element: str  # the id of the evidence, argument or attack
    text: str


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    claim: str
    verdict: Verdict
    score: float  # gradual score in [0, 1]; ranks, never changes the verdict
    label: str  # IN, OUT or UNDEC under the chosen semantics
    reasons: tuple[Reason, ...] = ()
