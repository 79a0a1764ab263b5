"""The JSON that validate, check and stats print holds to the schemas in schema/.

The schemas are generated (:mod:`argmap.output_schemas`); these tests keep the files in sync,
validate the real outputs of many runs against them, and show that the schemas are strict
enough to refuse a document that is not one (an unknown status, a key missing or added).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from argmap.argument_map import AttackKind
from argmap.cli import main
from argmap.diagnostics import Severity
from argmap.model import ClaimKind
from argmap.output_schemas import OUTPUTS, output_schema, output_schema_text
from argmap.semantics.labels import Label
from argmap.verdict import QuoteStatus, Verdict
from output_keys import CHECKED_MAP_KEYS

REPO = Path(__file__).parents[2]
MONTEBELLO = REPO / "arguments" / "montebello.yaml"
KINDS = sorted(OUTPUTS)

REPORT = (
    "The district study found that attendance rose by four percent after uniforms were "
    "required.\nTeachers reported fewer disputes about clothing in the first year.\n"
)

# Every verdict, every label and every quote status, in one map.
EVERY_OUTCOME = """\
argmap: 1
title: Every verdict and quote status
sources:
  report: {title: District study, file: sources/report.txt}
  web: {title: Web page, url: "https://example.org/page"}
claims:
  uniforms:
    text: The school should require uniforms.
    kind: thesis
    evidence:
      - {quote: attendance rose by four percent, source: report}
      - {quote: "attendance rose [...] after uniforms", source: report}
      - {quote: attendance fell sharply after uniforms, source: report}
      - {quote: something on the web, source: web}
  calm:
    text: Disputes fall.
    supports: uniforms
    evidence:
      - quote: Teachers reported fewer arguments about clothes during the first year
        source: report
  a: {text: A., rebuts: b}
  b: {text: B.}
  x: {text: X., rebuts: y}
  y: {text: Y., rebuts: x}
"""

ODD_CYCLE = """\
argmap: 1
claims:
  a: {text: A., kind: thesis, rebuts: c}
  b: {text: B., rebuts: a}
  c: {text: C., rebuts: b}
