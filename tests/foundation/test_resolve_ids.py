"""Identifiers are unique across the whole map: a duplicate names the kind of element that
holds the identifier first, with an article, and where it was defined."""

from __future__ import annotations

from pathlib import Path

from argmap.pipeline import load_map


def test_a_duplicate_names_the_kind_that_holds_the_identifier_first(tmp_path: Path) -> None:
    f = tmp_path / "map.yaml"
    f.write_text(
        "argmap: 1\nsources:\n  s: {title: A source}\n"
        "claims:\n  t:\n    text: T.\n    evidence:\n      - {quote: q, source: s}\n"
        "  x: {text: X.}\n"
        "attacks:\n  hit: {from: x, rebuts: t}\n"
        "evidence:\n  hit: {quote: r, source: s, supports: t}\n"
        "  s: {quote: r, source: s, supports: t}\n"
        "  t.ev1: {quote: r, source: s, supports: t}\n",
        encoding="utf-8",
    )
    found = [(d.line, d.col, d.code, d.message, d.hint) for d in load_map(f).diagnostics]
    unique = "identifiers are unique across the whole map"
    assert found == [
        (
            13,
            3,
            "AM301",
            "the identifier 'hit' is already used by an attack",
            f"first defined at {f}:11:3; {unique}",
        ),
        (
            14,
            3,
            "AM301",
            "the identifier 's' is already used by a source",
            f"first defined at {f}:3:3; {unique}",
        ),
        (
            15,
            3,
            "AM301",
            "the identifier 't.ev1' is already used by an evidence item",
            f"first defined at {f}:8:9; {unique}",
        ),
    ]


def test_a_claim_attacking_itself_is_reported_at_its_target(tmp_path: Path) -> None:
    """In the short form and written out: the position is the target's value."""
    f = tmp_path / "map.yaml"
    f.write_text(
        "argmap: 1\nclaims:\n  x: {text: X., attacks: x}\n  y: {text: Y.}\n"
        "attacks:\n  hit: {from: y, rebuts: y}\n",
        encoding="utf-8",
    )
    found = [(d.line, d.col, d.code, d.message) for d in load_map(f).diagnostics]
    assert found == [
        (3, 26, "AM308", "'x' attacks itself"),
        (6, 26, "AM308", "'y' attacks itself"),
    ]


def test_dangling_targets_of_written_out_attacks_and_evidence_point_at_the_target(
    tmp_path: Path,
) -> None:
    f = tmp_path / "map.yaml"
    f.write_text(
        "argmap: 1\nsources:\n  s: {title: A source}\nclaims:\n  x: {text: X.}\n"
        "attacks:\n  hit: {from: x, undermines: nothere}\n"
        "evidence:\n  e: {quote: q, source: s, supports: elsewhere}\n",
        encoding="utf-8",
    )
    result = load_map(f)
    assert result.map is None
    assert [(d.line, d.col, d.code, d.message) for d in result.diagnostics] == [
        (7, 30, "AM302", "'nothere' refers to no claim in this map"),
        (9, 38, "AM302", "'elsewhere' refers to no claim in this map"),
    ]
