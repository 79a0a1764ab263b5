"""Real SARIF runs, read as GitHub code scanning reads them.

One folder where every lint rule fires (each rule's FAIL example, in ``rules/``), a map that
fails to load, a map in a subfolder whose path holds a space, non-ASCII letters and an emoji:
``argmap check --format sarif`` over it is validated against the official schema, then held
to what GitHub's "SARIF support for code scanning" marks as required or uses beyond the
schema: ``shortDescription.text``, ``fullDescription.text`` (at most 1,024 characters each)
and ``help.text`` for every rule, a relative ``uri`` with its ``uriBaseId``, and the same
bytes from a second run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.lint.registry import RULES
from argmap.lint.rules import EXAMPLE_ARTICLE

SCHEMA_PATH = Path(__file__).with_name("sarif-schema-2.1.0.json")
SUBFOLDER = "sub dir/ünï 😀"
NESTED = f"{SUBFOLDER}/map.yaml"
NESTED_MAP = 'argmap: 1\nclaims:\n  a: {text: "😀😀 x", kind: thesis, bogus: 1}\n'


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "argmap.toml").write_text("")
    rules = root / "rules"
    (rules / "sources").mkdir(parents=True)
    (rules / "sources" / "article.txt").write_text(EXAMPLE_ARTICLE, encoding="utf-8")
    for rule in RULES:
        (rules / f"{rule.code}.yaml").write_text(rule.examples["FAIL"], encoding="utf-8")
    (root / "broken.yaml").write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
    (root / SUBFOLDER).mkdir(parents=True)
    (root / NESTED).write_text(NESTED_MAP, encoding="utf-8")
    return root


def _sarif(project: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--format", "sarif", "."])
    assert result.exit_code == 1, result.output
    return result.output


@pytest.fixture
def log(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return json.loads(_sarif(project, monkeypatch))


def test_the_real_run_validates_against_the_official_schema(log: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert [error.message for error in validator.iter_errors(log)] == []


def test_every_rule_fires_and_the_load_failure_is_there(log: dict[str, Any]) -> None:
    fired = {result["ruleId"] for result in log["runs"][0]["results"]}
    assert {rule.code for rule in RULES} | {"AM106", "AM201"} <= fired


def test_every_rule_has_what_code_scanning_requires(log: dict[str, Any]) -> None:
    """GitHub marks ``shortDescription.text``, ``fullDescription.text`` and ``help.text`` as
    required (not empty, descriptions at most 1,024 characters); argmap wrote only a short
    description, so an alert showed no rule documentation."""
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule.get(key, {}).get("text"), (rule["id"], key)
        assert len(rule["shortDescription"]["text"]) <= 1024, rule["id"]
        assert len(rule["fullDescription"]["text"]) <= 1024, rule["id"]
        assert len(rule["name"]) <= 255


def test_a_lint_rule_carries_its_documentation(log: dict[str, Any]) -> None:
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    am002 = rules["AM002"]
    assert am002["shortDescription"] == {"text": "A claim with neither evidence nor premises."}
    assert am002["fullDescription"]["text"] == (
        "Every claim should rest on something: a quote that supports it, or an argument whose "
        "premises lead to it. A claim taken for granted on purpose is marked "
        "``kind: assumption``."
    )
    assert am002["help"]["text"].startswith("AM002 unsupported-claim (warning)\n\n")
    assert "FAIL:\n\n    argmap: 1\n" in am002["help"]["text"]
    assert am002["help"]["markdown"].startswith(
        "*A claim with neither evidence nor premises.* Default severity: warning.\n\n"
    )
    assert "**FAIL**\n\n```yaml\nargmap: 1\n" in am002["help"]["markdown"]
    am106 = rules["AM106"]
    assert (
        am106["fullDescription"]
        == am106["shortDescription"]
        == {"text": "The YAML cannot be parsed."}
    )
    assert am106["help"] == {"text": "AM106 yaml-syntax (error)\n\nThe YAML cannot be parsed.\n"}


def test_every_location_is_relative_to_srcroot(log: dict[str, Any]) -> None:
    run = log["runs"][0]
    uris = set()
    for result in run["results"]:
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert where["uriBaseId"] == "%SRCROOT%"
        assert not where["uri"].startswith(("/", "file:", "./"))
        assert run["artifacts"][where["index"]]["location"]["uri"] == where["uri"]
        uris.add(where["uri"])
    assert "sub%20dir/%C3%BCn%C3%AF%20%F0%9F%98%80/map.yaml" in uris
    assert "broken.yaml" in uris


def test_a_second_run_gives_the_same_bytes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _sarif(project, monkeypatch) == _sarif(project, monkeypatch)


def test_columns_are_utf16_code_units_as_code_scanning_reads_them(log: dict[str, Any]) -> None:
    """GitHub code scanning ignores ``columnKind`` (it is not among the properties it uses)
    and its own reference example is in UTF-16 code units, as a JavaScript string counts; a
    viewer that ignores it too counts so. argmap wrote code points under ``columnKind:
    unicodeCodePoints``, so each emoji before a finding put the column one unit to the left.
    Now the column counts UTF-16 code units and says so; the text and JSON formats keep
    counting characters."""
    run = log["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    (bogus,) = [
        result
        for result in run["results"]
        if result["ruleId"] == "AM201"
        and result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
            "/map.yaml"
        )
    ]
    region = bogus["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 37}  # 35 characters, two of them emoji
    line = NESTED_MAP.splitlines()[2].encode("utf-16-le")
    assert line[(region["startColumn"] - 1) * 2 :].decode("utf-16-le").startswith("bogus: 1")


def test_text_and_json_keep_counting_characters(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["validate", "--format", "json", NESTED])
    (diagnostic,) = json.loads(result.output)["diagnostics"]
    assert (diagnostic["line"], diagnostic["column"]) == (3, 35)


def test_every_result_has_its_own_fingerprint(log: dict[str, Any]) -> None:
    prints = [result["partialFingerprints"]["argmap/v1"] for result in log["runs"][0]["results"]]
    assert len(prints) == len(set(prints)) > 20
