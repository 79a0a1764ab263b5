"""Ids that are numbers: ``3:`` and ``supports: 3``. The loader keeps every scalar as text, so
claim ``3`` and a reference to it are the id ``'3'``, as ``!!str 3`` is. An editor's YAML 1.2
parser reads ``supports: 3`` as the number 3, which the JSON Schema refused (a reference was
text only): the editor flagged a map that ``argmap check`` takes. A key is text in JSON either
way, so ``3:`` never was flagged."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from argmap.pipeline import load_map
from argmap.schema import schema_text

MAP = """\
argmap: 1
actors:
  2024: {name: A class}
sources:
  1: {title: A source}
claims:
  3: {text: Three., kind: thesis}
  !!str 4: {text: Four., supports: 3, holder: 2024}
  5: {text: Five., supports: [3, !!str 4], evidence: [{quote: q, source: 1}]}
arguments:
  6: {conclusion: 3, premises: [4, 5]}
attacks:
  7: {from: 5, undermines: 4}
questions:
  - {text: Why?, about: [3]}
"""
# The same map as an editor's YAML 1.2 parser reads it: numbers where nothing says text.
AS_AN_EDITOR_READS_IT = {
    "argmap": 1,
    "actors": {"2024": {"name": "A class"}},
    "sources": {"1": {"title": "A source"}},
    "claims": {
        "3": {"text": "Three.", "kind": "thesis"},
        "4": {"text": "Four.", "supports": 3, "holder": 2024},
        "5": {"text": "Five.", "supports": [3, "4"], "evidence": [{"quote": "q", "source": 1}]},
    },
    "arguments": {"6": {"conclusion": 3, "premises": [4, 5]}},
    "attacks": {"7": {"from": 5, "undermines": 4}},
    "questions": [{"text": "Why?", "about": [3]}],
}

_VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))


def test_number_ids_are_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MAP, encoding="utf-8")
    result = load_map(tmp_path / "m.yaml")
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []
    assert result.map is not None
    assert list(result.map.claims) == ["3", "4", "5"]
    assert result.map.claims["4"].holder == "2024"
    assert result.map.arguments["6"].premises == ("4", "5")
    assert result.map.attacks["7"].target == "4"


def test_the_schema_takes_the_map_as_an_editor_reads_it() -> None:
    assert [e.message for e in _VALIDATOR.iter_errors(AS_AN_EDITOR_READS_IT)] == []


@pytest.mark.parametrize("ref", [-1, 1.5, True, "-a"])
def test_the_schema_refuses_what_argmap_refuses(ref: object) -> None:
    """A negative number (``-1``, no id: ids start with a letter or a digit), a fraction
    (``1.5``, which argmap would read as the id '1.5' but no editor writes for one), a truth
    value."""
    doc = {"argmap": 1, "claims": {"a": {"text": "A.", "holder": ref}}}
    assert not _VALIDATOR.is_valid(doc)
