"""AIF export -> import -> export gives the export's bytes again: one example per reason it
did not (the property test over the fuzz strategies' maps is in test_round_trips.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.interchange.aif.export import to_aif
from argmap.interchange.losses import aif_losses

from .conftest import GIVEN_TWICE, imported, loaded, written


def _round_trip(tmp_path: Path, text: str) -> tuple[str, str, ArgumentMap]:
    """The AIF export of the map ``text``, the export of its import, and the imported map."""
    first = to_aif(written(tmp_path, text))
    back = loaded(imported(first, "aif", "export.json"), tmp_path)
    return first, to_aif(back), back


def _nodes(text: str) -> list[tuple[str, str]]:
    return [(n["type"], n["text"]) for n in json.loads(text)["AIF"]["nodes"]]


def _people(text: str) -> list[Any]:
    return json.loads(text)["AIF"]["participants"]


def test_a_claims_line_breaks_and_runs_of_spaces_come_back(tmp_path: Path) -> None:
    # the import made each I-node's text one line: the claim came back as "One. Two, three",
    # and the second export wrote that
    first, second, back = _round_trip(
        tmp_path,
        'argmap: 1\nclaims:\n  a:\n    text: "One.\\nTwo,\\tthree  "\n'
        '  b:\n    text: "  Four\\r\\n\\nfive"\n    supports: [a]\n',
    )
    assert [c.text for c in back.claims.values()] == ["One.\nTwo,\tthree  ", "  Four\r\n\nfive"]
    assert _nodes(second)[:2] == [("I", "One.\nTwo,\tthree  "), ("I", "  Four\r\n\nfive")]
    assert second == first


def test_a_participants_name_comes_back_as_the_locution_writes_it(tmp_path: Path) -> None:
    # the name was read from first name and surname, made one line and without the word
    # "None" (AIFdb's missing name): "Ann None" came back "Ann", "Mary\nLee  Smith" as
    # "Mary Lee Smith", and the second export split the names elsewhere
    first, second, back = _round_trip(
        tmp_path,
        "argmap: 1\nactors:\n"
        '  ann: {name: "Ann None"}\n  mary: {name: "Mary\\nLee  Smith"}\n  bo: {name: "Bo "}\n'
        "claims:\n  a: {text: One., holder: ann}\n  b: {text: Two., holder: mary}\n"
        "  c: {text: Three., holder: bo}\n",
    )
    assert [a.name for a in back.actors.values()] == ["Ann None", "Mary\nLee  Smith", "Bo "]
    assert [(p["firstname"], p["surname"]) for p in _people(second)] == [
        ("Ann", "None"),
        ("Mary\nLee", " Smith"),
        ("Bo", ""),
    ]
    assert second == first


def test_two_participants_of_one_name_stay_two_actors(tmp_path: Path) -> None:
    # participants were told apart by name: two actors named "Sam" came back as one, and
    # the second export had one participant where the first had two
    first, second, back = _round_trip(
        tmp_path,
        "argmap: 1\nactors:\n  sam: {name: Sam}\n  other-sam: {name: Sam}\n"
        "claims:\n  a: {text: One., holder: sam}\n  b: {text: Two., holder: other-sam}\n",
    )
    assert [(c.text, c.holder) for c in back.claims.values()] == [
        ("One.", "sam"),
        ("Two.", "sam-2"),
    ]
    assert [p["participantID"] for p in _people(second)] == [1, 2]
    assert second == first


def _conflicts(text: str) -> list[tuple[str, str]]:
    """(attacker, target) texts of each CA-node, in the file's order."""
    aif = json.loads(text)["AIF"]
    node = {n["nodeID"]: n for n in aif["nodes"]}
    into = {e["toID"]: node[e["fromID"]]["text"] for e in aif["edges"]}
    out = {e["fromID"]: node[e["toID"]]["text"] for e in aif["edges"]}
    return [(into[n["nodeID"]], out[n["nodeID"]]) for n in aif["nodes"] if n["type"] == "CA"]


_EVIDENCE = """\
argmap: 1
sources:
  s: {title: S}
claims:
  a: {text: A.}
  b: {text: B., supports: [a]}
evidence:
  e1: {quote: Q one., source: s, supports: b}
  e2: {quote: Q two., source: s, attacks: a}
"""