"""

BROKEN = "argmap: 1\nclaims:\n  a: {text: A., kind: thesis, bogus: 1}\n  b: {text: [B\n"


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schema" / f"argmap-{kind}.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _errors(kind: str, document: Any) -> list[str]:
    return [e.message for e in _validator(kind).iter_errors(document)]


def _run(*args: str | Path) -> tuple[int, Any]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, json.loads(result.stdout)


def _counted(stats: dict[str, Any]) -> dict[str, Any]:
    """The counts of the one map a stats run counted (always in ``maps``, one shape), which
    are the total too."""
    assert list(stats) == ["format", "version", "maps", "total", "diagnostics"]
    (counted,) = stats["maps"]
    assert isinstance(counted, dict)
    assert {"path": counted["path"], **stats["total"]} == counted
    return counted


def _only(checked: dict[str, Any]) -> dict[str, Any]:
    """The outcome of the one map a check printed (always in ``maps``, one shape)."""
    assert list(checked) == ["format", "version", "maps", "diagnostics"]
    (outcome,) = checked["maps"]
    assert isinstance(outcome, dict)
    return outcome


@pytest.fixture
def every(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "report.txt").write_text(REPORT, encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(EVERY_OUTCOME, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_schema_file_is_in_sync_and_a_valid_draft_2020_12_schema(kind: str) -> None:
    path = REPO / "schema" / f"argmap-{kind}.schema.json"
    assert path.read_text(encoding="utf-8") == output_schema_text(kind), (
        f"regenerate: python -m argmap.output_schemas {kind} > schema/argmap-{kind}.schema.json"
    )
    schema = output_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://argmap.dev/schema/argmap-{kind}.schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_vocabularies_are_the_codes_enums() -> None:
    text = "\n".join(output_schema_text(kind) for kind in KINDS)
    schema = {kind: output_schema(kind) for kind in KINDS}
    defs = schema["check"]["$defs"]
    assert defs["Verdict"]["enum"] == [v.value for v in Verdict]
    assert defs["QuoteStatus"]["enum"] == [s.value for s in QuoteStatus]
    assert defs["ClaimKind"]["enum"] == [k.value for k in ClaimKind]
    assert defs["Severity"]["enum"] == [s.value for s in Severity]
    acceptance = defs["CheckedClaim"]["properties"]["acceptance"]
    assert acceptance["enum"] == [label.value.upper() for label in Label] == ["IN", "OUT", "UNDEC"]
    stats = schema["stats"]["$defs"]["Counts"]["properties"]
    assert schema["stats"]["$defs"]["CountedMap"]["properties"] == {
        "path": {
            "description": "The map's file, as check's JSON names it.",
            "title": "Path",
            "type": "string",
        },
        **stats,
    }
    assert stats["quotes"]["required"] == [s.value for s in QuoteStatus]
    assert stats["attacks"]["required"] == [k.value for k in AttackKind]
    assert '"additionalProperties": true' not in text


def test_montebello_outputs_validate() -> None:
    for kind, args in [
        ("findings", ["validate", "-f", "json", MONTEBELLO]),
        ("check", ["check", "-f", "json", MONTEBELLO]),
        ("stats", ["stats", "--json", MONTEBELLO]),
    ]:
        code, document = _run(*args)
        assert code == 0
        assert _errors(kind, document) == [], kind


def test_every_verdict_label_and_quote_status_validates(every: Path) -> None:
    code, checked = _run("check", "-f", "json", every)
    assert code == 1  # a quote not found and a paraphrase
    assert _errors("check", checked) == []
    assert {c["verdict"] for c in _only(checked)["claims"]} == {v.value for v in Verdict}
    assert {c["acceptance"] for c in _only(checked)["claims"]} == {"IN", "OUT", "UNDEC"}
    assert {e["status"] for e in _only(checked)["quotes"]} == {s.value for s in QuoteStatus}
    code, stats = _run("stats", "--json", every)
    assert code == 0
    assert _errors("stats", stats) == []
    assert all(n == 1 for n in _counted(stats)["quotes"].values())
    code, validated = _run("validate", "-f", "json", every)
    assert _errors("findings", validated) == []
    assert {d["severity"] for d in validated["diagnostics"]} == {"warning"}  # no quotes read


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_other_semantics_and_no_stable_extension_validate(tmp_path: Path, semantics: str) -> None:
    path = tmp_path / "cycle.yaml"
    path.write_text(ODD_CYCLE, encoding="utf-8")
    code, checked = _run("check", "-f", "json", "--semantics", semantics, path)
    assert code == 0
    assert _errors("check", checked) == []
    assert _only(checked)["semantics"] == semantics
    assert _only(checked)["has_extension"] is (semantics == "preferred")


def test_a_broken_map_an_empty_folder_and_several_paths_validate(
    tmp_path: Path, every: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, checked = _run("check", "-f", "json", broken)
    assert code == 1
    assert _errors("check", checked) == []
    outcome = _only(checked)
    assert (outcome["semantics"], outcome["scores"], outcome["claims"]) == (None, None, [])
    code, validated = _run("validate", "-f", "json", broken)
    assert code == 1
    assert _errors("findings", validated) == []
    for kind, command in (
        ("check", ["check", "-f", "json"]),
        ("findings", ["validate", "-f", "json"]),
    ):
        code, document = _run(*command, empty)
        assert code == 0
        assert [d["code"] for d in document["diagnostics"]] == ["AM902"]
        assert _errors(kind, document) == []
    code, checked = _run("check", "-f", "json", every, broken, tmp_path / "gone.yaml")
    assert code == 2
    assert _errors("check", checked) == []
    assert len(checked["maps"]) == 2


def test_the_stats_of_several_maps_a_folder_a_broken_map_and_none_validate(
    tmp_path: Path, every: Path
) -> None:
    """One document for one map, several, a folder, and a run where no map was counted."""
    (tmp_path / "cycle.yaml").write_text(ODD_CYCLE, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "sub").mkdir()
    second = tmp_path / "sub" / "second.yaml"
    second.write_text(ODD_CYCLE, encoding="utf-8")
    runs = [
        (0, [every], [str(every)]),
        (
            0,
            [second, every, tmp_path / "cycle.yaml"],
            [str(second), str(every), str(tmp_path / "cycle.yaml")],
        ),
        (1, [tmp_path], [str(tmp_path / "cycle.yaml"), str(every), str(second)]),
        (1, [broken], []),
        (0, [tmp_path / "empty"], []),
        (2, [tmp_path / "gone.yaml", every], [str(every)]),
    ]
    for status, paths, counted in runs:
        code, stats = _run("stats", "-f", "json", *paths)
        assert (code, [m["path"] for m in stats["maps"]]) == (status, counted), paths
        assert _errors("stats", stats) == [], paths


def _mutations(document: dict[str, Any], kind: str) -> list[tuple[str, dict[str, Any]]]:
    """Documents that are not outputs of ``kind``: each must fail validation."""
    out = []

    def mutant(what: str, change: Any) -> None:
        bad = copy.deepcopy(document)
        change(bad)
        out.append((what, bad))

    other = "argmap-check" if kind == "export" else "argmap-export"
    mutant("wrong format", lambda d: d.update(format=other))
    mutant("version 2", lambda d: d.update(version=2))
    mutant("missing version", lambda d: d.pop("version"))
    mutant("unknown top-level key", lambda d: d.update(extra=1))
    if kind == "check":
        mutant("unknown status", lambda d: _only(d)["quotes"][0].update(status="verified-ish"))
        mutant("unknown verdict", lambda d: _only(d)["claims"][0].update(verdict="maybe"))
        mutant("lowercase acceptance", lambda d: _only(d)["claims"][0].update(acceptance="in"))
        mutant("missing claim key", lambda d: _only(d)["claims"][0].pop("score"))
        mutant("score above 1", lambda d: _only(d)["claims"][0].update(score=1.5))
        mutant("column 0", lambda d: _only(d)["quotes"][0]["location"].update(column=0))
        mutant("missing hint", lambda d: _only(d)["quotes"][0].pop("hint"))
        mutant("unknown severity", lambda d: _only(d)["diagnostics"][0].update(severity="fatal"))
        mutant("line 0", lambda d: _only(d)["diagnostics"][0].update(line=0))
        mutant("missing path", lambda d: _only(d).pop("path"))
        mutant("no maps", lambda d: d.pop("maps"))
        mutant("a map's outcome at the top", lambda d: d.update(_only(d)))
        mutant("maps not a list", lambda d: d.update(maps=_only(d)))
    if kind == "findings":
        mutant("missing summary key", lambda d: d["summary"].pop("infos"))
        mutant("negative count", lambda d: d["summary"].update(errors=-1))
        mutant("missing diagnostic key", lambda d: d["diagnostics"][0].pop("name"))
        mutant("bad code", lambda d: d["diagnostics"][0].update(code="E1"))
    if kind == "stats":
        mutant("unknown status", lambda d: _counted(d)["quotes"].update(misquoted=0))
        mutant("missing verdict", lambda d: _counted(d)["verdicts"].pop("refuted"))
        mutant("missing key", lambda d: _counted(d).pop("findings"))
        mutant("missing path", lambda d: _counted(d).pop("path"))
        mutant("negative count", lambda d: _counted(d).update(evidence=-1))
        mutant("unknown status in the total", lambda d: d["total"]["quotes"].update(ok=0))
        mutant("a path in the total", lambda d: d["total"].update(path="map.yaml"))
        mutant("missing total", lambda d: d.pop("total"))
        mutant("no maps", lambda d: d.pop("maps"))
        mutant("maps not a list", lambda d: d.update(maps=_counted(d)))
        mutant("the counts at the top, as before", lambda d: d.update(d.pop("total")))
        mutant("no diagnostics", lambda d: d.pop("diagnostics"))
        mutant(
            "a diagnostic without its line", lambda d: d["diagnostics"].append({"code": "AM302"})
        )
    if kind == "export":
        # The export's schema left out of "required" every key with a default: a claim
        # without its note, or evidence without its check, still passed.
        mutant("missing claim note", lambda d: d["claims"][0].pop("note"))
        mutant("missing evidence check", lambda d: d["evidence"][0].pop("check"))
        mutant("missing authors", lambda d: d.pop("authors"))
        mutant("missing reasons", lambda d: d["claims"][0].pop("reasons"))
        mutant("lowercase acceptance", lambda d: d["claims"][0].update(acceptance="in"))
        mutant("unknown status", lambda d: d["evidence"][0]["check"].update(status="ok"))
        mutant("column 0", lambda d: d["evidence"][0]["check"]["location"].update(column=0))
        mutant("unknown claim key", lambda d: d["claims"][0].update(status="IN"))
    return out


@pytest.mark.parametrize("kind", [*KINDS, "export"])
def test_a_mutated_output_fails_validation(every: Path, kind: str) -> None:
    args = {
        "findings": ["validate", "-f", "json", every],
        "check": ["check", "-f", "json", every],
        "stats": ["stats", "--json", every],
        "export": ["export", "--to", "json", every],
    }[kind]
    _, document = _run(*args)
    assert _errors(kind, document) == []
    for what, bad in _mutations(document, kind):
        assert _errors(kind, bad) != [], what


def _blocks(markdown: str, language: str) -> list[str]:
    fence = f"```{language}\n"
    return [part.split("```", 1)[0] for part in markdown.split(fence)[1:]]


def test_the_examples_of_docs_json_output_are_real_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/json-output.md shows a map, its source, and what each command prints of it."""
    doc = (REPO / "docs" / "json-output.md").read_text(encoding="utf-8")
    (the_map,) = _blocks(doc, "yaml")
    (source,) = _blocks(doc, "text")
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "arguments" / "sources").mkdir(parents=True)
    (tmp_path / "arguments" / "uniforms.yaml").write_text(the_map, encoding="utf-8")
    (tmp_path / "arguments" / "sources" / "study.txt").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # each a console example: the command's line, then what it prints
    shown = [block.split("\n", 1)[1] for block in _blocks(doc, "console")]
    for kind, args in [
        ("findings", ["validate", "-f", "json"]),
        ("check", ["check", "-f", "json"]),
        ("stats", ["stats", "-f", "json"]),
        ("export", ["export", "--to", "json"]),
    ]:
        output = CliRunner().invoke(main, [*args, "arguments/uniforms.yaml"]).stdout
        assert output in shown, kind
        assert _errors(kind, json.loads(output)) == []
    for kind in [*KINDS, "export"]:
        assert f"schema/argmap-{kind}.schema.json" in doc


