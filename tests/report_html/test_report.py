"""The report page, parsed: self-contained, escaped, anchored, deterministic."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from argmap.outcome import CheckOutcome
from argmap.render import Engine
from argmap.report_html import Variant, checked, handout, read_stamp, report
from argmap.report_html.context import safe_url
from argmap.report_html.figures import report_figure

from .conftest import INJECTION, PAGE_IDS, SMALL, checked_outcome, missing, star_outcome

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"


@pytest.fixture(scope="module")
def montebello_html(montebello: CheckOutcome) -> bytes:
    return report(montebello)


@pytest.fixture(scope="module")
def hostile_html(hostile: CheckOutcome) -> bytes:
    return report(hostile)


def parse(html: bytes) -> LexborHTMLParser:
    return LexborHTMLParser(html.decode("utf-8"))


def test_same_map_same_bytes(montebello: CheckOutcome, montebello_html: bytes) -> None:
    assert report(montebello) == montebello_html
    stamp = read_stamp(montebello_html)
    assert stamp is not None and re.fullmatch(r"[0-9a-f]{64}", stamp)


def test_self_contained_no_scripts_no_external_loads(montebello_html: bytes) -> None:
    doc = parse(montebello_html)
    csp = doc.css_first('meta[http-equiv="Content-Security-Policy"]')
    assert csp is not None and (csp.attributes["content"] or "").startswith(CSP)
    assert doc.css("script") == []
    assert doc.css("link") == [] and doc.css("img") == [] and doc.css("iframe") == []
    for node in doc.css("[src]"):
        pytest.fail(f"<{node.tag}> loads {node.attributes['src']}")
    text = montebello_html.decode()
    assert "@import" not in text and "url(" not in text
    assert not re.search(r"\son[a-z]+=", text), "an event handler attribute"


def test_every_claim_has_a_stable_anchor_and_map_links_resolve(
    montebello: CheckOutcome, montebello_html: bytes
) -> None:
    assert montebello.map is not None
    doc = parse(montebello_html)
    ids = {node.attributes["id"] for node in doc.css("[id]")}
    for claim_id in montebello.map.claims:
        assert f"claim-{claim_id}" in ids
        assert f"map-claim-{claim_id}" in ids  # the claim's node in the inline SVG
    links = [a.attributes.get("xlink:href") for a in doc.css("svg a")]
    targets = [link for link in links if link]
    assert len(targets) == len(montebello.map.claims) + len(montebello.map.evidence)
    for link in targets:
        assert link.startswith("#") and link[1:] in ids, link
    for a in doc.css("a"):
        href = a.attributes.get("href") or ""
        assert not href.startswith("#") or href[1:] in ids, href


def test_the_map_has_a_text_alternative(montebello_html: bytes) -> None:
    doc = parse(montebello_html)
    svg = doc.css_first("svg.argmap-map")
    assert svg is not None
    assert svg.attributes["role"] == "group"
    assert (svg.attributes["aria-label"] or "").startswith("Argument map: Montebello")
    figure = doc.css_first("figure.map-figure")
    assert figure is not None and figure.attributes["aria-describedby"] == "map-description"
    description = doc.css_first("#map-description")
    assert description is not None and "42 claims" in description.text()


def test_outline_cards_summary_actors_sources(montebello_html: bytes) -> None:
    doc = parse(montebello_html)
    thesis = doc.css_first("#claim-spp-fails")
    assert thesis is not None
    assert "supported" in thesis.css_first(".badge").text()
    cards = doc.css("article.card")
    assert [c.css_first(".card-number").text() for c in cards] == [f"E{n}" for n in range(1, 46)]
    assert len(doc.css(".check")) == 45
    summary = doc.css_first("#summary").text()
    assert "45 of 45 quotes verified" in summary
    counts = {
        li.css_first(".badge").text().split()[-1]: li.css_first(".count-number").text()
        for li in doc.css(".counts tr")
    }
    assert counts == {"supported": "38", "contested": "0", "unsupported": "1", "refuted": "3"}
    barlow = doc.css_first("#actor-barlow")
    assert barlow is not None and "Barlow's charges" in barlow.text()
    source = doc.css_first("#source-anderson-sands-2007")
    assert source is not None and "Hudson Institute" in source.text()
    assert len(doc.css("#questions li")) == 6
    harper = doc.css_first("#claim-harper-dismissal")
    assert harper is not None and "refuted" in harper.css_first(".badge").text()
    assert "the objection succeeds" in harper.text()


def test_injection_shows_as_text(hostile_html: bytes) -> None:
    doc = parse(hostile_html)
    assert doc.css("script") == [] and doc.css("img") == [] and doc.css("b") == []
    heading = doc.css_first("#claim-inject h3")
    assert heading is not None and heading.text() == INJECTION
    text = hostile_html.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<script" not in text.lower()
    assert doc.css("[onerror]") == [] and doc.css("[onload]") == []
    # In the map too: the node's text, escaped by argmap's renderer.
    node = doc.css_first("#map-claim-inject")
    assert node is not None and "<script>alert(1)</script>" in node.text()
    assert doc.css_first("title").text().startswith('Injection <script>alert("title")</script>')


def test_only_http_links_and_dois_become_links(hostile_html: bytes) -> None:
    doc = parse(hostile_html)
    hrefs = [a.attributes.get("href") or "" for a in doc.css("a")]
    external = [href for href in hrefs if href and not href.startswith("#")]
    # the DOI goes to its resolver, percent-encoded, as citation styles print it
    assert external == [
        'https://example.org/a?b=1&c="2"',
        "https://doi.org/10.1000/%3Cscript%3E",
    ]
    for link in doc.css('a[href^="https://"]'):
        assert link.attributes["rel"] == "noopener noreferrer"
    other = doc.css_first("#source-other")
    assert other is not None and "https://doi.org/10.1000/%3Cscript%3E" in other.text()
    assert doc.css("script") == []
    assert safe_url("javascript:alert(1)") == (None, "javascript:alert(1)")
    assert safe_url("JavaScript:alert(1)") == (None, "JavaScript:alert(1)")
    assert safe_url("https://example.org/x") == ("https://example.org/x", None)
    assert safe_url("http:/relative") == (None, "http:/relative")
    assert safe_url("HTTPS://example.org/x") == ("HTTPS://example.org/x", None)


def test_a_doi_links_to_its_resolver() -> None:
    assert safe_url("doi:10.1016/j.cognition.2007.08.002") == (
        "https://doi.org/10.1016/j.cognition.2007.08.002",
        None,
    )
    assert safe_url("DOI:10.1000/a<b>") == ("https://doi.org/10.1000/a%3Cb%3E", None)
    assert safe_url("doi:") == (None, "doi:")


def test_a_misquote_shows_its_closest_passage(hostile_html: bytes) -> None:
    doc = parse(hostile_html)
    card = doc.css_first('[id="evidence-reason.ev2"]')
    assert card is not None
    assert "not found" in card.css_first(".check").text()
    passage = card.css_first(".passage")
    assert passage is not None and "the <b>survey</b> was small" in passage.text()


def test_the_stamp_names_the_content_not_the_engine(small: CheckOutcome) -> None:
    if shutil.which("dot") is None:
        missing("Graphviz 'dot' is not on PATH", "ARGMAP_REQUIRE_GRAPHVIZ")
    drawn_by_dot = report(small, engine=Engine.SYSTEM)
    drawn_embedded = report(small, engine=Engine.EMBEDDED)
    assert read_stamp(drawn_by_dot) == read_stamp(drawn_embedded)


def test_text_that_spells_the_maps_place_in_the_page_stays_text(tmp_path: Path) -> None:
    """The page is spliced around the map's SVG at a mark; a question that spells that mark,
    with the digest of this very map, is escaped text and gets no copy of the map."""
    shutil.copytree(SMALL.parent / "sources", tmp_path / "sources")
    plain = tmp_path / "plain.yaml"
    plain.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    digest = report_figure(checked(checked_outcome(plain))).digest
    spelled = f"<!--argmap-svg {digest}-->"
    tricky = tmp_path / "tricky.yaml"
    tricky.write_text(
        SMALL.read_text(encoding="utf-8").replace(
            "question: Should our school require uniforms?", f"question: '{spelled}'"
        ),
        encoding="utf-8",
    )
    outcome = checked_outcome(tricky)
    assert report_figure(checked(outcome)).digest == digest  # the question is not in the DOT
    html = report(outcome).decode("utf-8")
    assert html.count("<svg") == 1 and html.count("</svg>") == 1
    assert f"&lt;!--argmap-svg {digest}--&gt;" in html
    assert spelled not in html


def test_a_map_too_large_to_draw_is_described_not_drawn(
    montebello: CheckOutcome, montebello_html: bytes
) -> None:
    """Montebello draws 97 nodes; with a limit of 50 the report keeps every claim and says
    why the map is missing, instead of failing or waiting minutes for Graphviz."""
    page = parse(report(montebello, max_nodes=50))
    assert page.css("svg") == []
    note = page.css_first("#map .map-not-drawn")
    assert note is not None
    assert note.text() == (
        "This map has 97 nodes, too many to draw on one page; the claims below hold all of "
        "it, and 'argmap render --focus CLAIM' draws a part of it."
    )
    cards = "#claims [id^='claim-']"
    assert len(page.css(cards)) == len(parse(montebello_html).css(cards)) > 0


def test_a_map_not_drawn_is_not_linked_to(montebello: CheckOutcome) -> None:
    """Each claim's 'on the map' link led to #map-claim-ID, which a map too large to draw
    does not hold: 42 links to nothing. Every link of the page now has its target."""
    page = parse(report(montebello, max_nodes=50))
    assert page.css("a.on-map") == []
    ids = {node.attributes["id"] for node in page.css("[id]")}
    links = {(node.attributes["href"] or "")[1:] for node in page.css('a[href^="#"]')}
    assert links - ids == set()
    drawn = parse(report(montebello))
    assert len(drawn.css("a.on-map")) == len(montebello.map.claims) == 42


def test_the_text_legend_has_the_colours_of_the_map(montebello_html: bytes) -> None:
    """The legend under the map and the map are drawn from one table of colours."""
    from argmap.render import style
    from argmap.verdict import Verdict

    (css,) = [node.text() for node in parse(montebello_html).css("style")]
    for verdict in Verdict:
        rule = re.search(rf"\.verdict-{verdict.value} {{ border: [0-9.]+px \w+ (#\w+)", css)
        assert rule is not None and rule.group(1) == style.VERDICT_STYLE[verdict][0].lower()
    for relation in ("support", "rebut", "undermine", "undercut"):
        rule = re.search(rf"\.swatch\.line-{relation} {{ border-top[^#]*(#\w+)", css)
        colour = style.RELATION_STYLE[relation]["color"]
        assert rule is not None and rule.group(1) == colour.lower(), relation
    assert css.count(".swatch.dot {") == 1


def test_the_text_legend_explains_both_kinds_of_junction(montebello_html: bytes) -> None:
    """Montebello names its arguments, which the map draws as small ellipses."""
    items = [node.text().strip() for node in parse(montebello_html).css(".legend .item")]
    assert "premises that work together" in items
    assert "an argument's name, where its premises meet" in items
    assert parse(montebello_html).css_first(".legend .swatch.named") is not None


def test_a_claim_with_many_reasons_is_viewed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each of the thesis's 300 supporters refers back to it; its verdict, with its 300
    reasons, is made once and shared, not once per reference (which made a 5,000-claim
    star take 12 s and 530 MB)."""
    from argmap.report_html import claims
    from argmap.report_html.context import handout_context

    data = checked(star_outcome(tmp_path, 300))
    cleaned: list[str] = []

    def counting_clean(text: str) -> str:
        cleaned.append(text)
        return clean(text)

    clean = claims.clean
    monkeypatch.setattr(claims, "clean", counting_clean)
    context = handout_context(data, [], variant="teacher", paper="a4")
    thesis_reasons = [r.text for r in data.verdicts["t0"].reasons if r.kind == "argument"]
    assert len(thesis_reasons) == 300
    assert [cleaned.count(text) for text in thesis_reasons] == [1] * 300
    thesis, *others = context.page.outline
    assert thesis.claim.verdict is not None and len(thesis.claim.verdict.reasons) == 301
    assert len(others) == 300
    assert all(e.parent is not None and e.parent.verdict is thesis.claim.verdict for e in others)


