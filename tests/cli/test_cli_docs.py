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


def test_every_command_that_can_fail_on_a_map_says_its_exit_status() -> None:
    """README says 1 is findings; which findings, and what 2 is, differs per command (render's
    --check, export's errors), so each command that reads maps says it in its help."""
    silent = [
        name
        for name in ("validate", "check", "render", "report", "handout", "export", "import")
        if "Exit status:" not in (main.get_command(click.Context(main), name).help or "")  # type: ignore[union-attr]
    ]
    assert silent == []
