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
