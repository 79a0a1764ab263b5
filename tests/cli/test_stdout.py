"""``-o -`` is standard output, as in every Unix tool: render, report and handout write the
one map's file there (the bytes the file would get, nothing else on stdout), export and
import their document, as without -o; ``-o ./-`` still names a file (or folder) called -."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

SRC = str(Path(__file__).parents[2] / "src")
MAP = "argmap: 1\nclaims:\n  t: {text: T., kind: thesis}\n  r: {text: R., supports: t}\n"
BAD = "argmap: 1\nclaims: {a: {text: A, supports: b}}\n"
BAD_FINDING = (
    "bad.yaml:2:33: error[AM302] 'b' refers to no claim in this map (dangling-reference)\n"
    "  2 | claims: {a: {text: A, supports: b}}\n"
    "    |                                 ^\n"
    "\n"
    "1 error in 1 of 1 file\n"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.yaml").write_text(MAP)
    (tmp_path / "n.yaml").write_text(MAP)
    (tmp_path / "bad.yaml").write_text(BAD)
    return tmp_path


def _run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.mark.parametrize(
    ("command", "file", "extra"),
    [
        ("render", "m.dot", ("-f", "dot")),
        ("render", "m.svg", ()),
        ("report", "m.html", ()),
        ("handout", "m.html", ("-f", "html")),
    ],
)
def test_dash_writes_the_one_file_to_stdout(
    here: Path, command: str, file: str, extra: tuple[str, ...]
) -> None:
    assert _run(command, "m.yaml", *extra, "-o", file)[0] == 0
    code, out, err = _run(command, "m.yaml", *extra, "-o", "-")
    assert (code, err) == (0, "")
    assert out == (here / file).read_bytes()
    assert not (here / "-").exists()


def test_the_format_of_stdout_is_the_commands_default(here: Path) -> None:
    code, out, err = _run("render", "m.yaml", "-o", "-")
    assert (code, err) == (0, "")
    assert out.startswith(b"<?xml") and b"<svg" in out


def test_verbose_says_where_it_went(here: Path) -> None:
    code, out, err = _run("-v", "render", "m.yaml", "-f", "dot", "-o", "-")
    assert code == 0 and out.startswith(b"// argmap-document") and b"digraph" in out
    lines = err.splitlines()
    assert lines[:3] == [
        "configuration: none in ., the defaults",
        "read m.yaml",
        "wrote m.yaml's dot to standard output",
    ]
    assert [line.split(":")[0] for line in lines[3:]] == ["argmap render"]  # its timing


@pytest.mark.parametrize("command", ["render", "report", "handout"])
def test_dash_with_several_maps_is_a_usage_error(here: Path, command: str) -> None:
    code, out, err = _run(command, "m.yaml", "n.yaml", "-o", "-")
    assert (code, out) == (2, b"")
    assert err == (
        "argmap: -o - writes one map to standard output, but 2 maps were given; give a folder\n"
    )
    assert not (here / "-").exists()


@pytest.mark.parametrize("command", ["render", "report", "handout"])
@pytest.mark.parametrize("flag", ["--check", "--stale-only"])
def test_dash_with_check_or_stale_only_is_a_usage_error(
    here: Path, command: str, flag: str
) -> None:
    code, out, err = _run(command, "m.yaml", flag, "-o", "-")
    assert (code, out) == (2, b"")
    assert err == f"argmap: {flag} compares files, and -o - (standard output) is none\n"


@pytest.mark.parametrize("command", ["render", "report", "handout"])
def test_a_map_that_does_not_load_writes_nothing_to_stdout(here: Path, command: str) -> None:
    code, out, err = _run(command, "bad.yaml", "-o", "-")
    assert (code, out) == (1, b"")
    assert err == BAD_FINDING


def _shown(leader: int) -> tuple[bytearray, threading.Thread]:
    """What the pseudo-terminal ``leader`` shows, read as it comes by a started thread, as a
    terminal shows what it is sent: a full one would block argmap."""
    seen = bytearray()

    def drain() -> None:
        try:
            while chunk := os.read(leader, 4096):
                seen.extend(chunk)
        except OSError:
            pass  # the terminal is closed

    reader = threading.Thread(target=drain)
    reader.start()
    return seen, reader


def _on_a_terminal(*args: str) -> tuple[int, bytes, bytes]:
    """Run argmap with its stdout on a pseudo-terminal: the exit status, what reached the
    terminal and stderr."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": SRC}
    seen, reader = _shown(leader)
    with subprocess.Popen(
        [sys.executable, "-m", "argmap", *args], stdout=follower, stderr=subprocess.PIPE, env=env
    ) as proc:
        os.close(follower)
        _, err = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(leader)
    return proc.returncode, bytes(seen), err


