"""The pure builder: what the DOT says, without laying it out."""

from __future__ import annotations

import re
from pathlib import Path

import graphviz
import pytest

from argmap.argument_map import ArgumentMap
from argmap.pipeline import load_map
from argmap.render import GroupBy, RankDir, RenderOptions, UnknownFocus, build_digraph
from argmap.render.dot import ROW_PINS_MAX, TOP_ROW_MAX
from argmap.render.style import KIND_STYLE, RELATION_STYLE
from argmap.verdict import ClaimVerdict, QuoteStatus, Verdict

from .conftest import load
from .synthetic import synthetic_map

STATEMENT = re.compile(r'^\t+"(?P<tail>[^"]+)"(?: -> "(?P<head>[^"]+)")? \[(?P<attrs>.*)\]$')
ATTRIBUTE = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def statements(graph: graphviz.Digraph) -> dict[str, dict[str, str]]:
    """Node and edge statements by their ``id``; edges also get ``_tail`` and ``_head``."""
    found: dict[str, dict[str, str]] = {}
    for line in graph.source.splitlines():
        match = STATEMENT.match(line)
        if not match:
            continue
        attrs = dict(ATTRIBUTE.findall(match["attrs"]))
        if match["head"]:
            attrs.update(_tail=match["tail"], _head=match["head"])
        else:
            attrs["_name"] = match["tail"]
        if "id" in attrs:
            found[attrs["id"]] = attrs
    return found


def test_the_builder_returns_a_digraph(grammar: ArgumentMap) -> None:
    graph = build_digraph(grammar)
    assert isinstance(graph, graphviz.Digraph)
    assert graph.source.startswith("digraph argmap {\n")


def test_one_node_per_claim_and_evidence_with_stable_ids(grammar: ArgumentMap) -> None:
    found = statements(build_digraph(grammar))
    for claim_id in grammar.claims:
        node = found[f"claim-{claim_id}"]
        assert node["_name"] == f"claim/{claim_id}"
        assert node["URL"] == f"#claim-{claim_id}"
        assert node["class"].split()[:2] == ["claim", grammar.claims[claim_id].kind.value]
    for evidence_id in grammar.evidence:
        assert found[f"evidence-{evidence_id}"]["URL"] == f"#evidence-{evidence_id}"


def test_each_kind_has_its_own_shape(grammar: ArgumentMap) -> None:
    looks = {
        (style.get("shape", "box"), style.get("style", "rounded,filled"), style.get("peripheries"))
        for style in KIND_STYLE.values()
    }
    assert len(looks) == len(KIND_STYLE)
    found = statements(build_digraph(grammar))
    assert found["claim-expression"]["shape"] == "hexagon"
    assert found["claim-uniforms"]["peripheries"] == "2"
    assert found["evidence-survey"]["shape"] == "note"


def test_each_relation_has_its_own_arrow_head_and_line(grammar: ArgumentMap) -> None:
    heads = {
        (style.get("arrowtail"), style.get("style", "solid"), style.get("dir"))
        for style in RELATION_STYLE.values()
    }
    assert len(heads) == len(RELATION_STYLE)
    found = statements(build_digraph(grammar))
    assert found["attack-expression----uniforms"]["arrowtail"] == "tee"
    assert found["attack-cheap-brands----cost"]["arrowtail"] == "diamond"
    assert found["attack-confound----attendance--uniforms"]["arrowtail"] == "box"
    assert found["support-attendance--uniforms"]["arrowtail"] == "normal"


def test_edges_run_from_the_target_so_the_thesis_is_ranked_first(grammar: ArgumentMap) -> None:
    edge = statements(build_digraph(grammar))["attack-expression----uniforms"]
    assert (edge["_tail"], edge["_head"]) == ("claim/uniforms", "claim/expression")
    assert "dir=back" in build_digraph(grammar).source  # the arrow head points at the target


def test_linked_premises_meet_at_a_junction(grammar: ArgumentMap) -> None:
    found = statements(build_digraph(grammar))
    junction = found["argument-fairness"]
    assert junction["_name"] == "argument/fairness"
    # a named argument: its junction is a small ellipse holding the name
    assert junction["shape"] == "ellipse"
    assert junction["label"] == "fairness for families"
    assert junction["class"] == "inference linked named"
    assert found["support-fairness"]["_tail"] == "claim/uniforms"
    assert found["support-fairness"]["_head"] == "argument/fairness"
    assert "label" not in found["support-fairness"]
    assert found["link-fairness.1"]["_head"] == "claim/cost"
    assert found["link-fairness.2"]["_head"] == "claim/equal"
    assert found["link-fairness.1"]["dir"] == "none"


