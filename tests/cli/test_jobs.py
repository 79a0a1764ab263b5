"""``-j/--jobs N``: one option, with one help text, for every command that takes many paths;
``-j 1`` forbids the process pool of validate, check and stats, ``-j N`` forces one of N workers."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap import batch
from argmap.cli import COMMANDS, main
from argmap.commands.common import JOBS_HELP


def _commands_of_many_paths() -> dict[str, click.Command]:
    """Every command (of every group, walking the command tree) that takes several PATHS."""
    found: dict[str, click.Command] = {}

    def walk(group: click.Group, prefix: str) -> None:
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")
            arguments = [p for p in command.params if isinstance(p, click.Argument)]
            if any(a.nargs == -1 and isinstance(a.type, click.Path) for a in arguments):
                found[f"{prefix}{name}"] = command

    walk(main, "")
    return found


def test_every_command_of_many_paths_takes_jobs_with_one_help() -> None:
    """render, report and handout took --jobs, each with its own help; validate had none
    (its pool started by itself from 64 files) and check neither option nor pool."""
    commands = _commands_of_many_paths()
    assert sorted(commands) == ["check", "handout", "render", "report", "stats", "validate"]
    jobs = {}
    for name, command in commands.items():
        (option,) = [p for p in command.params if p.name == "jobs"]
        assert isinstance(option, click.Option)
        assert isinstance(option.type, click.IntRange)
        jobs[name] = (tuple(option.opts), option.help, option.default, option.type.min)
    assert set(jobs.values()) == {(("-j", "--jobs"), JOBS_HELP, None, 1)}
    assert JOBS_HELP == (
        "How many maps are worked on at once; 1: one after another [default: the usable "
        "cores, where that pays off]."
    )
    shown = {name: CliRunner().invoke(main, [name, "--help"]).output for name in COMMANDS}
    assert sorted(name for name, text in shown.items() if "--jobs" in text) == sorted(commands)


def _maps(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"m{n:03}.yaml").write_text(
            f"argmap: 1\nclaims:\n  t{n}: {{text: T{n}., kind: thesis}}\n"
            f"  a{n}: {{text: A{n}., kind: assumption, supports: t{n}}}\n"
        )
    (folder / "m000.yaml").write_text("argmap: 1\nclaims:\n  t: {text: [T], kind: thesis}\n")


@pytest.mark.parametrize("command", ["validate", "check", "stats"])
def test_jobs_forces_or_forbids_the_pool(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
    pools_started: list[int],
) -> None:
    """130 files take a pool of two workers on two cores unless -j 1 forbids it; three take
    none unless -j forces it (one worker per file at most); the output is the same."""
    started = pools_started
    monkeypatch.setattr(batch, "usable_cores", lambda: 2)
    monkeypatch.chdir(tmp_path)
    _maps(tmp_path, 130)
    outputs = []
    for jobs, pools in ((None, [2]), ("1", []), ("2", [2]), ("8", [8])):
        started.clear()
        chosen = [] if jobs is None else ["-j", jobs]
        result = runner.invoke(main, [command, *chosen, "."])
        assert (result.exit_code, started) == (1, pools)
        outputs.append(result.output)
    assert outputs[1:] == outputs[:1] * 3
    assert outputs[0].endswith("1 error in 1 of 130 files\n")
    few = ["m000.yaml", "m001.yaml", "m002.yaml"]
    for jobs, pools in ((None, []), ("1", []), ("2", [2]), ("5", [3])):
        started.clear()
        chosen = [] if jobs is None else ["--jobs", jobs]
        result = runner.invoke(main, [command, *chosen, *few])
        assert (result.exit_code, started) == (1, pools)
        assert result.output.endswith("1 error in 1 of 3 files\n")


@pytest.mark.parametrize("command", ["validate", "check", "stats"])
def test_jobs_is_a_whole_number_from_1(command: str, runner: CliRunner) -> None:
    result = runner.invoke(main, [command, "-j", "0", "."])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '-j' / '--jobs': 0 is not in the range x>=1."
    )