HIDDEN_TEXT = """\
argmap: 1
title: "Hidden \\u202echaracters"
claims:
  pay:
    text: "Pay \\u202eevol 001\\u202c now, said \\u200bthe\\x07 bank."
    kind: thesis
"""


@pytest.mark.parametrize(
    "make",
    [report, lambda outcome: handout(outcome, variant=Variant.TEACHER)],
    ids=["report", "handout"],
)
def test_characters_that_change_how_text_reads_are_shown_not_obeyed(
    tmp_path: Path, make: Callable[[CheckOutcome], bytes]
) -> None:
    """A right-to-left override shows "Pay 100 love" for "Pay evol 001" (Trojan Source):
    rule AM012 reports it, and the page shows it as an escape, as the terminal does, where a
    reader of the page would otherwise see a claim that is not the one written. A control
    character such as the bell is dropped, as in the map."""
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / "hidden.yaml"
    path.write_text(HIDDEN_TEXT, encoding="utf-8")
    html = make(checked_outcome(path)).decode("utf-8")
    for char in "\u202e\u202c\u200b\x07":
        assert char not in html, f"U+{ord(char):04X}"
    claim = parse(html.encode()).css_first("#claim-pay")
    assert claim is not None
    assert "Pay \\u202eevol 001\\u202c now, said \\u200bthe bank." in claim.text()
    assert "<title>Hidden \\u202echaracters" in html


