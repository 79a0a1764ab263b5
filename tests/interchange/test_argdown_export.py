"""argmap -> Argdown: the export reads back into the same map, in argmap and in the reference
implementation (``argdown json`` of @argdown/cli 1.7.5)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from argmap.argument_map import ArgumentMap, Attack
from argmap.interchange.argdown.export import to_argdown
from argmap.interchange.argdown.parser import parse_argdown
from argmap.interchange.argdown.summary import summarise, summarise_reference
from argmap.interchange.losses import argdown_losses
from argmap.interchange.text import one_line
from argmap.pipeline import load_map

from .compare import assert_same, assert_same_map
from .conftest import GIVEN_TWICE, MONTEBELLO, imported, loaded

TRICKY_TEXT = (
    "Brackets [x] <y>, #hash, *stars*, _under_, @at, {curly}, // slashes, /* c */, "
    "<!-- h -->, === fences, back\\slash and: colon."
)
TRICKY = """\
argmap: 1
title: "Tricky = text"
question: "Does [this] <survive> {intact}?"
authors: [Me]
date: "2024-01-02"
sources:
  src:
    title: A source with } and {
    url: https://example.org/x?a=1
actors:
  me: {name: Ann Example}
claims:
  tricky:
    text: {text}
    label: "Tricky: a label"
    kind: thesis
    holder: me
    tags: [one tag, "two (2)"]
    note: "A note with } brace"
    evidence:
      - {quote: "he said } and { and =", source: src, locator: para 1, strength: 0.5}
  plain:
    text: Plain text.
    supports: tricky
    priority: 3
  cut:
    text: An undercutter.
    undercuts: plain->tricky
  rival:
    text: A rival.
    rebuts: tricky
  denial:
    text: Denies the premise outright.
    rebuts: plain
  doubt:
    text: Doubts the premise.
    undermines: plain
  first:
    text: A first linked premise.
  second:
    text: A second linked premise.
  objector:
    text: An objector.
attacks:
  objection:
    from: objector
    rebuts: tricky
    note: "Named, with a note } and {"
  named-cut:
    from: objector
    undercuts: plain->tricky
  named-doubt:
    from: objector
    undermines: first
arguments:
  joint:
    conclusion: tricky
    premises: [first, second]
    label: "Joint: {both} = together"
    holder: me
    note: "An argument's note, with } brace"
    priority: 2
evidence:
  against:
    quote: a counter quote
    source: src
    attacks: plain
""".replace("{text}", json.dumps(TRICKY_TEXT))


def _load(path: Path) -> ArgumentMap:
    result = load_map(path)
    assert result.map is not None, [d.message for d in result.diagnostics]
    return result.map


def _reads_back(original: ArgumentMap, text: str, name: str, tmp_path: Path) -> None:
    """``text``, argmap's Argdown of ``original``, imports without a finding as the same map."""
    outcome = imported(text, "argdown", name)
    assert outcome.diagnostics == []
    assert_same_map(original, loaded(outcome, tmp_path))


def _written(folder: Path, name: str, text: str) -> ArgumentMap:
    """The map of ``text``, written as ``folder/name``."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return _load(path)


@pytest.fixture
def tricky(tmp_path: Path) -> ArgumentMap:
    path = tmp_path / "tricky.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    return _load(path)


def test_montebello_survives_the_round_trip(tmp_path: Path) -> None:
    original = _load(MONTEBELLO)
    _reads_back(original, to_argdown(original), "montebello.argdown", tmp_path)


def test_special_characters_survive_the_round_trip(tricky: ArgumentMap, tmp_path: Path) -> None:
    text = to_argdown(tricky)
    assert "[Tricky: a label]: Brackets \\[x\\] \\<y\\>, \\#hash" in text
    outcome = imported(text, "argdown", "tricky.argdown")
    assert outcome.diagnostics == []
    assert_same_map(tricky, loaded(outcome, tmp_path))


def test_export_is_deterministic() -> None:
    m = _load(MONTEBELLO)
    assert to_argdown(m) == to_argdown(m)


def _reference_reads(argdown_cli: Path, source: Path, text: str) -> dict[str, Any]:
    """What the reference implementation makes of ``text`` (written to ``source``), summarised
    as the corpus tests summarise it; it must read the file without an error."""
    source.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [str(argdown_cli), "json", source.name, "."],
        cwd=source.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Invalid" not in done.stdout + done.stderr
    written = source.with_suffix(".json").read_text(encoding="utf-8")
    return summarise_reference(json.loads(written))


@pytest.mark.parametrize("which", ["montebello", "tricky"])
def test_the_reference_reads_the_export_as_argmap_does(
    which: str, argdown_cli: Path, tricky: ArgumentMap, tmp_path: Path
) -> None:
    m = _load(MONTEBELLO) if which == "montebello" else tricky
    text = to_argdown(m)
    reference = _reference_reads(argdown_cli, tmp_path / f"{which}.argdown", text)
    doc, problems = parse_argdown(text, f"{which}.argdown")
    assert problems == []
    assert_same(summarise(doc), reference)
    # and what the reference found is the map: a statement per claim, an argument per
    # written-out argument, a relation per short-form support and per attack
    assert len(reference["statements"]) == len(m.claims)
    written = [a for a in m.arguments.values() if not a.implicit]
    undercut = {a.target for a in m.attacks.values()}
    shown_as_arguments = [a for a in m.arguments.values() if a.implicit and a.id in undercut]
    assert len(reference["arguments"]) == len(written) + len(shown_as_arguments)
    supports = [a for a in m.arguments.values() if a.implicit and a.id not in undercut]
    assert len(reference["relations"]) == len(supports) + len(m.attacks)
    kinds = sorted(r["relationType"] for r in reference["relations"])
    assert kinds.count("undercut") == sum(
        1 for a in m.attacks.values() if a.kind.value == "undercut"
    )


class _CountedAttacks(dict[str, Attack]):
    """The map's attacks, counting how often the whole table is walked."""

    walks = 0

    def values(self) -> Any:
        _CountedAttacks.walks += 1
        return super().values()


def _ring(tmp_path: Path, size: int) -> ArgumentMap:
    """Claim i undermines claims i+1 and i+3 and rebuts claim i+2 (modulo ``size``)."""
    lines = ["argmap: 1", "title: Ring", "claims:"]
    for i in range(size):
        a, b, c = ((i + k) % size for k in (1, 2, 3))
        lines.append(f"  c{i}: {{text: Claim {i}., undermines: [c{a}, c{c}], rebuts: c{b}}}")
    path = tmp_path / "ring.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _load(path)


def test_undermined_claims_are_listed_in_the_map_order(tmp_path: Path) -> None:
    text = to_argdown(_ring(tmp_path, 5))
    head = '[c3]: Claim 3. {"id": "c3", "undermines": ["c4", "c1"]}\n'
    assert head + "  -> [c0]\n  -> [c4]\n  -> [c1]\n" in text
    assert text.count('"undermines"') == 5


def test_the_export_walks_the_attacks_a_fixed_number_of_times(tmp_path: Path) -> None:
    # once per claim would make the export quadratic (5,000 claims rebutting 10 others each
    # took 5 s); the attacks are indexed by attacker instead
    ring = _ring(tmp_path, 40)
    expected = to_argdown(ring)
    _CountedAttacks.walks = 0
    counted = replace(ring, attacks=_CountedAttacks(ring.attacks))
    assert to_argdown(counted) == expected
    assert _CountedAttacks.walks <= 3


def test_a_label_that_is_another_claims_id_does_not_merge_the_two(tmp_path: Path) -> None:
    # claim x is labelled "y", and claim y has no label: both would be titled [y], and
    # Argdown (and argmap's import) would read them as one statement with two texts
    original = _written(
        tmp_path,
        "collide.yaml",
        "argmap: 1\ntitle: Collide\nclaims:\n"
        "  x: {text: X text., label: 'y', supports: z}\n"
        "  y: {text: Y text., rebuts: z}\n"
        "  z: {text: Z text., kind: thesis}\n",
    )
    text = to_argdown(original)
    assert '[x]: X text. {"id": "x", "label": "y"}\n' in text
    assert '[y]: Y text. {"id": "y"}\n' in text
    _reads_back(original, text, "collide.argdown", tmp_path)


def test_export_import_export_gives_the_same_text(tmp_path: Path) -> None:
    # arguments come back in the order they are written out, not in the order their titles
    # are first mentioned (an undercut '_> <A>' above the argument mentions it first)
    first = to_argdown(_load(MONTEBELLO))
    again = to_argdown(loaded(imported(first, "argdown", "montebello.argdown"), tmp_path))
    assert again.splitlines() == first.splitlines()


def test_questions_about_unknown_claims_keep_the_known_ones(tmp_path: Path) -> None:
    text = (
        '===\nargmap: {questions: [{text: "Why?", about: [a, nope]}, "How?"]}\n===\n\n'
        "[a]: A claim. {id: a}\n"
    )
    outcome = imported(text, "argdown", "questions.argdown")
    assert [(d.code, d.message) for d in outcome.diagnostics] == [
        ("AM410", "question about unknown claims: nope")
    ]
    m = loaded(outcome, tmp_path)
    assert [(q.text, q.about) for q in m.questions] == [("Why?", ("a",)), ("How?", ())]


def test_named_attacks_in_data_need_an_id_a_target_and_a_relation(tmp_path: Path) -> None:
    text = "[a]: a {id: a, attacks: [{id: x, rebuts: b}, 5, {id: y}]}\n\n[b]: b {id: b}\n"
    outcome = imported(text, "argdown", "named.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 1, 1, "claim 'a': attack 'x' has no relation below it; skipped"),
        ("AM410", 1, 1, "claim 'a': a named attack without an id and a target skipped"),
        ("AM410", 1, 1, "claim 'a': a named attack without an id and a target skipped"),
    ]
    assert loaded(outcome, tmp_path).attacks == {}


ODD_LABELS = """\
argmap: 1
title: Odd labels
claims:
  t: {text: T., kind: thesis}
  p: {text: P.}
  q: {text: Q., label: "+ q"}
  r: {text: R., label: "_r_"}
  s: {text: S., label: "-s", supports: t}
arguments:
  a1: {conclusion: t, premises: [p], label: "+x"}
  a2: {conclusion: t, premises: [q], label: "-x"}
  a3: {conclusion: t, premises: [r], label: "_x"}
  a4: {conclusion: t, premises: [p, q], label: "!-- x"}
  a5: {conclusion: t, premises: [p, r], label: "a /* b // c"}
"""


def test_argument_labels_that_would_open_a_relation_or_a_comment_are_not_titles(
    argdown_cli: Path, tmp_path: Path
) -> None:
    # '<+x>', '<-x>', '<_x>' at a line start are relations, '<!-- x>' a comment: the
    # reference refused the export ("Invalid paragraph start") and so did argmap's import
    original = _written(tmp_path, "odd.yaml", ODD_LABELS)
    text = to_argdown(original)
    assert '<a1> {"id": "a1", "label": "+x"}' in text
    assert '<a4> {"id": "a4", "label": "!-- x"}' in text
    assert '<a /* b // c> {"id": "a5"' in text  # comments cannot start inside a title
    assert '[s]: S. {"id": "s", "label": "-s"}' in text  # Argdown's '[-s]' is no reference
    reference = _reference_reads(argdown_cli, tmp_path / "odd.argdown", text)
    assert list(reference["arguments"]) == ["a1", "a2", "a3", "a4", "a /* b // c"]
    _reads_back(original, text, "odd.argdown", tmp_path)


def test_a_label_equal_to_the_text_survives_the_round_trip(tmp_path: Path) -> None:
    original = _written(
        tmp_path,
        "same.yaml",
        "argmap: 1\ntitle: Same\nclaims:\n  t: {text: Short., label: Short., kind: thesis}\n",
    )
    outcome = imported(to_argdown(original), "argdown", "same.argdown")
    assert loaded(outcome, tmp_path).claims["t"].label == "Short."


def test_data_cannot_turn_an_argument_reference_into_a_definition(tmp_path: Path) -> None:
    # '<a1> {"note": "x >: y"}' reads (in the reference too) as the definition of an argument
    # titled 'a1> {"note": "x', whose reconstruction then belongs to nobody
    original = _written(
        tmp_path,
        "colon.yaml",
        "argmap: 1\ntitle: Colon\nclaims:\n"
        "  t: {text: T., kind: thesis}\n  p: {text: P.}\n  q: {text: Q.}\n"
        "arguments:\n  a1: {conclusion: t, premises: [p, q], note: 'x >: y'}\n",
    )
    text = to_argdown(original)
    assert '<a1> {"id": "a1", "note": "x >\\u003a y"}' in text
    _reads_back(original, text, "colon.argdown", tmp_path)


def test_shortcode_spans_show_the_text_itself_in_argdown(argdown_cli: Path, tmp_path: Path) -> None:
    # Argdown reads '.word.' and ':word:' (no space inside) as one token, a shortcode: a
    # known one becomes a symbol (':+1:' is a thumbs up) and an unknown one is shown as
    # written, escapes included ('file.name\_x.txt.' showed its backslash)
    texts = [
        "See file.name_x.txt.",
        "Thumbs :+1: up, for all .A. and :happy: people.",
        "At 10:30:45 the U.S. team used a #hash.tag_here.",
    ]
    path = tmp_path / "spans.yaml"
    claims = "".join(f"  c{k}: {{text: {json.dumps(t)}}}\n" for k, t in enumerate(texts))
    path.write_text(f"argmap: 1\ntitle: Spans\nclaims:\n{claims}", encoding="utf-8")
    original = _load(path)
    text = to_argdown(original)
    reference = _reference_reads(argdown_cli, tmp_path / "spans.argdown", text)
    shown = [[one_line(t) for t in s["texts"]] for s in reference["statements"].values()]
    assert shown == [[t] for t in texts]
    _reads_back(original, text, "spans.argdown", tmp_path)


def test_line_separators_in_data_survive_the_round_trip(tmp_path: Path) -> None:
    # YAML folds a raw NEL (U+0085) in a quoted string into a space
    original = _written(
        tmp_path,
        "nel.yaml",
        "argmap: 1\ntitle: NEL\nsources:\n  s: {title: S}\nclaims:\n"
        '  t:\n    text: T.\n    kind: thesis\n    note: "a\\x85b\\u2028c\\u2029d"\n'
        '    evidence: [{quote: "q\\x85r", source: s}]\n',
    )
    text = to_argdown(original)
    assert "\x85" not in text
    outcome = imported(text, "argdown", "nel.argdown")
    m = loaded(outcome, tmp_path)
    assert m.claims["t"].note == "a\x85b\u2028c\u2029d"
    assert [e.quote for e in m.evidence.values()] == ["q\x85r"]


def test_tags_that_argdown_would_change_go_into_the_data(tmp_path: Path) -> None:
    # '#(a\nb)' put a line break into the statement (an empty line inside a tag would end
    # the block), and Argdown trims ' spaced '
    original = _written(
        tmp_path,
        "tags.yaml",
        "argmap: 1\ntitle: Tags\nclaims:\n  t:\n    text: T.\n    kind: thesis\n"
        '    tags: ["a\\n\\nb", " spaced ", "plain"]\n',
    )
    text = to_argdown(original)
    assert "\n\n[t]: T. #(plain) {" in text and '"tags": ["a\\n\\nb", " spaced ", "plain"]' in text
    _reads_back(original, text, "tags.argdown", tmp_path)


def test_characters_yaml_refuses_are_escaped_in_data_and_front_matter(tmp_path: Path) -> None:
    # DEL, the C1 controls and U+FFFE/U+FFFF are allowed in a map (written as escapes in its
    # YAML) but not raw in a YAML file: raw in the data or the front matter, the import
    # refused the export ("the control character U+007F is not allowed in YAML", AM401)
    original = _written(
        tmp_path,
        "controls.yaml",
        'argmap: 1\ntitle: "T\\x7f\\ufffe"\nquestion: "Q\\x80?"\n'
        'sources:\n  s: {title: "S\\x9f"}\nclaims:\n'
        '  t:\n    text: "T\\x7f."\n    label: "L\\x80"\n    kind: thesis\n'
        '    note: "N\\x9b\\uffff"\n    evidence: [{quote: "q\\x7f", source: s}]\n',
    )
    text = to_argdown(original)
    assert 'title: "T\\u007f\\ufffe"\n' in text
    assert '"label": "L\\u0080"' in text and '"note": "N\\u009b\\uffff"' in text
    _reads_back(original, text, "controls.argdown", tmp_path)


def test_the_title_and_authors_keep_their_line_breaks(tmp_path: Path) -> None:
    # the front matter holds them exactly (the reference reads them so); the import joined
    # their lines, so a second export differed from the first
    original = _written(
        tmp_path,
        "title.yaml",
        'argmap: 1\ntitle: "Line one\\nline two\\u2028three "\nauthors: ["Ann\\nExample"]\n'
        "claims:\n  t: {text: T., kind: thesis}\n",
    )
    text = to_argdown(original)
    assert text.startswith('===\ntitle: "Line one\\nline two\\u2028three "\n')
    _reads_back(original, text, "title.argdown", tmp_path)
    again = to_argdown(loaded(imported(text, "argdown", "title.argdown"), tmp_path))
    assert again == text


def test_a_premise_or_an_attack_given_twice_is_written_once_and_said(tmp_path: Path) -> None:
    # '-> [a]' was written twice under [b] (with attack x in its data) and (1) [c] (2) [c]:
    # the import reads one relation and one premise, and the second export was another text
    original = _written(tmp_path, "twice.yaml", GIVEN_TWICE)
    first = to_argdown(original)
    assert first.split("\n\n")[1:] == [
        '[a]: A. {"id": "a"}',
        '[b]: B. {"id": "b"}\n  -> [a]',
        '[c]: C. {"id": "c"}',
        '<r> {"id": "r"}',
        "(1) [c]\n----\n(2) [a]\n",
    ]
    outcome = imported(first, "argdown", "twice.argdown")
    assert outcome.diagnostics == []
    assert to_argdown(loaded(outcome, tmp_path)) == first
    assert [(d.line, d.col, d.message) for d in argdown_losses(original)] == [
        (
            7,
            3,
            "Argdown has no place for a premise given twice; not exported: argument 'r' "
            "(an inference has each premise once)",
        ),
        (
            9,
            3,
            "Argdown has no place for an attack given twice (by the same claim on the same "
            "target); not exported: attack 'x' (the import reads one attack)",
        ),
    ]
