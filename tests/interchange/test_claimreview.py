"""``--to claimreview``: schema.org ClaimReview JSON-LD, one review per claim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.pipeline import load_map

from .conftest import MONTEBELLO

SMALL = """\
argmap: 1
title: School uniforms
authors: [Ms. Rivera's debate class]
date: 2026-11-01
sources:
  report:
    title: Uniforms and Attendance
    authors: [J. Doe]
    date: 2021
    publisher: District Research Office
    url: https://example.org/uniforms
actors:
  board: {name: School board, role: Governing body}
claims:
  uniforms:
    text: The school should require uniforms.
    kind: thesis
    holder: board
    evidence:
      - {quote: attendance rose by four percent, source: report}
  expression:
    text: Uniforms suppress self-expression.
    attacks: uniforms
"""


def _export(path: Path) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["export", str(path), "--to", "claimreview"])
    assert result.exit_code == 0, result.output
    data: dict = json.loads(result.output)  # type: ignore[type-arg]
    return data


def test_structure_on_a_small_map(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    data = _export(path)
    assert data["@context"] == "https://schema.org"
    first, second = data["@graph"]
    assert first == {
        "@type": "ClaimReview",
        "@id": "#uniforms",
        "claimReviewed": "The school should require uniforms.",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "School board", "description": "Governing body"},
            "appearance": [
                {
                    "@type": "CreativeWork",
                    "name": "Uniforms and Attendance",
                    "url": "https://example.org/uniforms",
                    "author": [{"@type": "Person", "name": "J. Doe"}],
                    "datePublished": "2021",
                    "publisher": {"@type": "Organization", "name": "District Research Office"},
                }
            ],
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "refuted",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": first["reviewRating"]["ratingExplanation"],
        },
        "author": [{"@type": "Person", "name": "Ms. Rivera's debate class"}],
        "datePublished": "2026-11-01",
    }
    assert second["claimReviewed"] == "Uniforms suppress self-expression."
    assert "author" not in second["itemReviewed"] and "appearance" not in second["itemReviewed"]


def test_montebello_has_a_review_for_every_claim() -> None:
    data = _export(MONTEBELLO)
    loaded = load_map(MONTEBELLO)
    assert loaded.map is not None
    reviews = data["@graph"]
    assert [r["@id"] for r in reviews] == [f"#{cid}" for cid in loaded.map.claims]
    assert all(r["@type"] == "ClaimReview" for r in reviews)
    assert all(r["datePublished"] == "2026-11-28" for r in reviews)
    assert {r["reviewRating"]["alternateName"] for r in reviews} <= {
        "supported",
        "refuted",
        "contested",
        "unsupported",
    }


RING = """\
argmap: 1
title: Ring
claims:
  a:
    text: A holds.
    rebuts: b
  b:
    text: B holds.
    rebuts: a
  c:
    text: C holds.
  d:
    text: D holds.
    attacks: c
"""


def test_the_rating_is_the_verdict_on_a_five_point_scale(tmp_path: Path) -> None:
    # Aggregators read ratingValue: a refuted claim rated with its gradual score (0.4 here,
    # 0.5 for montebello's harper-dismissal) read as a half-true claim. The number now comes
    # from the verdict on Google's five-point scale (1 false, 3 half true, 5 true); a claim
    # that stands only because nothing attacks it has no number, its words only.
    path = tmp_path / "ring.yaml"
    path.write_text(RING, encoding="utf-8")
    ratings = {r["@id"]: r["reviewRating"] for r in _export(path)["@graph"]}
    assert ratings == {
        "#a": {
            "@type": "Rating",
            "alternateName": "contested",
            "ratingValue": 3,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": "rebut by b is undecided.",
        },
        "#b": {
            "@type": "Rating",
            "alternateName": "contested",
            "ratingValue": 3,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": "rebut by a is undecided.",
        },
        "#c": {
            "@type": "Rating",
            "alternateName": "refuted",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": "rebut by d succeeds.",
        },
        "#d": {
            "@type": "Rating",
            "alternateName": "unsupported",
            "ratingExplanation": "it stands only because nothing defeats it: "
            "no verified evidence backs it.",
        },
    }


def test_montebello_ratings_follow_the_verdicts() -> None:
    reviews = _export(MONTEBELLO)["@graph"]
    rated = {
        r["@id"]: (r["reviewRating"]["alternateName"], r["reviewRating"].get("ratingValue"))
        for r in reviews
    }
    # refuted with a gradual score of 0.5 before: a half-true claim to a reader of the number
    assert rated["#harper-dismissal"] == ("refuted", 1)
    assert rated["#spp-threat"] == ("refuted", 1)
    assert rated["#spp-fails"] == ("supported", 5)
    assert rated["#political-backing-needed"] == ("unsupported", None)
    expected = {"supported": 5, "refuted": 1, "contested": 3, "unsupported": None}
    assert all(value == expected[verdict] for verdict, value in rated.values())


def _graph(tmp_path: Path, text: str) -> list[dict]:  # type: ignore[type-arg]
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    graph: list[dict] = _export(path)["@graph"]  # type: ignore[type-arg]
    return graph


def test_a_doi_appears_as_its_https_address(tmp_path: Path) -> None:
    # schema.org's url is a URL: a 'doi:' name is written as the doi.org address it
    # resolves at (percent-encoded, as the report links it).
    text = SMALL.replace("url: https://example.org/uniforms", 'url: "doi:10.1000/a<b>"')
    first = _graph(tmp_path, text)[0]
    assert first["itemReviewed"]["appearance"][0]["url"] == "https://doi.org/10.1000/a%3Cb%3E"


def test_a_date_that_is_not_of_the_calendar_is_left_out(tmp_path: Path) -> None:
    # schema.org's datePublished is an ISO 8601 date; the map's dates are free text.
    text = SMALL.replace("date: 2026-11-01", "date: late November 2026").replace(
        "date: 2021", "date: spring 2021"
    )
    first = _graph(tmp_path, text)[0]
    assert "datePublished" not in first
    assert "datePublished" not in first["itemReviewed"]["appearance"][0]
    for kept in ("2026", "2026-11", "2026-11-01"):
        assert _graph(tmp_path, SMALL.replace("2026-11-01", kept))[0]["datePublished"] == kept
    for dropped in ("2026-13-45", "2026-02-30", "26-11-01", "٢٠٢٦-١١-٠١"):
        assert "datePublished" not in _graph(tmp_path, SMALL.replace("2026-11-01", dropped))[0]


AGAINST = """\
evidence:
  against:
    quote: attendance did not change
    source: critique
    attacks: uniforms
"""


def test_a_source_quoted_against_a_claim_is_not_where_it_appears(tmp_path: Path) -> None:
    # appearance: a work in which the claim occurs; a quote that counts against the claim
    # says the opposite.
    text = SMALL.replace(
        "actors:", "  critique: {title: A Critique, url: 'https://example.org/c'}\nactors:"
    )
    first = _graph(tmp_path, text + AGAINST)[0]
    assert [w["name"] for w in first["itemReviewed"]["appearance"]] == ["Uniforms and Attendance"]


def test_the_reasons_are_one_sentence_each(tmp_path: Path) -> None:
    text = SMALL.replace(
        "actors:", "  critique: {title: A Critique, url: 'https://example.org/c'}\nactors:"
    )
    first = _graph(tmp_path, text + AGAINST)[0]
    assert first["reviewRating"]["ratingExplanation"] == (
        "quote uniforms.ev1 (report) is unchecked; backs it. "
        "quote against (critique) is unchecked; counts against it. "
        "rebut by expression succeeds."
    )


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_review_page_and_its_publisher_come_from_options(tmp_path: Path) -> None:
    # Google's fact-check markup wants each review's own url (the page that publishes it)
    # and an author (the publisher of the review, not of the claim): the map has neither
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    code, out, err = _run(
        str(path),
        "--to",
        "claimreview",
        "--url",
        "https://example.org/checks/uniforms",
        "--publisher",
        "Rivera Debate Club",
    )
    assert (code, err) == (0, "")
    first, second = json.loads(out)["@graph"]
    assert [(r["@id"], r["url"]) for r in (first, second)] == [
        (
            "https://example.org/checks/uniforms#uniforms",
            "https://example.org/checks/uniforms#uniforms",
        ),
        (
            "https://example.org/checks/uniforms#expression",
            "https://example.org/checks/uniforms#expression",
        ),
    ]
    assert first["author"] == [
        {"@type": "Organization", "name": "Rivera Debate Club"},
        {"@type": "Person", "name": "Ms. Rivera's debate class"},
    ]
    assert list(first)[:5] == ["@type", "@id", "url", "claimReviewed", "itemReviewed"]


def test_without_options_the_export_is_as_before(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    first = _export(path)["@graph"][0]
    assert "url" not in first and first["@id"] == "#uniforms"
    assert first["author"] == [{"@type": "Person", "name": "Ms. Rivera's debate class"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--to", "claimreview", "--url", "example.org/page"],
            "argmap: --url: 'example.org/page' is not an http(s) address\n",
        ),
        (
            ["--to", "claimreview", "--url", "https://example.org/page#top"],
            "argmap: --url: 'https://example.org/page#top' has a '#': each review adds its "
            "own (#claim-id)\n",
        ),
        # an address without a host ('https://$HOST/checks' with HOST unset) made every
        # review's url 'https://#claim-id', which is no address
        (
            ["--to", "claimreview", "--url", "https://"],
            "argmap: --url: 'https://' names no host\n",
        ),
        (
            ["--to", "claimreview", "--url", "https:///checks/uniforms"],
            "argmap: --url: 'https:///checks/uniforms' names no host\n",
        ),
        (
            ["--to", "claimreview", "--url", "http://:8080/checks"],
            "argmap: --url: 'http://:8080/checks' names no host\n",
        ),
        (["--to", "claimreview", "--publisher", " "], "argmap: --publisher: a name is needed\n"),
        (
            ["--to", "json", "--url", "https://example.org/page"],
            "argmap: --url and --publisher are for --to claimreview\n",
        ),
    ],
)
def test_bad_review_options_are_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    out_file = tmp_path / "out.jsonld"
    code, out, err = _run(str(path), *args, "-o", str(out_file))
    assert (code, out, err) == (2, "", message)
    assert not out_file.exists()