def repeated_ids(doc: LexborHTMLParser) -> list[str]:
    ids = [node.attributes["id"] for node in doc.css("[id]")]
    return sorted({i for i in ids if i is not None and ids.count(i) > 1})


def test_an_anchor_names_one_element_whatever_the_ids_are() -> None:
    """A claim 'a-text', an actor 'board-name', evidence 'index' and 'title' spell the ids
    the page made for itself (claim a's heading, the evidence section...): a link to
    claim-a-text led to claim a, and the contents' 'Evidence' to a card."""
    doc = parse(report(checked_outcome(PAGE_IDS)))
    assert repeated_ids(doc) == []
    claim = doc.css_first("#claim-a-text")
    assert claim.tag == "article" and claim.css_first("h3").text() == "Uniforms improve attendance."
    actor = doc.css_first("#actor-board-name")
    assert actor.tag == "article" and actor.css_first("h3").text() == "The board's spokesperson"
    for evidence_id in ("index", "title"):
        assert "card" in (doc.css_first(f"#evidence-{evidence_id}").attributes["class"] or "")
    toc = {a.text(): a.attributes["href"] for a in doc.css("nav.toc a")}
    assert doc.css_first(toc["Evidence"] or "").css_first("h2").text() == "Evidence at a glance"
    for labelled in doc.css("[aria-labelledby]"):  # each names an element inside it
        name = labelled.attributes["aria-labelledby"]
        assert labelled.css_first(f"#{name}") is not None, name


