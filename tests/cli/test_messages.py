"""What the commands say about files on stderr (wrote, up to date, stale, refusals) shows a
file name's control characters as escapes: a name is the user's data, like a claim's text, and
may hold a bell or an escape sequence that must not act on the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARGMAP = [sys.executable, "-m", "argmap"]
MAP = "argmap: 1\ntitle: T\nclaims:\n  t: {text: The thesis., kind: thesis}\n"
# A delete, and the one-character CSI (C1) that makes "2J" clear the screen on a terminal that
# reads 8-bit controls: names Windows allows. The controls below U+0020 it refuses (below).
NAME = "m\x7f\x9b2Jx"
SHOWN = "m\\x7f\\x9b2Jx"
BELL = "m\x07\x1b[2Jx"  # a bell, and the escape sequence that clears the screen
BELL_SHOWN = "m\\x07\\x1b[2Jx"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [*ARGMAP, *args], capture_output=True, text=True, cwd=cwd, timeout=120, env=env
    )


@pytest.mark.skipif(sys.platform == "win32", reason="control characters in file names")
def test_file_names_in_messages_are_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / f"{NAME}.yaml").write_text(MAP, encoding="utf-8")
    wrote = run("render", ".", "--format", "dot", "-o", "out", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stderr == f"wrote out/{SHOWN}.dot\n"
    again = run("render", ".", "--format", "dot", "-o", "out", "--stale-only", cwd=tmp_path)
    assert again.stderr == f"up to date: out/{SHOWN}.dot\n"
    (tmp_path / f"{NAME}.yaml").write_text(MAP.replace("The thesis", "A thesis"), encoding="utf-8")
    stale = run("render", ".", "--format", "dot", "-o", "out", "--check", cwd=tmp_path)
    assert stale.returncode == 1
    assert stale.stderr.startswith(f"stale: out/{SHOWN}.dot (from {SHOWN}.yaml)\n")
    exported = run("export", f"{NAME}.yaml", "--to", "json", "-o", f"{NAME}.yaml", cwd=tmp_path)
    assert exported.returncode == 2
    assert "\x07" not in exported.stderr and "\x1b" not in exported.stderr
    assert SHOWN in exported.stderr
    assert "\x7f" not in stale.stderr + again.stderr + wrote.stderr
    assert "\x9b" not in stale.stderr + again.stderr + wrote.stderr
    missing = run("export", f"{NAME}.missing", "--to", "json", cwd=tmp_path)
    assert missing.stdout == ""  # stdout is for the document; the finding goes to stderr
    assert missing.stderr == (
        f"{SHOWN}.missing:1:1: error[AM901] no such file or folder (path-not-found)\n\n"
        "1 error in 1 file (0 files checked)\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="control characters in file names")
def test_a_name_with_a_control_character_below_space_is_refused_and_shown_escaped(
    tmp_path: Path,
) -> None:
    """NTFS refuses the controls 1 to 31 in a name, and Git for Windows a path holding one: the
    map cannot be checked out there. validate says so, with the name shown escaped, and render
    draws nothing."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / f"{BELL}.yaml").write_text(MAP, encoding="utf-8")
    validated = run("validate", ".", cwd=tmp_path)
    assert validated.returncode == 1
    assert validated.stdout.startswith(
        f"{BELL_SHOWN}.yaml:1:1: error[AM306] this map's path '{BELL_SHOWN}.yaml' cannot be a "
        "file on Windows: Windows allows no control character (U+0007) in a name; rename it "
        "(invalid-path)\n"
    )
    assert "\x07" not in validated.stdout and "\x1b" not in validated.stdout
    rendered = run("render", ".", "--format", "dot", "-o", "out", cwd=tmp_path)
    assert rendered.returncode == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("command", "stream"),
    [
        (["export", "--to", "json"], "stderr"),  # stdout is for the document
        (["stats"], "stdout"),
        (["watch"], "stdout"),
        (["import"], "stderr"),  # without -o the map goes to stdout, the report to stderr
    ],
)
def test_a_missing_file_is_reported_as_validate_reports_it(
    tmp_path: Path, command: list[str], stream: str
) -> None:
    """validate and check report a missing path as AM901 at file:1:1 (in the format asked
    for); export and import said 'argmap: gone.yaml: no such file', stats and watch left it to
    click ("Error: Invalid value for 'FILE': File 'gone.yaml' does not exist.")."""
    validated = run("validate", "gone.yaml", cwd=tmp_path)
    assert validated.returncode == 2
    assert validated.stdout == (
        "gone.yaml:1:1: error[AM901] no such file or folder (path-not-found)\n\n"
        "1 error in 1 file (0 files checked)\n"
    )
    result = run(*command, "gone.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert getattr(result, stream) == validated.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written: no renders/


def test_a_missing_file_is_a_diagnostic_of_the_stats_json(tmp_path: Path) -> None:
    """stats --json says it in its document, as check --format json does: stdout is for the
    JSON, and it holds the findings."""
    result = run("stats", "--json", "gone.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "")
    checked = run("check", "--format", "json", "gone.yaml", cwd=tmp_path)
    assert json.loads(result.stdout)["diagnostics"] == json.loads(checked.stdout)["diagnostics"]
    assert json.loads(result.stdout)["diagnostics"][0]["code"] == "AM901"
    assert sorted(p.name for p in tmp_path.iterdir()) == []
