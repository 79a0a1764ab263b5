"""The commands that take one FILE say why when given more, rather than click's 'Got
unexpected extra argument (b.yaml)': validate, check, render, report, handout and stats take
many paths, so a user reaches for the same with export."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap.cli import COMMANDS, main
from argmap.commands.common import OneFile

MAP = "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n"

WHY = {
    "export": "the document it writes (to stdout without -o) is one map's; run it once per "
    "map, each with its own -o",
    "import": "it writes one argument file (to stdout without -o); run it once per file, each "
    "with its own -o",
    "watch": "it rebuilds and serves the SVG and report of one map; run a watch per map, each "
    "with its own --port",
    "init": "it writes one starter map; run it once per map",
}


def _one_path_commands() -> dict[str, click.Command]:
    """Every command whose one positional argument is a single path, found by walking the
    command tree: a new one is tested as it comes."""
    found = {}
    for name in COMMANDS:
        command = main.get_command(click.Context(main), name)
        assert command is not None
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        if any(a.nargs == 1 and isinstance(a.type, click.Path) for a in arguments):
            found[name] = command
    return found


def test_every_one_path_command_says_why_it_takes_one() -> None:
    commands = _one_path_commands()
    assert sorted(commands) == sorted(WHY)
    assert {name: isinstance(c, OneFile) for name, c in commands.items()} == dict.fromkeys(
        WHY, True
    )


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--to", "json"],
        ["import", "--from", "argdown"],
        ["watch"],
        ["init"],
    ],
)
def test_two_files_are_refused_with_the_reason(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(MAP)
    Path("b.yaml").write_text(MAP)
    before = sorted(p.name for p in tmp_path.iterdir())
    name = command[0]
    noun = "PATH" if name == "init" else "FILE"
    for files, count in ((["a.yaml", "b.yaml"], 2), (["a.yaml", "b.yaml", "c.yaml"], 3)):
        result = runner.invoke(main, [*command, *files])
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.splitlines()[-1] == (
            f"Error: {name} takes one {noun}, not {count}: {WHY[name]}"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_one_file_runs_as_before(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("argmap.toml").write_text("")
    Path("a.yaml").write_text(MAP)
    result = runner.invoke(main, ["stats", "a.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1] == "  claims         1  1 thesis"
    exported = runner.invoke(main, ["export", "a.yaml", "--to", "iccma"])
    assert (exported.exit_code, exported.stderr) == (0, "")