def test_an_undercut_points_at_the_inference(grammar: ArgumentMap) -> None:
    found = statements(build_digraph(grammar))
    # attendance->uniforms has one premise but is undercut, so it gets a junction too
    assert "argument-attendance--uniforms" in found
    undercut = found["attack-confound----attendance--uniforms"]
    assert undercut["_tail"] == "argument/attendance->uniforms"
    assert found["attack-other-years----fairness"]["_tail"] == "argument/fairness"


def test_an_unnamed_inference_is_a_dot(grammar: ArgumentMap) -> None:
    junction = statements(build_digraph(grammar))["argument-attendance--uniforms"]
    assert (junction["shape"], junction["label"]) == ("point", "")
    assert junction["class"] == "inference single"


def test_a_named_argument_gets_a_junction_even_with_one_premise(tmp_path: Path) -> None:
    source = tmp_path / "named.yaml"
    source.write_text(
        "argmap: 1\n"
        "title: Named\n"
        "claims:\n"
        "  uniforms: {text: Schools should require uniforms.}\n"
        "  cost: {text: Uniforms cost less than other clothes.}\n"
        "arguments:\n"
        "  thrift: {conclusion: uniforms, premises: [cost], label: cheaper for families}\n",
        encoding="utf-8",
    )
    found = statements(build_digraph(load(source)))
    assert found["argument-thrift"]["label"] == "cheaper for families"
    assert found["argument-thrift"]["class"] == "inference single named"
    assert (found["support-thrift"]["_tail"], found["support-thrift"]["_head"]) == (
        "claim/uniforms",
        "argument/thrift",
    )
    assert found["link-thrift.1"]["_head"] == "claim/cost"


@pytest.mark.parametrize("name", ["grammar", "montebello"])
def test_no_edge_carries_a_label(name: str, grammar: ArgumentMap, montebello: ArgumentMap) -> None:
    """One labelled edge makes ``dot`` double every rank of the whole map (a label sits on a
    rank of its own): the 1,000-claim benchmark map took 0.55 s to lay out with its 63
    argument names on edges, 0.24 s with the names in their junctions."""
    source = build_digraph({"grammar": grammar, "montebello": montebello}[name]).source
    edges = [line for line in source.splitlines() if " -> " in line]
    assert edges
    assert [line for line in edges if re.search(r"[ \[](x?label)=", line)] == []


def test_a_plain_support_is_one_arrow(montebello: ArgumentMap) -> None:
    found = statements(build_digraph(montebello))
    assert "argument-flaws-serious--spp-fails" not in found
    edge = found["support-flaws-serious--spp-fails"]
    assert (edge["_tail"], edge["_head"]) == ("claim/spp-fails", "claim/flaws-serious")


def test_the_label_stands_for_a_long_text(montebello: ArgumentMap) -> None:
    found = statements(build_digraph(montebello))
    assert found["claim-bush-did-little"]["label"] == "Bush administration has done\\nlittle"
    # a short text is shown itself, though it has a label
    assert found["claim-spp-fails"]["label"].startswith("Unless its structural flaws")
    # the tooltip always has the full text
    assert found["claim-bush-did-little"]["tooltip"].startswith(
        "The Bush administration has done little to respond"
    )


def test_long_text_is_wrapped_and_cut(montebello: ArgumentMap) -> None:
    options = RenderOptions(wrap=20, max_lines=2, long_text=10_000)
    label = statements(build_digraph(montebello, options=options))["claim-spp-opaque"]["label"]
    lines = label.split("\\n")
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert all(len(line) <= 20 for line in lines)


def test_evidence_shows_a_short_quote_with_source_and_locator(montebello: ArgumentMap) -> None:
    label = statements(build_digraph(montebello))["evidence-harper-dismissal.ev1"]["label"]
    lines = label.split("\\l")
    assert lines[0].startswith("“Prime Minister Harper joked")
    assert "…”" in label
    assert "— Anderson &amp; Sands 2007, para 5" in lines


