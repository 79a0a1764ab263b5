"""docs/cli.md is generated from the click commands and kept in sync; every command has
examples in its help."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import COMMANDS, main
from argmap.clidocs import cli_markdown

REPO = Path(__file__).parents[2]


def test_docs_cli_md_is_in_sync() -> None:
    committed = (REPO / "docs/cli.md").read_text(encoding="utf-8")
    assert committed == cli_markdown(), "run: python -m argmap.clidocs > docs/cli.md"


def test_every_command_has_examples() -> None:
    for name in COMMANDS:
        command = main.get_command(click.Context(main), name)
        assert command is not None
        assert "Examples:" in (command.help or ""), name


def test_every_option_says_what_it_does() -> None:
    """An option without a help text shows in --help (and docs/cli.md) as a bare name: a
    newcomer cannot tell what ``watch --port`` serves or that 0 picks a free port."""
    bare = [
        f"{name} {option.opts[-1]}"
        for name in COMMANDS
        for option in main.get_command(click.Context(main), name).params  # type: ignore[union-attr]
        if isinstance(option, click.Option) and not option.help
    ]
    assert bare == []


def test_every_command_says_its_exit_status() -> None:
    """export, check, stats and six more had no exit-status line while validate, render,
    report and import did: each command's help says what its exit codes mean, in one
    paragraph just before the examples."""
    from click.testing import CliRunner

    for name in COMMANDS:
        shown = CliRunner().invoke(main, [name, "--help"], terminal_width=100).output
        paragraphs = shown.split("\n\n")
        examples = next(i for i, p in enumerate(paragraphs) if p.startswith("  Examples:"))
        assert paragraphs[examples - 1].startswith("  Exit status: 0 "), (name, shown)


def test_the_reference_and_the_readme_point_to_the_json_output_page() -> None:
    """The JSON that scripts read is documented on its own page; both entry points link it."""
    assert (REPO / "docs" / "json-output.md").is_file()
    assert "[docs/json-output.md](json-output.md)" in cli_markdown()
    assert "[docs/json-output.md](docs/json-output.md)" in (REPO / "README.md").read_text(
        encoding="utf-8"
    )
