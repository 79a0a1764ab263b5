"""What argmap prints into a file or a pipe is UTF-8 whatever the locale's encoding: Python on
Windows writes redirected output in the ANSI code page (cp1252), where '→' or '税' have no byte,
and the run died with an internal error (and JSON, SARIF or YAML in cp1252 would not be what
their readers expect anyway). PYTHONIOENCODING=cp1252 makes any system behave so."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.outstream import in_utf8

MAP = 'argmap: 1\ntitle: "Taxes → 税"\nclaims:\n  c1: {text: "税 is → a claim", kind: thesis}\n'
BROKEN = MAP + "  c2: {text: Also →, supprts: c1}\n"


def run(args: list[str], folder: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        cwd=folder,
        env=env,
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_check_prints_utf_8(folder: Path) -> None:
    out = run(["check", "map.yaml"], folder)
    assert (out.returncode, out.stderr) == (0, b"")
    assert out.stdout.decode("utf-8").splitlines()[:2] == [
        "map.yaml: Taxes → 税",
        "  unsupported  0.50  c1  税 is → a claim",
    ]


def test_json_export_is_utf_8(folder: Path) -> None:
    out = run(["export", "map.yaml", "--to", "json"], folder)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.decode("utf-8"))["title"] == "Taxes → 税"


def test_findings_on_stderr_are_utf_8(folder: Path) -> None:
    out = run(["export", "broken.yaml", "--to", "json"], folder)
    assert out.returncode == 1
    assert "  5 |   c2: {text: Also →, supprts: c1}" in out.stderr.decode("utf-8").splitlines()


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_terminal_keeps_its_encoding_and_shows_what_it_cannot_as_escapes() -> None:
    raw = io.BytesIO()
    terminal = in_utf8(_Terminal(raw, encoding="cp1252"))
    terminal.write("café → 税\n")
    terminal.flush()
    assert raw.getvalue() == "café \\u2192 \\u7a0e\n".encode("cp1252")


def test_a_file_is_written_in_utf_8() -> None:
    raw = io.BytesIO()
    stream = in_utf8(io.TextIOWrapper(raw, encoding="cp1252"))
    stream.write("café → 税\n")
    stream.flush()
    assert raw.getvalue() == "café → 税\n".encode()
