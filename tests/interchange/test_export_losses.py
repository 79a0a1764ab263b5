"""What an export cannot hold is a warning (AM413) at the first element that loses it, never
silent: ``argmap export --to aif`` said nothing of the kinds, labels, tags, notes, sources...
that AIF has no place for, nor ``--to argdown`` of the line breaks it joins."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.argument_map import ArgumentMap
from argmap.cli import main
from argmap.diagnostics import Diagnostic
from argmap.interchange.losses import aif_losses, argdown_losses
from argmap.pipeline import load_map

from .conftest import MONTEBELLO

SMALL = """\
argmap: 1
title: Small
date: "2024"
sources:
  s: {title: A source}
actors:
  ann: {name: Ann, role: teacher}
  bob: {name: Bob}
claims:
  a:
    text: A thesis.
    kind: thesis
    holder: ann
    evidence: [{quote: a quote, source: s}]
  b:
    text: "A premise\\nover two lines."
    label: B
    tags: [one]
    supports: a
  c:
    text: An objection.
    note: A note.
    priority: 2
    rebuts: a
"""


def _map(tmp_path: Path, text: str = SMALL) -> ArgumentMap:
    path = tmp_path / "small.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None
    return result.map


def _found(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.col, d.code, d.message) for d in diagnostics]


def test_aif_names_each_kind_of_loss_at_its_first_element(tmp_path: Path) -> None:
    m = _map(tmp_path)
    assert _found(aif_losses(m)) == [
        (
            10,
            3,
            "AM413",
            "AIF has no place for claim identifiers; not exported: claim 'a' and 2 more "
            "(the import names each claim after its first words)",
        ),
        (10, 3, "AM413", "AIF has no place for claim kinds; not exported: claim 'a'"),
        (15, 3, "AM413", "AIF has no place for claim labels; not exported: claim 'b'"),
        (15, 3, "AM413", "AIF has no place for tags; not exported: claim 'b'"),
        (20, 3, "AM413", "AIF has no place for notes; not exported: claim 'c'"),
        (20, 3, "AM413", "AIF has no place for priorities; not exported: claim 'c'"),
        (
            14,
            16,
            "AM413",
            "AIF has no place for the source, locator and strength of a quote; not exported: "
            "evidence 'a.ev1' (each quote becomes an I-node for or against its claim)",
        ),
        (5, 3, "AM413", "AIF has no place for sources; not exported: source 's'"),
        (
            7,
            3,
            "AM413",
            "AIF has no place for actors' roles, addresses and notes, and actors who hold no "
            "claim; not exported: actor 'ann' and 1 more",
        ),
        (1, 1, "AM413", "AIF has no place for the map's title, date; not exported"),
    ]


def test_argdown_names_the_texts_whose_lines_it_joins(tmp_path: Path) -> None:
    assert _found(argdown_losses(_map(tmp_path))) == [
        (
            15,
            3,
            "AM413",
            "Argdown has no place for line breaks and runs of spaces in a claim's text "
            "(Argdown joins a text's lines); not exported: claim 'b'",
        )
    ]
    assert argdown_losses(_map(tmp_path, SMALL.replace("\\nover", " over"))) == []
    m = load_map(MONTEBELLO).map
    assert m is not None and argdown_losses(m) == []


@pytest.mark.parametrize(("to", "name", "kinds"), [("aif", "AIF", 10), ("argdown", "Argdown", 1)])
def test_the_cli_says_what_is_lost_in_one_line_and_exports_all_the_same(
    to: str, name: str, kinds: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a format that holds less than the map is chosen knowing it: one line says so, every
    # time, and -v names each kind of loss where it is (AIF lost ten on a small map: ten
    # warnings with their excerpts on every export)
    monkeypatch.chdir(tmp_path)
    Path("small.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "small.yaml", "--to", to])
    assert result.exit_code == 0, result.output
    what = f"{kinds} kinds" if kinds > 1 else "1 kind"
    summary = (
        f"argmap: {name} has no place for {what} of what small.yaml holds, not exported "
        f"(AM413; 'argmap -v export' names each)\n"
    )
    assert result.stderr == summary
    assert "AM413" not in result.stdout  # stdout is the document alone
    with_o = CliRunner().invoke(main, ["export", "small.yaml", "--to", to, "-o", "out"])
    assert (with_o.exit_code, with_o.stdout) == (0, "")
    assert with_o.stderr == "wrote out\n" + summary
    assert Path("out").read_text(encoding="utf-8") == result.stdout
    quiet = CliRunner().invoke(main, ["-q", "export", "small.yaml", "--to", to, "-o", "out"])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


@pytest.mark.parametrize(("to", "expected"), [("aif", 10), ("argdown", 1)])
def test_the_cli_names_each_loss_where_it_is_with_verbose(
    to: str, expected: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("small.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, ["-v", "export", "small.yaml", "--to", to])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("warning[AM413]") == expected
    said = result.stderr.splitlines()
    assert said[:2] == ["configuration: none in ., the defaults", "read small.yaml"]
    assert said[-2] == f"{expected} warning{'s' if expected > 1 else ''} in 1 of 1 file"
    assert said[-1].startswith("argmap export: ")  # -v's timing
    assert "AM413" not in result.stdout
    if to == "argdown":
        assert "small.yaml:15:3: warning[AM413] Argdown has no place for line breaks" in (
            result.stderr
        )


def test_json_export_loses_nothing_and_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("small.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "small.yaml", "--to", "json"])
    assert (result.exit_code, result.stderr) == (0, "")


NUL_MAP = """\
argmap: 1
title: "Nul\\0map"
claims:
  a:
    text: "A thesis\\0 with a NUL."
    label: "Th\\0esis"
    tags: ["t\\0g", plain]
    kind: thesis
  b:
    text: A premise.
    supports: [a]