def test_verdicts_are_border_badge_and_class(grammar: ArgumentMap) -> None:
    verdicts = {
        "uniforms": ClaimVerdict("uniforms", Verdict.SUPPORTED, 0.9, "IN"),
        "expression": ClaimVerdict("expression", Verdict.REFUTED, 0.1, "OUT"),
    }
    found = statements(build_digraph(grammar, verdicts=verdicts))
    thesis = found["claim-uniforms"]
    assert thesis["class"] == "claim thesis supported"
    assert thesis["label"].endswith("\\n✔ SUPPORTED")
    assert thesis["color"] == "#009E73"
    assert found["claim-expression"]["class"] == "claim counterclaim refuted"
    assert found["claim-cost"]["class"] == "claim premise"
    assert "legend-supported" in found and "legend-refuted" in found
    assert "legend-contested" not in found  # the legend shows what the map uses


def test_no_verdicts_for_a_worksheet(grammar: ArgumentMap) -> None:
    verdicts = {"uniforms": ClaimVerdict("uniforms", Verdict.SUPPORTED, 0.9, "IN")}
    status = {"survey": QuoteStatus.NOT_FOUND}
    options = RenderOptions(show_verdicts=False)
    source = build_digraph(grammar, verdicts=verdicts, quote_status=status, options=options).source
    assert "SUPPORTED" not in source
    assert "not found" not in source
    assert "supported" not in source


def test_quote_checks_mark_the_evidence(grammar: ArgumentMap) -> None:
    status = {"survey": QuoteStatus.NOT_FOUND, "attendance.ev1": QuoteStatus.VERIFIED}
    found = statements(build_digraph(grammar, quote_status=status))
    assert found["evidence-survey"]["class"] == "evidence attacks not-found"
    assert found["evidence-survey"]["label"].endswith("✘ quote not found\\l")
    assert found["evidence-attendance.ev1"]["class"] == "evidence supports verified"


def test_focus_and_no_evidence(montebello: ArgumentMap) -> None:
    options = RenderOptions(focus="spp-threat", depth=1, show_evidence=False)
    found = statements(build_digraph(montebello, options=options))
    claims = {k for k, v in found.items() if v.get("class", "").startswith("claim")}
    assert "claim-spp-threat" in claims
    assert "claim-spp-fails" not in claims
    assert "focus" in found["claim-spp-threat"]["class"]
    assert not any(k.startswith("evidence-") for k in found)
    graph = build_digraph(montebello, options=options)
    assert 'around spp-threat, 1 step"' in graph.source  # not "1 steps"
    graph = build_digraph(montebello, options=RenderOptions(focus="spp-threat", depth=3))
    assert 'around spp-threat, 3 steps"' in graph.source
    with pytest.raises(UnknownFocus):
        build_digraph(montebello, options=RenderOptions(focus="nothing-like-it"))


def test_group_by_actor_and_tag(grammar: ArgumentMap) -> None:
    by_actor = build_digraph(grammar, options=RenderOptions(group_by=GroupBy.ACTOR)).source
    assert by_actor.count("subgraph cluster_") == 2  # board and students (not the legend)
    assert "subgraph legend {" in by_actor
    assert 'label="School board" id="group-actor-board" class="group actor"' in by_actor
    by_tag = build_digraph(grammar, options=RenderOptions(group_by=GroupBy.TAG)).source
    assert 'id="group-tag-evidence-based"' in by_tag
    assert 'label="#rights"' in by_tag
    # clusters defeat ordering=out: a grouped view cuts Graphviz's reordering short
    assert "mclimit=0.1" in by_actor and "mclimit=0.1" in by_tag
    assert "mclimit" not in build_digraph(grammar).source


def _group_ids(argument_map: ArgumentMap) -> dict[str, str]:
    """The id of each group of the map by tag, from the cluster statements' label and id."""
    source = build_digraph(argument_map, options=RenderOptions(group_by=GroupBy.TAG)).source
    return dict(re.findall(r'graph \[label="#([^"]+)" id="([^"]+)"', source))


