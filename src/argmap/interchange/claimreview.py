"""``--to claimreview``: the verdicts as schema.org ``ClaimReview`` JSON-LD.

One ``ClaimReview`` per claim, in the map's order, in an ``@graph``:

* ``claimReviewed``: the claim's text;
* ``itemReviewed``: a ``Claim`` whose ``author`` is the claim's holder and whose ``appearance``
  lists the sources that the quotes backing the claim come from (with their url, authors and
  date; a DOI as its https://doi.org/ address, since schema.org's ``url`` is a URL);
* ``reviewRating``: ``alternateName`` is the verdict (supported, refuted, contested,
  unsupported), ``ratingValue`` the verdict on Google's five-point scale (``RATING_VALUES``:
  refuted 1, contested 3, supported 5; an unsupported claim has no number, since standing
  only because nothing attacks it is no degree of truth), ``ratingExplanation`` the verdict's
  reasons, a sentence each. The gradual score is not written: aggregators read
  ``ratingValue`` as the claim's truth, and ClaimReview has no other place for it (the JSON
  export has it);
* ``author`` and ``datePublished``: the map's authors and date;
* ``url`` (and an absolute ``@id``): the address of the page that publishes the reviews, and
  the claim's id as its fragment, when the export is given one (``--url``): Google's
  fact-check markup requires it, and the map does not say where it will be published; the
  review's publisher (``--publisher``) is its first author, an ``Organization``.

Dates are schema.org ``Date`` values (ISO 8601): a map's or a source's date that is not one
of the calendar (``Spring 2026``, ``2026-13-45``) is left out rather than written as text.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

from argmap.argument_map import ArgumentMap, Source, Stance
from argmap.indented_json import json_document
from argmap.outcome import CheckOutcome
from argmap.verdict import Verdict
from argmap.weblinks import calendar_date, web_link


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """Where the reviews are published, and by whom: what a map does not say."""

    url: str | None = None  # an http(s) address without a fragment
    publisher: str | None = None


def page_problem(page: ReviewPage) -> str | None:
    """Why ``page`` cannot be used (as a message naming the option), or None."""
    if page.url is not None:
        if web_link(page.url) != page.url:
            return f"--url: '{page.url}' is not an http(s) address"
        if not _host(page.url):
            return f"--url: '{page.url}' names no host"
        if "#" in page.url:
            return f"--url: '{page.url}' has a '#': each review adds its own (#claim-id)"
    if page.publisher is not None and not page.publisher.strip():
        return "--publisher: a name is needed"
    return None


def _host(url: str) -> str | None:
    """The host an http(s) address names: None for ``https://`` or ``https:///page``."""
    try:
        return urllib.parse.urlsplit(url).hostname
    except ValueError:  # a '[' that opens no IPv6 address
        return None


# The verdict as a number on the scale fact-checkers' markup uses (1 false, 3 half true,
# 5 true): what aggregators read when they read the number. None: no number, words only.
WORST_RATING = 1
BEST_RATING = 5
RATING_VALUES: dict[Verdict, int | None] = {
    Verdict.REFUTED: 1,
    Verdict.CONTESTED: 3,
    Verdict.SUPPORTED: 5,
    Verdict.UNSUPPORTED: None,
}


def review_rating(verdict: Verdict) -> dict[str, Any]:
    """A ``Rating`` of ``verdict``: its words, and its number on the scale when it has one."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.value}
    value = RATING_VALUES[verdict]
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return rating


def _person(name: str) -> dict[str, Any]:
    return {"@type": "Person", "name": name}


def _appearance(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    url = web_link(source.url)
    if url is not None:
        work["url"] = url
    if source.authors:
        work["author"] = [_person(a) for a in source.authors]
    date = calendar_date(source.date)
    if date is not None:
        work["datePublished"] = date
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    return work


def claim_reviews(outcome: CheckOutcome, page: ReviewPage | None = None) -> dict[str, Any]:
    m: ArgumentMap | None = outcome.map
    ev = outcome.evaluation
    assert m is not None and ev is not None
    sources_of: dict[str, list[str]] = {}
    for e in m.evidence.values():
        if e.stance is not Stance.SUPPORTS:
            continue  # a source quoted against a claim is not one the claim appears in
        found = sources_of.setdefault(e.target, [])
        if e.source not in found:
            found.append(e.source)
    page = page or ReviewPage()
    date = calendar_date(m.date)
    authors = [_person(a) for a in m.authors]
    if page.publisher is not None:
        authors.insert(0, {"@type": "Organization", "name": page.publisher.strip()})
    graph: list[dict[str, Any]] = []
    for cid, claim in m.claims.items():
        verdict = ev.verdicts[cid]
        item: dict[str, Any] = {"@type": "Claim"}
        if claim.holder is not None:
            actor = m.actors[claim.holder]
            author = _person(actor.name)
            if actor.role:
                author["description"] = actor.role
            item["author"] = author
        if sources_of.get(cid):
            item["appearance"] = [_appearance(m.sources[s]) for s in sources_of[cid]]
        rating = review_rating(verdict.verdict)
        if verdict.reasons:
            rating["ratingExplanation"] = " ".join(f"{r.text}." for r in verdict.reasons)
        anchor = f"{page.url or ''}#{cid}"
        review: dict[str, Any] = {"@type": "ClaimReview", "@id": anchor}
        if page.url is not None:
            review["url"] = anchor
        review.update(claimReviewed=claim.text, itemReviewed=item, reviewRating=rating)
        if authors:
            review["author"] = authors
        if date is not None:
            review["datePublished"] = date
        graph.append(review)
    return {"@context": "https://schema.org", "@graph": graph}


def to_claimreview(outcome: CheckOutcome, page: ReviewPage | None = None) -> str:
    return json_document(claim_reviews(outcome, page))