def test_validate_and_import_print_one_findings_document(tmp_path: Path) -> None:
    """``import --format json`` printed its findings as an ``argmap-validate`` document: the
    document is the findings of whichever command, named so (docs/json-output.md says so)."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [', encoding="utf-8")
    code, imported = _run("import", "-f", "json", bad, "-o", tmp_path / "out.yaml")
    assert code == 1
    assert [d["code"] for d in imported["diagnostics"]] == ["AM401"]
    _, validated = _run("validate", "-f", "json", MONTEBELLO)
    assert imported["format"] == validated["format"] == "argmap-findings"
    assert _errors("findings", imported) == _errors("findings", validated) == []
    assert output_schema("findings")["title"] == "argmap validate and argmap import --format json"
    assert not (REPO / "schema" / "argmap-validate.schema.json").exists()
    doc = (REPO / "docs" / "json-output.md").read_text(encoding="utf-8")
    assert "| `argmap import --format json` | `argmap-findings` |" in doc


def test_the_shape_of_a_check_of_a_folder_is_the_one_docs_json_output_gives(
    tmp_path: Path, every: Path
) -> None:
    """A folder of one map (the rest skipped) and a folder of two print the same shape,
    ``maps``, as one file does; docs/json-output.md says so."""
    doc = " ".join((REPO / "docs" / "json-output.md").read_text(encoding="utf-8").split())
    (tmp_path / "docker-compose.yml").write_text("services: {}\n", encoding="utf-8")
    _, one = _run("check", "-f", "json", tmp_path)
    assert _only(one)["path"] == str(every)
    (tmp_path / "second.yaml").write_text(ODD_CYCLE, encoding="utf-8")
    _, two = _run("check", "-f", "json", tmp_path)
    assert [m["path"] for m in two["maps"]] == [str(every), str(tmp_path / "second.yaml")]
    assert "always the same shape, whatever the paths given" in doc


def _descriptions(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        inner = (v for key, v in node.items() if key != "description")
        return own + [d for v in inner for d in _descriptions(v)]
    if isinstance(node, list):
        return [d for v in node for d in _descriptions(v)]
    return []


def test_the_schemas_descriptions_are_plain_text() -> None:
    """A schema's descriptions are read in editors and on schema sites: no reStructuredText
    (the class docstrings showed ``--strict`` and ``argmap check --format json``), no line
    broken where the docstring was wrapped."""
    from argmap.interchange.json_export import export_schema

    schemas = [output_schema(kind) for kind in KINDS] + [export_schema()]
    descriptions = [d for schema in schemas for d in _descriptions(schema)]
    assert len(descriptions) > 30
    assert [d for d in descriptions if re.search(r"``|:[a-z]+:`|\n", d)] == []


def test_a_claims_reasons_are_one_model_in_check_and_export() -> None:
    """check and the export show a claim's reasons alike, so their schemas share one
    definition (output_schemas.Reason and json_export.ExportReason were two copies)."""
    from argmap.interchange.json_export import export_schema

    check_defs, export_defs = output_schema("check")["$defs"], export_schema()["$defs"]
    reason = {"$ref": "#/$defs/Reason"}
    assert check_defs["CheckedClaim"]["properties"]["reasons"]["items"] == reason
    assert export_defs["ExportClaim"]["properties"]["reasons"]["items"] == reason
    assert check_defs["Reason"] == export_defs["Reason"]
    why = "Why a claim has its verdict: one element it rests on."
    assert check_defs["Reason"]["description"] == why


AT_THE_START = """\
argmap: 1
sources:
  s: {title: S, file: s.txt}