def test_a_group_of_a_tag_in_any_script_has_an_id_of_its_own(grammar: ArgumentMap) -> None:
    """Hebrew, Japanese or French tags kept their ASCII alone: every Hebrew tag of five
    letters was "group-tag------", told apart by a number in the order of the claims, so
    that reordering them gave the groups each other's ids."""
    from dataclasses import replace

    tags = ["חינוך", "ביטחון", "כלכלה", "経済", "環境", "économie", "écologie", "zero\u200bwidth"]
    ids = list(grammar.claims)
    assert len(ids) >= len(tags)
    claims = dict(grammar.claims)
    for claim_id, tag in zip(ids, tags, strict=False):
        claims[claim_id] = replace(claims[claim_id], tags=(tag,))
    expected = {
        "חינוך": "group-tag-חינוך",
        "ביטחון": "group-tag-ביטחון",
        "כלכלה": "group-tag-כלכלה",
        "経済": "group-tag-経済",
        "環境": "group-tag-環境",
        "économie": "group-tag-économie",
        "écologie": "group-tag-écologie",
        "zero\\\\u200bwidth": "group-tag-zero-width",  # shown as its escape; no id holds it
    }
    assert _group_ids(replace(grammar, claims=claims)) == expected
    reordered = dict(reversed(claims.items()))
    assert _group_ids(replace(grammar, claims=reordered)) == expected


def test_the_legend_explains_a_named_inference_when_the_map_has_one(grammar: ArgumentMap) -> None:
    found = statements(build_digraph(grammar))
    entry = found["legend-named-inference"]
    assert (entry["label"], entry["shape"]) == ("argument name", "ellipse")
    assert entry["class"] == "legend named-inference"
    unnamed = synthetic_map(30)
    assert not any(a.label for a in unnamed.arguments.values())
    assert "legend-named-inference" not in statements(build_digraph(unnamed))


def test_rankdir_and_no_legend(grammar: ArgumentMap) -> None:
    options = RenderOptions(rankdir=RankDir.LR, legend=False)
    source = build_digraph(grammar, options=options).source
    assert "rankdir=LR" in source
    assert '"legend/' not in source


def test_ids_are_unique_and_prefixed_on_request(montebello: ArgumentMap) -> None:
    options = RenderOptions(id_prefix="map-", link_base="montebello.html")
    source = build_digraph(montebello, options=options).source
    ids = re.findall(r'\bid="([^"]+)"', source)
    assert len(ids) == len(set(ids))
    assert all(i.startswith("map-") for i in ids)
    assert 'URL="montebello.html#claim-spp-fails"' in source


@pytest.mark.parametrize("base", ["javascript:alert(1)", "data:text/html,x", 'a"b', "x\\y"])
def test_link_base_refuses_script_urls(base: str) -> None:
    with pytest.raises(ValueError, match="link_base"):
        RenderOptions(link_base=base)


def test_the_same_map_builds_the_same_bytes(montebello: ArgumentMap) -> None:
    assert build_digraph(montebello).source == build_digraph(montebello).source


def test_statements_follow_declaration_order(montebello: ArgumentMap) -> None:
    names = re.findall(r'^\t"claim/([^"]+)" \[', build_digraph(montebello).source, re.M)
    assert names == list(montebello.claims)


def test_a_small_edit_changes_only_its_own_lines(montebello: ArgumentMap) -> None:
    from dataclasses import replace

    claims = dict(montebello.claims)
    claims["dont-blame"] = replace(claims["dont-blame"], text="We do not blame the critics.")
    edited = replace(montebello, claims=claims)
    before = build_digraph(montebello).source.splitlines()
    after = build_digraph(edited).source.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and "claim/dont-blame" in after[changed[0]]


def test_the_builder_is_linear_enough_for_5000_claims() -> None:
    graph = build_digraph(synthetic_map(5000))
    assert graph.source.count('class="claim ') == 5000


def _free_claims(tmp_path: Path, count: int) -> ArgumentMap:
    lines = ["argmap: 1", "title: Free claims", "claims:"]
    lines += [f"  c{i}: {{text: Claim {i} stands alone., kind: claim}}" for i in range(count)]
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_map(tmp_path / "map.yaml")
    assert result.map is not None, result.diagnostics
    return result.map


