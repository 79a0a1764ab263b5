"""``argmap export --to iccma``: the framework that argmap labels, checked by pygarg."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pygarg.dung import dimacs_parser, solver

from argmap.cli import main
from argmap.evaluate import evaluate_map
from argmap.pipeline import load_map
from argmap.semantics.iccma import read_i23
from argmap.semantics.labels import Label
from argmap.verdict import QuoteStatus

MONTEBELLO = Path(__file__).parents[2] / "arguments" / "montebello.yaml"


def test_iccma_export_is_labelled_the_same_by_an_independent_solver(tmp_path: Path) -> None:
    out = tmp_path / "montebello.i23"
    result = CliRunner().invoke(main, ["export", str(MONTEBELLO), "--to", "iccma", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("p af ")
    framework = read_i23(text)
    names = framework.names
    assert "claim:spp-fails" in names and "need:congress-argument:congress-excluded" in names

    args, atts = dimacs_parser.parse(str(out))
    (grounded,) = solver.extension_enumeration(args, atts, "GR")
    theirs = {names[int(a) - 1] for a in grounded}

    loaded = load_map(MONTEBELLO)
    assert loaded.map is not None
    status = {e: QuoteStatus.VERIFIED for e in loaded.map.evidence}
    ours = {n for n, label in evaluate_map(loaded.map, status).labels.items() if label is Label.IN}
    assert theirs == ours


def test_apx_export_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(MONTEBELLO), "--to", "apx"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == 'arg("claim:spp-fails").'
    missing = runner.invoke(main, ["export", str(tmp_path / "nope.yaml"), "--to", "apx"])
    assert missing.exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nclaims: {a: {text: A, supports: b}}\n")
    broken = runner.invoke(main, ["export", str(bad), "--to", "iccma"])
    assert broken.exit_code == 1
    assert "AM302" in broken.output


def test_without_o_the_findings_go_to_stderr_and_stdout_stays_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without -o, stdout is the exported document (``argmap export map.yaml --to json >
    map.json``): the findings of a map that does not load go to stderr, as import's report
    does, not into the file where the user cannot see them."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("argmap: 1\nclaims: {a: {text: A, supports: b}}\n")
    result = CliRunner().invoke(main, ["export", "bad.yaml", "--to", "json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "bad.yaml:2:33: error[AM302] 'b' refers to no claim in this map (dangling-reference)\n"
        "  2 | claims: {a: {text: A, supports: b}}\n"
        "    |                                 ^\n"
        "\n"
        "1 error in 1 of 1 file\n"
    )
    with_o = CliRunner().invoke(main, ["export", "bad.yaml", "--to", "json", "-o", "m.json"])
    assert with_o.exit_code == 1
    assert with_o.stdout == result.stderr  # with -o, stdout is free: findings go there
    assert not Path("m.json").exists()


def test_with_o_it_says_what_it_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As render, report, handout, init and import do; export -o said nothing at all.
    (JSON holds the whole map: an export to AIF also warns of what AIF cannot hold.)"""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(MONTEBELLO), "--to", "json", "-o", "m.json"])
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "wrote m.json\n")
    quiet = CliRunner().invoke(
        main, ["-q", "export", str(MONTEBELLO), "--to", "json", "-o", "m.json"]
    )
    assert (quiet.exit_code, quiet.output) == (0, "")


@pytest.mark.parametrize("name", ["con.json", "NUL.argdown", "aux", "out.json."])
def test_an_output_windows_cannot_create_is_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As render, report, handout, watch and init refuse one (con.svg is the console there, and
    no Windows checkout can hold it): export -o con.json wrote it."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(MONTEBELLO), "--to", "json", "-o", name])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"argmap: -o {name} cannot be a file on Windows: ")
    assert result.stderr.endswith("; give -o another name\n")
    assert list(tmp_path.iterdir()) == []