@pytest.mark.parametrize(
    ("date", "time_element", "created"),
    [
        ("2026-11-01", '<time datetime="2026-11-01">2026-11-01</time>', "2026-11-01T00:00:00Z"),
        ("2026-11", '<time datetime="2026-11">2026-11</time>', None),
        ("2026", '<time datetime="2026">2026</time>', None),
        ("2026-13-45", None, None),  # no such day: shown as written, no machine date
        ("2026-02-30", None, None),
        ("Spring 2026", None, None),
    ],
)
def test_only_a_real_date_is_given_to_machines(
    tmp_path: Path, date: str, time_element: str | None, created: str | None
) -> None:
    """The map's date is free text; the report's <time datetime> and the handout PDF's
    creation date are given only when it is a calendar date (an invalid one is invalid HTML,
    and WeasyPrint drops it without a word)."""
    shutil.copytree(SMALL.parent / "sources", tmp_path / "sources")
    path = tmp_path / "dated.yaml"
    path.write_text(
        SMALL.read_text(encoding="utf-8").replace('date: "2026-11-01"', f'date: "{date}"', 1),
        encoding="utf-8",
    )
    outcome = checked_outcome(path)
    page = report(outcome).decode("utf-8")
    byline = parse(page.encode()).css_first(".byline")
    assert byline is not None and byline.text().strip().endswith(date)
    if time_element is None:
        assert "<time" not in page
    else:
        assert time_element in page
    sheet = handout(outcome, variant=Variant.STUDENT).decode("utf-8")
    if created is None:
        assert "dcterms.created" not in sheet
    else:
        assert f'<meta name="dcterms.created" content="{created}">' in sheet