def test_the_top_row_hangs_from_one_point_in_declaration_order(montebello: ArgumentMap) -> None:
    source = build_digraph(montebello).source
    edges = re.findall(r'^\t"([^"]+)" -> "([^"]+)"', source, re.M)
    heads = {head for tail, head in edges if not tail.startswith("layout/")}
    declared = re.findall(r'^\t"(claim/[^"]+)" \[', source, re.M)
    top_row = [name for name in declared if name not in heads]
    pins = [head for tail, head in edges if tail == "layout/top"]
    assert pins == [f"layout/row-{i}" for i in range(1, len(top_row) + 1)]
    # each claim hangs from the point through its pin (the pin's first edge), in that order
    hung = [next(head for tail, head in edges if tail == pin) for pin in pins]
    assert hung == top_row
    assert hung[:2] == ["claim/spp-fails", "claim/spp-good-effort"]
    assert '\t"layout/top" [label="" shape="point" width="0" height="0" style="invis"]\n' in source


def test_the_map_hangs_under_the_legend(tmp_path: Path) -> None:
    source = build_digraph(_free_claims(tmp_path, 1)).source
    assert (
        '\t"legend/claim" -> "layout/top" [style="invis" dir="none" weight="0" '
        'minlen="0"]\n\t"layout/top" -> "claim/c0" [style="invis" dir="none" weight="0"]\n'
    ) in source
    assert "subgraph cluster_" not in source


def test_no_point_for_one_top_claim_or_a_list_of_thousands(tmp_path: Path) -> None:
    plain = RenderOptions(legend=False)
    assert '"layout/top"' in build_digraph(_free_claims(tmp_path, 2), options=plain).source
    one = build_digraph(_free_claims(tmp_path, 1), options=plain).source
    assert '"layout/top"' not in one and '"layout/row-' not in one
    many = build_digraph(_free_claims(tmp_path, TOP_ROW_MAX + 1)).source
    assert '"layout/top"' not in many
    assert many.count('class="claim ') == TOP_ROW_MAX + 1


def _huge_map(tmp_path: Path) -> Path:
    """Every text the map draws, 20,000 characters long (with characters that escape long),
    and an argument of 2,000 linked premises."""
    huge = ("Words & more \\ words “quoted” " * 700)[:20_000]
    plain = ("plain words, no escapes " * 900)[:20_000]  # Graphviz's scanner trips on this
    premises = "\n".join(f"  p{i}: {{text: Premise {i}.}}" for i in range(2_000))
    source = tmp_path / "huge.yaml"
    source.write_text(
        "argmap: 1\n"
        f"title: '{huge}'\n"
        f"actors:\n  someone: {{name: '{huge}'}}\n"
        "claims:\n"
        f"  t: {{text: '{huge}', kind: thesis, holder: someone, tags: ['{huge[:200]}']}}\n"
        f"  a: {{text: '{plain}', label: '{plain}', supports: t, holder: someone}}\n"
        f"  c: {{text: Against., kind: counterclaim, attacks: t, note: '{plain}'}}\n"
        f"{premises}\n"
        "arguments:\n"
        f"  all: {{conclusion: a, premises: [{', '.join(f'p{i}' for i in range(2_000))}],"
        f" label: '{huge}'}}\n",
        encoding="utf-8",
    )
    return source


@pytest.mark.parametrize("group_by", [GroupBy.NONE, GroupBy.ACTOR, GroupBy.TAG])
def test_no_dot_string_outgrows_graphvizs_limit(tmp_path: Path, group_by: GroupBy) -> None:
    """Graphviz refuses a quoted string over 16,384 bytes ("syntax error ... longer than
    16384?"): labels and tooltips of huge texts are cut well below it."""
    graph = build_digraph(load(_huge_map(tmp_path)), options=RenderOptions(group_by=group_by))
    strings = re.findall(r'"(?:[^"\\]|\\.)*"', graph.source)
    longest = max(len(s.encode("utf-8")) for s in strings)
    assert 2_000 < longest <= 16_384
    text, holder = statements(graph)["claim-t"]["tooltip"].split("\\n")
    assert text.startswith("Words &amp; more \\\\\\\\ words “quoted” Words")
    assert text.endswith("…") and len(text.replace("&amp;", "&").replace("\\" * 4, "\\")) <= 1_000
    assert holder.startswith("— Words &amp; more") and holder.endswith("…")