def test_a_binary_format_is_refused_on_a_terminal(here: Path) -> None:
    code, seen, err = _on_a_terminal("render", "m.yaml", "-f", "png", "-o", "-")
    assert (code, seen) == (2, b"")
    assert err == b"argmap: refusing to write PNG to a terminal; redirect it or give -o FILE\n"


@pytest.mark.parametrize(
    ("command", "fmt"), [("render", "png"), ("render", "pdf"), ("handout", "pdf")]
)
@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1"])
def test_a_binary_format_is_refused_on_a_terminal_by_any_name(
    here: Path, command: str, fmt: str, name: str
) -> None:
    """``-o - -f png`` onto a terminal was refused, ``-o /dev/stdout -f png`` written into
    it: the terminal is a terminal by any name."""
    code, seen, err = _on_a_terminal(command, "m.yaml", "-f", fmt, "-o", name)
    assert (code, seen) == (2, b"")
    assert (
        err
        == (
            f"argmap: refusing to write {fmt.upper()} to a terminal (-o {name}); redirect it or "
            "give -o FILE\n"
        ).encode()
    )


def test_a_binary_format_is_refused_on_a_terminal_named_by_its_device(here: Path) -> None:
    leader, follower = pty.openpty()
    device = os.ttyname(follower)
    seen, reader = _shown(leader)
    try:
        code, out, err = _run("render", "m.yaml", "-f", "png", "-o", device)
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    assert (code, out, bytes(seen)) == (2, b"", b"")
    assert err == (
        f"argmap: refusing to write PNG to a terminal (-o {device}); redirect it or give -o FILE\n"
    )


def test_text_formats_go_to_a_terminal_by_any_name(here: Path) -> None:
    code, seen, err = _on_a_terminal("render", "m.yaml", "-f", "dot", "-o", "/dev/stdout")
    assert (code, err) == (0, b"wrote /dev/stdout\n")
    assert seen.startswith(b"// argmap-document")


def test_text_formats_go_to_a_terminal(here: Path) -> None:
    code, seen, err = _on_a_terminal("render", "m.yaml", "-f", "dot", "-o", "-")
    assert (code, err) == (0, b"")
    assert seen.startswith(b"// argmap-document")


def test_a_file_named_dash_is_written_as_dot_slash_dash(here: Path) -> None:
    code, out, err = _run("export", "m.yaml", "--to", "json", "-o", "./-")
    assert (code, out, err) == (0, b"", "wrote -\n")
    assert (here / "-").read_bytes().startswith(b"{")
    (here / "-").unlink()
    code, out, err = _run("render", "m.yaml", "-f", "dot", "-o", "./-")
    assert (code, out, err) == (0, b"", "wrote -/m.dot\n")


def test_export_dash_is_stdout_with_findings_on_stderr(here: Path) -> None:
    assert _run("export", "m.yaml", "--to", "json", "-o", "-") == _run(
        "export", "m.yaml", "--to", "json"
    )
    code, out, _ = _run("export", "m.yaml", "--to", "json", "-o", "-")
    assert code == 0 and out.startswith(b"{") and not (here / "-").exists()
    assert _run("export", "bad.yaml", "--to", "json", "-o", "-") == (1, b"", BAD_FINDING)


def test_export_dash_when_a_folder_dash_exists(here: Path) -> None:
    (here / "-").mkdir()
    code, out, err = _run("export", "m.yaml", "--to", "argdown", "-o", "-")
    assert (code, err) == (0, "") and out


def test_import_dash_is_stdout(here: Path) -> None:
    _run("export", "m.yaml", "--to", "argdown", "-o", "m.argdown")
    without = _run("import", "m.argdown")
    assert without[0] == 0 and without[1]
    assert _run("import", "m.argdown", "-o", "-") == without
    assert not (here / "-").exists()


def test_watch_refuses_dash(here: Path) -> None:
    result = CliRunner().invoke(main, ["watch", "m.yaml", "-o", "-"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '-o' / '--output': watch writes two files (NAME.svg and "
        "NAME.html) into a folder; -o - (standard output) cannot hold them"
    )
    assert not (here / "-").exists()


def test_schema_dash_is_stdout(here: Path) -> None:
    """schema prints to stdout without -o, as export and import do: so does -o -, where it
    wrote a file named -."""
    assert _run("schema", "-o", "-") == _run("schema")
    assert not (here / "-").exists()
