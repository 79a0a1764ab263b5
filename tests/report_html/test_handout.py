"""The handout page (HTML) and its context: variants, maps that fit, questions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from argmap.outcome import CheckOutcome
from argmap.render import TooLarge
from argmap.report_html import Paper, Variant, checked, handout, read_stamp
from argmap.report_html.context import handout_context
from argmap.report_html.excerpt import HANDOUT_MAX_CLAIMS
from argmap.report_html.figures import MIN_SCALE, handout_figures
from argmap.report_html.map_page import heading, map_room

from .conftest import INJECTION, PAGE_IDS, checked_outcome, star_outcome

VERDICT_WORDS = re.compile(r"\b(supported|refuted|contested|unsupported)\b", re.IGNORECASE)


def page(outcome: CheckOutcome, variant: Variant, **options: object) -> LexborHTMLParser:
    data = handout(outcome, variant=variant, **options)  # type: ignore[arg-type]
    return LexborHTMLParser(data.decode("utf-8"))


def test_student_context_holds_no_verdict_at_all(montebello: CheckOutcome) -> None:
    data = checked(montebello)
    context = handout_context(data, [], variant="student", paper="a4")
    assert context.page.summary is None
    for entry in context.page.outline:
        claim = entry.claim
        assert claim.verdict is None and entry.ref.verdict is None
        assert all(a.fate is None for a in claim.arguments)
        assert all(o.fate is None and o.attacker.verdict is None for o in claim.objections)
    for card in context.page.cards:
        assert card.status is None and card.status_text is None and card.passage is None
    for item in (*context.pro, *context.con):
        assert item.claim.verdict is None


def test_student_page_has_no_verdict_words_and_room_to_write(montebello: CheckOutcome) -> None:
    doc = page(montebello, Variant.STUDENT)
    body = doc.css_first("body")
    assert body is not None
    assert not VERDICT_WORDS.search(body.text())
    assert doc.css(".badge") == [] and doc.css(".score") == [] and doc.css(".check") == []
    rows = doc.css(".row")
    assert montebello.map is not None and len(rows) == len(montebello.map.claims)
    for row in rows:
        assert row.css_first(".write-prompt").text() == "Is it true? What evidence?"
        assert len(row.css(".write-line")) == 3
    svg_text = " ".join(svg.text() for svg in doc.css("svg"))
    assert "SUPPORTED" not in svg_text and "REFUTED" not in svg_text


def test_teacher_page_carries_verdicts_and_reasons(montebello: CheckOutcome) -> None:
    doc = page(montebello, Variant.TEACHER)
    words = {m.lower() for m in VERDICT_WORDS.findall(doc.css_first("body").text())}
    assert words >= {"supported", "refuted", "unsupported"}
    assert len(doc.css(".row-reasons li")) > 42
    assert doc.css(".write-line") == []
    assert "Teacher's copy" in doc.css_first(".kicker").text()


def test_pro_and_con_cards_questions(montebello: CheckOutcome) -> None:
    doc = page(montebello, Variant.STUDENT)
    head = [th.text() for th in doc.css(".columns th")]
    assert head == ["For the thesis", "Against"]
    cells = doc.css(".columns tbody td")
    pro = [td.css_first(".side-claim") for td in cells[0::2]]
    con = [td.css_first(".side-claim") for td in cells[1::2]]
    assert pro[0] is not None and pro[0].text().startswith("The SPP's structural flaws")
    assert "SPP manages asymmetry well" in [c.text() for c in con if c is not None]
    numbers = [n.text() for n in doc.css(".card-number")]
    assert numbers == [f"E{n}" for n in range(1, 46)]
    questions = doc.css(".questions .question-item")
    assert len(questions) == 6
    assert questions[0].text().strip().startswith("The SPP handles the asymmetry")


def test_questions_are_generated_from_contested_claims(small: CheckOutcome) -> None:
    context = handout_context(checked(small), [], variant="student", paper="a4")
    questions = context.page.questions
    assert [q.generated for q in questions] == [True, True]
    assert [q.about[0].id for q in questions] == ["cost", "assistance"]
    assert questions[0].text.startswith("“Uniforms cost families money.” School board answers")
    assert not VERDICT_WORDS.search(" ".join(q.text for q in questions))


def test_a_map_that_fits_is_printed_whole(small: CheckOutcome) -> None:
    figures = handout_figures(checked(small), paper="a4", show_verdicts=True)
    assert len(figures) == 1
    assert figures[0].note is None and figures[0].scale >= MIN_SCALE


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_large_map_is_simplified_and_split_never_shrunk(
    montebello: CheckOutcome, paper: str
) -> None:
    figures = handout_figures(checked(montebello), paper=paper, show_verdicts=False)
    assert len(figures) > 1
    overview = figures[0]
    assert overview.caption.startswith("Around the thesis")
    assert overview.note is not None and overview.note.startswith("Simplified")
    for number, figure in enumerate(figures, 1):
        room_w, room_h = map_room(
            paper, heading(number, len(figures), figure.caption), figure.note, False
        )
        assert figure.scale >= MIN_SCALE, figure.caption
        assert figure.width_pt * figure.scale <= room_w + 0.01
        assert figure.height_pt * figure.scale <= room_h + 0.01
    assert [f.caption for f in figures[1:]] == [
        "Branch: The SPP's structural flaws are serious.",
        "Branch: Chances to fix the SPP running out",
        "Branch: U.S. engagement is the key",
    ]


def test_only_a_branch_with_more_below_it_gets_a_page(tmp_path: Path) -> None:
    """60 claims undercut the thesis's one argument: they are one step from the thesis, too
    many to fit, so the overview leaves most of them out, but none has anything below it, so
    none gets a map page of its own (each did: 61 map pages, a Graphviz run each)."""
    from .conftest import checked_outcome

    (tmp_path / "argmap.toml").write_text("")
    lines = ["argmap: 1", "title: Undercuts", "claims:", "  t:", "    text: The thesis."]
    lines += ["    kind: thesis", "  s:", "    text: The support.", "    supports: t"]
    for i in range(60):
        lines += [f"  u{i}:", f"    text: Undercut number {i}.", "    undercuts: s->t"]
    (tmp_path / "undercuts.yaml").write_text("\n".join(lines) + "\n")
    figures = handout_figures(
        checked(checked_outcome(tmp_path / "undercuts.yaml")), paper="a4", show_verdicts=True
    )
    assert [(f.caption, f.note) for f in figures] == [
        (
            "Around the thesis: The thesis.",
            "Simplified: the thesis and the first 9 of the 61 claims one step below it, which "
            "do not all fit the page, without the quotes (they are on the evidence cards). "
            "Every claim is in the outline.",
        )
    ]


@pytest.mark.parametrize("relation", ["supports", "attacks"])
def test_a_thesis_with_too_many_claims_in_a_row_is_drawn_with_the_first_that_fit(
    tmp_path: Path, relation: str
) -> None:
    """60 claims one step from the thesis make a row some 7,500 pt wide, which printed at
    a tenth of its size on a landscape page: the map shows the thesis and the first of them
    that fit at 60 % or more, and says so."""
    figures = handout_figures(
        checked(star_outcome(tmp_path, 60, relation=relation)), paper="a4", show_verdicts=True
    )
    assert len(figures) == 1
    (figure,) = figures
    assert figure.caption == "Around the thesis: Thesis number 0."
    assert figure.scale >= MIN_SCALE
    assert figure.note is not None
    shown = re.fullmatch(
        r"Simplified: the thesis and the first (\d+) of the 60 claims one step below it, "
        r"which do not all fit the page, without the quotes \(they are on the evidence "
        r"cards\)\. Every claim is in the outline\.",
        figure.note,
    )
    assert shown is not None, figure.note
    count = int(shown.group(1))
    assert 1 <= count < 60
    drawn = re.findall(rb'<g id="map&#45;claim&#45;([^"]*)" class="node claim', figure.svg)
    assert drawn == [b"t0", *(f"p{i}".encode() for i in range(count))]


def test_a_linked_argument_is_drawn_whole_or_not_at_all(tmp_path: Path) -> None:
    """The thesis rests on one argument of 60 linked premises: a few of them, drawn without
    the rest, would show an argument that is not the map's, so the row is drawn whole."""
    from .conftest import checked_outcome

    (tmp_path / "argmap.toml").write_text("")
    lines = ["argmap: 1", "title: Linked", "claims:", "  t:", "    text: The thesis."]
    lines += ["    kind: thesis"]
    for i in range(60):
        lines += [f"  p{i}:", f"    text: Premise number {i}.", "    kind: assumption"]
    lines += ["arguments:", "  a:", "    conclusion: t"]
    lines += ["    premises: [" + ", ".join(f"p{i}" for i in range(60)) + "]"]
    (tmp_path / "linked.yaml").write_text("\n".join(lines) + "\n")
    figures = handout_figures(
        checked(checked_outcome(tmp_path / "linked.yaml")), paper="a4", show_verdicts=True
    )
    assert len(figures) == 1
    assert figures[0].scale < MIN_SCALE
    assert figures[0].note is not None
    assert figures[0].note.startswith("Simplified: the claims within one step of the thesis")
    drawn = re.findall(rb'<g id="map&#45;claim&#45;([^"]*)" class="node claim', figures[0].svg)
    assert len(drawn) == 61