claims:
  a:
    text: A.
    kind: thesis
    evidence:
      - {quote: Attendance rose, source: s}
"""


def test_a_column_is_spelled_column_and_counted_from_1_in_every_output(tmp_path: Path) -> None:
    """A finding said ``col`` and a quote's location ``column``; the export's location allowed
    0 and null where check's did not. Now one spelling, and one 1-based location model."""
    from argmap.interchange.json_export import export_schema

    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "s.txt").write_text("Attendance rose.\n", encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(AT_THE_START + "bogus: 1\n", encoding="utf-8")
    _, validated = _run("validate", "-f", "json", path)
    assert [(d["code"], d["line"], d["column"]) for d in validated["diagnostics"]] == [
        ("AM201", 10, 1)
    ]
    path.write_text(AT_THE_START, encoding="utf-8")
    _, checked = _run("check", "-f", "json", path)
    _, exported = _run("export", "--to", "json", path)
    location = {"paragraph": 1, "page": 1, "line": 1, "column": 1, "start": 0, "end": 15}
    assert _only(checked)["quotes"][0]["location"] == location
    assert exported["evidence"][0]["check"]["location"] == location
    check_defs, export_defs = output_schema("check")["$defs"], export_schema()["$defs"]
    assert check_defs["QuoteLocation"] == export_defs["QuoteLocation"]
    assert check_defs["QuoteLocation"]["properties"]["column"]["minimum"] == 1
    assert list(check_defs["Diagnostic"]["properties"])[5:7] == ["line", "column"]
    texts = [output_schema_text(kind) for kind in KINDS] + [json.dumps(export_schema())]
    assert not any('"col"' in text for text in texts)


TITLED = """\
argmap: 1
claims:
  a: {text: A long claim., label: short title, kind: thesis}
  b: {text: B., rebuts: a}
"""


def test_in_out_undec_is_acceptance_in_check_and_export(tmp_path: Path) -> None:
    """A claim's IN, OUT or UNDEC was ``label`` in check and ``status`` in the export, where
    ``label`` is the claim's short title (as in the map) and ``status`` a quote's. Now each
    concept has one name in every output."""
    from argmap.interchange.json_export import export_schema

    path = tmp_path / "map.yaml"
    path.write_text(TITLED, encoding="utf-8")
    _, checked = _run("check", "-f", "json", path)
    _, exported = _run("export", "--to", "json", path)
    assert [list(c) for c in _only(checked)["claims"]] == [
        ["id", "verdict", "score", "acceptance", "text", "kind", "reasons"]
    ] * 2
    assert [(c["id"], c["acceptance"]) for c in _only(checked)["claims"]] == [
        ("a", "OUT"),
        ("b", "IN"),
    ]
    assert [(c["label"], c["acceptance"]) for c in exported["claims"]] == [
        ("short title", "OUT"),
        (None, "IN"),
    ]
    assert "status" not in exported["claims"][0]
    export_claim = export_schema()["$defs"]["ExportClaim"]["properties"]
    check_claim = output_schema("check")["$defs"]["CheckedClaim"]["properties"]
    assert export_claim["acceptance"] == check_claim["acceptance"]
    assert export_claim["label"]["description"] == "The claim's short title, as in the map."


def test_evidence_is_the_maps_evidence_and_quotes_are_their_checks(every: Path) -> None:
    """check's ``evidence`` listed quote checks, the export's ``evidence`` the map's evidence
    (quote, source, target, stance) and stats's ``evidence`` counted those. Now ``evidence`` is
    always the map's evidence (a list in the export, a count in stats, a reason's kind), and
    ``quotes`` their checks (a list in check, counts by status in stats)."""
    _, checked = _run("check", "-f", "json", every)
    _, exported = _run("export", "--to", "json", every)
    _, stats = _run("stats", "-f", "json", every)
    stats = _counted(stats)
    assert list(_only(checked)) == CHECKED_MAP_KEYS
    # in the map's order, as the export lists them (check grouped them by source, so the
    # quote of a web page, not read, came after calm.ev1)
    assert [q["id"] for q in _only(checked)["quotes"]] == [e["id"] for e in exported["evidence"]]
    assert {tuple(q) for q in _only(checked)["quotes"]} == {
        ("id", "status", "similarity", "location", "hint")
    }
    assert list(exported["evidence"][0]) == [
        "id",
        "quote",
        "source",
        "target",
        "stance",
        "locator",
        "strength",
        "note",
        "check",
    ]
    assert stats["evidence"] == len(exported["evidence"]) == 5
    assert sum(stats["quotes"].values()) == len(_only(checked)["quotes"])
    reasons = [r for c in exported["claims"] for r in c["reasons"] if r["kind"] == "evidence"]
    assert {r["element"] for r in reasons} <= {e["id"] for e in exported["evidence"]}
    assert "evidence" not in output_schema("check")["$defs"]["CheckedMap"]["properties"]
