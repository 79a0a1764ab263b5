"""``--to json``: the resolved model with verdicts, and its JSON Schema kept in sync."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from argmap.cli import main
from argmap.interchange.json_export import export_schema, export_schema_text

from .conftest import MONTEBELLO

SCHEMA = Path(__file__).parents[2] / "schema" / "argmap-export.schema.json"


def test_schema_file_is_in_sync() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == export_schema_text(), (
        "regenerate: python -m argmap.interchange.json_export > schema/argmap-export.schema.json"
    )


def test_montebello_export_validates_against_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "montebello.json"
    result = CliRunner().invoke(main, ["export", str(MONTEBELLO), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(export_schema())
    jsonschema.validate(data, export_schema(), cls=jsonschema.Draft202012Validator)
    assert data["format"] == "argmap-export" and data["semantics"] == "grounded"
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["spp-fails"]["kind"] == "thesis"
    assert claims["spp-fails"]["verdict"] in {"supported", "refuted", "contested", "unsupported"}
    assert {e["check"]["status"] for e in data["evidence"]} <= {
        "verified",
        "verified-with-edits",
        "paraphrase",
        "not-found",
        "unchecked",
    }
    assert any(a["implicit"] for a in data["arguments"])
    assert any(a["kind"] == "undercut" for a in data["attacks"])
    again = CliRunner().invoke(main, ["export", str(MONTEBELLO), "--to", "json"])
    assert again.output == out.read_text(encoding="utf-8")