@pytest.mark.exe
@pytest.mark.parametrize("group_by", [GroupBy.NONE, GroupBy.ACTOR])
def test_the_system_dot_draws_huge_texts(tmp_path: Path, group_by: GroupBy) -> None:
    """What Graphviz made of it before the cut: "syntax error in line 5 scanning a quoted
    string (missing endquote? longer than 16384?)"."""
    from argmap.render import Engine, OutputFormat, dot_source, render_source

    source = dot_source(load(_huge_map(tmp_path)), options=RenderOptions(group_by=group_by))
    svg = render_source(source, OutputFormat.SVG, Engine.SYSTEM)
    assert svg.count(b'class="node claim') == 2_003


PRIORITIES = """\
argmap: 1
title: Priorities
claims:
  t: {text: T holds., kind: thesis, priority: 2}
  weak: {text: A lesser claim says no., kind: assumption, rebuts: t, priority: 1}
  peer: {text: A claim as strong says no., kind: assumption, rebuts: t, priority: 2}
  low: {text: A lesser premise., kind: premise, supports: t, priority: 2}
  nibble: {text: A lesser objection., kind: assumption, priority: 1}
attacks:
  at-peer: {from: t, undermines: peer}
  at-low: {from: nibble, undermines: low}
"""


def _attack(found: dict[str, dict[str, str]], attacker: str) -> dict[str, str]:
    (edge,) = (
        e for k, e in found.items() if k.startswith("attack-") and e["_head"] == f"claim/{attacker}"
    )
    return edge


