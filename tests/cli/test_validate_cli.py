"""``argmap validate`` through click's CliRunner: every output format and every exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
UNKNOWN_KEY = str(EXAMPLES / "invalid" / "unknown-key.yaml")
VALID = str(EXAMPLES / "valid")


def test_clean_folder_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", VALID])
    assert result.exit_code == 0, result.output
    assert result.output == "4 files checked, no problems\n"


def test_findings_exit_1_with_caret_and_hint(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", UNKNOWN_KEY])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "unknown-key.yaml:6:5: error[AM201] unknown key 'suports' in claim 'a' (unknown-key)"
    )
    assert lines[1] == "  6 |     suports: t"
    assert lines[2] == "    |     ^"
    assert lines[3] == "  hint: did you mean 'supports'?"
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_missing_path_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "does/not/exist.yaml"])
    assert result.exit_code == 2
    assert "does/not/exist.yaml:1:1: error[AM901] no such file or folder" in result.output


def test_no_arguments_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.output


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--format", "xml", VALID])
    assert result.exit_code == 2


def test_json_format(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--format", "json", UNKNOWN_KEY])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
    (d,) = data["diagnostics"]
    assert (d["code"], d["line"], d["column"], d["name"]) == ("AM201", 6, 5, "unknown-key")
    assert d["hint"] == "did you mean 'supports'?"


def test_github_format_and_its_automatic_choice(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = runner.invoke(main, ["validate", "-f", "github", UNKNOWN_KEY])
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    automatic = runner.invoke(main, ["validate", UNKNOWN_KEY])
    assert explicit.exit_code == automatic.exit_code == 1
    assert explicit.output == automatic.output
    assert explicit.output.startswith("::error file=")
    assert ",line=6,col=5,title=AM201 unknown-key::unknown key 'suports' in claim 'a'" in (
        explicit.output
    )


def test_sarif_gives_a_missing_path_no_region(runner: CliRunner, tmp_path: Path) -> None:
    """The file does not exist: SARIF points at it, at no line (it had region 1:1); the
    text format still says where, as file:line:col."""
    gone = str(tmp_path / "gone.yaml")
    result = runner.invoke(main, ["validate", "-f", "sarif", gone])
    assert result.exit_code == 2
    (res,) = json.loads(result.output)["runs"][0]["results"]
    assert res["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": Path(gone).as_uri(), "index": 0}}}
    ]
    text = runner.invoke(main, ["validate", gone])
    assert text.output.splitlines()[0] == (
        f"{gone}:1:1: error[AM901] no such file or folder (path-not-found)"
    )


def test_sarif_format(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "-f", "sarif", UNKNOWN_KEY])
    assert result.exit_code == 1
    sarif = json.loads(result.output)
    (res,) = sarif["runs"][0]["results"]
    assert res["ruleId"] == "AM201"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (6, 5)


def test_strict_makes_warnings_fail(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    f = tmp_path / "map.yaml"
    f.write_text("argmap: 1\nclaims:\n  t: {text: The thesis., kind: thesis}\n")
    lenient = runner.invoke(main, ["validate", str(f)])
    strict = runner.invoke(main, ["validate", "--strict", str(f)])
    assert lenient.exit_code == 0
    assert "warning[AM002]" in lenient.output
    assert strict.exit_code == 1


def test_configuration_ignores_and_raises_severity(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "map.yaml"
    f.write_text("argmap: 1\nclaims:\n  t: {text: The thesis., kind: thesis}\n")
    (tmp_path / "argmap.toml").write_text('[severity]\nAM002 = "error"\n')
    assert runner.invoke(main, ["validate", str(f)]).exit_code == 1
    (tmp_path / "argmap.toml").write_text('ignore = ["unsupported-claim"]\n')
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 0
    assert "AM002" not in result.output


def test_configuration_raises_severity_by_rule_name(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "map.yaml"
    f.write_text("argmap: 1\nclaims:\n  t: {text: The thesis., kind: thesis}\n")
    (tmp_path / "argmap.toml").write_text('[severity]\nunsupported-claim = "error"\n')
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 1
    assert "map.yaml:3:3: error[AM002] claim 't' has neither" in result.output


def test_a_typo_in_ignore_is_reported_not_ignored(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "map.yaml"
    f.write_text("argmap: 1\nclaims:\n  t: {text: The thesis., kind: thesis}\n")
    (tmp_path / "argmap.toml").write_text('ignore = ["AM02"]\n')
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 1
    assert (
        "argmap.toml:1:11: error[AM903] 'ignore' names no rule 'AM02'; did you mean 'AM002'? "
        "(invalid-config)"
    ) in result.output
    assert "warning[AM002]" in result.output


def test_broken_configuration_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("selct = []\n")
    f = tmp_path / "map.yaml"
    f.write_text("argmap: 1\n")
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 1
    assert "error[AM903] unknown setting 'selct'" in result.output


def test_keeps_going_after_a_bad_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "a.yaml").write_text("argmap: [\n")
    (tmp_path / "b.yaml").write_text("argmap: 1\nclaims: {x: {text: X, kind: thesis, bad: 1}}\n")
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.yaml:2:1: error[AM106]" in result.output
    assert "b.yaml:2:37: error[AM201] unknown key 'bad' in claim 'x'" in result.output
    assert result.output.splitlines()[-1] == "2 errors in 2 of 2 files"


def test_internal_errors_are_exit_2_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.commands.validate as command
    from argmap import cli

    def explode(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(command, "validate_files", explode)
    monkeypatch.setattr("sys.argv", ["argmap", "validate", VALID])
    assert cli.exit_status() == 2
    err = capsys.readouterr().err
    assert "argmap: internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_validate_does_not_import_graphviz_or_jinja2() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from argmap.cli import main\n"
        f"CliRunner().invoke(main, ['validate', {VALID!r}])\n"
        "print(sorted(m for m in ('graphviz', 'jinja2') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_does_not_import_jinja2_or_the_report() -> None:
    """--help lists every command; listing handout must not load the report's templates."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from argmap.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "CliRunner().invoke(main, ['handout', '--help'])\n"
        "print(sorted(m for m in ('jinja2', 'argmap.report_html') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_does_not_import_pydantic() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom argmap.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["argmap, version 0.1.0", "False"]


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", VALID], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout == "4 files checked, no problems\n"


def test_a_misspelt_command_gets_a_suggestion(runner: CliRunner) -> None:
    """Like a misspelt option ('No such option: --strcit. Did you mean --strict?')."""
    result = runner.invoke(main, ["valdate", "map.yaml"])
    assert result.exit_code == 2
    assert "Error: No such command 'valdate'. Did you mean 'validate'?" in result.stderr
    far = runner.invoke(main, ["frobnicate"])
    assert far.exit_code == 2
    assert "Error: No such command 'frobnicate'.\n" in far.stderr


def test_a_question_about_no_claim_is_told_apart_from_one_about_an_argument(
    runner: CliRunner,
) -> None:
    """A question's about: said 'no claim in this map' (AM302) for an argument's id too, and
    gave no 'did you mean' for a misspelt claim, unlike every other reference."""
    path = EXAMPLES / "invalid" / "question-about.yaml"
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    found = [
        (d["line"], d["column"], d["code"], d["message"], d["hint"])
        for d in json.loads(result.output)["diagnostics"]
    ]
    assert found == [
        (
            7,
            24,
            "AM302",
            "question refers to 'spp-fail', which is no claim in this map",
            "did you mean 'spp-fails'?",
        ),
        (
            11,
            9,
            "AM303",
            "question refers to 'reason->spp-fails', which is an argument, not a claim",
            None,
        ),
    ]