def test_depth_chooses_the_view(montebello: CheckOutcome) -> None:
    figures = handout_figures(checked(montebello), paper="a4", show_verdicts=True, depth=1)
    assert len(figures) == 1 and figures[0].note is None
    doc = page(montebello, Variant.TEACHER, depth=1)
    assert len(doc.css(".map-page")) == 1


def test_paper_and_determinism(small: CheckOutcome) -> None:
    a4 = handout(small, variant=Variant.STUDENT, paper=Paper.A4)
    letter = handout(small, variant=Variant.STUDENT, paper=Paper.LETTER)
    assert b"@page { size: A4; }" in a4 and b"@page map { size: A4 landscape; }" in a4
    assert b"@page { size: letter; }" in letter
    assert handout(small, variant=Variant.STUDENT, paper=Paper.A4) == a4
    assert read_stamp(a4) != read_stamp(letter)
    assert b'<meta name="dcterms.created" content="2026-11-01T00:00:00Z">' in a4


def test_injection_is_text_in_the_handout(hostile: CheckOutcome) -> None:
    for variant in Variant:
        doc = page(hostile, variant)
        assert doc.css("script") == [] and doc.css("img") == []
        texts = [row.css_first(".row-text").text() for row in doc.css(".row")]
        assert INJECTION in texts


