"""``argmap stats PATH...`` counts several maps, files and folders, walked as validate and
check walk them: one block per map headed by its path, then the total over all maps (text);
``maps``, one entry per map with its ``path``, and ``total`` (JSON, one shape for one map
and for many). A map that does not load is reported with file:line:col and left out of the
counts; the others are still counted."""

from __future__ import annotations

import io
import json
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.argument_map import AttackKind
from argmap.cli import main
from argmap.counts import NOUNS, Counts, count_lines
from argmap.model import ClaimKind

A = """\
argmap: 1
title: Uniforms
claims:
  t: {text: T., kind: thesis}
  a: {text: A., kind: assumption, supports: t}
"""
B = """\
argmap: 1
claims:
  t: {text: T., kind: thesis}
  p: {text: P., supports: t}
  q: {text: Q., supports: t}
  c: {text: C., kind: counterclaim, rebuts: t}
"""
BROKEN = "argmap: 1\nclaims: {a: {text: A, supports: b}}\n"
COMPOSE = "services:\n  web: {image: nginx}\n"

A_TEXT = """\
a.yaml: Uniforms
  claims         2  1 thesis, 1 assumption
  arguments      1  1 single
  attacks        0
  evidence       0
  sources        0
  actors         0
  questions      0
  verdicts       2  2 unsupported
  quotes         0
  findings       0
"""
B_TEXT = """\
b.yaml: b
  claims         4  1 thesis, 2 claims, 1 counterclaim
  arguments      2  2 single
  attacks        1  1 rebuttal
  evidence       0
  sources        0
  actors         0
  questions      0
  verdicts       4  1 refuted, 3 unsupported
  quotes         0
  findings       3
"""
TOTAL_TEXT = """\
total of 2 maps
  claims         6  2 theses, 2 claims, 1 assumption, 1 counterclaim
  arguments      3  3 single
  attacks        1  1 rebuttal
  evidence       0
  sources        0
  actors         0
  questions      0
  verdicts       6  1 refuted, 5 unsupported
  quotes         0
  findings       3
"""
BROKEN_REPORT = """\
bad.yaml:2:33: error[AM302] 'b' refers to no claim in this map (dangling-reference)
  2 | claims: {a: {text: A, supports: b}}
    |                                 ^

1 error in 1 of 3 files
"""


def _counts(
    claims: dict[str, int],
    single: int,
    rebut: int,
    verdicts: dict[str, int],
    findings: int,
) -> dict[str, Any]:
    """The counts of a map without evidence, sources, actors or questions."""
    return {
        "claims": {
            "thesis": 0,
            "claim": 0,
            "premise": 0,
            "assumption": 0,
            "counterclaim": 0,
            **claims,
        },
        "arguments": {"linked": 0, "single": single},
        "attacks": {"rebut": rebut, "undermine": 0, "undercut": 0},
        "evidence": 0,
        "sources": 0,
        "actors": 0,
        "questions": 0,
        "verdicts": {"supported": 0, "refuted": 0, "contested": 0, "unsupported": 0, **verdicts},
        "quotes": {
            "verified": 0,
            "verified-with-edits": 0,
            "paraphrase": 0,
            "not-found": 0,
            "unchecked": 0,
        },
        "findings": findings,
    }


A_COUNTS = _counts({"thesis": 1, "assumption": 1}, 1, 0, {"unsupported": 2}, 0)
B_COUNTS = _counts(
    {"thesis": 1, "claim": 2, "counterclaim": 1}, 2, 1, {"refuted": 1, "unsupported": 3}, 3
)
TOTAL = _counts(
    {"thesis": 2, "claim": 2, "assumption": 1, "counterclaim": 1},
    3,
    1,
    {"refuted": 1, "unsupported": 5},
    3,
)
ZERO = _counts({}, 0, 0, {}, 0)


def _document(
    maps: list[tuple[str, dict[str, Any]]],
    total: dict[str, Any],
    diagnostics: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "format": "argmap-stats",
        "version": 1,
        "maps": [{"path": path, **counts} for path, counts in maps],
        "total": total,
        "diagnostics": diagnostics or [],
    }


