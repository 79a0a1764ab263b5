"""The laid-out SVG, read back as XML, from both engines: the system ``dot`` (marker
``exe``) and the embedded WebAssembly Graphviz, with ``dot`` hidden from PATH."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from argmap.argument_map import ArgumentMap, Claim, Origin
from argmap.model import ClaimKind
from argmap.render import Engine, OutputFormat, RenderOptions, build_digraph, render_map
from argmap.render.svg import in_drawing_order, read_stamp
from argmap.render.text import clean, wrap
from argmap.verdict import ClaimVerdict, Verdict

from .svgtools import items

Render = Callable[..., bytes]
LEGEND = ("Legend", "thesis", "claim", "evidence", "rebuts", "quote for")


@pytest.fixture(
    params=[
        pytest.param("system", marks=pytest.mark.exe),
        pytest.param("embedded"),
    ]
)
def render(request: pytest.FixtureRequest) -> Render:
    """Render to SVG with the system dot, or with ``dot`` hidden and ``--engine auto``."""
    if request.param == "embedded":
        request.getfixturevalue("no_dot")

    def run(argument_map: ArgumentMap, **kwargs: object) -> bytes:
        return render_map(argument_map, OutputFormat.SVG, engine=Engine.AUTO, **kwargs)  # type: ignore[arg-type]

    return run


def _dot_nodes(argument_map: ArgumentMap, **kwargs: object) -> list[str]:
    """The names of the visible nodes in the DOT (Graphviz draws nothing for invisible ones,
    the legend's arrow ends)."""
    source = build_digraph(argument_map, **kwargs).source  # type: ignore[arg-type]
    return re.findall(r'^\t+"([^"]+)" \[(?!.*style="invis").*\]$', source, re.M)


def _dot_ids(argument_map: ArgumentMap) -> list[str]:
    """The SVG ids that the DOT gives its visible nodes (an escaped label cannot hold one)."""
    source = build_digraph(argument_map).source
    return re.findall(r'^\t+"[^"]+" \[(?!.*style="invis").* id="([^"]+)"', source, re.M)


def test_the_svg_holds_no_dot_name(render: Render, montebello: ArgumentMap) -> None:
    """Graphviz's <title>s, the DOT names that a screen reader read out before each box
    ("claim/spp-fails"), are not in argmap's SVG."""
    svg = render(montebello)
    assert b"<title" not in svg  # the comments Graphviz writes keep them: no one reads those
    assert len(items(svg, "node")) == len(_dot_nodes(montebello))


def test_montebello_nodes_and_edges(render: Render, montebello: ArgumentMap) -> None:
    svg = render(montebello)
    nodes = items(svg, "node")
    claims = [n for n in nodes if n.classes[0] == "claim"]
    assert [n.id for n in claims] == [f"claim-{c}" for c in montebello.claims]
    for node in claims:
        claim = montebello.claims[node.id.removeprefix("claim-")]
        assert node.classes[1] == claim.kind.value
        assert node.href == f"#claim-{claim.id}"
        assert node.tooltip is not None and node.tooltip.split("\n")[0] == clean(claim.text)
    evidence = [n for n in nodes if n.classes[0] == "evidence"]
    assert len(evidence) == len(montebello.evidence)
    assert {n.id for n in evidence} == {f"evidence-{e}" for e in montebello.evidence}
    assert len(nodes) == len(_dot_nodes(montebello))  # no node but those argmap wrote

    edges = items(svg, "edge")
    attacks = [e for e in edges if e.classes[0] == "attack"]
    assert {e.id for e in attacks} == {
        "attack-" + a.replace(">", "-").replace("/", "-") for a in montebello.attacks
    }
    supports = [e for e in edges if e.classes[0] == "support" and "link" not in e.classes]
    assert len(supports) == len(montebello.arguments)
    links = [e for e in edges if "link" in e.classes]
    junctions = [n for n in nodes if n.classes[0] == "inference"]
    assert len(links) == sum(
        len(montebello.arguments[n.id.removeprefix("argument-")].premises) for n in junctions
    )
    cites = [e for e in edges if e.classes[0] == "evidence-link"]
    assert len(cites) == len(montebello.evidence)


def test_no_forced_page_size(render: Render, montebello: ArgumentMap) -> None:
    svg = render(montebello)
    width = float(re.search(rb'<svg width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    assert width > 2000  # drawn at full size, not squeezed onto a page
    assert b"scale(1 1)" in svg


def test_verdict_classes_in_the_svg(render: Render, grammar: ArgumentMap) -> None:
    verdicts = {"uniforms": ClaimVerdict("uniforms", Verdict.REFUTED, 0.1, "OUT")}
    nodes = {n.id: n for n in items(render(grammar, verdicts=verdicts), "node")}
    assert nodes["claim-uniforms"].classes == ("claim", "thesis", "refuted")
    assert nodes["claim-uniforms"].lines[-1] == "✘ REFUTED"


def test_hostile_text_is_shown_literally(render: Render, hostile: ArgumentMap) -> None:
    svg = render(hostile)
    nodes = items(svg, "node")
    assert len(nodes) == len(_dot_nodes(hostile))
    assert sorted(n.id for n in nodes) == sorted(_dot_ids(hostile))
    claims = {n.id.removeprefix("claim-"): n for n in nodes if n.classes[0] == "claim"}
    assert set(claims) == set(hostile.claims)
    for claim_id, node in claims.items():
        text = hostile.claims[claim_id].text
        assert list(node.lines) == wrap(text, 30, 6), claim_id
        assert node.tooltip == clean(text), claim_id
    (junction,) = [n for n in nodes if n.classes[0] == "inference"]
    assert list(junction.lines) == ['Name "x" \\N <b>y</b> ]; z', "[ {a|b}"]
    evidence = next(n for n in nodes if n.classes[0] == "evidence")
    assert evidence.lines[0] == '“"a quote" with \\N and <b>tags</b>'
    assert evidence.lines[-1] == "— \\G, para <1>"
    title = re.search(rb'<text[^>]*font-size="18.00"[^>]*>([^<]*)</text>', svg)
    assert title is not None
    assert title.group(1) == b"Hostile &quot;title&quot; \\N &lt;b&gt;bold&lt;/b&gt; ]; x ["


def test_a_right_to_left_override_is_drawn_as_an_escape(render: Render) -> None:
    """The node would read "Pay 100 love" for "Pay evol 001" (rule AM012 reports it)."""
    argument_map = ArgumentMap(
        path="m.yaml",
        title="Hidden \u202echaracters",
        claims={"pay": Claim("pay", "Pay \u202eevol 001\u202c now", Origin("m.yaml", 4, 3))},
    )
    svg = render(argument_map).decode("utf-8")
    assert "\u202e" not in svg and "\u202c" not in svg
    (node,) = [n for n in items(svg.encode(), "node") if n.classes[0] == "claim"]
    assert list(node.lines) == ["Pay \\u202eevol 001\\u202c now"]
    assert node.tooltip == "Pay \\u202eevol 001\\u202c now"
    assert ">Hidden \\u202echaracters</text>" in svg


def test_right_to_left_lines_read_right_to_left(render: Render, hebrew: ArgumentMap) -> None:
    """Graphviz gives no text a direction: a browser read each Hebrew line in a
    left-to-right paragraph ('נוכחות (2024)?' drawn with its '?' at the right, where a
    Hebrew reader starts). Each line whose first strong letter is Hebrew says
    direction="rtl", with its anchor on the same side as before: centred stays centred, and
    a left-aligned line (the quote, its citation) anchors its end, its left edge, where
    Graphviz put its start. Every other line is left exactly as Graphviz wrote it."""
    svg = render(hebrew)
    lines = [
        (html.unescape(text.decode()), re.sub(rb' x="[^"]*".*', b"", attributes).decode())
        for attributes, text in re.findall(
            rb"<text(?: xml:space=\"preserve\")?( [^>]*)>([^<]*)<", svg
        )
    ]
    assert lines == [
        ("נוכחות (2024)?", ' text-anchor="middle" direction="rtl"'),
        ("בשנת 2024 עלתה הנוכחות ב-4%", ' text-anchor="middle" direction="rtl"'),
        ("(לפי המחקר)!", ' text-anchor="middle" direction="rtl"'),
        ("Uniforms (תלבושת) cost 150 ₪.", ' text-anchor="middle"'),
        ("“הנוכחות עלתה ב-4% בשנה הראשונה.”", ' text-anchor="end" direction="rtl"'),
        ("— מחקר מחוזי 2024, para 2", ' text-anchor="end" direction="rtl"'),
        *[(word, ' text-anchor="middle"') for word in LEGEND],
    ]


def test_a_line_of_digits_keeps_the_direction_of_its_text(render: Render) -> None:
    """A line of a wrapped text that holds no letter (digits and punctuation) has no
    direction of its own: it goes on the paragraph the lines before it began, so a Hebrew
    claim's middle line '2019, 2020, 2021, 2022 (4.5%)!' reads right to left, its '!' at
    the left (alone, it was left to right, the '!' at the right). A line of digits that
    starts a text, and each other node's lines, keep their own."""
    text = "הנוכחות עלתה בכל שנה ושנה מאז: 2019, 2020, 2021, 2022 (4.5%)! והיא עוד עולה"
    argument_map = ArgumentMap(
        path="m.yaml",
        title="2024",
        claims={
            "rise": Claim("rise", text, Origin("m.yaml", 4, 3), kind=ClaimKind.THESIS),
            "count": Claim("count", "12,345 (4.5%)", Origin("m.yaml", 6, 3)),
        },
    )
    svg = render(argument_map)
    lines = [
        (html.unescape(text.decode()), b' direction="rtl"' in attributes)
        for attributes, text in re.findall(rb"<text( [^>]*)>([^<]*)<", svg)
    ]
    assert lines[:5] == [
        ("2024", False),
        ("הנוכחות עלתה בכל שנה ושנה מאז:", True),
        ("2019, 2020, 2021, 2022 (4.5%)!", True),
        ("והיא עוד עולה", True),
        ("12,345 (4.5%)", False),  # a node of its own, after the Hebrew one
    ]


def test_a_wrapped_line_reads_in_the_direction_of_its_paragraph(render: Render) -> None:
    """Graphviz writes a wrapped text line by line, and a line took the direction of its
    own first letter: a Hebrew claim's line 'Security and Prosperity' was laid out left to
    right, its words ordered as in an English paragraph, and an English claim's line
    starting with a Hebrew word right to left ('policy in 2024 תלבושת אחידה'). Such a line
    now starts with an invisible mark of its paragraph's direction (U+200F RIGHT-TO-LEFT
    MARK, U+200E LEFT-TO-RIGHT MARK), which a browser honours; other lines get none."""
    argument_map = ArgumentMap(
        path="m.yaml",
        title="T",
        claims={
            "report": Claim(
                "report",
                "הארגון פרסם את הדוח השנתי שלו, Security and Prosperity Partnership, ביום שני",
                Origin("m.yaml", 4, 3),
                kind=ClaimKind.THESIS,
            ),
            "vote": Claim(
                "vote",
                "The school board voted for the תלבושת אחידה policy in 2024",
                Origin("m.yaml", 6, 3),
            ),
        },
    )
    svg = render(argument_map)
    lines = [
        (html.unescape(text.decode()), b' direction="rtl"' in attributes)
        for attributes, text in re.findall(rb"<text( [^>]*)>([^<]*)<", svg)
    ]
    assert lines[1:6] == [
        ("הארגון פרסם את הדוח השנתי שלו,", True),
        ("\u200fSecurity and Prosperity", True),
        ("\u200fPartnership, ביום שני", True),
        ("The school board voted for the", False),
        ("\u200eתלבושת אחידה policy in 2024", False),
    ]
    # the PDF's copy has the lines in the order of their glyphs: the marks have done their work
    printed = in_drawing_order(svg).decode()
    assert "\u200f" not in printed and "\u200e" not in printed
    assert ">ינש םויב ,Partnership</text>" in printed  # left to right: "Partnership, ינש םויב"


def test_weasyprint_gets_right_to_left_text_in_the_order_of_its_glyphs() -> None:
    """WeasyPrint draws an SVG text's letters one after the other, left to right, in the
    order they are written (so Hebrew printed backwards): it gets each line holding
    right-to-left letters in the order of its glyphs, as a left-to-right text anchored on
    the same side; lines without any are left as they are, bytes and entities."""
    svg = (
        '<svg><text text-anchor="middle" direction="rtl" x="1">(לפי&#45;2)!</text>'
        '<text text-anchor="end" direction="rtl" x="2">“שלום” &amp; &lt;b&gt;</text>'
        '<text text-anchor="middle" x="3">Uniforms (תלבושת) &amp; 150</text>'
        '<text text-anchor="start" x="4">plain &#45; &lt;b&gt;</text></svg>'
    ).encode()
    assert in_drawing_order(svg).decode() == (
        '<svg><text text-anchor="middle" x="1">!(2-יפל)</text>'
        '<text text-anchor="start" x="2">&lt;b&gt; &amp; ”םולש“</text>'
        '<text text-anchor="middle" x="3">Uniforms (תשובלת) &amp; 150</text>'
        '<text text-anchor="start" x="4">plain &#45; &lt;b&gt;</text></svg>'
    )
    assert in_drawing_order(b'<text x="1">plain &#45;</text>') == b'<text x="1">plain &#45;</text>'
    # a line of digits marked right to left (it goes on a Hebrew text) is reordered too, and
    # anchored on its own side again: left as it was, it kept 'end' and ran out of its box
    digits = '<svg><text text-anchor="end" direction="rtl" x="5">2019 (4.5%)!</text>'
    assert in_drawing_order((digits + "<text>ש</text></svg>").encode()).decode() == (
        '<svg><text text-anchor="start" x="5">!(4.5%) 2019</text><text>ש</text></svg>'
    )


def test_a_left_to_right_map_has_no_direction(render: Render, montebello: ArgumentMap) -> None:
    assert b"direction=" not in render(montebello)


def test_no_script_can_reach_the_svg(render: Render, hostile: ArgumentMap) -> None:
    root = ET.fromstring(render(hostile))
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert tags <= {"svg", "g", "title", "a", "text", "path", "polygon", "polyline", "ellipse"}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.rsplit("}", 1)[-1].startswith("on"), name
            if name.endswith("href"):
                assert value.startswith("#"), value


def test_the_same_map_renders_the_same_bytes(render: Render, montebello: ArgumentMap) -> None:
    first = render(montebello)
    assert render(montebello) == first
    assert b"Generated by graphviz" not in first
    digest = read_stamp(first)
    assert digest is not None and len(digest) == 64


def test_focus_view_renders(render: Render, montebello: ArgumentMap) -> None:
    options = RenderOptions(focus="may-not-survive", depth=1, show_evidence=False)
    nodes = items(render(montebello, options=options), "node")
    claims = {n.id for n in nodes if n.classes[0] == "claim"}
    assert "claim-may-not-survive" in claims
    assert "claim-spp-threat" in claims  # through the undercut of critics-inference
    assert len(claims) < len(montebello.claims)