def test_views_over_the_node_limit_are_left_for_smaller_ones(montebello: CheckOutcome) -> None:
    """With at most 30 nodes a view, the whole map (52 nodes without quotes) is not drawn:
    the handout shows the views around the thesis and its branches that stay under it."""
    figures = handout_figures(checked(montebello), paper="a4", show_verdicts=True, max_nodes=30)
    assert figures[0].caption.startswith("Around the thesis")
    for figure in figures:
        drawn = len(re.findall(rb'<g id="[^"]*" class="node (?:claim|inference)', figure.svg))
        assert 0 < drawn <= 30, figure.caption


def test_a_view_over_the_limit_at_every_depth_is_an_error(montebello: CheckOutcome) -> None:
    """The message counts the map asked for, and the smallest view the handout fell back to,
    with the limit that one needs (not that smallest view alone, as if it were the map)."""
    with pytest.raises(TooLarge) as refused:
        handout_figures(checked(montebello), paper="a4", show_verdicts=True, max_nodes=2)
    assert str(refused.value) == (
        "the map has 97 nodes to draw (42 claims, 45 quotes, 10 inference junctions), more "
        "than --max-nodes 2, and so has the smallest view a handout falls back to, --focus "
        "spp-fails --depth 1: 7 nodes (6 claims, 0 quotes, 1 inference junction); hand out a "
        "part with --focus CLAIM --depth N, or raise --max-nodes to 7 at least"
    )
    assert refused.value.count == 97


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> CheckOutcome:
    """The benchmark's synthetic map of 1,000 claims (one thesis, a bushy tree below it)."""
    import subprocess
    import sys
    from pathlib import Path

    from .conftest import checked_outcome

    folder = tmp_path_factory.mktemp("thousand")
    (folder / "argmap.toml").write_text("")
    generator = Path(__file__).parents[2] / "benchmarks" / "generate.py"
    path = folder / "map.yaml"
    subprocess.run(
        [sys.executable, str(generator), "--claims", "1000", "-o", str(path)],
        check=True,
        timeout=120,
    )
    return checked_outcome(path)