BROKEN_DIAGNOSTIC = {
    "code": "AM302",
    "name": "dangling-reference",
    "severity": "error",
    "message": "'b' refers to no claim in this map",
    "path": "bad.yaml",
    "line": 2,
    "column": 33,
    "hint": None,
}


def _json(stdout: str) -> dict[str, Any]:
    """The document printed, its keys in the order documented (json.loads keeps it)."""
    data = json.loads(stdout)
    assert list(data) == ["format", "version", "maps", "total", "diagnostics"]
    for entry in data["maps"]:
        assert list(entry) == ["path", *A_COUNTS]
    assert list(data["total"]) == list(A_COUNTS)
    assert isinstance(data, dict)
    return data


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "a.yaml").write_text(A)
    (tmp_path / "b.yaml").write_text(B)
    return tmp_path


def test_one_map_prints_what_it_printed(runner: CliRunner, project: Path) -> None:
    """No total for one map: its block is the total."""
    result = runner.invoke(main, ["stats", "a.yaml"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, A_TEXT, "")


def test_several_maps_a_block_each_then_the_total(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["stats", "a.yaml", "b.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{A_TEXT}\n{B_TEXT}\n{TOTAL_TEXT}"
    again = runner.invoke(main, ["stats", "a.yaml", "b.yaml"])
    assert again.stdout == result.stdout  # byte for byte


def test_several_maps_as_json(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["stats", "-f", "json", "b.yaml", "a.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert _json(result.stdout) == _document([("b.yaml", B_COUNTS), ("a.yaml", A_COUNTS)], TOTAL)
    assert result.stdout.startswith('{\n  "format": "argmap-stats",\n  "version": 1,\n')
    assert result.stdout.endswith("}\n")


def test_one_map_as_json_has_the_same_shape(runner: CliRunner, project: Path) -> None:
    """One map is in ``maps`` too, and its counts are the total: a reader never branches."""
    result = runner.invoke(main, ["stats", "--json", "a.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert _json(result.stdout) == _document([("a.yaml", A_COUNTS)], A_COUNTS)


def test_a_folder_is_searched_as_validate_searches_it(runner: CliRunner, project: Path) -> None:
    """Its maps in the order validate reads them; YAML that is not a map is skipped (said
    under -v); a file another includes is counted with its includer, not on its own."""
    (project / "docker-compose.yml").write_text(COMPOSE)
    (project / "sub").mkdir()
    (project / "sub" / "main.yaml").write_text(
        "argmap: 1\ninclude: [part.yaml]\nclaims:\n  t: {text: T., kind: thesis}\n"
    )
    (project / "sub" / "part.yaml").write_text(
        "argmap: 1\nclaims:\n  a: {text: A., kind: assumption, supports: t}\n"
    )
    result = runner.invoke(main, ["stats", "-f", "json", "-v", "."])
    assert result.exit_code == 0
    assert _json(result.stdout) == _document(
        [("a.yaml", A_COUNTS), ("b.yaml", B_COUNTS), ("sub/main.yaml", A_COUNTS)],
        _counts(
            {"thesis": 3, "claim": 2, "assumption": 2, "counterclaim": 1},
            4,
            1,
            {"refuted": 1, "unsupported": 7},
            3,
        ),
    )
    said = [line for line in result.stderr.splitlines() if not line.startswith("argmap stats:")]
    assert said == [
        "configuration: argmap.toml",
        "read a.yaml",
        "read b.yaml",
        "skipped docker-compose.yml: not an argument map (no argmap: key)",
        "read sub/main.yaml, which includes sub/part.yaml",
    ]
    text = runner.invoke(main, ["stats", "."])
    assert text.exit_code == 0
    headers = [line for line in text.stdout.splitlines() if line and not line.startswith(" ")]
    assert headers == ["a.yaml: Uniforms", "b.yaml: b", "sub/main.yaml: main", "total of 3 maps"]


def test_the_order_is_the_order_validate_reads_the_maps_in(
    runner: CliRunner, project: Path
) -> None:
    """Files named in the order given, each folder's maps sorted, one file named twice (or
    found again in a folder) counted once."""
    (project / "maps" / "z").mkdir(parents=True)
    for name in ("maps/z/c.yaml", "maps/B.yaml", "maps/a.yaml", "maps/a-b.yaml"):
        (project / name).write_text(A)
    paths = ["b.yaml", "maps", "a.yaml", "./b.yaml", "maps/a.yaml"]
    validated = runner.invoke(main, ["-v", "validate", *paths])
    said = validated.stderr.splitlines()[:-1]
    assert said[0] == "configuration: argmap.toml"  # one project: named once
    read = [line.removeprefix("read ") for line in said[1:]]
    assert read == [
        "b.yaml",
        "maps/B.yaml",
        "maps/a-b.yaml",
        "maps/a.yaml",
        "maps/z/c.yaml",
        "a.yaml",
    ]
    result = runner.invoke(main, ["stats", "-f", "json", *paths])
    assert result.exit_code == 0
    assert [entry["path"] for entry in _json(result.stdout)["maps"]] == read


def test_a_broken_map_among_good_ones_is_reported_and_the_others_counted(
    runner: CliRunner, project: Path
) -> None:
    """Exit 1, as check's for a map with errors: the counts are not all the maps'."""
    (project / "bad.yaml").write_text(BROKEN)
    result = runner.invoke(main, ["stats", "a.yaml", "bad.yaml", "b.yaml"])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == f"{A_TEXT}\n{B_TEXT}\n{TOTAL_TEXT}\n{BROKEN_REPORT}"
    as_json = runner.invoke(main, ["stats", "-f", "json", "a.yaml", "bad.yaml", "b.yaml"])
    assert (as_json.exit_code, as_json.stderr) == (1, "")  # the JSON says it all, as check's
    assert _json(as_json.stdout) == _document(
        [("a.yaml", A_COUNTS), ("b.yaml", B_COUNTS)], TOTAL, [BROKEN_DIAGNOSTIC]
    )


def test_a_broken_map_in_a_folder_is_reported_too(runner: CliRunner, project: Path) -> None:
    (project / "bad.yaml").write_text(BROKEN)
    result = runner.invoke(main, ["stats", "-f", "json", "."])
    assert (result.exit_code, result.stderr) == (1, "")
    assert [m["path"] for m in _json(result.stdout)["maps"]] == ["a.yaml", "b.yaml"]
    assert _json(result.stdout)["diagnostics"] == [BROKEN_DIAGNOSTIC]


def test_only_broken_maps_print_an_empty_document(runner: CliRunner, project: Path) -> None:
    """The JSON is printed whatever happened, so that stdout always parses: nothing counted."""
    (project / "bad.yaml").write_text(BROKEN)
    result = runner.invoke(main, ["stats", "-f", "json", "bad.yaml"])
    assert (result.exit_code, result.stderr) == (1, "")
    assert _json(result.stdout) == _document([], ZERO, [BROKEN_DIAGNOSTIC])


def test_a_missing_path_among_maps_exits_2_and_the_maps_are_counted(
    runner: CliRunner, project: Path
) -> None:
    """As validate and check: AM901 at file:1:1, exit 2."""
    result = runner.invoke(main, ["stats", "a.yaml", "gone.yaml", "b.yaml"])
    assert (result.exit_code, result.stderr) == (2, "")
    assert result.stdout == (
        f"{A_TEXT}\n{B_TEXT}\n{TOTAL_TEXT}\n"
        "gone.yaml:1:1: error[AM901] no such file or folder (path-not-found)\n\n"
        "1 error in 1 of 2 files\n"
    )
    as_json = runner.invoke(main, ["stats", "-f", "json", "a.yaml", "gone.yaml"])
    assert (as_json.exit_code, as_json.stderr) == (2, "")
    gone = {
        "code": "AM901",
        "name": "path-not-found",
        "severity": "error",
        "message": "no such file or folder",
        "path": "gone.yaml",
        "line": 1,
        "column": 1,
        "hint": None,
    }
    assert _json(as_json.stdout) == _document([("a.yaml", A_COUNTS)], A_COUNTS, [gone])


def test_a_folder_without_maps_is_said_to_have_none(runner: CliRunner, project: Path) -> None:
    """AM902, a warning, as in validate and check: exit 0, nothing counted from it."""
    (project / "ci").mkdir()
    (project / "ci" / "workflow.yml").write_text("name: ci\non: [push]\njobs: {}\n")
    result = runner.invoke(main, ["stats", "ci", "a.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{A_TEXT}\n"
        "ci:1:1: warning[AM902] no argument maps in this folder: 1 YAML file skipped, none an "
        "argument map (-v says why) (no-files)\n\n"
        "1 warning in 1 of 1 file\n"
    )


def test_a_broken_configuration_leaves_out_its_projects_maps_only(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its maps are not counted (the configuration would change their verdicts, quotes and
    findings) and it is reported once; another project's maps are counted. Exit 1."""
    monkeypatch.chdir(tmp_path)
    for project, config in (("p1", "selct = []\n"), ("p2", "")):
        (tmp_path / project).mkdir()
        (tmp_path / project / "argmap.toml").write_text(config)
    for name in ("p1/m.yaml", "p1/n.yaml", "p2/m.yaml"):
        (tmp_path / name).write_text(A)
    result = runner.invoke(main, ["stats", "p1", "p2"])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        A_TEXT.replace("a.yaml", "p2/m.yaml") + "\n"
        "p1/argmap.toml:1:1: error[AM903] unknown setting 'selct'; known: duplicate-similarity, "
        "ignore, long-text, select, severity, similarity (invalid-config)\n\n"
        "1 error in 1 of 3 files\n"
    )
    validated = runner.invoke(main, ["validate", "p1", "p2"])
    assert result.stdout.endswith(validated.stdout)


def test_the_help_says_stats_takes_paths(runner: CliRunner) -> None:
    shown = runner.invoke(main, ["stats", "--help"]).output
    assert "stats [OPTIONS] PATHS...\n" in shown
    assert "Exit status: 0 counted" in shown


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_for_text_only(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From 50 maps, as check: on stderr, on a terminal, never beside the JSON (--json is
    --format json, by its old name)."""
    from argmap.commands import progress

    terminal = _Terminal()
    monkeypatch.setattr(progress, "sys", types.SimpleNamespace(stderr=terminal))
    monkeypatch.delenv("CI", raising=False)
    for n in range(48):
        (project / f"m{n:02}.yaml").write_text(A)
    for asked in (["--json"], ["-f", "json"]):
        result = runner.invoke(main, ["stats", *asked, "."])
        assert result.exit_code == 0
        assert (len(_json(result.stdout)["maps"]), terminal.getvalue()) == (50, "")
    result = runner.invoke(main, ["stats", "."])
    assert (result.exit_code, result.stdout.count("\ntotal of 50 maps\n")) == (0, 1)
    assert "counting" in terminal.getvalue()


def test_the_kinds_are_counted_in_english_with_thousands_separated() -> None:
    """'21 claim, 13 premise, 6 rebut' read as labels, and '20999' had no separator."""
    counts: Counts = {
        "claims": {"thesis": 2, "claim": 21, "premise": 1, "assumption": 20999},
        "attacks": {"rebut": 6, "undermine": 1, "undercut": 2},
        "evidence": 1200,
    }
    assert count_lines("m.yaml: M", counts) == [
        "m.yaml: M",
        "  claims     21,023  2 theses, 21 claims, 1 premise, 20,999 assumptions",
        "  attacks        9  6 rebuttals, 1 undermining, 2 undercuts",
        "  evidence   1,200",
    ]


def test_every_claim_and_attack_kind_is_a_noun_the_text_counts() -> None:
    kinds = {k.value for k in ClaimKind} | {k.value for k in AttackKind}
    assert kinds == set(NOUNS)
