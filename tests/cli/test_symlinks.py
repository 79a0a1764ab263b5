"""A symbolic link given as the map: one answer from every command. A dangling link leads to
nothing, so it is a path that is not there (AM901, exit 2, as a mistyped name); a loop of
links is there but cannot be read (AM101, exit 1, as a file without permission). validate,
check, render, report and handout said "no such file or folder" for both, and export, stats
and watch "cannot read" for both (watch crashed on a loop with an internal error)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.watch import build_once

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")

# Each command that takes a map, with what it needs besides; watch only for a dangling link:
# on a loop it reports the finding and watches on (build_once below).
COMMANDS = {
    "validate": [],
    "check": [],
    "render": ["-o", "out", "--format", "dot"],
    "report": ["-o", "out"],
    "handout": ["-o", "out", "--format", "html"],
    "export": ["--to", "json"],
    "stats": [],
    "import": [],
    "watch": ["-o", "out"],
}
UNREADABLE = {"import": "AM406"}  # import reports its input with its own code


@pytest.fixture
def links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    os.symlink("nowhere.yaml", tmp_path / "dangling.yaml")
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_dangling_link_is_a_path_that_is_not_there(
    runner: CliRunner, links: Path, command: str
) -> None:
    result = runner.invoke(main, [command, "dangling.yaml", *COMMANDS[command]])
    assert result.exit_code == 2, result.output
    assert result.output == (
        "dangling.yaml:1:1: error[AM901] no such file or folder (path-not-found)\n"
        "  hint: it is a symbolic link to 'nowhere.yaml', which is not there\n\n"
        "1 error in 1 file (0 files checked)\n"
    )
    assert not (links / "out").exists()


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "watch"])
def test_a_loop_of_links_is_a_file_that_cannot_be_read(
    runner: CliRunner, links: Path, command: str
) -> None:
    result = runner.invoke(main, [command, "loop.yaml", *COMMANDS[command]])
    assert result.exit_code == 1, result.output
    code = UNREADABLE.get(command, "AM101")
    assert f"loop.yaml:1:1: error[{code}] cannot read: Too many levels of symbolic links" in (
        result.output
    )
    assert "internal error" not in result.output
    assert not (links / "out").exists()


def test_watch_reports_a_loop_of_links_and_builds_nothing(links: Path) -> None:
    """It ended in 'internal error: RuntimeError: Symlink loop from ...'."""
    build = build_once(Path("loop.yaml"), Path("out"))
    assert build.written == ()
    assert [(d.code, d.message) for d in build.diagnostics] == [
        ("AM101", "cannot read: Too many levels of symbolic links")
    ]
