"""``--to json``: the resolved model with verdicts, and its JSON Schema kept in sync."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
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


REPO = Path(__file__).parents[2]
# Every map of the repository that exports (a part of a map, such as parts/, does not alone).
REPO_MAPS = sorted(
    [
        *REPO.glob("arguments/*.yaml"),
        *REPO.glob("tests/examples/valid/*.yaml"),
        *REPO.glob("tests/render/fixtures/*.yaml"),
        *REPO.glob("tests/report_html/fixtures/*.yaml"),
    ]
)

PART = """\
argmap: 1
claims:
  cost:
    text: Uniforms cost families money.
    attacks: uniforms
"""

# One of every kind of element and outcome: an include, named and implicit arguments and
# attacks, evidence under a claim and at the top level, quotes verified, paraphrased, not
# found and from an unreadable source, refuted and undecided claims, questions in both
# forms, an actor, hidden characters, and a text of 15,000 characters.
EVERY_KIND = """\
argmap: 1
title: "Every kind\\u200b of element"
question: Should the school require uniforms?
description: A map with one of everything.
authors: [Class 10B]
date: 2026-11-01
include: [parts/more.yaml]
sources:
  report:
    title: District study
    file: sources/report.txt
    url: "doi:10.1000/x"
    authors: [J. Doe]
    date: 2021
    publisher: Office
  broken: {title: Broken, file: sources/broken.pdf}
  web: {title: Web page, url: "https://example.org/page"}
actors:
  board: {name: School board, role: Governing body, url: "https://example.org/board"}
claims:
  uniforms:
    text: "The school should\\u202e require uniforms."
    kind: thesis
    holder: board
    tags: [policy]
    note: The main claim.
    priority: 1
    evidence:
      - {quote: attendance rose by four percent, source: report, locator: para 1}
      - {quote: attendance fell sharply after uniforms, source: report}
      - {quote: something unreadable, source: broken}
  attendance:
    text: Attendance rises.
    kind: premise
    supports: uniforms
  disputes:
    text: Disputes fall.
    kind: premise
    label: fewer fights
  long:
    text: "LONG"
    kind: assumption
  a:
    text: A.
    rebuts: b
  b:
    text: B.
  x:
    text: X.
    rebuts: y
  y:
    text: Y.
    rebuts: x
arguments:
  calm:
    conclusion: uniforms
    premises: [disputes, long]
    label: calm school
    holder: board
    note: Both are needed.
attacks:
  objection:
    from: a
    undercuts: calm
    note: Named attack.
evidence:
  teachers:
    quote: Teachers reported fewer disputes
    source: report
    supports: disputes
  paraphrased:
    quote: Teachers reported fewer arguments about clothes during the first year
    source: report
    attacks: attendance
  refuting:
    quote: attendance rose by four percent
    source: report
    attacks: a
questions:
  - text: Is attendance the right measure?
    about: [attendance]
  - Who pays?