def test_quotes_are_i_nodes_among_the_claims(tmp_path: Path) -> None:
    # each quote's I-node was written after the map's conflicts, with its inference or
    # conflict; the import makes it a claim, and the second export wrote it among the claims'
    first, second, _ = _round_trip(tmp_path, _EVIDENCE)
    assert _nodes(first) == [
        ("I", "A."),
        ("I", "B."),
        ("I", "Q one."),
        ("I", "Q two."),
        ("RA", "Default Inference"),
        ("RA", "Default Inference"),
        ("CA", "Default Conflict"),
    ]
    assert second == first


_ATTACKS = """\
argmap: 1
claims:
  a: {text: A.}
  b: {text: B., rebuts: a}
  p: {text: P., supports: [a]}
  d: {text: D., rebuts: [p, a]}
attacks:
  x: {from: a, rebuts: b}
"""


def test_conflicts_are_in_the_order_the_import_lists_attacks(tmp_path: Path) -> None:
    # conflicts were in the map's order (attacks under claims, then those under 'attacks:');
    # the import lists a claim's attacks under it, rebuttals before underminings (P. is only
    # a premise: D. undermines it), and the second export wrote them in that order
    first, second, back = _round_trip(tmp_path, _ATTACKS)
    assert _conflicts(first) == [("A.", "B."), ("B.", "A."), ("D.", "A."), ("D.", "P.")]
    assert [(a.attacker, a.target, a.kind.value) for a in back.attacks.values()] == [
        ("a", "b", "rebut"),
        ("b", "a", "rebut"),
        ("d", "a", "rebut"),
        ("d", "p", "undermine"),
    ]
    assert second == first


_LABELS = """\
argmap: 1
claims:
  a: {text: A.}
  b: {text: B.}
  c: {text: C.}
arguments:
  one: {conclusion: a, premises: [b], label: "From\\nsign,  say "}
  two: {conclusion: b, premises: [c], label: Expert opinion}
"""


def test_an_arguments_label_comes_back_as_written(tmp_path: Path) -> None:
    # an RA-node's scheme name was made one line: the label came back "From sign, say"
    first, second, back = _round_trip(tmp_path, _LABELS)
    assert [a.label for a in back.arguments.values()] == ["From\nsign,  say ", "Expert opinion"]
    assert second == first


def test_an_arguments_label_that_names_no_scheme_is_a_loss_said_at_export(
    tmp_path: Path,
) -> None:
    # "default conflict" was written as the RA-node's text, which the import reads as no
    # scheme (AIF's default names, in any case): the second export wrote "Default Inference",
    # and the label was lost without a word
    text = _LABELS.replace("Expert opinion", "default  Conflict")
    first, second, back = _round_trip(tmp_path, text)
    assert [t for kind, t in _nodes(first) if kind == "RA"] == [
        "From\nsign,  say ",
        "Default Inference",
    ]
    assert [a.label for a in back.arguments.values()] == ["From\nsign,  say ", None]
    assert second == first
    lost = [(d.line, d.col, d.message) for d in aif_losses(written(tmp_path, text))]
    assert (
        8,
        3,
        "AIF has no place for argument labels that name no scheme ('Default Inference', "
        "'Default Conflict', 'Default Rephrase', in any case); not exported: argument 'two' "
        "(AIF reads such a name as an inference without scheme)",
    ) in lost


def test_a_premise_or_an_attack_given_twice_is_written_once_and_said(tmp_path: Path) -> None:
    # the export wrote C. -> RA twice and B. -> CA -> A. twice; the import reads one of each,
    # and the second export wrote one
    first, second, _ = _round_trip(tmp_path, GIVEN_TWICE)
    assert _conflicts(first) == [("B.", "A.")]
    edges = json.loads(first)["AIF"]["edges"]
    assert [(e["fromID"], e["toID"]) for e in edges] == [
        ("3", "4"),
        ("4", "1"),
        ("2", "5"),
        ("5", "1"),
    ]
    assert second == first
    lost = [(d.line, d.col, d.message) for d in aif_losses(written(tmp_path, GIVEN_TWICE))]
    assert [x for x in lost if "twice" in x[2]] == [
        (
            7,
            3,
            "AIF has no place for a premise given twice; not exported: argument 'r' "
            "(an inference has each premise once)",
        ),
        (
            9,
            3,
            "AIF has no place for an attack given twice (by the same claim on the same "
            "target); not exported: attack 'x' (the import reads one attack)",
        ),
    ]
