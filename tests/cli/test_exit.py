"""The console entry point leaves without tearing the interpreter down (``os._exit``): what
it printed must still all arrive, and its exit status must be the command's."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ARGMAP = [sys.executable, "-m", "argmap"]
MAP = """\
argmap: 1
title: Exit
claims:
  a: {text: Alpha holds., kind: thesis}
  b:
    text: Beta holds.
    supports: [a]
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ARGMAP, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_a_long_output_to_a_pipe_arrives_whole() -> None:
    out = run("schema")
    assert out.returncode == 0, out.stderr
    schema = json.loads(out.stdout)  # all of it was flushed before the process left
    assert schema["title"]
    assert out.stdout.endswith("}\n")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (MAP, 0),
        (MAP.replace("supports: [a]", "supports: [zz]"), 1),
    ],
)
def test_the_exit_status_is_the_commands(tmp_path: Path, text: str, status: int) -> None:
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    out = run("validate", "map.yaml", cwd=tmp_path)
    assert out.returncode == status, out.stderr
    if status:
        assert "map.yaml:7:16: error[AM" in out.stdout


def test_a_usage_error_exits_2_with_its_message() -> None:
    out = run("render", "--no-such-option")
    assert out.returncode == 2
    assert "No such option '--no-such-option'" in out.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="a POSIX signal")
def test_a_closed_pipe_is_not_a_traceback() -> None:
    # `argmap export ... | head -1`: the reader goes away before argmap has written all of
    # its 80 KB, more than a pipe holds.
    montebello = Path(__file__).parents[2] / "arguments" / "montebello.yaml"
    command = [*ARGMAP, "export", str(montebello), "--to", "json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=60)
    assert stderr == ""  # no traceback, no "Exception ignored", no message
    assert status == -signal.SIGPIPE  # as `cat` ends (tests/cli/test_broken_pipe.py)


@pytest.mark.parametrize(
    ("command", "written"),
    [("render", "m.svg"), ("report", "m.html"), ("handout", "m-student.html")],
)
def test_an_output_that_cannot_be_written_exits_2_as_the_help_says(
    tmp_path: Path, command: str, written: str
) -> None:
    """A folder where the file goes exits 2; the help of render, report and handout listed
    only usage problems and layouts under 2 (export's, init's and schema's said it)."""
    (tmp_path / "m.yaml").write_text(MAP)
    (tmp_path / "out" / written).mkdir(parents=True)
    extra = ["--format", "html"] if command == "handout" else []
    out = run(command, "m.yaml", *extra, "-o", "out", cwd=tmp_path)
    assert (out.returncode, out.stderr) == (
        2,
        f"argmap: cannot write out/{written}: it is a folder\n",
    )
    helped = " ".join(run(command, "--help").stdout.split())
    assert "or an output that cannot be written" in helped.split("Exit status:")[1]


def test_an_import_that_cannot_be_written_exits_2_as_the_help_says(tmp_path: Path) -> None:
    (tmp_path / "m.argdown").write_text("[A]: Alpha holds.\n")
    (tmp_path / "outf").write_text("a file")
    out = run("import", "m.argdown", "-o", "outf/m.yaml", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.endswith("argmap: cannot write outf/m.yaml: outf is a file, not a folder\n")
    helped = " ".join(run("import", "--help").stdout.split())
    assert "or an output that cannot be written" in helped.split("Exit status:")[1]