""".replace("LONG", " ".join(["word"] * 3000))

REPORT = (
    "The district study found that attendance rose by four percent after uniforms were "
    "required.\nTeachers reported fewer disputes about clothing in the first year.\n"
)


def _exported(path: Path) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["export", str(path), "--to", "json"])
    assert result.exit_code == 0, result.output
    data: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return data


def test_every_map_of_the_repository_exports_valid_json() -> None:
    assert len(REPO_MAPS) >= 10
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for path in REPO_MAPS:
        errors = [e.message for e in validator.iter_errors(_exported(path))]
        assert errors == [], (path, errors)


def test_a_map_with_every_kind_of_element_exports_valid_json(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "more.yaml").write_text(PART, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "sources" / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    path = tmp_path / "map.yaml"
    path.write_text(EVERY_KIND, encoding="utf-8")
    data = _exported(path)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)] == []
    # The map does hold what it is meant to test.
    claims = {c["id"]: (c["verdict"], c["acceptance"]) for c in data["claims"]}
    assert claims == {
        "uniforms": ("supported", "IN"),
        "attendance": ("refuted", "OUT"),
        "disputes": ("supported", "IN"),
        "long": ("unsupported", "IN"),
        "a": ("refuted", "OUT"),
        "b": ("unsupported", "IN"),
        "x": ("contested", "UNDEC"),
        "y": ("contested", "UNDEC"),
        "cost": ("unsupported", "IN"),
    }
    checks = {e["id"]: e["check"]["status"] for e in data["evidence"]}
    assert checks == {
        "uniforms.ev1": "verified",
        "uniforms.ev2": "not-found",
        "uniforms.ev3": "unchecked",
        "teachers": "verified",
        "paraphrased": "paraphrase",
        "refuting": "verified",
    }
    assert [(a["id"], a["implicit"]) for a in data["arguments"]] == [
        ("attendance->uniforms", True),
        ("calm", False),
    ]
    assert [(a["id"], a["kind"], a["implicit"]) for a in data["attacks"]] == [
        ("a-/->b", "rebut", True),
        ("x-/->y", "rebut", True),
        ("y-/->x", "rebut", True),
        ("objection", "undercut", False),
        ("cost-/->uniforms", "rebut", True),
    ]
    assert data["questions"] == [
        {"text": "Is attendance the right measure?", "about": ["attendance"]},
        {"text": "Who pays?", "about": []},
    ]
    assert data["title"] == "Every kind\u200b of element"
    assert len(next(c for c in data["claims"] if c["id"] == "long")["text"]) == 14999


def test_path_is_the_same_however_the_file_is_named_and_wherever_argmap_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "path" was the path as typed, made relative to the working folder: the same map gave
    # "arguments/x.yaml" from the project and "/home/.../arguments/x.yaml" from elsewhere.
    # It is now the file relative to its project (the folder with pyproject.toml, argmap.toml
    # or .git), with "/" between folders
    project = tmp_path / "project"
    (project / "arguments").mkdir(parents=True)
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    (project / "arguments" / "x.yaml").write_text(
        "argmap: 1\ntitle: X\nclaims:\n  a: {text: A claim.}\n", encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    seen = set()
    for cwd, typed in [
        (project, "./arguments/../arguments/x.yaml"),
        (project, "arguments/x.yaml"),
        (project / "arguments", "x.yaml"),
        (elsewhere, str(project / "arguments" / "x.yaml")),
        (elsewhere, "../project/arguments/x.yaml"),
    ]:
        monkeypatch.chdir(cwd)
        seen.add(_exported(Path(typed))["path"])
    assert seen == {"arguments/x.yaml"}


def test_the_export_vocabularies_are_the_codes_enums() -> None:
    """The export's models spell their vocabularies as literals; they must stay the code's
    enums (a new verdict or quote status would otherwise export output the schema refuses)."""
    from argmap.argument_map import AttackKind, Stance
    from argmap.evaluate.verdicts import LABEL_TEXT
    from argmap.model import ClaimKind
    from argmap.semantics.labels import Semantics
    from argmap.verdict import QuoteStatus, Verdict

    schema = export_schema()
    defs = schema["$defs"]

    def enum(model: str, key: str) -> list[str]:
        values: list[str] = defs[model]["properties"][key]["enum"]
        return values

    assert enum("ExportClaim", "kind") == [k.value for k in ClaimKind]
    assert enum("ExportClaim", "verdict") == [v.value for v in Verdict]
    assert enum("ExportClaim", "acceptance") == list(LABEL_TEXT.values())
    assert defs["QuoteCheck"]["properties"]["status"] == {"$ref": "#/$defs/QuoteStatus"}
    assert defs["QuoteStatus"]["enum"] == [s.value for s in QuoteStatus]
    assert enum("ExportAttack", "kind") == [k.value for k in AttackKind]
    assert enum("ExportEvidence", "stance") == [s.value for s in Stance]
    assert schema["properties"]["semantics"]["enum"] == [s.value for s in Semantics]


def test_the_drawing_settings_of_the_file_are_exported(tmp_path: Path) -> None:
    """The JSON export holds the whole map: its ``drawing:`` too, null where it says nothing."""
    path = tmp_path / "map.yaml"
    text = "argmap: 1\ntitle: T\ndrawing: {rankdir: lr, legend: false}\nclaims:\n  t: {text: T.}\n"
    path.write_text(text, encoding="utf-8")
    data = _exported(path)
    assert data["drawing"] == {"rankdir": "lr", "group_by": None, "evidence": None, "legend": False}
    assert list(data)[list(data).index("date") + 1] == "drawing"
    path.write_text(text.replace("drawing: {rankdir: lr, legend: false}\n", ""), encoding="utf-8")
    nothing = dict.fromkeys(("rankdir", "group_by", "evidence", "legend"))
    assert _exported(path)["drawing"] == nothing
