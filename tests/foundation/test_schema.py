"""The JSON Schema for editors: generated from the models, kept in the repository in sync, and
accepting every valid example the way an editor's YAML parser reads it."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from argmap.schema import schema_text

REPO = Path(__file__).parents[2]
VALID = sorted((REPO / "tests/examples/valid").rglob("*.yaml")) + sorted(
    (REPO / "arguments").glob("*.yaml")
)


def test_committed_schema_is_in_sync() -> None:
    committed = (REPO / "schema/argmap.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: argmap schema -o schema/argmap.schema.json"


def _as_editor_sees(value: Any) -> Any:
    """YAML 1.2 as the YAML language server reads it: dates are text."""
    if isinstance(value, dict):
        return {str(k): _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_files_satisfy_the_schema(path: Path) -> None:
    schema = json.loads(schema_text())
    data = _as_editor_sees(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_an_unknown_key_and_documents_every_field() -> None:
    schema = json.loads(schema_text())
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({"argmap": 1, "claims": {"a": {"text": "x", "suports": "b"}}})
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"
            assert spec.get("examples"), f"{name}.{field} has no examples"
            assert spec.get("title"), f"{name}.{field} has no title"
    for field, spec in schema["properties"].items():
        assert spec.get("description") and spec.get("examples"), field