arguments:
  arg:
    label: "Ar\\0g"
    premises: [b]
    conclusion: a
"""


def test_argdown_drops_nul_characters_says_so_and_reads_its_export_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a NUL character (a JSON '\\u0000' in an AIF file, '\\0' in YAML) was written raw into the
    # Argdown file, which argmap's own import then refused: 'the file holds a NUL byte: not a
    # text file' (AM406), so the export did not come back at all
    monkeypatch.chdir(tmp_path)
    Path("nul.yaml").write_text(NUL_MAP, encoding="utf-8")
    assert _found(argdown_losses(_map(tmp_path, NUL_MAP))) == [
        (
            4,
            3,
            "AM413",
            "Argdown has no place for NUL characters in a claim's text (an Argdown file is "
            "text: each is U+FFFD); not exported: claim 'a'",
        )
    ]
    runner = CliRunner()
    first = runner.invoke(main, ["export", "nul.yaml", "--to", "argdown", "-o", "1.argdown"])
    assert first.exit_code == 0, first.output
    written = Path("1.argdown").read_bytes()
    assert b"\0" not in written
    # the replacement character stands for it in the text; label and tag go to the data
    assert "[a]: A thesis\ufffd with a NUL. #(plain) {".encode() in written
    back = runner.invoke(main, ["import", "1.argdown", "-o", "back.yaml"])
    assert back.exit_code == 0, back.output
    m = load_map(Path("back.yaml")).map
    assert m is not None
    assert (m.title, m.claims["a"].text, m.claims["a"].label, m.claims["a"].tags) == (
        "Nul\0map",
        "A thesis\ufffd with a NUL.",
        "Th\0esis",
        ("t\0g", "plain"),
    )
    assert m.arguments["arg"].label == "Ar\0g"
    again = runner.invoke(main, ["export", "back.yaml", "--to", "argdown", "-o", "2.argdown"])
    assert again.exit_code == 0, again.output
    assert Path("2.argdown").read_bytes() == written
