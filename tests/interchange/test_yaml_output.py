"""The imported map as YAML: text stays text for every YAML reader, not argmap's alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap.interchange.yamlout import dump_yaml

# Plain, these are strings to YAML 1.1 (PyYAML, argmap's loader) but numbers to YAML 1.2's
# core schema, which most other tools follow (yq, ruamel.yaml, js-yaml, editors): an imported
# claim text '1e3' became 1000.0 in them, an id '0o17' the key 15.
_NUMBERS_TO_YAML_1_2 = ["1e3", "1E3", "1e-3", "+1e3", "1.5e3", "-2.5E+4", ".5e3", "0o17", "0o0"]


@pytest.mark.parametrize("text", _NUMBERS_TO_YAML_1_2)
def test_text_that_yaml_1_2_reads_as_a_number_is_quoted(text: str) -> None:
    written = dump_yaml({"claims": {text: {"text": text, "supports": [text]}}})
    assert written == f"claims:\n  '{text}':\n    text: '{text}'\n    supports: ['{text}']\n"
    assert yaml.safe_load(written) == {"claims": {text: {"text": text, "supports": [text]}}}


@pytest.mark.parametrize("text", ["e3", "1e", "1ee3", "0o8", "1.2.3", "a1e3", "1e3a", "0o"])
def test_text_that_is_no_number_stays_plain(text: str) -> None:
    assert dump_yaml({"text": text}) == f"text: {text}\n"


def test_a_character_past_u_ffff_is_written_as_itself() -> None:
    """libyaml wrote an emoji as an escape, ``"\\U0001F469"``, so an imported map read
    ``\\U0001F469`` where its source had 👩, and an emoji sequence's joiner stood between two
    escapes, where rule AM012 found it hidden; the numbers stay quoted in such a map too."""
    coder = "\U0001f469\u200d\U0001f4bb"
    written = dump_yaml({"claims": {"a": {"text": f"A {coder} writes.", "tags": ["1e3"]}}})
    assert written == f"claims:\n  a:\n    text: A {coder} writes.\n    tags: ['1e3']\n"


# A strength is read only as a decimal (an exponent cannot be bounded by the schema's pattern:
# test_strengths), and PyYAML writes a float below 0.0001 with one: an Argdown quote of
# strength 0.00001, imported, was written as 'strength: 1.0e-05', which the map then refused.
@pytest.mark.parametrize(
    ("number", "written"),
    [
        (1e-05, "0.00001"),
        (2.5e-07, "0.00000025"),
        (0.5, "0.5"),
        (1.0, "1.0"),
        (0.0, "0.0"),
        (1e20, "100000000000000000000.0"),
        (-1e-05, "-0.00001"),
    ],
)
def test_a_number_is_written_without_an_exponent(number: float, written: str) -> None:
    assert dump_yaml({"strength": number}) == f"strength: {written}\n"
    assert dump_yaml({"strengths": [number]}) == f"strengths: [{written}]\n"
    assert yaml.safe_load(dump_yaml({"strength": number})) == {"strength": number}


def test_an_imported_small_strength_reads_back(tmp_path: Path) -> None:
    from argmap.pipeline import load_map

    evidence = {"quote": "q", "source": "s", "strength": 1e-05}
    data = {
        "argmap": 1,
        "sources": {"s": {"title": "S"}},
        "claims": {"a": {"text": "A.", "evidence": [evidence]}},
    }
    (tmp_path / "m.yaml").write_text(dump_yaml(data), encoding="utf-8")
    result = load_map(tmp_path / "m.yaml")
    assert [d.code for d in result.diagnostics] == []
    assert result.map is not None
    assert [e.strength for e in result.map.evidence.values()] == [1e-05]
