"""``argmap check --why CLAIM``: the verdict line of the claims asked about, each with the
reasons for its verdict under it, in the text output."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

DEBATE = """\
argmap: 1
title: Uniforms
claims:
  uniforms:
    text: Schools should require uniforms.
    kind: thesis
  cheaper:
    text: Uniforms cost families less than fashion.
    supports: uniforms
    kind: assumption
  expression:
    text: Uniforms stifle self-expression.
    rebuts: uniforms
    kind: assumption
  clubs:
    text: Pupils express themselves in clubs and art.
    rebuts: expression
    kind: assumption
"""


STANDS_ALONE = "it stands only because nothing defeats it: no verified evidence backs it"


def _check(runner: CliRunner, tmp_path: Path, *options: str, text: str = DEBATE) -> Result:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    return runner.invoke(main, ["check", str(path), *options])


def test_why_shows_the_claim_alone_with_its_reasons(runner: CliRunner, tmp_path: Path) -> None:
    result = _check(runner, tmp_path, "--why", "uniforms")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{tmp_path / 'map.yaml'}: Uniforms\n"
        "  unsupported  0.62  uniforms  Schools should require uniforms.\n"
        "      argument cheaper->uniforms from cheaper stands\n"
        "      rebut by expression is defeated\n"
        f"      {STANDS_ALONE}\n"
        "  3 unsupported, 1 refuted; no quotes\n"
        "\n"
        "1 file checked, no problems\n"
    )


def test_why_takes_several_claims_in_the_maps_order(runner: CliRunner, tmp_path: Path) -> None:
    result = _check(runner, tmp_path, "--why", "clubs", "--why", "expression")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].split()[:3] == ["refuted", "0.25", "expression"]
    assert lines[2] == "      rebut by clubs succeeds"
    assert lines[3].split()[:3] == ["unsupported", "0.50", "clubs"]
    assert (
        lines[4] == "      it stands only because nothing defeats it: no verified evidence backs it"
    )
    assert lines[5] == "  3 unsupported, 1 refuted; no quotes"


def test_why_a_claim_given_twice_is_shown_once(runner: CliRunner, tmp_path: Path) -> None:
    once = _check(runner, tmp_path, "--why", "uniforms").stdout
    assert _check(runner, tmp_path, "--why", "uniforms", "--why", "uniforms").stdout == once


def test_why_an_unknown_claim_is_a_usage_error_with_the_closest_id(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = _check(runner, tmp_path, "--why", "uniform")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"argmap: {tmp_path / 'map.yaml'}: no claim 'uniform' in this map; "
        "did you mean 'uniforms'?\n"
    )


def test_why_an_id_like_none_says_where_the_ids_are(runner: CliRunner, tmp_path: Path) -> None:
    result = _check(runner, tmp_path, "--why", "zzz")
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {tmp_path / 'map.yaml'}: no claim 'zzz' in this map; "
        "--why takes a claim's id, as 'argmap check' lists them\n"
    )


def test_why_still_reports_the_findings_and_their_exit_status(
    runner: CliRunner, tmp_path: Path
) -> None:
    bare = DEBATE + "  bare:\n    text: A claim with nothing under it.\n    supports: uniforms\n"
    result = _check(runner, tmp_path, "--why", "uniforms", "--strict", text=bare)
    assert result.exit_code == 1
    assert "      argument bare->uniforms from bare stands\n" in result.stdout
    assert "map.yaml:19:3: warning[AM002] claim 'bare' has neither evidence" in result.stdout


def test_why_is_for_the_text_output(runner: CliRunner, tmp_path: Path) -> None:
    result = _check(runner, tmp_path, "--why", "uniforms", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--why shows reasons in the text output" in result.stderr
    assert "--format json lists every claim's reasons" in result.stderr


@pytest.mark.parametrize("quiet", ["-q", "--quiet"])
def test_why_is_shown_under_quiet_as_it_was_asked_for(
    runner: CliRunner, tmp_path: Path, quiet: str
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(DEBATE, encoding="utf-8")
    result = runner.invoke(main, [quiet, "check", str(path), "--why", "uniforms"])
    assert result.exit_code == 0
    assert "rebut by expression is defeated" in result.stdout


def test_without_why_every_claim_has_one_line_and_no_reasons(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = _check(runner, tmp_path)
    # the title, the claims, their summary, a blank line and the findings' summary
    assert len(result.stdout.splitlines()) == 1 + 4 + 1 + 1 + 1
    assert "stands" not in result.stdout


def test_why_in_a_folder_shows_the_maps_that_hold_the_claim(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "a.yaml").write_text(DEBATE, encoding="utf-8")
    other = (
        "argmap: 1\ntitle: Other\nclaims:\n  x: {text: X holds., kind: thesis}\n"
        "  y: {text: Y holds., kind: assumption, supports: x}\n"
    )
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path), "--why", "x"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{tmp_path / 'b.yaml'}: Other\n"
        "  unsupported  0.75  x  X holds.\n"
        "      argument y->x from y stands\n"
        f"      {STANDS_ALONE}\n"
        "  2 unsupported; no quotes\n"
        "\n"
        "2 files checked, no problems\n"
    )


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        ("uniform", "did you mean 'uniforms'?"),
        ("zzz", "--why takes a claim's id, as 'argmap check' lists them"),
    ],
)
def test_why_a_claim_of_none_of_the_maps_is_said_once(
    runner: CliRunner, tmp_path: Path, claim: str, said: str
) -> None:
    (tmp_path / "a.yaml").write_text(DEBATE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(DEBATE.replace("Uniforms", "Again"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path), "--why", claim])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"argmap: no claim '{claim}' in the 2 maps checked; {said}\n"


def test_why_of_a_claim_perhaps_in_a_map_that_did_not_load_is_no_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The claim may be one of the map that did not load: the usage error named the map
    that did and hid why the other did not; its located error is what there is to say, as
    when that map is checked alone."""
    (tmp_path / "a.yaml").write_text(DEBATE, encoding="utf-8")
    broken = "argmap: 1\ntitle: Broken\nclaims:\n  x: {text: X holds., kind: thesis\n"
    (tmp_path / "b.yaml").write_text(broken, encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path), "--why", "x"])
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    assert result.stdout.startswith(
        f"{tmp_path / 'b.yaml'}:5:1: error[AM106] YAML syntax error: did not find expected "
        "',' or '}'"
    )
    assert result.stdout.endswith("1 error in 1 of 2 files\n")
    alone = runner.invoke(main, ["check", str(tmp_path / "b.yaml"), "--why", "x"])
    assert alone.exit_code == 1 and alone.stderr == ""


