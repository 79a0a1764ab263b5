"""One name per meaning across the commands: the time a computation may take is --time-limit
in check and render (render's --timeout, and its -o's --output-dir, stay as hidden aliases,
as stats' --json does for --format json); and the help of an option shared by several
commands says the same thing in the same shape."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap.cli import COMMANDS, main

REPO = Path(__file__).parents[2]


def _options(name: str) -> dict[str, click.Option]:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    return {
        opt: param
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
    }


def test_a_time_limit_has_one_name_and_one_help_shape() -> None:
    check, render = _options("check")["--time-limit"], _options("render")["--time-limit"]
    assert check.help == (
        "Seconds the preferred or stable semantics may take before the run is stopped "
        "(0.01 to 86400, a day); grounded takes no limit."
    )
    assert render.help == (
        "Seconds a layout may take before it is stopped: Graphviz's, and WeasyPrint's of a "
        "handout's PDF (more than 0 to 86400, a day; the embedded Graphviz and WeasyPrint: on "
        "Linux only)."
    )
    assert (check.default, render.default) == (10.0, 600.0)
    shown = {name: CliRunner().invoke(main, [name, "--help"]).output for name in COMMANDS}
    assert [name for name, text in shown.items() if "--timeout" in text] == []
    assert [name for name, text in shown.items() if "--output-dir" in text] == []


def _small_project(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project of one small valid map, ``map.yaml``, made the working folder."""
    monkeypatch.chdir(folder)
    Path("argmap.toml").write_text("")
    Path("map.yaml").write_text(
        "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"
        "  a: {text: A., kind: assumption, supports: t}\n"
    )


