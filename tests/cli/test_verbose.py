"""``-v``/``--verbose``, whose help promises "timings and what was read", keeps its promise
in every command, not only in ``check``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import COMMANDS, main

MAIN = """\
argmap: 1
include: [part.yaml]
claims:
  thesis: {text: Uniforms should be required., kind: thesis}
"""
PART = """\
argmap: 1
claims:
  reason: {text: Uniforms reduce bullying., kind: assumption, supports: thesis}
"""
TIMING = re.compile(r"argmap (\w+): \d+\.\d\d s")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "main.yaml").write_text(MAIN, encoding="utf-8")
    (tmp_path / "part.yaml").write_text(PART, encoding="utf-8")
    return tmp_path


def _lines(stderr: str) -> list[str]:
    return [TIMING.sub(r"argmap \1: T s", line) for line in stderr.splitlines()]


def test_validate_says_what_it_read_and_how_long_it_took(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["-v", "validate", "."])
    assert result.exit_code == 0
    assert result.stdout == "2 files checked, no problems\n"
    assert _lines(result.stderr) == [
        "configuration: argmap.toml",
        "read main.yaml, which includes part.yaml",
        "argmap validate: T s",
    ]


def test_render_says_what_it_read_then_what_it_wrote(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(main, ["render", "main.yaml", "--format", "dot", "-v"])
    assert result.exit_code == 0
    assert _lines(result.stderr) == [
        "configuration: argmap.toml",
        "read main.yaml, which includes part.yaml",
        "wrote renders/main.dot",
        "argmap render: T s",
    ]


def test_without_verbose_none_of_it_is_printed(runner: CliRunner, project: Path) -> None:
    assert runner.invoke(main, ["validate", "."]).stderr == ""
    assert runner.invoke(main, ["render", "main.yaml", "--format", "dot"]).stderr == (
        "wrote renders/main.dot\n"
    )


def test_every_command_times_itself_under_verbose(runner: CliRunner, project: Path) -> None:
    """The timing is the last line of stderr, whatever the command and its exit status."""
    arguments = {
        "validate": ["main.yaml"],
        "check": ["main.yaml"],
        "schema": ["-o", "schema.json"],
        "render": ["main.yaml", "--format", "dot"],
        "report": ["main.yaml", "-o", "r.html", "--check"],
        "handout": ["main.yaml", "-o", "h.html", "--check"],
        "export": ["main.yaml", "--to", "apx"],
        "import": ["missing.argdown"],
        "stats": ["main.yaml"],
        "init": ["started.yaml"],
        "rules": [],
        "explain": ["AM002"],
    }
    assert sorted(arguments) == sorted(set(COMMANDS) - {"watch"})  # watch runs until Ctrl-C
    for name, rest in arguments.items():
        result = runner.invoke(main, [name, *rest, "-v"])
        assert _lines(result.stderr)[-1] == f"argmap {name}: T s", (name, result.stderr)


@pytest.mark.parametrize("command", [["export", "--to", "apx"], ["stats"]])
def test_export_and_stats_say_what_they_read(
    runner: CliRunner, project: Path, command: list[str]
) -> None:
    result = runner.invoke(main, ["-v", command[0], "main.yaml", *command[1:]])
    assert result.exit_code == 0
    assert _lines(result.stderr) == [
        "configuration: argmap.toml",
        "read main.yaml, which includes part.yaml",
        f"argmap {command[0]}: T s",
    ]


# Each command that writes files, and what it says it wrote: nothing of it under -q, whose
# help promises "only findings: no notes, no summary when clean". init and import said their
# lines under -q too, and schema -o and export -o said nothing even without it.
WRITERS = {
    "render": (["main.yaml", "--format", "dot", "-o", "m.dot"], "wrote m.dot\n"),
    "report": (["main.yaml", "-o", "m.html"], "wrote m.html\n"),
    "handout": (["main.yaml", "-o", "h.html"], "wrote h.html\n"),
    "export": (["main.yaml", "--to", "apx", "-o", "m.apx"], "wrote m.apx\n"),
    "schema": (["-o", "schema.json"], "wrote schema.json\n"),
    "import": (
        ["m.argdown", "-o", "imported.yaml"],
        "imported m.argdown (argdown) -> imported.yaml: 1 claim, 0 supports, 0 attacks; "
        "0 notes on what was not carried over\n",
    ),
    "init": (["started.yaml", "--force"], "wrote started.yaml and sources/district-study.txt\n"),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_writer_says_what_it_wrote_except_under_quiet(
    runner: CliRunner, project: Path, name: str
) -> None:
    (project / "m.argdown").write_text("[Thesis]: Uniforms should be required.\n")
    rest, said = WRITERS[name]
    result = runner.invoke(main, [name, *rest])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(said)
    quiet = runner.invoke(main, ["-q", name, *rest])  # the same again, over what it wrote
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == ""


# A pyproject.toml in a subfolder makes it the project root (docs/format.md: the nearest folder
# holding pyproject.toml, argmap.toml or .git), so an argmap.toml higher up was passed over with
# no word even under -v. -v now names the configuration each project's maps are read with.
def test_verbose_names_the_configuration_of_each_project(runner: CliRunner, project: Path) -> None:
    (project / "argmap.toml").write_text('ignore = ["AM002"]\n')
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / "sub" / "map.yaml").write_text(MAIN.replace("include: [part.yaml]\n", ""))
    (project / "bare").mkdir()
    (project / "bare" / ".git").mkdir()
    (project / "bare" / "map.yaml").write_text(MAIN.replace("include: [part.yaml]\n", ""))
    result = runner.invoke(main, ["-v", "validate", "main.yaml", "sub/map.yaml", "bare/map.yaml"])
    assert result.exit_code == 0, result.output
    assert _lines(result.stderr) == [
        "configuration: argmap.toml",
        "read main.yaml, which includes part.yaml",
        "configuration: sub/pyproject.toml",
        "read sub/map.yaml",
        "configuration: none in bare, the defaults",
        "read bare/map.yaml",
        "argmap validate: T s",
    ]
    checked = runner.invoke(main, ["-v", "check", "sub/map.yaml"])
    assert _lines(checked.stderr)[0] == "configuration: sub/pyproject.toml"