def test_an_attack_by_a_weaker_claim_is_drawn_faint_as_it_fails(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(PRIORITIES, encoding="utf-8")
    m = load(path)
    verdicts = {c: ClaimVerdict(c, Verdict.UNSUPPORTED, 0.5, "IN") for c in m.claims}
    found = statements(build_digraph(m, verdicts=verdicts))
    weak = _attack(found, "weak")
    assert weak["class"] == "attack rebut weaker"
    # its kind's head and line, grey, and an open circle before the head: "no effect"; a
    # quote against (grey, dashed, an open bar) has no circle
    assert (weak["arrowtail"], weak["style"], weak["color"]) == ("teeodot", "dashed", "#8C8C8C")
    assert RELATION_STYLE["evidence-attacks"]["arrowtail"] == "otee"
    nibble = _attack(found, "nibble")
    assert (nibble["class"], nibble["arrowtail"]) == ("attack undermine weaker", "diamondodot")
    assert weak["tooltip"] == "weak rebuts t\\nfails: the attacker is weaker (priority 1 < 2)"
    peer = _attack(found, "peer")
    assert peer["class"] == "attack rebut"
    assert peer["color"] == RELATION_STYLE["rebut"]["color"]
    assert _attack(found, "t")["class"] == "attack undermine"
    legend = found["legend-weaker"]
    # the circle, grey: the heads of the kinds are in their own entries
    assert (legend["class"], legend["arrowhead"], legend["color"]) == (
        "legend weaker",
        "odot",
        "#8C8C8C",
    )
    assert {"legend-rebut", "legend-undermine"} <= set(found)
    assert found["legend-weaker-name"]["label"] == "fails: the attacker is weaker"


def test_a_worksheet_does_not_tell_which_attacks_fail(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(PRIORITIES, encoding="utf-8")
    m = load(path)
    verdicts = {c: ClaimVerdict(c, Verdict.UNSUPPORTED, 0.5, "IN") for c in m.claims}
    for graph in (
        build_digraph(m, verdicts=verdicts, options=RenderOptions(show_verdicts=False)),
        build_digraph(m),  # no verdicts given: nothing evaluated
    ):
        found = statements(graph)
        assert _attack(found, "weak")["class"] == "attack rebut"
        assert "legend-weaker" not in found
        assert "weaker" not in graph.source


def test_each_claim_of_the_top_row_hangs_from_a_pin_that_orders_its_rank(
    tmp_path: Path,
) -> None:
    """The map's point orders only the rank right below it; a claim of the top row that
    Graphviz draws lower (its reasons run deep) stood in its rank where Graphviz liked. Each
    claim of the row hangs from the point through a pin right above it (an edge of weight 1,
    which ranks the pin), with an edge that does not rank (constraint=false, weight 0) to
    each later claim: whichever of them share the claim's rank, the pin's ordering=out keeps
    them after it. Not in a grouped view (its groups' points order it)."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\n"
        "title: Rows\n"
        "claims:\n"
        "  t1: {text: First thesis., kind: thesis}\n"
        "  alone: {text: A claim on its own.}\n"
        "  t2: {text: Second thesis., kind: thesis}\n"
        "  r1: {text: A reason., supports: t1}\n"
        "  r2: {text: Another reason., attacks: t2}\n",
        encoding="utf-8",
    )
    loaded = load_map(tmp_path / "map.yaml")
    assert loaded.map is not None, loaded.diagnostics
    source = build_digraph(loaded.map, options=RenderOptions(legend=False)).source
    point = '[label="" shape="point" width="0" height="0" style="invis"]\n'
    hang = '[style="invis" dir="none" weight="0"]\n'
    pin = '[style="invis" dir="none"]\n'
    order = '[style="invis" dir="none" weight="0" constraint="false"]\n'
    # without a legend, the pins of the topmost claims stand beside the point (minlen 0)
    beside = '[style="invis" dir="none" weight="0" minlen="0"]\n'
    assert source.endswith(
        f'\t"layout/top" {point}'
        f'\t"layout/row-1" {point}'
        f'\t"layout/top" -> "layout/row-1" {beside}'
        f'\t"layout/row-1" -> "claim/t1" {pin}'
        f'\t"layout/row-1" -> "claim/alone" {order}'
        f'\t"layout/row-1" -> "claim/t2" {order}'
        f'\t"layout/row-2" {point}'
        f'\t"layout/top" -> "layout/row-2" {beside}'
        f'\t"layout/row-2" -> "claim/alone" {pin}'
        f'\t"layout/row-2" -> "claim/t2" {order}'
        f'\t"layout/row-3" {point}'
        f'\t"layout/top" -> "layout/row-3" {beside}'
        f'\t"layout/row-3" -> "claim/t2" {pin}'
        "}\n"
    )
    # under a legend, the pins stand in a rank of their own below the point (in the
    # legend's lower rank) and above the topmost claims
    assert build_digraph(loaded.map).source.endswith(
        f'\t"layout/top" {point}'
        '\t"legend/rebut-end" -> "layout/top" [style="invis" dir="none" weight="0" '
        'minlen="0"]\n'
        f'\t"layout/row-1" {point}'
        f'\t"layout/top" -> "layout/row-1" {hang}'
        f'\t"layout/row-1" -> "claim/t1" {pin}'
        f'\t"layout/row-1" -> "claim/alone" {order}'
        f'\t"layout/row-1" -> "claim/t2" {order}'
        f'\t"layout/row-2" {point}'
        f'\t"layout/top" -> "layout/row-2" {hang}'
        f'\t"layout/row-2" -> "claim/alone" {pin}'
        f'\t"layout/row-2" -> "claim/t2" {order}'
        f'\t"layout/row-3" {point}'
        f'\t"layout/top" -> "layout/row-3" {hang}'
        f'\t"layout/row-3" -> "claim/t2" {pin}'
        "}\n"
    )
    grouped = build_digraph(loaded.map, options=RenderOptions(group_by=GroupBy.TAG)).source
    assert '"layout/row-' not in grouped
    assert '\t"layout/top" -> "claim/t1" [style="invis" dir="none" weight="0"]\n' in grouped


def test_a_top_row_of_more_than_forty_claims_hangs_from_the_point_alone(tmp_path: Path) -> None:
    """Each pin has an edge to every later claim: a square of edges for Graphviz to lay
    out, and a row of that many claims is a list more than a map."""
    plain = RenderOptions(legend=False)
    pinned = build_digraph(_free_claims(tmp_path, ROW_PINS_MAX), options=plain).source
    assert pinned.count('shape="point"') == ROW_PINS_MAX + 1
    assert pinned.count('constraint="false"') == ROW_PINS_MAX * (ROW_PINS_MAX - 1) // 2
    alone = build_digraph(_free_claims(tmp_path, ROW_PINS_MAX + 1), options=plain).source
    assert '"layout/row-' not in alone
    assert alone.count('\t"layout/top" -> "claim/') == ROW_PINS_MAX + 1