def test_a_map_too_large_to_print_is_handed_out_from_the_thesis_down(
    thousand: CheckOutcome,
) -> None:
    """A handout lists at most HANDOUT_MAX_CLAIMS claims: whole levels from the thesis down,
    and says so; the 5,000-claim map made a PDF of 989 pages (2 GB, 96 s) before."""
    assert thousand.map is not None
    thesis = next(c for c in thousand.map.claims.values() if c.kind.value == "thesis")
    doc = page(thousand, Variant.TEACHER)
    rows = doc.css(".claims .row")
    assert 0 < len(rows) <= HANDOUT_MAX_CLAIMS
    assert rows[0].attributes["id"] == f"claim-{thesis.id}"
    note = doc.css_first(".cover .excerpt-note")
    assert note is not None
    assert re.fullmatch(
        r"This map has 1,000 claims, too many to print: this handout holds the \d+ within "
        r"\d steps? of the thesis\. 'argmap report' shows them all\.",
        note.text(),
    ), note.text()
    shown = int(note.text().split("holds the ")[1].split()[0])
    assert shown == len(rows)
    assert len(doc.css(".card")) < 200
    student = page(thousand, Variant.STUDENT)
    assert len(student.css(".claims .row")) == len(rows)


def test_a_map_that_can_be_printed_is_handed_out_whole(montebello: CheckOutcome) -> None:
    doc = page(montebello, Variant.TEACHER)
    assert montebello.map is not None
    assert len(doc.css(".claims .row")) == len(montebello.map.claims)
    assert doc.css_first(".excerpt-note") is None


