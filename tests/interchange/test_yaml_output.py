"""The imported map as YAML: text stays text for every YAML reader, not argmap's alone."""

from __future__ import annotations

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