def test_a_source_entry_keeps_the_spaces_between_its_parts(montebello_html: bytes) -> None:
    """The template's line ends were eaten with its tags, and the bibliography read
    "Hudson Institute.Checked against the local copy ….txt.Quoted on E1, …"."""
    (entry,) = parse(montebello_html).css("#sources li")
    text = " ".join(entry.text().split())
    assert text.startswith(
        "Greg Anderson, Christopher Sands (2007). Montebello Moment Came and Went. Hudson"
        " Institute. Checked against the local copy"
        " sources/montebello-moment-came-and-went.txt. Quoted on E1, E2, E3,"
    ), text


def test_the_text_legend_tells_a_quote_for_from_a_quote_against(montebello_html: bytes) -> None:
    """The map draws a quote against a claim as a dashed grey line, and the legend showed
    one solid line for "quote for or against". Each has its own line now, as in the map."""
    from argmap.render import style

    page = parse(montebello_html)
    items = [node.text().strip() for node in page.css(".legend .item")]
    assert "quote for" in items and "quote against" in items
    (css,) = [node.text() for node in page.css("style")]
    for relation, kind, look in (("for", "supports", "solid"), ("against", "attacks", "dashed")):
        rule = re.search(
            rf"\.swatch\.line-quote-{relation} {{ border-top: [0-9.]+px (\w+) (#\w+)", css
        )
        colour = style.RELATION_STYLE[f"evidence-{kind}"]["color"]
        assert rule is not None and rule.groups() == (look, colour.lower()), relation
        assert page.css_first(f".legend .swatch.line-quote-{relation}") is not None


def test_a_title_ending_a_sentence_takes_no_colon_or_semicolon_after_it(
    montebello_html: bytes,
) -> None:
    """Titles are sentences, often ended with a full stop: the report read "A reason for
    The SPP may not survive much longer.:" over a claim met a second time, and "About: The
    SPP may not survive much longer.; The SPP is a threat" under a question. A repeated
    claim's line reads as a first one's does (no colon), and the titles a question is about
    are quoted, as in the handout."""
    page = parse(montebello_html)
    assert page.body is not None
    text = " ".join(page.body.text(separator="").split())
    assert "A reason for The SPP may not survive much longer." in text
    assert re.findall(r".{30}[.?!][:;]", text) == []
    assert "About: “The SPP may not survive much longer.”; “The SPP is a threat”" in text