def test_the_old_names_still_work_and_are_refused_beside_the_new_ones(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small_project(tmp_path, monkeypatch)
    render = ["render", "map.yaml", "--format", "dot"]
    old = runner.invoke(main, [*render, "--output-dir", "old", "--timeout", "60"])
    assert (old.exit_code, old.stderr) == (0, "wrote old/map.dot\n")
    for clash, message in (
        (["--timeout", "60", "--time-limit", "30"], "--timeout is --time-limit"),
        (["--output-dir", "a", "-o", "b"], "--output-dir is -o/--output"),
    ):
        result = runner.invoke(main, [*render, *clash])
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.splitlines()[-1] == (
            f"Error: {message} by its old name; give one of them"
        )
    assert not Path("renders").exists() and not Path("a").exists() and not Path("b").exists()


def test_the_old_output_name_takes_dash_for_standard_output_as_the_new_one_does(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--output-dir -`` made a folder named '-' and wrote map.dot into it, where ``-o -``,
    the same option by its new name, prints the DOT text; ``./-`` still names a folder."""
    _small_project(tmp_path, monkeypatch)
    render = ["render", "map.yaml", "--format", "dot"]
    new = runner.invoke(main, [*render, "-o", "-"])
    old = runner.invoke(main, [*render, "--output-dir", "-"])
    assert new.exit_code == 0 and new.stdout.startswith("// argmap-document: ")
    assert (old.exit_code, old.stdout, old.stderr) == (0, new.stdout, "")
    assert not Path("-").exists() and not Path("renders").exists()
    clash = runner.invoke(main, [*render, "--output-dir", "-", "-o", "-"])
    assert (clash.exit_code, clash.stdout) == (2, "")
    assert clash.stderr.splitlines()[-1] == (
        "Error: --output-dir is -o/--output by its old name; give one of them"
    )
    folder = runner.invoke(main, [*render, "--output-dir", "./-"])
    assert (folder.exit_code, folder.stderr) == (0, "wrote -/map.dot\n")
    assert Path("-/map.dot").is_file()


# Options whose help differs between commands because what they act on differs.
DIFFERENT_BY_COMMAND = {
    "--format": "a report's format in validate, check, import and stats; a file's elsewhere",
    "--depth": "one meaning and one range in render and handout (tests/cli/test_depth.py); "
    "the default differs: the handout fits its page",
    "--output": "a file, a folder, or either, with or without stdout",
    "--time-limit": "what is limited; one shape, tested above",
}


def test_an_option_of_several_commands_says_the_same_in_each() -> None:
    """render said '--engine system: Graphviz's dot on PATH; embedded: ...' and report and
    handout 'How the map is laid out: system (Graphviz's dot), ...'; render's --check 'a
    rendered file', the others' 'an output'."""
    helps: dict[str, dict[str, str | None]] = {}
    for name in COMMANDS:
        for param in main.get_command(click.Context(main), name).params:  # type: ignore[union-attr]
            if isinstance(param, click.Option) and not param.hidden:
                long_name = max(param.opts, key=len)
                helps.setdefault(long_name, {})[name] = param.help
    differing = {
        option: by_command
        for option, by_command in helps.items()
        if len(set(by_command.values())) > 1 and option not in DIFFERENT_BY_COMMAND
    }
    assert differing == {}


def test_an_output_that_is_only_a_file_says_so() -> None:
    """-o is a file in schema, export and import (a folder is refused), a folder in watch, and
    either in render, report and handout: its metavar says which, as import's did (FILE)
    while schema and export said PATH; and the three that print to stdout without it say so
    in the same words."""
    metavars = {}
    for name in COMMANDS:
        output = _options(name).get("--output")
        if output is not None:
            metavars[name] = output.make_metavar(click.Context(click.Command(name)))
    assert metavars == {
        "schema": "FILE",
        "render": "PATH",
        "report": "PATH",
        "handout": "PATH",
        "export": "FILE",
        "import": "FILE",
        "watch": "DIRECTORY",
    }
    assert {name: _options(name)["--output"].help for name in ("schema", "export", "import")} == {
        "schema": "Write the schema to this file, not stdout.",
        "export": "Write the document to this file, not stdout.",
        "import": "Write the map to this file, not stdout.",
    }


def test_a_default_is_shown_as_one_of_the_choices() -> None:
    """render --help listed '--rankdir [tb|lr|bt|rl]' with '[default: TB]', a value not in the
    list (click shows the choices of a case-blind option in lower case)."""
    unlisted = []
    for name in COMMANDS:
        for option in set(_options(name).values()):
            choices = getattr(option.type, "choices", None)
            if choices is None or not option.show_default or option.default is None:
                continue
            shown = [str(c).lower() for c in choices] if not option.type.case_sensitive else choices
            if option.default not in shown:
                unlisted.append(f"{name} {option.opts[-1]} {option.default}")
    assert unlisted == []


def test_a_short_option_means_one_long_option_in_every_command() -> None:
    """-f was --format in validate, check, import and stats, and nothing in render and
    handout, which have --format too: every --format takes -f, and no short option stands
    for two different long ones."""
    long_of: dict[str, set[str]] = {}
    for name in COMMANDS:
        options = _options(name)
        if "--format" in options:
            assert "-f" in options["--format"].opts, name
        for param in set(options.values()):
            if param.hidden:
                continue
            short = [o for o in param.opts if not o.startswith("--")]
            for opt in short:
                long_of.setdefault(opt, set()).add(max(param.opts, key=len))
    assert {short: longs for short, longs in long_of.items() if len(longs) > 1} == {}


def _choice_options() -> list[tuple[str, click.Option]]:
    """Every option of every command whose values are a click.Choice, hidden ones too: found
    by walking the command tree, so that an option added later is tested as it comes."""
    found = []
    for name in COMMANDS:
        for param in main.get_command(click.Context(main), name).params:  # type: ignore[union-attr]
            if isinstance(param, click.Option) and isinstance(param.type, click.Choice):
                found.append((name, param))
    return found


def test_every_choice_option_is_case_blind() -> None:
    """--rankdir LR and --paper A4 were taken, --format SVG and --semantics Grounded refused:
    every choice takes any case, and gives the command the value as listed."""
    options = _choice_options()
    assert len(options) >= 14  # the walk found them: render alone has four
    refused, misread = [], []
    for name, option in options:
        ctx = click.Context(main.get_command(click.Context(main), name))  # type: ignore[arg-type]
        for value in option.type.choices:  # type: ignore[attr-defined]
            for spelling in (str(value).upper(), str(value).title()):
                try:
                    converted = option.type.convert(spelling, option, ctx)
                except click.BadParameter:
                    refused.append(f"{name} {option.opts[-1]} {spelling}")
                    continue
                if converted != value:
                    misread.append(f"{name} {option.opts[-1]} {spelling} -> {converted}")
    assert (refused, misread) == ([], [])


def test_a_choice_in_another_case_runs_as_the_listed_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small_project(tmp_path, monkeypatch)
    upper = runner.invoke(main, ["validate", "--format", "JSON", "map.yaml"])
    lower = runner.invoke(main, ["validate", "--format", "json", "map.yaml"])
    assert (upper.exit_code, upper.stdout) == (0, lower.stdout)
    assert lower.stdout.startswith("{")
    grounded = runner.invoke(main, ["check", "--semantics", "Grounded", "map.yaml"])
    assert grounded.exit_code == 0
    assert grounded.stdout == runner.invoke(main, ["check", "map.yaml"]).stdout
    dot = runner.invoke(main, ["render", "map.yaml", "--format", "DOT", "-o", "out"])
    assert (dot.exit_code, dot.stderr) == (0, "wrote out/map.dot\n")
    exported = runner.invoke(main, ["export", "map.yaml", "--to", "ICCMA"])
    assert exported.exit_code == 0
    assert exported.stdout == runner.invoke(main, ["export", "map.yaml", "--to", "iccma"]).stdout


def test_the_commands_that_lay_maps_out_take_the_same_layout_limits(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report and handout lay maps out as render does, and their messages said 'raise
    --max-nodes' and 'allow more time with --time-limit', options only render had: each of
    the three takes both, with one help and one default."""
    for option in ("--max-nodes", "--time-limit"):
        shared = [_options(name)[option] for name in ("render", "report", "handout")]
        assert len({(o.help, o.default) for o in shared}) == 1, option
    _small_project(tmp_path, monkeypatch)
    too_many = (
        "argmap: map.yaml: the map has 2 nodes to draw (2 claims, 0 quotes, 0 inference "
        "junctions), more than --max-nodes 1; draw a part of it with --focus CLAIM --depth N, "
        "or raise --max-nodes\n"
    )
    for command in (["render", "-f", "dot", "--no-evidence"], ["handout", "-f", "html"]):
        result = runner.invoke(main, [*command, "map.yaml", "-o", "out", "--max-nodes", "1"])
        assert (result.exit_code, result.stderr) == (2, too_many)
    assert not Path("out").exists()
    report = runner.invoke(main, ["report", "map.yaml", "-o", "r.html", "--max-nodes", "1"])
    assert (report.exit_code, report.stderr) == (0, "wrote r.html\n")
    assert "This map has 2 nodes, too many to draw on one page" in Path("r.html").read_text()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stoppable on Linux only")
@pytest.mark.parametrize("command", [["report"], ["handout", "-f", "html"]])
def test_a_page_whose_layout_takes_too_long_is_stopped(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """As render's test does, a millisecond for the Montebello map, which takes far longer."""
    monkeypatch.chdir(REPO)
    view = ["-o", str(tmp_path / "out"), "--engine", "embedded", "--time-limit", "0.001"]
    result = runner.invoke(main, [*command, "arguments/montebello.yaml", *view])
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: arguments/montebello.yaml: the embedded Graphviz did not finish within 0.001 s "
        "and was stopped; draw a part of the map with --focus CLAIM --depth N, or allow more "
        "time with --time-limit\n"
    )
    assert not (tmp_path / "out").exists()