def test_an_id_with_a_line_break_forges_no_line(runner: CliRunner, tmp_path: Path) -> None:
    """The id is shown as given, its line break as ``\\n``: an id that held one wrote a
    second line of its own choosing under argmap's message."""
    forged = "zzz\nargmap: 0 problems\x1b[2K"
    one = _check(runner, tmp_path, "--why", forged)
    assert (one.exit_code, one.stdout) == (2, "")
    assert one.stderr == (
        f"argmap: {tmp_path / 'map.yaml'}: no claim 'zzz\\nargmap: 0 problems\\x1b[2K' in this "
        "map; --why takes a claim's id, as 'argmap check' lists them\n"
    )
    (tmp_path / "b.yaml").write_text(DEBATE, encoding="utf-8")
    two = runner.invoke(main, ["check", str(tmp_path), "--why", forged])
    assert two.exit_code == 2
    assert two.stderr == (
        "argmap: no claim 'zzz\\nargmap: 0 problems\\x1b[2K' in the 2 maps checked; --why "
        "takes a claim's id, as 'argmap check' lists them\n"
    )
    focus = runner.invoke(
        main, ["render", str(tmp_path / "b.yaml"), "-o", str(tmp_path / "b.dot"), "--focus", forged]
    )
    assert focus.exit_code == 2
    assert focus.stderr == (
        f"argmap: {tmp_path / 'b.yaml'}: no claim 'zzz\\nargmap: 0 problems\\x1b[2K' in this "
        "map; --focus takes a claim's id, as 'argmap check' lists them\n"
    )


def test_why_under_github_actions_shows_the_reasons_and_annotates_the_findings(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--why was asked for, and GitHub Actions chose the annotations: both are given (a
    workflow step that asks why a claim fell gets its answer in the log)."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    bare = DEBATE + "  bare:\n    text: A claim with nothing under it.\n    supports: uniforms\n"
    result = _check(runner, tmp_path, "--why", "uniforms", text=bare)
    assert result.exit_code == 0, result.output
    assert "      rebut by expression is defeated\n" in result.stdout
    assert "::warning file=" in result.stdout and "title=AM002" in result.stdout
    chosen = _check(runner, tmp_path, "--why", "uniforms", "--format", "github", text=bare)
    assert chosen.exit_code == 2  # a format asked for by name has no room for reasons


RING = """\
argmap: 1
title: A ring
claims:
  t: {text: The thesis., kind: thesis}
  s: {text: A support., supports: t, kind: assumption}
  a: {text: A holds., kind: assumption, rebuts: c}
  b: {text: B holds., kind: assumption, rebuts: a}
  c: {text: C holds., kind: assumption, rebuts: [b, t]}
"""
NO_EXTENSION = (
    "no stable extension: nothing can be said under stable semantics, so every claim is contested"
)


def test_why_says_under_each_claim_that_there_is_no_stable_extension(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An odd cycle of attacks has no stable extension: every claim is contested for that,
    whatever attacks it. 's', whose support nothing attacks, showed no reason at all (only the
    note under the summary said why); each claim asked about now says it first."""
    result = _check(
        runner, tmp_path, "--semantics", "stable", "--why", "s", "--why", "a", text=RING
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{tmp_path / 'map.yaml'}: A ring\n"
        "  contested    0.50  s  A support.\n"
        f"      {NO_EXTENSION}\n"
        "  contested    0.42  a  A holds.\n"
        f"      {NO_EXTENSION}\n"
        "      rebut by b is undecided\n"
        "  5 contested; no quotes\n"
        f"  {NO_EXTENSION} (an odd cycle of attacks, say; try --semantics preferred)\n"
        "\n"
        "1 file checked, no problems\n"
    )
    grounded = _check(runner, tmp_path, "--why", "s", text=RING)
    assert "no stable extension" not in grounded.stdout
    assert f"      {STANDS_ALONE}\n" in grounded.stdout
