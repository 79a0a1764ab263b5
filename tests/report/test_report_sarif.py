"""The SARIF reporter, checked against the official SARIF 2.1.0 JSON schema.

``sarif-schema-2.1.0.json`` beside this file is the OASIS SARIF TC's schema, copied unchanged
from oasis-tcs/sarif-spec, ``Schemata/sarif-schema-2.1.0.json`` at commit
85971b3e048f61a6d643b95fc6233d073302f5b8 (112,785 characters, no final newline). That revision
declares JSON Schema draft 2020-12, so it is validated with ``Draft202012Validator``. Its
``language`` pattern ``^(?i)...`` is not a valid regular expression for Python (nor ECMA 262),
so ``check_schema`` on it fails; argmap never writes ``language``, and validation of everything
else is unaffected.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import argmap
from argmap import codes
from argmap.diagnostics import Diagnostic, Position, Severity
from argmap.report import ReportOptions, RuleHelp, Summary
from argmap.report.sarif import INFORMATION_URI, artifact_uri, fingerprint, render, utf16_column

SCHEMA_PATH = Path(__file__).with_name("sarif-schema-2.1.0.json")
SCHEMA_SHA256 = "ad389db5a66fad5c131178b0e1f18600ac625616cd5ea20a00ee8ee246dc7069"

ALPHA = {"uri": "arguments/alpha.yaml", "uriBaseId": "%SRCROOT%"}
BETA = {"uri": "arguments/beta.yaml", "uriBaseId": "%SRCROOT%"}


# The texts of conftest.SOURCES, whose lines the fingerprints hash.
_SOURCE_TEXTS = {
    "arguments/alpha.yaml": "argmap: 1\nclaims:\n\tthesis: x\n",
    "arguments/beta.yaml": 'argmap: 1\ntitle: "\x1b[2Jboom"\n',
}


def _result(
    rule: str,
    index: int,
    level: str,
    text: str,
    where: dict[str, str],
    art: int,
    line: int,
    col: int,
) -> dict[str, Any]:
    source_line = _SOURCE_TEXTS[where["uri"]].split("\n")[line - 1]
    return {
        "ruleId": rule,
        "ruleIndex": index,
        "level": level,
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {**where, "index": art},
                    "region": {"startLine": line, "startColumn": col},
                }
            }
        ],
        "partialFingerprints": {"argmap/v1": fingerprint(rule, where["uri"], source_line, 0)},
    }


def _descriptor(
    code: str, name: str, text: str, level: str, severity: str | None = None
) -> dict[str, Any]:
    """A rule without documentation of its own (no ``rule_help``): its summary is its short
    and full description and, under its title, its help, as GitHub requires all three."""
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": f"{code} {name} ({severity or level})\n\n{text}\n"},
        "defaultConfiguration": {"level": level},
    }


EXPECTED: dict[str, Any] = {
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [
        {
            "tool": {
                "driver": {
                    "name": "argmap",
                    "version": argmap.__version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [
                        _descriptor(
                            "AM001", "empty-section", "A section holds nothing.", "warning"
                        ),
                        # Nothing describes it: its name stands for the descriptions.
                        _descriptor("AM003", "style-note", "style-note", "note", "info"),
                        _descriptor(
                            "AM201",
                            "unknown-key",
                            "A key that the format does not define.",
                            "error",
                        ),
                        _descriptor(
                            "AM204",
                            "invalid-value",
                            "A value outside what the format allows.",
                            "error",
                        ),
                    ],
                }
            },
            "originalUriBaseIds": {
                "%SRCROOT%": {
                    "description": {
                        "text": "The folder argmap ran in; every relative path is relative to it."
                    }
                }
            },
            "artifacts": [{"location": ALPHA}, {"location": BETA}],
            "results": [
                _result("AM001", 0, "warning", "section 'claims' is empty", ALPHA, 0, 2, 20),
                _result(
                    "AM201",
                    2,
                    "error",
                    "unknown key 'thesis'\nhint: did you mean 'theses'?",
                    ALPHA,
                    0,
                    3,
                    2,
                ),
                _result("AM003", 1, "note", "consider a title\nhint: add 'title:'", BETA, 1, 1, 1),
                _result(
                    "AM204",
                    3,
                    "error",
                    "value 100%, expected: a slug\nsecond line\rX\nhint: use lowercase: a-z, 0-9",
                    BETA,
                    1,
                    2,
                    13,
                ),
            ],
            "columnKind": "utf16CodeUnits",
        }
    ],
}

RULE_DESCRIPTIONS = {"AM001": "A section holds nothing."}


def _sarif(
    diagnostics: tuple[Diagnostic, ...] | list[Diagnostic],
    sources: dict[str, str] | None = None,
    **options: Any,
) -> str:
    opts = ReportOptions(**{"rule_descriptions": RULE_DESCRIPTIONS, **options})
    return render(diagnostics, sources or {}, Summary(files_checked=5), opts)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


# RFC 3986 URI reference, the subset argmap writes: a path of unreserved characters,
# percent-escapes, sub-delimiters, ":" and "@" (never ":" in the first segment of a relative
# reference), or a file URI.
_SEGMENT_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})"
_RELATIVE_REF = re.compile(rf"^{_SEGMENT_CHAR}+(?:/(?:{_SEGMENT_CHAR}|:)*)*$")
_FILE_URI = re.compile(rf"^file:///(?:(?:{_SEGMENT_CHAR}|:)*)(?:/(?:{_SEGMENT_CHAR}|:)*)*$")


def _is_uri_reference(uri: str) -> bool:
    return bool(_RELATIVE_REF.match(uri) or _FILE_URI.match(uri))


def test_the_shipped_schema_is_the_official_file() -> None:
    raw = SCHEMA_PATH.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256
    schema = json.loads(raw)
    assert schema["$id"] == (
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
        "sarif-schema-2.1.0.json"
    )
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


def test_exact_document(diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]) -> None:
    out = _sarif(diagnostics, sources)
    assert json.loads(out) == EXPECTED
    assert out == json.dumps(EXPECTED, indent=2, ensure_ascii=False) + "\n"


def test_validates_against_the_official_schema(
    validator: jsonschema.protocols.Validator,
    diagnostics: tuple[Diagnostic, ...],
    sources: dict[str, str],
) -> None:
    validator.validate(json.loads(_sarif(diagnostics, sources)))


def test_the_validation_is_not_vacuous(
    validator: jsonschema.protocols.Validator,
    diagnostics: tuple[Diagnostic, ...],
    sources: dict[str, str],
) -> None:
    good = json.loads(_sarif(diagnostics, sources))
    bad_level = copy.deepcopy(good)
    bad_level["runs"][0]["results"][0]["level"] = "fatal"
    bad_line = copy.deepcopy(good)
    bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    no_message = copy.deepcopy(good)
    del no_message["runs"][0]["results"][0]["message"]
    for bad in (bad_level, bad_line, no_message):
        assert not validator.is_valid(bad)


def test_rule_index_and_artifact_index_point_at_the_right_entries(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    run = json.loads(_sarif(diagnostics, sources))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    artifacts = run["artifacts"]
    assert [rule["id"] for rule in rules] == sorted({d.code for d in diagnostics})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifacts[where["index"]]["location"]["uri"] == where["uri"]


def test_levels_map_error_warning_note() -> None:
    diags = [
        Diagnostic("a.yaml", 1, 1, "AM201", "e", severity=Severity.ERROR),
        Diagnostic("a.yaml", 2, 1, "AM201", "w", severity=Severity.WARNING),
        Diagnostic("a.yaml", 3, 1, "AM201", "i", severity=Severity.INFO),
    ]
    results = json.loads(_sarif(diags))["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]


def test_rule_help_given_by_the_caller_documents_the_rule() -> None:
    helps = {"AM201": RuleHelp("Keys are known.", "AM201 text", "*AM201* markdown")}
    diags = [Diagnostic("a.yaml", 1, 1, "AM201", "m", name="unknown-key")]
    rule = json.loads(_sarif(diags, rule_help=helps))["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"] == {"text": "A key that the format does not define."}
    assert rule["fullDescription"] == {"text": "Keys are known."}
    assert rule["help"] == {"text": "AM201 text", "markdown": "*AM201* markdown"}


def test_descriptions_are_cut_to_what_code_scanning_takes() -> None:
    long = "word " * 300
    helps = {"AM201": RuleHelp(long, "t", "m")}
    diags = [Diagnostic("a.yaml", 1, 1, "AM201", "m", name="unknown-key")]
    rule = json.loads(_sarif(diags, rule_help=helps))["runs"][0]["tool"]["driver"]["rules"][0]
    full = rule["fullDescription"]["text"]
    assert len(full) <= 1024 and full.endswith("word…") and full.startswith("word word ")


def test_rule_descriptions_given_by_the_caller_win_over_the_registry() -> None:
    diags = [Diagnostic("a.yaml", 1, 1, "AM201", "m", name="unknown-key")]
    out = _sarif(diags, rule_descriptions={"AM201": "Keys must be known."})
    rule = json.loads(out)["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"] == {"text": "Keys must be known."}


def test_registry_gives_name_and_level_when_the_diagnostic_has_none() -> None:
    diags = [Diagnostic("a.yaml", 1, 1, "AM902", "empty folder", severity=Severity.WARNING)]
    rule = json.loads(_sarif(diags))["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule == _descriptor("AM902", "no-files", "A folder with no argument files.", "warning")


def test_artifacts_list_every_file_checked_not_only_those_with_findings(
    validator: jsonschema.protocols.Validator,
) -> None:
    diags = [Diagnostic("b.yaml", 1, 1, "AM201", "m")]
    run = json.loads(_sarif(diags, {"a.yaml": "", "b.yaml": "", "c.yaml": ""}))["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["a.yaml", "b.yaml", "c.yaml"]
    where = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where["index"] == 1


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("arguments/a.yaml", "arguments/a.yaml"),
        ("dir with space/ü#1?.yaml", "dir%20with%20space/%C3%BC%231%3F.yaml"),
        ("a:b.yaml", "a%3Ab.yaml"),
        ("100%.yaml", "100%25.yaml"),
        ("../up/a.yaml", "../up/a.yaml"),
        ("./a.yaml", "./a.yaml"),
        ('odd[1]{x}|`^"<>.yaml', "odd%5B1%5D%7Bx%7D%7C%60%5E%22%3C%3E.yaml"),
        # A name that is not UTF-8 (b"caf\xe9.yaml" from a Latin-1 system) is read with
        # surrogateescape: its byte is percent-encoded as it is (quote() raised
        # UnicodeEncodeError, an internal error, on the str).
        ("sub/caf\udce9.yaml", "sub/caf%E9.yaml"),
    ],
)
def test_relative_paths_become_percent_encoded_uri_references(path: str, uri: str) -> None:
    assert artifact_uri(path) == (uri, "%SRCROOT%")
    assert _is_uri_reference(uri)


def test_absolute_paths_become_file_uris_without_a_base() -> None:
    assert artifact_uri("/srv/maps/a b.yaml") == ("file:///srv/maps/a%20b.yaml", None)
    assert artifact_uri("/srv/caf\udce9.yaml") == ("file:///srv/caf%E9.yaml", None)


def test_absolute_paths_validate(validator: jsonschema.protocols.Validator) -> None:
    diags = [Diagnostic("/srv/maps/a b.yaml", 1, 1, "AM201", "m")]
    log = json.loads(_sarif(diags))
    validator.validate(log)
    where = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "file:///srv/maps/a%20b.yaml", "index": 0}


def test_every_uri_written_is_a_uri_reference(
    diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]
) -> None:
    run = json.loads(_sarif(diagnostics, sources))["runs"][0]
    for artifact in run["artifacts"]:
        assert _is_uri_reference(artifact["location"]["uri"])


def test_srcroot_uri_when_the_caller_knows_it(validator: jsonschema.protocols.Validator) -> None:
    diags = [Diagnostic("a.yaml", 1, 1, "AM201", "m")]
    log = json.loads(_sarif(diags, srcroot_uri="file:///work/project"))
    validator.validate(log)
    assert log["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/project/"}}


def test_positions_below_one_are_clamped_to_stay_valid(
    validator: jsonschema.protocols.Validator,
) -> None:
    log = json.loads(_sarif([Diagnostic("a.yaml", 0, 0, "AM201", "m")]))
    validator.validate(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1}


def test_a_finding_without_a_position_has_no_region(
    validator: jsonschema.protocols.Validator,
) -> None:
    """A finding made without a position (a path that does not exist, a file that cannot be
    read) was given the region 1:1, which claims a place in the file. SARIF 2.1.0
    lets a physicalLocation hold only its artifactLocation: the finding is about the file."""
    unplaced = codes.PATH_NOT_FOUND.at("gone.yaml", None, "no such file or folder")
    placed = codes.UNKNOWN_KEY.at("a.yaml", Position(1, 1), "unknown key 'x'")
    log = json.loads(_sarif([unplaced, placed]))
    validator.validate(log)
    locations = [r["locations"] for r in log["runs"][0]["results"]]
    assert locations == [
        [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "a.yaml", "uriBaseId": "%SRCROOT%", "index": 0},
                    "region": {"startLine": 1, "startColumn": 1},
                }
            }
        ],
        [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "gone.yaml", "uriBaseId": "%SRCROOT%", "index": 1}
                }
            }
        ],
    ]


def test_no_problems_is_a_valid_log_with_empty_results(
    validator: jsonschema.protocols.Validator,
) -> None:
    log = json.loads(_sarif([], {"a.yaml": "x: 1\n"}))
    validator.validate(log)
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


def test_deterministic(diagnostics: tuple[Diagnostic, ...], sources: dict[str, str]) -> None:
    assert _sarif(diagnostics, sources) == _sarif(
        diagnostics[::-1], dict(reversed(sources.items()))
    )


@pytest.mark.parametrize(
    ("line", "col", "units"),
    [
        ("plain: text", 8, 8),
        ("é 税 ü: x", 6, 6),  # BMP characters are one unit each
        ("😀 x", 3, 4),
        ("a😀😀b", 4, 6),
        ("😀", 2, 3),  # just past the end of the line
        ("😀", 5, 6),  # further past it: only the characters that are there count
        ("x😀", 1, 1),  # nothing before the column
    ],
)
def test_utf16_column(line: str, col: int, units: int) -> None:
    assert utf16_column(line, col) == units


def test_a_column_after_an_emoji_counts_it_twice(
    validator: jsonschema.protocols.Validator,
) -> None:
    sources = {"a.yaml": "argmap: 1\nx: {t: 😀, k: 1}\n", "b.yaml": "x: 1\n"}
    diags = [
        Diagnostic("a.yaml", 2, 12, "AM201", "m"),
        Diagnostic("b.yaml", 1, 1, "AM201", "m"),
        Diagnostic("c.yaml", 1, 7, "AM201", "m"),  # no text known: the column as it is
    ]
    log = json.loads(_sarif(diags, sources))
    validator.validate(log)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert [region["startColumn"] for region in regions] == [13, 1, 7]


def _fingerprints(log: dict[str, Any]) -> list[str]:
    return [r["partialFingerprints"]["argmap/v1"] for r in log["runs"][0]["results"]]


def test_a_finding_keeps_its_fingerprint_when_lines_move(
    validator: jsonschema.protocols.Validator,
) -> None:
    """Code scanning matches a finding across runs by ``partialFingerprints`` (GitHub marks
    it required; its upload action adds its own line hash where it can read the file, an
    upload through the API does not). argmap wrote none. ``argmap/v1`` hashes the rule, the
    file and the text of the finding's line (spaces collapsed), and counts repeats: a line
    inserted above, or indentation, changes no fingerprint."""
    before = {"a.yaml": "argmap: 1\nclaims:\n  c: {text: x, bogus: 1}\n"}
    after = {"a.yaml": "argmap: 1\n# a comment\nclaims:\n    c: {text: x,  bogus: 1}\n"}
    first = json.loads(_sarif([Diagnostic("a.yaml", 3, 17, "AM201", "m")], before))
    second = json.loads(_sarif([Diagnostic("a.yaml", 4, 20, "AM201", "reworded")], after))
    validator.validate(first)
    assert _fingerprints(first) == _fingerprints(second)
    assert re.fullmatch("[0-9a-f]{32}", _fingerprints(first)[0])


def test_fingerprints_differ_by_rule_file_line_and_repeat() -> None:
    sources = {
        "a.yaml": "k: {x: 1, y: 2}\nk: {x: 1, y: 2}\nother: 1\n",
        "b.yaml": "k: {x: 1, y: 2}\n",
    }
    diags = [
        Diagnostic("a.yaml", 1, 5, "AM201", "x"),
        Diagnostic("a.yaml", 1, 11, "AM201", "y"),  # the same rule twice on one line
        Diagnostic("a.yaml", 2, 5, "AM201", "x"),  # a line with the same text
        Diagnostic("a.yaml", 3, 1, "AM201", "o"),
        Diagnostic("a.yaml", 1, 5, "AM204", "x"),
        Diagnostic("b.yaml", 1, 5, "AM201", "x"),
        codes.PATH_NOT_FOUND.at("gone.yaml", None, "no such file or folder"),
    ]
    prints = _fingerprints(json.loads(_sarif(diags, sources)))
    assert len(set(prints)) == len(prints) == 7
