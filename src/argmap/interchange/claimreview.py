"""``--to claimreview``: the verdicts as schema.org ``ClaimReview`` JSON-LD.

One ``ClaimReview`` per claim, in the map's order, in an ``@graph``:

* ``claimReviewed``: the claim's text;
* ``itemReviewed``: a ``Claim`` whose ``author`` is the claim's holder and whose ``appearance``
  lists the sources that the quotes backing the claim come from (with their url, authors and
  date; a DOI as its https://doi.org/ address, since schema.org's ``url`` is a URL);
* ``reviewRating``: ``alternateName`` is the verdict (supported, refuted, contested,
  unsupported), ``ratingValue`` the gradual score on a 0 to 1 scale, ``ratingExplanation`` the
  verdict's reasons, a sentence each;
* ``author`` and ``datePublished``: the map's authors and date.

Dates are schema.org ``Date`` values (ISO 8601): a map's or a source's date that is not one
of the calendar (``Spring 2026``, ``2026-13-45``) is left out rather than written as text.
"""

from __future__ import annotations

from typing import Any

from argmap.argument_map import ArgumentMap, Source, Stance
from argmap.indented_json import indented_json
from argmap.outcome import CheckOutcome
from argmap.weblinks import calendar_date, web_link


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


def claim_reviews(outcome: CheckOutcome) -> dict[str, Any]:
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
    date = calendar_date(m.date)
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
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": verdict.verdict.value,
            "ratingValue": round(verdict.score, 2),
            "bestRating": 1,
            "worstRating": 0,
        }
        if verdict.reasons:
            rating["ratingExplanation"] = " ".join(f"{r.text}." for r in verdict.reasons)
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "@id": f"#{cid}",
            "claimReviewed": claim.text,
            "itemReviewed": item,
            "reviewRating": rating,
        }
        if m.authors:
            review["author"] = [_person(a) for a in m.authors]
        if date is not None:
            review["datePublished"] = date
        graph.append(review)
    return {"@context": "https://schema.org", "@graph": graph}


def to_claimreview(outcome: CheckOutcome) -> str:
    return indented_json(claim_reviews(outcome)) + "\n"
