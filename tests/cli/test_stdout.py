"""``-o -`` is standard output, as in every Unix tool: render, report and handout write the
one map's file there (the bytes the file would get, nothing else on stdout), export and
import their document, as without -o; ``-o ./-`` still names a file (or folder) called -."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

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


def test_a_file_named_dash_is_written_as_dot_slash_dash(here: Path) -> None:
    code, out, err = _run("export", "m.yaml", "--to", "json", "-o", "./-")
    assert (code, out, err) == (0, b"", "wrote -\n")
    assert (here / "-").read_bytes().startswith(b"{")


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