def test_a_large_map_without_a_top_is_handed_out_from_its_first_claims(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A ring of 250 objections has no thesis and no claim that nothing points at."""
    from .conftest import checked_outcome

    folder = tmp_path_factory.mktemp("ring")
    (folder / "argmap.toml").write_text("")
    lines = ["argmap: 1", "title: A ring of objections", "claims:"]
    for i in range(250):
        lines += [f"  c{i}:", f"    text: Objection number {i}.", f"    attacks: c{(i + 1) % 250}"]
    (folder / "ring.yaml").write_text("\n".join(lines) + "\n")
    doc = page(checked_outcome(folder / "ring.yaml"), Variant.STUDENT)
    note = doc.css_first(".excerpt-note")
    assert note is not None
    assert note.text() == (
        "This map has 250 claims, too many to print: this handout holds the first 200 in the "
        "file. 'argmap report' shows them all."
    )
    assert len(doc.css(".claims .row")) == 200


def test_a_star_too_large_to_print_holds_the_first_claims_below_its_thesis(
    tmp_path: Path,
) -> None:
    """A thesis with 250 reasons: not one whole level below it fits in 200 claims, so the
    handout holds the thesis and its first 199 reasons; the thesis's verdict lists only
    the reasons that the handout holds (all 250 made an 88-page PDF at 5,000 claims)."""
    doc = page(star_outcome(tmp_path, 250), Variant.TEACHER)
    note = doc.css_first(".excerpt-note")
    assert note is not None
    assert note.text() == (
        "This map has 251 claims, too many to print: this handout holds its thesis and the "
        "first 199 of the 250 claims one step below it. 'argmap report' shows them all."
    )
    rows = doc.css(".claims .row")
    assert [r.attributes["id"] for r in rows] == ["claim-t0"] + [f"claim-p{i}" for i in range(199)]
    reasons = [li.text() for li in rows[0].css(".row-reasons li")]
    assert reasons == [
        *(f"argument p{i}->t0 from p{i} stands" for i in range(199)),
        "51 more reasons, about claims this handout leaves out",
        "it stands only because nothing defeats it: no verified evidence backs it",
    ]
    assert len(doc.css(".sides td .side-claim")) == 199


def test_a_star_of_objections_lists_only_the_objections_it_holds(tmp_path: Path) -> None:
    doc = page(star_outcome(tmp_path, 250, relation="attacks"), Variant.TEACHER, max_claims=3)
    note = doc.css_first(".excerpt-note")
    assert note is not None and "holds its thesis and the first 2 of the 250 claims" in (
        note.text()
    )
    thesis = doc.css(".claims .row")[0]
    assert [li.text() for li in thesis.css(".row-reasons li")] == [
        "rebut by p0 succeeds",
        "rebut by p1 succeeds",
        "248 more reasons, about claims this handout leaves out",
    ]
    assert len(thesis.css(".objection")) == 2


def test_a_cut_handout_lists_the_sources_of_the_quotes_it_holds(tmp_path: Path) -> None:
    """250 claims quote a source each, and one source is cited by none: the handout of
    200 claims lists the 199 sources its cards cite, and the uncited one (all 5,000 sources
    of such a map made the handout 672 MB)."""
    from .conftest import checked_outcome

    (tmp_path / "argmap.toml").write_text("")
    lines = ["argmap: 1", "title: Many sources", "sources:"]
    for i in range(251):
        lines += [f"  s{i}:", f"    title: Source number {i}"]
    lines += ["claims:", "  t:", "    text: The thesis.", "    kind: thesis"]
    for i in range(250):
        lines += [f"  c{i}:", f"    text: Claim number {i}.", "    supports: t", "    evidence:"]
        lines += [f"      - quote: Words of source {i}.", f"        source: s{i}"]
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n")
    doc = page(checked_outcome(tmp_path / "sources.yaml"), Variant.STUDENT)
    assert len(doc.css(".card")) == 199
    assert [li.text() for li in doc.css(".sources li")] == [
        *(f"Source number {i}." for i in range(199)),
        "Source number 250.",
    ]


def test_a_handout_names_how_many_theses_it_holds(tmp_path: Path) -> None:
    """Three theses with a reason each: the theses and the first of their reasons, or, when
    even the theses are too many, the first of them."""
    outcome = star_outcome(tmp_path, 3, theses=3)
    notes = {
        limit: page(outcome, Variant.STUDENT, max_claims=limit).css_first(".excerpt-note")
        for limit in (2, 3, 4)
    }
    assert {limit: note.text() if note else None for limit, note in notes.items()} == {
        2: "This map has 6 claims, too many to print: this handout holds the first 2 of its "
        "3 theses. 'argmap report' shows them all.",
        3: "This map has 6 claims, too many to print: this handout holds its 3 theses. "
        "'argmap report' shows them all.",
        4: "This map has 6 claims, too many to print: this handout holds its 3 theses and "
        "the first 1 of the 3 claims one step below them. 'argmap report' shows them all.",
    }


def test_max_claims_sets_how_much_of_a_large_map_a_handout_holds(thousand: CheckOutcome) -> None:
    doc = page(thousand, Variant.STUDENT, max_claims=1000)
    assert len(doc.css(".claims .row")) == 1000
    assert doc.css_first(".excerpt-note") is None
    fewer = page(thousand, Variant.STUDENT, max_claims=10)
    assert 0 < len(fewer.css(".claims .row")) <= 10


def test_the_max_claims_option_reaches_the_handout(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    from .conftest import SMALL

    out = tmp_path_factory.mktemp("max-claims") / "small.html"
    result = CliRunner().invoke(main, ["handout", str(SMALL), "-o", str(out), "--max-claims", "1"])
    assert result.exit_code == 0, result.output
    assert "too many to print: this handout holds" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["handout", str(SMALL), "-o", str(out), "--max-claims", "0"])
    assert result.exit_code == 2


def test_the_command_and_the_builder_agree_on_the_claim_limit() -> None:
    from argmap.commands.handout import DEFAULT_MAX_CLAIMS

    assert DEFAULT_MAX_CLAIMS == HANDOUT_MAX_CLAIMS


def test_an_anchor_names_one_element_in_the_handout() -> None:
    """Evidence named 'title' spelled the id of the cards' heading."""
    for variant in Variant:
        doc = page(checked_outcome(PAGE_IDS), variant)
        ids = [node.attributes["id"] for node in doc.css("[id]")]
        assert sorted({i for i in ids if ids.count(i) > 1}) == []
        assert "card" in (doc.css_first("#evidence-title").attributes["class"] or "")
        heading = doc.css_first("section.evidence").attributes["aria-labelledby"]
        assert doc.css_first(f"#{heading}").text() == "Evidence cards"


def test_every_label_is_on_an_element_that_can_carry_it(small: CheckOutcome) -> None:
    """ARIA forbids naming a plain <div>: screen readers ignored 'Room to write'."""
    for variant in Variant:
        for node in page(small, variant).css("[aria-label]"):
            assert node.tag not in {"div", "span", "p"} or "role" in node.attributes, node.html


def fragment_links(node: LexborNode) -> list[str]:
    """The ``#fragment`` of each link in ``node`` (``href`` or ``xlink:href``), in order."""
    links = [
        value
        for element in node.css("a")
        for name, value in element.attributes.items()
        if name in ("href", "xlink:href") and value and value.startswith("#")
    ]
    return [link[1:] for link in links]


@pytest.mark.parametrize("variant", list(Variant))
def test_each_map_page_has_ids_of_its_own(montebello: CheckOutcome, variant: Variant) -> None:
    """The Montebello handout draws four maps (an overview and three branches): each SVG
    named its graph map-map and its claims map-claim-ID, so up to four elements had one id
    and a link to #map-claim-ID could lead to any of them. Every id names one element; each
    map's links lead to the page's claims and cards, or to an element of that same map."""
    doc = page(montebello, variant)
    maps = doc.css("svg")
    assert len(maps) == 4
    ids = [node.attributes["id"] for node in doc.css("[id]")]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    outside = {node.attributes["id"] for node in doc.css("[id]:not(svg, svg *)")}
    for svg in maps:
        own = {node.attributes["id"] for node in svg.css("[id]")}
        links = fragment_links(svg)
        assert links != []
        for link in links:
            assert link in own or (link.startswith(("claim-", "evidence-")) and link in outside)
    for link in fragment_links(doc.css_first("body")):
        assert link in ids, link


@pytest.mark.parametrize("variant", list(Variant))
def test_the_handout_holds_its_content_in_one_main_landmark(
    small: CheckOutcome, variant: Variant
) -> None:
    """A screen reader jumps to a page's main landmark; the handouts had none (axe-core:
    landmark-one-main), only sections straight in <body>."""
    doc = page(small, variant)
    mains = doc.css("main")
    assert len(mains) == 1
    body = doc.css_first("body")
    assert body is not None
    assert [child.tag for child in body.iter()] == ["main"]
    assert len(mains[0].css("section")) == len(doc.css("section")) >= 4


# The strong objection: c1 rebuts the thesis (priority 2) with a written-out argument of
# priority 3 for it (last link), so its rebuttal succeeds; its reason q is two steps below.
STRONG_OBJECTION = [
    "argmap: 1",
    "title: Priorities",
    "claims:",
    "  t: {text: The thesis stands firm., kind: thesis, priority: 2}",
    "  c1: {text: The strong objection with a written-out argument., rebuts: t}",
    "  q: {text: The reason for the strong objection., kind: assumption}",
]
STRONG_ARGUMENT = ["arguments:", "  b: {premises: [q], conclusion: c1, priority: 3}"]
ATTACK_C1 = re.compile(
    rb'<g id="(map\d?)&#45;attack&#45;c1&#45;&#45;&#45;&#45;t" class="([^"]*)">\s*'
    rb'<g id="a_map\d?&#45;attack&#45;c1&#45;&#45;&#45;&#45;t"><a xlink:title="([^"]*)">'
)


def _strong_objection(folder: Path, objections: int) -> CheckOutcome:
    """The map above with ``objections`` more rebuttals of the thesis, each weaker."""
    from .conftest import checked_outcome

    (folder / "argmap.toml").write_text("")
    lines = list(STRONG_OBJECTION)
    for i in range(2, objections + 2):
        text = f"Objection number {i} that is fairly long to take room."
        lines.append(f"  c{i}: {{text: {text}, rebuts: t}}")
    (folder / "strong.yaml").write_text("\n".join([*lines, *STRONG_ARGUMENT]) + "\n")
    outcome = checked_outcome(folder / "strong.yaml")
    assert outcome.evaluation is not None
    reasons = [r.text for r in outcome.evaluation.verdicts["t"].reasons]
    assert reasons[0] == "rebut by c1 succeeds"
    return outcome


def test_a_page_of_the_first_claims_draws_an_attack_as_the_whole_map_decides_it(
    tmp_path: Path,
) -> None:
    """The page of the thesis and the first claims below it leaves out c1's reason: c1's
    rebuttal still succeeds (its strength is the whole map's), so it is not drawn as one
    that fails for a weaker attacker, as its verdict and the outline say."""
    figures = handout_figures(
        checked(_strong_objection(tmp_path, 28)), paper="a4", show_verdicts=True
    )
    assert figures[0].note is not None and figures[0].note.startswith(
        "Simplified: the thesis and the first "
    )
    drawn = {m.group(1): m.groups()[1:] for m in ATTACK_C1.finditer(figures[0].svg)}
    assert drawn[b"map"] == (b"edge attack rebut", b"c1 rebuts t")


def test_a_handout_of_the_levels_near_the_thesis_draws_an_attack_as_the_whole_map_decides_it(
    tmp_path: Path,
) -> None:
    """A handout that holds only the thesis and c1 (``max_claims=2``) leaves out c1's reason
    and its argument: c1's rebuttal still succeeds."""
    data = handout(_strong_objection(tmp_path, 0), variant=Variant.TEACHER, max_claims=2)
    drawn = [m.groups()[1:] for m in ATTACK_C1.finditer(data)]
    assert drawn == [(b"edge attack rebut", b"c1 rebuts t")]
    assert b"fails: the attacker is weaker" not in data


def test_a_worksheet_reveals_no_attack_that_fails_for_a_weaker_attacker(tmp_path: Path) -> None:
    """c2's rebuttal fails for a weaker attacker: the teacher's page draws it grey, says why
    in its tooltip and has the grey line in its text legend; the student's page has none of
    the three (nor the words), since they tell which side wins."""
    outcome = _strong_objection(tmp_path, 1)
    teacher = page(outcome, Variant.TEACHER, paper=Paper.A4)
    student = page(outcome, Variant.STUDENT, paper=Paper.A4)
    grey = "in grey, with a circle (○): an attack that fails, its attacker being weaker"
    assert [i.text().strip() for i in teacher.css(".legend .item") if i.css(".line-weaker")] == [
        grey
    ]
    assert [i.text() for i in student.css(".legend .item") if i.css(".line-weaker")] == []
    assert teacher.css("g.weaker") != [] and student.css("g.weaker") == []
    teacher_svgs = "".join(svg.html or "" for svg in teacher.css("svg"))
    assert "fails: the attacker is weaker (priority 0 &lt; 2)" in teacher_svgs
    svgs = "".join(svg.html or "" for svg in student.css("svg"))
    assert "weaker" not in svgs and "fails" not in svgs
    assert student.body is not None and grey not in student.body.text()


@pytest.mark.parametrize("name", ["montebello", "small"])
def test_the_room_of_a_map_page_is_reckoned_with_the_heading_the_page_prints(
    name: str, request: pytest.FixtureRequest
) -> None:
    """The room left for each map is worked out for the heading the handout prints above
    it ("Map 2 of 4: Branch: ...", "The map: ..."): a heading that wraps takes a line from
    the map."""
    outcome = request.getfixturevalue(name)
    doc = page(outcome, Variant.TEACHER)
    printed = [" ".join(h.text().split()) for h in doc.css(".map-page h2")]
    figures = handout_figures(checked(outcome), paper="a4", show_verdicts=True)
    assert printed == [heading(n, len(figures), f.caption) for n, f in enumerate(figures, 1)]
    assert printed[-1].startswith("Map 4 of 4: " if name == "montebello" else "The map: ")
