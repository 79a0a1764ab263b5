"""AIF JSON: import (bare AIFdb form and OVA's wrapper), export, and ARG-tech's ``xaif``
package reading the export back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import xaif
from click.testing import CliRunner

from argmap.argument_map import ArgumentMap
from argmap.cli import main
from argmap.interchange import codes
from argmap.interchange.aif.export import aif_document, to_aif
from argmap.interchange.limits import ImportLimits
from argmap.pipeline import load_map

from .conftest import FIXTURES, MONTEBELLO, imported, loaded

AIF = FIXTURES / "aif"


def _montebello() -> ArgumentMap:
    result = load_map(MONTEBELLO)
    assert result.map is not None
    return result.map


def test_bare_aif_imports(tmp_path: Path) -> None:
    outcome = imported((AIF / "bare.json").read_text(), "aif", "bare.json")
    m = loaded(outcome, tmp_path)
    assert [c.text for c in m.claims.values()] == [
        "We should build the new library.",
        "The old library is too small.",
        "The town cannot afford it.",
        "Visitor numbers have doubled.",
        "The visitors come for the cafe, not the books.",
        "The library lacks space.",
    ]
    ids = {c.text: cid for cid, c in m.claims.items()}
    build, small = ids["We should build the new library."], ids["The old library is too small."]
    args = {(a.premises, a.conclusion, a.label) for a in m.arguments.values()}
    assert ((small,), build, None) in args
    sign = next(a for a in m.arguments.values() if a.label == "Argument From Sign")
    assert sign.premises == (ids["Visitor numbers have doubled."],)
    assert ((ids["The library lacks space."],), small, "rephrase") in args
    attacks = {(a.attacker, a.target, a.kind.value) for a in m.attacks.values()}
    assert attacks == {
        (ids["The town cannot afford it."], build, "rebut"),
        (ids["The visitors come for the cafe, not the books."], sign.id, "undercut"),
    }
    messages = [d.message for d in outcome.diagnostics]
    assert any("PA-nodes not carried over" in msg for msg in messages)
    assert any("imported as a support" in msg for msg in messages)


def test_ova_wrapper_with_locutions_gives_holders(tmp_path: Path) -> None:
    outcome = imported((AIF / "ova.json").read_text(), "aif", "ova.json")
    m = loaded(outcome, tmp_path)
    assert {a.name for a in m.actors.values()} == {"Bob Builder", "Wilma Flint"}
    holders = {c.text: m.actors[c.holder].name for c in m.claims.values() if c.holder}
    assert holders == {
        "We should cut taxes.": "Bob Builder",
        "Cutting taxes would ruin the schools.": "Wilma Flint",
        "Schools are funded by taxes.": "Wilma Flint",
    }
    assert len(m.attacks) == 1 and len(m.arguments) == 1
    assert any("TA-nodes not carried over" in d.message for d in outcome.diagnostics)


def test_export_structure() -> None:
    m = _montebello()
    doc = aif_document(m)
    nodes = doc["AIF"]["nodes"]
    kinds = [n["type"] for n in nodes]
    assert kinds.count("I") == len(m.claims) + len(m.evidence)
    evidence_against = sum(1 for e in m.evidence.values() if e.stance.value == "attacks")
    assert kinds.count("RA") == len(m.arguments) + len(m.evidence) - evidence_against
    assert kinds.count("CA") == len(m.attacks) + evidence_against
    holders = sum(1 for c in m.claims.values() if c.holder)
    assert kinds.count("L") == kinds.count("YA") == holders == len(doc["AIF"]["locutions"])
    assert {p["firstname"] for p in doc["AIF"]["participants"]} >= {"Maude", "Stephen"}
    by_id = {n["nodeID"]: n for n in nodes}
    undercut = next(a for a in m.attacks.values() if a.kind.value == "undercut")
    targets = [e["toID"] for e in doc["AIF"]["edges"] if by_id[e["fromID"]]["type"] == "CA"]
    assert any(by_id[t]["type"] == "RA" for t in targets), undercut
    assert to_aif(m) == to_aif(m)


def test_xaif_reads_the_export() -> None:
    m = _montebello()
    reader = xaif.AIF(json.loads(to_aif(m)))
    assert reader.is_valid_json_aif()
    assert reader.is_json_aif_dialog()
    table = reader.get_csv("argument-relation")
    related = table[table["relation"] != "None"]
    supports = sum(len(a.premises) for a in m.arguments.values())
    evidence_for = sum(1 for e in m.evidence.values() if e.stance.value == "supports")
    conflicts = sum(1 for a in m.attacks.values() if a.kind.value != "undercut")
    evidence_against = len(m.evidence) - evidence_for
    assert len(related) == supports + evidence_for + conflicts + evidence_against
    spp = m.claims["spp-fails"].text
    assert spp in set(related["proposition2_text"])
    first_locution = reader.locutions[0]["nodeID"]
    assert reader.get_speaker(first_locution)[0] == "Greg Anderson & Christopher Sands"


def test_round_trip_keeps_the_structure(tmp_path: Path) -> None:
    m = _montebello()
    back = loaded(imported(to_aif(m), "aif", "montebello.json"), tmp_path)
    texts = {c.text for c in back.claims.values()}
    assert {c.text for c in m.claims.values()} <= texts
    assert {e.quote for e in m.evidence.values()} <= texts  # evidence comes back as claims
    by_text = {c.text: cid for cid, c in back.claims.items()}
    for arg in m.arguments.values():
        premises = tuple(by_text[m.claims[p].text] for p in arg.premises)
        conclusion = by_text[m.claims[arg.conclusion].text]
        assert any(
            a.premises == premises and a.conclusion == conclusion for a in back.arguments.values()
        )
    assert len(back.attacks) == len(m.attacks) + sum(
        1 for e in m.evidence.values() if e.stance.value == "attacks"
    )
    assert {back.actors[c.holder].name for c in back.claims.values() if c.holder} == {
        m.actors[c.holder].name for c in m.claims.values() if c.holder
    }


_ONE_CLAIM = '{"nodes": [{"nodeID": 1, "type": "I", "text": "A claim."}], "edges": []}'


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ('{"nodes": [1, 2', codes.IMPORT_SYNTAX, 1, 16),
        ('{\n  "nodes": [}\n', codes.IMPORT_SYNTAX, 2, 13),
        ("[1, 2]", codes.IMPORT_INVALID, 1, 1),
        ('{"nodes": {}, "edges": []}', codes.IMPORT_INVALID, 1, 11),
        ('{"nodes": [{"type": "I", "text": "x"}], "edges": []}', codes.IMPORT_INVALID, 1, 12),
        ('{"nodes": [], "edges": []}', codes.IMPORT_EMPTY, 1, 1),
        ('{"nodes": 3, "edges": []}', codes.IMPORT_INVALID, 1, 11),
        ('{"nodes": [], "edges": 3}', codes.IMPORT_INVALID, 1, 24),
        (_ONE_CLAIM.replace("[]}", '[], "locutions": 5}'), codes.IMPORT_INVALID, 1, 87),
        (_ONE_CLAIM.replace("[]}", '[], "participants": {"a": 1}}'), codes.IMPORT_INVALID, 1, 90),
        (_ONE_CLAIM.replace("[]}", '[], "locutions": [5]}'), codes.IMPORT_INVALID, 1, 88),
        (_ONE_CLAIM.replace("[]}", '[], "participants": ["Ann"]}'), codes.IMPORT_INVALID, 1, 91),
        ('{"nodes": ' + "[" * 100 + "]" * 100 + "}", codes.IMPORT_TOO_DEEP, 1, 74),
        # a lone CR ends a line, as everywhere in argmap (argmap.lines), for a node's place too
        ('{"nodes": [\r {"type": "I", "text": "x"}], "edges": []}', codes.IMPORT_INVALID, 2, 2),
        ('{"nodes": [\r\n {"type": "I"}], "edges": []}', codes.IMPORT_INVALID, 2, 2),
    ],
)
def test_bad_input_is_a_located_error(text: str, code: object, line: int, col: int) -> None:
    outcome = imported(text, "aif", "bad.json")
    assert outcome.failed
    first = outcome.diagnostics[0]
    assert (first.code, first.line, first.col) == (code.code, line, col)  # type: ignore[attr-defined]


def test_too_many_nodes() -> None:
    nodes = [{"nodeID": str(k), "type": "I", "text": f"claim {k}"} for k in range(20)]
    text = json.dumps({"nodes": nodes, "edges": []})
    from argmap.interchange.importing import import_text

    outcome = import_text(text, "big.json", "aif", ImportLimits(max_elements=10))
    assert [d.code for d in outcome.diagnostics] == [codes.IMPORT_TOO_MANY.code]


def test_an_i_node_whose_text_is_not_text_is_skipped(tmp_path: Path) -> None:
    nodes = [
        {"nodeID": 1, "type": "I", "text": None},
        {"nodeID": 2, "type": "I", "text": ["a", "list"]},
        {"nodeID": 3, "type": "I", "text": "A claim."},
    ]
    outcome = imported(json.dumps({"nodes": nodes, "edges": []}), "aif", "odd.json")
    assert [d.message for d in outcome.diagnostics] == [
        "I-node 1 has no text; skipped",
        "I-node 2 has no text; skipped",
    ]
    assert [c.text for c in loaded(outcome, tmp_path).claims.values()] == ["A claim."]


def test_participant_names_keep_every_letter(tmp_path: Path) -> None:
    # AIFdb writes a missing name as the word "None": that word goes, not the letters
    # "None" inside a name
    aif = {
        "nodes": [
            {"nodeID": 1, "type": "I", "text": "A claim."},
            {"nodeID": 2, "type": "I", "text": "Another claim."},
            {"nodeID": 3, "type": "L", "text": "Simone: a claim"},
            {"nodeID": 4, "type": "YA", "text": "Asserting"},
            {"nodeID": 5, "type": "L", "text": "Ann: another claim"},
            {"nodeID": 6, "type": "YA", "text": "Asserting"},
        ],
        "edges": [
            {"fromID": 3, "toID": 4},
            {"fromID": 4, "toID": 1},
            {"fromID": 5, "toID": 6},
            {"fromID": 6, "toID": 2},
        ],
        "locutions": [{"nodeID": 3, "personID": 1}, {"nodeID": 5, "personID": 2}],
        "participants": [
            {"participantID": 1, "firstname": "Simone", "surname": "Nonesuch"},
            {"participantID": 2, "firstname": "Ann", "surname": "None"},
        ],
    }
    m = loaded(imported(json.dumps(aif), "aif", "names.json"), tmp_path)
    assert [a.name for a in m.actors.values()] == ["Simone Nonesuch", "Ann"]
    aif["participants"][1] = {"participantID": 2, "firstname": ["Ann"], "surname": 5}
    m = loaded(imported(json.dumps(aif), "aif", "names.json"), tmp_path)
    assert [a.name for a in m.actors.values()] == ["Simone Nonesuch", "Participant 2"]


def test_a_node_id_given_twice_keeps_the_first_node_and_says_so(tmp_path: Path) -> None:
    nodes = [
        {"nodeID": 1, "type": "I", "text": "The first claim."},
        {"nodeID": "1", "type": "I", "text": "A second claim with the same id."},
        {"nodeID": 2, "type": "I", "text": "Another claim."},
    ]
    outcome = imported(json.dumps({"nodes": nodes, "edges": []}), "aif", "twice.json")
    assert [(d.code, d.message) for d in outcome.diagnostics] == [
        ("AM410", "nodes[1]: nodeID 1 is given twice; this node is skipped")
    ]
    texts = [c.text for c in loaded(outcome, tmp_path).claims.values()]
    assert texts == ["The first claim.", "Another claim."]


def test_a_scheme_that_is_not_text_is_not_a_label(tmp_path: Path) -> None:
    nodes = [
        {"nodeID": 1, "type": "I", "text": "A premise."},
        {"nodeID": 2, "type": "I", "text": "A conclusion."},
        {"nodeID": 3, "type": "RA", "text": "Expert Opinion", "scheme": {"id": 7}},
        {"nodeID": 4, "type": "RA", "text": ["x"], "scheme": 12},
        {"nodeID": 5, "type": "I", "text": "Another premise."},
    ]
    edges = [
        {"fromID": 1, "toID": 3},
        {"fromID": 3, "toID": 2},
        {"fromID": 5, "toID": 4},
        {"fromID": 4, "toID": 2},
    ]
    outcome = imported(json.dumps({"nodes": nodes, "edges": edges}), "aif", "schemes.json")
    m = loaded(outcome, tmp_path)
    assert [a.label for a in m.arguments.values()] == ["Expert Opinion", None]


def test_argmaps_own_locutions_come_back_without_a_loss_reported() -> None:
    # the export writes a holder as the locution "Name: text" asserting the claim; reading it
    # back lost nothing, yet every such L-node was reported as a loss (AM410)
    outcome = imported(to_aif(_montebello()), "aif", "montebello.json")
    assert [d.message for d in outcome.diagnostics if "locution" in d.message] == []


def test_locutions_with_text_of_their_own_are_reported_as_lost() -> None:
    outcome = imported((AIF / "ova.json").read_text(), "aif", "ova.json")
    assert [d.message for d in outcome.diagnostics if "locution" in d.message] == [
        "3 locutions (L-nodes): their text is not carried over; only who asserted what is kept"
    ]


# AIFdb's form, one node or edge a line, with what a file from elsewhere gets wrong: a node
# without an id, a node kind argmap lacks, an edge to a node that is not there, a conflict
# without a target, a node id given twice, extra keys (read past)
_AIFDB = """\
{
  "nodes": [
    {"nodeID": "1", "text": "Taxes should rise.", "type": "I", "timestamp": "2024-01-01"},
    {"nodeID": "2", "text": "Schools need money.", "type": "I", "scheme": "x"},
    {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    {"nodeID": "4", "text": "Default Preference", "type": "PA"},
    {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
    {"nodeID": "2", "text": "A twin.", "type": "I"},
    {"nodeID": "6", "text": null, "type": "I"}
  ],
  "edges": [
    {"edgeID": "1", "fromID": "2", "toID": "3"},
    {"edgeID": "2", "fromID": "3", "toID": "1"},
    {"edgeID": "3", "fromID": "1", "toID": "99"}
  ],
  "locutions": [],
  "extra": {"ignored": true}
}
"""


def test_losses_in_aifdb_json_are_located_at_their_node_or_edge() -> None:
    # every diagnostic was at 1:1, whatever node or edge it was about
    outcome = imported(_AIFDB, "aif", "aifdb.json")
    assert sorted((d.line, d.col, d.code, d.message) for d in outcome.diagnostics) == [
        (6, 5, "AM410", "1 PA-nodes not carried over (argmap has no PA-nodes)"),
        (7, 5, "AM410", "CA-node 5: no attacker or no target; skipped"),
        (8, 16, "AM410", "nodes[5]: nodeID 2 is given twice; this node is skipped"),
        (9, 5, "AM410", "I-node 6 has no text; skipped"),
        (14, 5, "AM410", "edges[2]: joins an unknown node; skipped"),
    ]


def test_an_aif_object_without_nodes_is_an_error_at_the_object() -> None:
    # OVA's wrapper with no 'nodes' inside: the error was at 1:1, not at the AIF object
    text = '{\n  "text": "",\n  "AIF": {\n    "edges": []\n  }\n}\n'
    outcome = imported(text, "aif", "ova.json")
    assert [(d.line, d.col, d.code, d.message, d.positioned) for d in outcome.diagnostics] == [
        (3, 10, "AM406", "'nodes' and 'edges' must be lists", True)
    ]


def test_a_node_without_an_id_is_an_error_at_the_node() -> None:
    text = _AIFDB.replace('{"nodeID": "6", ', "{")
    outcome = imported(text, "aif", "aifdb.json")
    assert outcome.failed
    assert [(d.line, d.col, d.code, d.message) for d in outcome.diagnostics] == [
        (8, 16, "AM410", "nodes[5]: nodeID 2 is given twice; this node is skipped"),
        (9, 5, "AM406", "nodes[6]: no nodeID"),
        (14, 5, "AM410", "edges[2]: joins an unknown node; skipped"),
    ]


def test_edges_argmap_does_not_read_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    # an I-node joined straight to an I-node (AIF joins them only through an S-node) and an
    # inference pointing at an inference were skipped without a word
    text = """\
{
  "nodes": [
    {"nodeID": "1", "text": "A.", "type": "I"},
    {"nodeID": "2", "text": "B.", "type": "I"},
    {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    {"nodeID": "4", "text": "Default Inference", "type": "RA"},
    {"nodeID": "5", "text": "C.", "type": "I"}
  ],
  "edges": [
    {"fromID": "1", "toID": "2"},
    {"fromID": "1", "toID": "3"},
    {"fromID": "3", "toID": "2"},
    {"fromID": "3", "toID": "4"},
    {"fromID": "4", "toID": "5"},
    {"fromID": "2", "toID": "5"}
  ]
}
"""
    outcome = imported(text, "aif", "odd.json")
    assert [(d.line, d.col, d.code, d.message) for d in outcome.diagnostics] == [
        (6, 5, "AM410", "RA-node 4: no premise or no conclusion; skipped"),
        (
            10,
            5,
            "AM410",
            "2 edges from an I-node to an I-node not carried over (argmap reads I -> RA, MA "
            "or CA -> I, CA -> RA or MA, L -> YA -> I)",
        ),
        (
            13,
            5,
            "AM410",
            "1 edges from an RA-node to an RA-node not carried over (argmap reads I -> RA, MA "
            "or CA -> I, CA -> RA or MA, L -> YA -> I)",
        ),
    ]
    m = loaded(outcome, tmp_path)
    assert [(a.premises, a.conclusion) for a in m.arguments.values()] == [(("a",), "b")]


def test_argmaps_own_export_has_no_edge_it_does_not_read() -> None:
    outcome = imported(to_aif(_montebello()), "aif", "montebello.json")
    assert [d.message for d in outcome.diagnostics if "edges" in d.message] == []


def test_conflict_schemes_are_reported_as_not_carried_over(tmp_path: Path) -> None:
    # an inference's scheme becomes its label; a conflict's was dropped without a word
    nodes = [
        {"nodeID": 1, "type": "I", "text": "A claim."},
        {"nodeID": 2, "type": "I", "text": "An objection."},
        {"nodeID": 3, "type": "I", "text": "Another objection."},
        {"nodeID": 4, "type": "CA", "text": "Conflict From Bias", "scheme": "Conflict From Bias"},
        {"nodeID": 5, "type": "CA", "text": "Default Conflict"},
        {"nodeID": 6, "type": "CA", "text": "Logical Conflict"},
    ]
    edges = [
        {"fromID": 2, "toID": 4},
        {"fromID": 4, "toID": 1},
        {"fromID": 3, "toID": 5},
        {"fromID": 5, "toID": 1},
        {"fromID": 3, "toID": 6},
        {"fromID": 6, "toID": 2},
    ]
    text = json.dumps({"nodes": nodes, "edges": edges}, indent=1)
    outcome = imported(text, "aif", "schemes.json")
    assert [(d.line, d.col, d.code, d.message) for d in outcome.diagnostics] == [
        (
            18,
            3,
            "AM410",
            "2 CA-nodes name a conflict scheme (the first, CA-node 4: 'Conflict From Bias'); "
            "not carried over: an attack has no scheme",
        )
    ]
    assert len(loaded(outcome, tmp_path).attacks) == 3


@pytest.mark.parametrize(
    ("escape", "col"),
    [("\\ud800", 38), ("\\udc00", 38), ("\\ud83d\\ud83d", 38), ("\\ud83d\\ude00\\udc00", 50)],
)
def test_half_a_surrogate_pair_is_a_located_error(escape: str, col: int, tmp_path: Path) -> None:
    # JSON's \u escapes can spell half of a UTF-16 pair, which is no character: it was read
    # into a claim, and writing the map failed with 'argmap: internal error:
    # UnicodeEncodeError' (exit 2)
    source = tmp_path / "half.json"
    text = '{"nodes": [{"nodeID": "1", "text": "x' + escape + 'y", "type": "I"}], "edges": []}'
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1
    assert result.output == (
        f"{source}:1:{col}: error[AM401] '{escape[-6:]}' in a JSON string is half of a "
        "UTF-16 surrogate pair, not a character (import-syntax)\n\n1 error in 1 of 1 file\n"
    )
    assert not (tmp_path / "m.yaml").exists()


def test_a_whole_surrogate_pair_is_its_character(tmp_path: Path) -> None:
    # a pair is one character; an escaped backslash before 'ud800' is no escape
    node = '{"nodeID": "1", "text": "x\\ud83d\\ude00 \\\\ud800", "type": "I"}'
    text = '{"nodes": [' + node + '], "edges": []}'
    m = loaded(imported(text, "aif", "pair.json"), tmp_path)
    assert [c.text for c in m.claims.values()] == ["x\U0001f600 \\ud800"]


def test_a_node_id_or_type_of_the_wrong_kind_is_named_as_such() -> None:
    # a nodeID of 1.0, true or null, a node that is no object and a type that is a list were
    # all 'no nodeID' or 'no type', sending the reader looking for a key that is there; true
    # was even taken, as the id 'True'
    text = (
        '{"nodes": [\n {"nodeID": 1.0, "type": "I", "text": "a"},\n'
        ' {"nodeID": true, "type": "I", "text": "b"},\n'
        ' {"nodeID": null, "type": "I", "text": "c"},\n'
        ' "node",\n'
        ' {"nodeID": "5", "type": ["I"], "text": "e"},\n'
        ' {"type": "I", "text": "f"},\n'
        ' {"nodeID": 7, "text": "g"}\n'
        '], "edges": []}\n'
    )
    outcome = imported(text, "aif", "kinds.json")
    assert outcome.failed
    assert [(d.line, d.col, d.code, d.message) for d in outcome.diagnostics] == [
        (2, 13, "AM406", "nodes[0]: nodeID 1.0 is neither text nor a whole number"),
        (3, 13, "AM406", "nodes[1]: nodeID true is neither text nor a whole number"),
        (4, 13, "AM406", "nodes[2]: nodeID null is neither text nor a whole number"),
        (5, 2, "AM406", "nodes[3]: not an object"),
        (6, 26, "AM406", 'nodes[4]: type ["I"] is not text'),
        (7, 2, "AM406", "nodes[5]: no nodeID"),
        (8, 2, "AM406", "nodes[6]: no type"),
    ]


_CIRCLE = """\
{"nodes": [
  {"nodeID": "1", "type": "I", "text": "The plan works."},
  {"nodeID": "2", "type": "I", "text": "Costs fell."},
  {"nodeID": "3", "type": "RA", "text": "Default Inference"},
  {"nodeID": "4", "type": "RA", "text": "Default Inference"}
],
"edges": [
  {"edgeID": "e1", "fromID": "2", "toID": "3"}, {"edgeID": "e2", "fromID": "3", "toID": "1"},
  {"edgeID": "e3", "fromID": "1", "toID": "4"}, {"edgeID": "e4", "fromID": "4", "toID": "2"}
]}
"""


def test_a_circle_of_support_is_said_at_the_inference_node_dropped(tmp_path: Path) -> None:
    """Two RA-nodes that support each other's premise: the one dropped was said at the file's
    start, not at its node."""
    outcome = imported(_CIRCLE, "aif", "circle.json")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            5,
            3,
            "support 'costs-fell-inference' dropped: it closes a circle of support "
            "(costs-fell -> the-plan-works -> costs-fell)",
        )
    ]
    m = loaded(outcome, tmp_path)
    assert [(a.premises, a.conclusion) for a in m.arguments.values()] == [
        (("costs-fell",), "the-plan-works")
    ]
